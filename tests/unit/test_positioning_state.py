"""Positioning state without widgets: the only writer, driven by plain method calls; dates in
the user's language; the domain kept free of translation and of anything outside domain."""

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from workbook.i18n import Translator
from workbook.store import positioning as store
from workbook.ui.common import open_page_context
from workbook.ui.positioning.format import day_label, moment_label
from workbook.ui.positioning.state import PositioningState

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    return PositioningState(open_page_context("tester", "en"))


def test_state_composes_saves_and_records_repeat_backs_without_any_widget(state):
    assert state.save_version() == "empty"
    state.set_step("target_role", "Payroll controller")
    state.set_step("audience", "CFOs of food manufacturers")
    state.set_step("deliverable", "I cut the close from 10 to 5 days")
    assert state.card.one_liner == ("Payroll controller for CFOs of food manufacturers: "
                                    "I cut the close from 10 to 5 days.")
    assert state.add_repeat_back("Ana", "A payroll controller", None) == "need_version"
    assert state.save_version() == "saved" and state.save_version() == "unchanged"
    assert state.add_repeat_back("  ", "words", None) == "need_name"
    assert state.add_repeat_back("Ana", "A payroll controller for CFOs", None,
                                 today=dt.date(2026, 11, 9)) == "added"
    rows = state.repeat_backs()
    assert [r["recorded_on"] for r in rows] == ["2026-11-09"]
    assert state.repeat_back_summary(rows).results[0].kept["target_role"] == 1.0
    assert state.delete_repeat_back(None) == "delete_none"
    assert state.delete_repeat_back(rows[0]["id"]) == "deleted"
    assert store.list_repeat_backs(state.ctx.conn, state.latest.id) == []
    with pytest.raises(ValueError):
        state.set_step("nonsense", "x")


def test_an_edited_card_text_is_kept_when_the_answers_change(state):
    state.set_step("target_role", "Payroll controller")
    state.set_card_text("bio", "My own bio")
    state.set_step("audience", "CFOs")
    assert state.card.bio == "My own bio" and "CFOs" in state.card.one_liner
    state.recompose()
    assert state.card.bio == "Payroll controller for CFOs"


def test_dates_are_written_in_the_users_language_not_iso():
    moment = dt.datetime(2026, 11, 9, 18, 5)
    local = moment.replace(tzinfo=dt.UTC).astimezone()
    fr = moment_label(moment, "2026-11-09 18:05", Translator("fr"))
    en = moment_label(moment, "2026-11-09 18:05", Translator("en"))
    assert fr == f"{local.day} nov. 2026, {local.hour:02d}:{local.minute:02d}"
    assert en == f"{local.day} Nov 2026, {local.hour:02d}:{local.minute:02d}"
    assert moment_label(None, "as stored", Translator("fr")) == "as stored"
    assert day_label("2026-02-01", Translator("fr")) == "1 févr. 2026"
    assert day_label("2026-02-01", Translator("en")) == "1 Feb 2026"
    assert day_label("garbled", Translator("en")) == "garbled"


def test_the_page_shows_saved_versions_with_localised_dates(tmp_path, monkeypatch):
    from workbook.ui.positioning import PositioningPage

    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    page = PositioningPage(open_page_context("tester", "fr"))
    page.form.step_inputs["target_role"].value = "Contrôleur de gestion"
    page.form.save.click()
    shown = page.form.last_version.value
    assert not re.search(r"\d{4}-\d{2}-\d{2}", shown)
    assert re.search(r"\d{1,2} [a-zéû.]+ \d{4}, \d{2}:\d{2}", shown), shown


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_positioning_domain_imports_nothing_outside_domain():
    modules = sorted((PACKAGE / "domain" / "positioning").glob("*.py"))
    assert len(modules) >= 8
    for module in modules:
        outside = {name for name in _imports(module)
                   if name.startswith("workbook") and not name.startswith("workbook.domain")}
        assert outside == set(), (module.name, outside)
