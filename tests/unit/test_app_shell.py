"""The app: a page is built on its first visit and kept; coming back shows it as it was
unless the profile moved since it was drawn (another page or another program wrote), then it
is refreshed first; a language chosen on the home page reaches every page on its next visit.
Views and tabs are drawn when first opened and redrawn only while open."""

from __future__ import annotations

import ipywidgets as ipw
import pytest

from workbook.i18n import Translator
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.store.settings import set_setting
from workbook.ui.common import open_page_context
from workbook.ui.lazy import LazyTabs, LazyViews
from workbook.ui.shell import App, build_app
from workbook.ui.shell.pages import KEYS
from workbook.ui.shell.state import AppState


@pytest.fixture
def profile(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("p")
    add_contact(conn, "Ada Lovelace", organisation="Analytical Engines", layer="inner")
    conn.commit()
    yield conn
    conn.close()


class _Page:
    """A page that counts its reloads; `reloads=False` makes one that can only be rebuilt."""

    def __init__(self, ctx, reloads: bool = True):
        self.ctx, self.view, self.reloaded = ctx, ipw.HTML(ctx.tr("home.title")), 0
        if reloads:
            self.reload = lambda: setattr(self, "reloaded", self.reloaded + 1)


def _state(reloads: bool = True) -> AppState:
    return AppState(("home", "network"), lambda key: open_page_context("p"),
                    lambda key, ctx: _Page(ctx, reloads))


def test_a_page_is_built_once_and_shown_as_it_is_while_nothing_changed(profile):
    state = _state()
    first = state.go("network")
    state.go("home")
    again = state.go("network")
    assert again is first
    assert state.builds == {"home": 1, "network": 1}
    assert first.page.reloaded == 0


def test_a_page_is_refreshed_on_return_after_another_connection_wrote(profile):
    state = _state()
    network = state.go("network")
    state.go("home")
    add_contact(profile, "Grace Hopper", layer="inner")     # another page, or the CLI
    profile.commit()
    assert state.go("network") is network
    assert network.page.reloaded == 1
    assert state.go("home").page.reloaded == 1
    state.go("network")                                      # nothing moved since
    assert network.page.reloaded == 1 and state.builds["network"] == 1


def test_a_page_that_cannot_reload_is_built_again_after_a_change(profile):
    state = _state(reloads=False)
    first = state.go("network").page
    state.go("home")
    add_contact(profile, "Grace Hopper")
    profile.commit()
    assert state.go("network").page is not first
    assert state.builds["network"] == 2


def test_a_page_writing_itself_does_not_redraw_it_but_the_others(profile):
    state = _state()
    network = state.go("network")
    home = state.go("home")
    add_contact(network.ctx.conn, "Grace Hopper")           # the network page's own write
    network.ctx.conn.commit()
    state.go("network")
    assert network.page.reloaded == 0
    state.go("home")
    assert home.page.reloaded == 1


def test_a_language_chosen_since_a_page_was_drawn_rebuilds_it_in_that_language(profile):
    set_setting(profile, "lang", "fr")
    profile.commit()
    state = _state()
    assert state.go("network").view.value == Translator("fr")("home.title")
    state.go("home")
    set_setting(profile, "lang", "en")
    profile.commit()
    assert state.go("network").view.value == Translator("en")("home.title")
    assert state.builds["network"] == 2


def test_the_app_opens_its_page_and_every_page_is_reachable(profile):
    ctx = open_page_context("p", "en")
    app = App(ctx, "network", "p", "en")
    assert app.location.shown == "network" and app.location.page == "network"
    for key in (*KEYS, "home"):
        app.location.page = key                      # as the address asks
        assert app.location.shown == key
        shown = [k for k, box in app.boxes.items() if box.layout.display != "none"]
        assert shown == [key]
        assert app.boxes[key].children, f"{key} drew nothing"
        assert app.location.title == Translator("en")(f"{key}.title")
    assert all(count == 1 for count in app.state.builds.values())


def test_an_address_naming_no_page_opens_home(profile):
    app = App(open_page_context("p", "en"), None, "p", "en")
    app.location.page = "nothing-here"
    assert app.location.page == "home" and app.location.shown == "home"


def test_the_app_waits_for_the_address_when_no_page_is_named(profile):
    app = App(open_page_context("p", "en"), None, "p", "en")
    assert app.location.shown == "" and not any(box.children for box in app.boxes.values())


def test_a_group_session_shows_only_the_group_page(profile, monkeypatch):
    monkeypatch.setenv("WORKBOOK_GROUP_VIEW", "session")
    view = build_app("home", "p", "en")
    assert "wb-app" not in view._dom_classes


def test_views_are_drawn_when_first_opened_and_redrawn_only_while_open():
    drawn: list[str] = []
    views = LazyViews({key: (lambda key=key: drawn.append(key)) for key in "abc"})
    views.open("a")
    views.mark_stale()                 # every view: only the open one is drawn again now
    assert drawn == ["a", "a"]
    views.open("b")
    views.open("c")
    views.open("b")
    assert drawn == ["a", "a", "b", "c"]
    views.mark_stale("c")
    views.open("c")
    assert drawn == ["a", "a", "b", "c", "c"]


def test_a_tab_is_drawn_when_clicked_and_not_before():
    drawn: list[str] = []
    tabs = ipw.Tab(children=[ipw.HTML(), ipw.HTML()])
    lazy = LazyTabs(tabs, ("one", "two"), {k: (lambda k=k: drawn.append(k)) for k in ("one", "two")})
    lazy.open("one")
    assert drawn == ["one"]
    tabs.selected_index = 1            # a click on the second tab
    assert drawn == ["one", "two"] and lazy.current == "two"
    lazy.mark_stale("one")
    assert drawn == ["one", "two"]
    lazy.open("one")
    assert drawn == ["one", "two", "one"]


def test_the_other_pages_code_loads_between_messages_once_the_first_page_shows():
    import asyncio
    import sys

    from workbook.ui.shell.warm import import_later

    for name in ("colorsys", "netrc"):
        sys.modules.pop(name, None)
    assert import_later(["colorsys", "netrc"]) is False     # no kernel loop: nothing loads
    assert "colorsys" not in sys.modules

    async def kernel():
        assert import_later(["colorsys", "netrc"], delay=0.01, gap=0.01)
        assert "colorsys" not in sys.modules                # not while the message runs
        await asyncio.sleep(0.2)

    asyncio.run(kernel())
    assert "colorsys" in sys.modules and "netrc" in sys.modules


def test_a_french_page_declares_itself_french_to_the_browser(profile):
    """The document's language follows the page on screen (`<html lang="fr">` for French),
    so a screen reader reads a French page with a French voice."""
    app = App(open_page_context("p", "fr"), "home", "p", "fr")
    assert app.location.lang == "fr"
    assert "document.documentElement.lang" in app.location._esm
    app = App(open_page_context("p", "en"), "home", "p", "en")
    assert app.location.lang == "en"
