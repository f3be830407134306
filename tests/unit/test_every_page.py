"""Every page, every tab, both languages, on a profile whose every free text is hostile:
what the user typed (or imported) is shown as text, never as markup, and no page or tab
fails. New pages are found through `workbook.ui`'s `build_*` functions."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import ipywidgets as ipw
import plotly.graph_objects as go
import pytest

import workbook.ui as ui
from workbook.demo import fill_demo
from workbook.store import open_profile

EVIL = '<img src=x onerror="alert(1)">'
# Free-text columns that hold what the user typed or imported: tables and columns a page
# does not have yet are skipped, so this list may name what later pages will add.
FREE_TEXT = {
    "organisations": ("name", "sector", "notes"),
    "contacts": ("full_name", "first_name", "last_name", "position", "can_give", "notes"),
    "interactions": ("notes",),
    "introductions": ("person_name", "notes"),
    "bright_people": ("name", "why"),
    "intelligence_log": ("question", "answer"),
    "positioning_versions": ("target_role", "sector", "problem", "audience", "deliverable",
                             "difference", "one_liner", "pitch", "bio"),
    "repeat_backs": ("connector_name", "rephrasing"),
    "journalists": ("name", "outlet", "beat", "notes"),
    "media_log": ("subject", "notes"),
    "key_messages": ("topic", "message", "quotable"),
    "topic_sheets": ("title", "umbrella"),
    "groups": ("name",),
    "participants": ("display_name", "target"),
    "referrals": ("organisation", "note"),
}
BUILDERS = ui.__all__
# Home: counts and charts of the profile, no typed text. The app: the pages above, opened
# when the address names one.
SHOWS_NO_FREE_TEXT = {"build_home", "build_app"}


def _make_hostile(conn: sqlite3.Connection) -> None:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.execute("BEGIN IMMEDIATE")
    for table, columns in FREE_TEXT.items():
        if table not in tables:
            continue
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column in present:
                # a unique suffix per row keeps unique keys unique
                conn.execute(f"UPDATE {table} SET {column} = ? || ' ' || rowid", (EVIL,))
    conn.execute("UPDATE organisations SET name_key = 'evil ' || rowid")
    conn.execute("COMMIT")


@pytest.fixture
def hostile_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBOOK_PROFILE", raising=False)
    conn = open_profile("default")
    fill_demo(conn, today=dt.date.today())
    _make_hostile(conn)
    conn.close()
    return tmp_path


def _widgets(root: ipw.Widget):
    seen, stack = set(), [root]
    while stack:
        widget = stack.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        yield widget
        stack.extend(getattr(widget, "children", ()) or ())


def _open_every_tab(root: ipw.Widget) -> None:
    """Select each tab and accordion section in turn (pages draw a tab when it is opened)."""
    for _round in range(3):           # tabs inside tabs appear once their parent is drawn
        for widget in list(_widgets(root)):
            if isinstance(widget, (ipw.Tab, ipw.Accordion)) and widget.children:
                for index in range(len(widget.children)):
                    widget.selected_index = index


def _shown_text(root: ipw.Widget) -> tuple[list[str], list[str]]:
    html, charts = [], []
    for widget in _widgets(root):
        if isinstance(widget, (ipw.HTML, ipw.HTMLMath)):
            html.append(widget.value)
        elif isinstance(widget, go.FigureWidget):
            charts.append(json.dumps(widget.to_plotly_json(), ensure_ascii=False))
    return html, charts


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("builder", BUILDERS)
def test_every_page_and_tab_shows_hostile_text_as_text(builder, lang, hostile_home):
    page = getattr(ui, builder)(lang=lang)
    _open_every_tab(page)
    html, charts = _shown_text(page)
    assert html, f"{builder} shows nothing"
    for value in html:
        assert "<img" not in value, f"{builder} ({lang}) let markup through: {value[:300]}"
        assert "class=\"wb-status-error\"" not in value, f"{builder} ({lang}) reported an error: {value}"
    for figure in charts:
        assert "<img" not in figure, f"{builder} ({lang}) chart let markup through"
    assert builder in SHOWS_NO_FREE_TEXT or any("&lt;img" in v for v in html + charts), \
        f"{builder} ({lang}) never shows the user's text at all"
