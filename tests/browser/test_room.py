"""A club evening in the browser: the room's server with its access code (only the session
view answers; the room looks and adds, never deletes nor sees who is kept apart), and the
projector view on a wall of 1920×1080 and 1280×720 for a club of fifteen."""

from __future__ import annotations

import datetime as dt
import os
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CELL_ERROR, serving, watched_page
from workbook.i18n import Translator

pytestmark = pytest.mark.browser

CODE = "club-mardi-2026-access"
SHOTS = os.environ.get("WORKBOOK_SHOTS")     # a folder to keep the screenshots in, if set


def _shot(tab, tmp_path, name: str) -> None:
    tab.screenshot(path=str(tmp_path / f"{name}.png"))
    if SHOTS:
        tab.screenshot(path=os.path.join(SHOTS, f"{name}.png"))


def _status(url: str) -> int:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# Paths the room might try: the notebook tree, the contents API (it lists group.ipynb and its
# times), the files beside the notebooks, the other pages, Jupyter's own routes.
OTHER_PATHS = ("/", "/voila", "/voila/", "/voila/tree", "/voila/tree/", "/voila/tree/group.ipynb",
               "/voila/api/contents", "/voila/api/contents/", "/voila/api/contents/group.ipynb",
               "/voila/files/group.ipynb", "/voila/render/home.ipynb",
               "/voila/render/network.ipynb", "/voila/render/routines.ipynb",
               "/voila/render/Group.ipynb", "/voila/render/group.ipynb/x", "/tree",
               "/api/contents", "/api/kernels", "/api/sessions", "/api/status", "/logout",
               "/lab", "/notebooks/group.ipynb", "/files/group.ipynb", "/edit/group.ipynb")

# Every way the coach changes the group, by the class of its button or field.
COACH_ONLY = ("wb-group-generate", "wb-group-replace-round-yes", "wb-group-delete-round",
              "wb-group-delete-round-yes", "wb-group-avoid-add", "wb-group-avoid-remove",
              "wb-group-pitch-delete", "wb-group-board-delete", "wb-group-create",
              "wb-group-add", "wb-group-rename", "wb-group-remove", "wb-group-restore",
              "wb-group-session-start", "wb-group-session-save", "wb-group-attendance",
              "wb-group-card-upload", "wb-group-card-paste-import", "wb-group-drop-import",
              "wb-group-referrals-refresh", "wb-group-referral-made",
              "wb-group-referral-dismiss")


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """`workbook serve --demo --session --token CODE`: the room's server, with its code."""
    with serving(tmp_path_factory.mktemp("room-home"), "--demo", "--session", "--lang",
                 "en", "--token", CODE, ready="/voila/static/voila.js") as running:
        yield running


def test_on_the_rooms_server_only_the_session_view_answers_with_or_without_the_code(room):
    page = room.url("group.ipynb")
    assert _status(f"{page}?token={CODE}") == 200
    assert _status(page) in (302, 403)                   # the code is asked for
    assert _status(f"{page}?token=wrong") in (302, 403)
    for path in OTHER_PATHS:
        for query in ("", f"?token={CODE}"):
            assert _status(room.base + path + query) == 404, path + query


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768},
                                      {"width": 400, "height": 800}])
def test_the_room_looks_and_adds_but_never_deletes_nor_sees_who_is_kept_apart(
        browser, room, viewport, tmp_path):
    tr = Translator("en")
    with watched_page(browser, viewport) as tab:
        tab.goto(f"{room.url('group.ipynb')}?token={CODE}")
        tab.wait_for_selector(f".wb-group-tabs, :text('{CELL_ERROR}')")
        assert CELL_ERROR not in tab.content()
        titles = tab.locator(".wb-group-tabs .lm-TabBar-tab").all_inner_texts()
        assert titles == [tr(f"group.tab.{k}") for k in ("pairs", "pitch", "board",
                                                         "projector")]
        for label in titles:
            tab.locator(".wb-group-tabs .lm-TabBar-tab", has_text=label).click()
            text = tab.locator(".wb-page").inner_text()
            assert "↔" not in text and tr("group.pairs.avoid_list") not in text
            assert tr("group.pairs.avoid_title") not in text
            for css in COACH_ONLY:
                assert tab.locator(f".{css}").count() == 0, (label, css)
            buttons = {b.strip() for b in tab.locator(
                ".wb-page button:visible").all_inner_texts()}
            assert not buttons & {tr("common.delete"), tr("group.pairs.generate"),
                                  tr("group.pairs.delete_round"), tr("group.pairs.avoid_add"),
                                  tr("group.pairs.avoid_remove")}, buttons
            _shot(tab, tmp_path, f"room-{viewport['width']}-{label.replace(' ', '-')}")
        # what the coach allows: a board entry, a pitch note of one's own
        tab.locator(".wb-group-tabs .lm-TabBar-tab", has_text=tr("group.tab.board")).click()
        tab.locator(".wb-group-board-answer textarea").fill("Helio Parc opens a site in Lyon.")
        tab.locator(".wb-group-board-add").click()
        expect(tab.locator(".wb-group-board")).to_contain_text("Helio Parc opens a site")
        tab.locator(".wb-group-tabs .lm-TabBar-tab", has_text=tr("group.tab.pitch")).click()
        tab.locator(".wb-group-pitch-text textarea").fill("controls forecasts for SMEs")
        tab.locator(".wb-group-pitch-add").click()
        expect(tab.locator(".wb-group-pitch-status")).to_contain_text(tr("group.pitch.noted"))
        # the page's width holds: nothing wider than the window
        wide = tab.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= viewport["width"] + 1


# ------------------------------------------------------------------------------ projector

CLUB = ("Aline M.", "Bruno K.", "Chantal D.", "Driss B.", "Estelle F.", "Fabien G.",
        "Gisèle H.", "Hamid T.", "Isabelle R.", "Jonas V.", "Karima L.", "Louis-Marie N.",
        "Maëlle O.", "Nicolas P.", "Océane Q.")


@pytest.fixture(scope="module")
def club(tmp_path_factory):
    """A coach's profile with a club of fifteen, tonight's session and its round."""
    from workbook.store import group as store
    from workbook.store import open_path
    from workbook.ui.group.state import GroupState

    home = tmp_path_factory.mktemp("club-home")
    (home / "profiles").mkdir()
    conn = open_path(profile_path_for(home, "coach"))
    group = store.create_group(conn, "Club Cadres Énergie – mardi")
    for name in CLUB:
        store.add_participant(conn, group, name)
    state = GroupState(conn, dt.date.today)
    state.start_session(dt.date.today())
    state.generate_round()
    conn.close()
    with serving(home, "--profile", "coach", profile="coach") as running:
        yield running, profile_path_for(home, "coach")


def profile_path_for(home, name: str):
    return home / "profiles" / f"{name}.sqlite"


def _fits_the_wall(tab, width: int, height: int) -> float:
    """The stage covers the window, nothing scrolls, every line is on screen; the type's size."""
    found = tab.evaluate("""() => {
        const stage = document.querySelector('.wb-projector-stage');
        const fit = stage.querySelector('.wb-projector-fit');
        const r = stage.getBoundingClientRect();
        const items = [...fit.querySelectorAll('li, h1')].map(e => e.getBoundingClientRect());
        const top = document.elementFromPoint(8, 8);
        const middle = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
        return {rect: [r.left, r.top, r.width, r.height],
                scroll: [fit.scrollHeight, fit.clientHeight, fit.scrollWidth, fit.clientWidth],
                outside: items.filter(b => b.bottom > innerHeight + 1 || b.right > innerWidth + 1
                                      || b.top < 0 || b.left < 0).length,
                count: fit.querySelectorAll('li').length,
                covered: stage.contains(top) && stage.contains(middle),
                size: parseFloat(getComputedStyle(fit.querySelector('li') || fit).fontSize)};
    }""")
    assert found["rect"] == [0, 0, width, height], found
    assert found["scroll"][0] <= found["scroll"][1] and found["scroll"][2] <= found["scroll"][3]
    assert found["outside"] == 0 and found["covered"], found
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_projector_fills_the_wall_in_large_type_for_a_club_of_fifteen(browser, club,
                                                                         tmp_path, lang):
    from workbook.domain.group import BOARD_QUESTIONS
    from workbook.store import open_path
    from workbook.store.settings import set_setting

    server, profile = club
    conn = open_path(profile)
    set_setting(conn, "lang", lang)             # the coach's language, read by a new page
    conn.close()
    tr = Translator(lang)
    with watched_page(browser, {"width": 1920, "height": 1080}, locale=lang) as tab:
        tab.goto(server.url("group.ipynb"))
        tab.wait_for_selector(".wb-group-tabs")
        tab.locator(".wb-group-tabs .lm-TabBar-tab", has_text=tr("group.tab.projector")).click()
        tab.locator(".wb-projector-open").click()
        tab.wait_for_selector(".wb-projector-stage")
        expected = {"pairs": 7, "pitch": len(CLUB), "questions": len(BOARD_QUESTIONS)}
        for width, height, smallest in ((1920, 1080, 56), (1280, 720, 36)):
            tab.set_viewport_size({"width": width, "height": height})
            for screen, lines in expected.items():
                tab.locator(".wb-projector-screen", has_text=tr(
                    f"group.projector.{screen}")).click()
                tab.wait_for_timeout(300)
                found = _fits_the_wall(tab, width, height)
                assert found["count"] == lines, (screen, found)
                assert found["size"] >= smallest, (screen, width, found["size"])
                _shot(tab, tmp_path, f"projector-{lang}-{width}-{screen}")
        tab.locator(".wb-projector-fullscreen").click()
        expect(tab.locator(".wb-projector-fullscreen")).to_have_text(
            tr("group.projector.exit_fullscreen"))
        assert tab.evaluate("() => document.fullscreenElement?.className") \
            == "wb-projector-stage"
        tab.locator(".wb-projector-back").click()
        expect(tab.locator(".wb-projector-stage")).to_have_count(0)
        assert tab.evaluate("() => document.fullscreenElement") is None
        expect(tab.locator(".wb-group-tabs")).to_be_visible()
