"""One way to run what a person asked for: whatever the page, a refusal reads as the
catalogue's sentence beside the button, and a failure as one plain sentence, never a
traceback."""

from __future__ import annotations

import sqlite3

import pytest

from workbook.domain.group import GroupError
from workbook.domain.routines.problems import InputProblem
from workbook.escaping import escape_html
from workbook.i18n import Translator
from workbook.services.card_drop import DropFolderError
from workbook.store.group import GroupConflict
from workbook.store.press import PressInputError
from workbook.ui.common import act, guarded, open_page_context, status_line


def _shown(line) -> str:
    return line.value


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("problem", [
    GroupError("one_participant"),
    GroupConflict("duplicate_name", "Hamid T."),
    InputProblem("date_missing"),
    DropFolderError("unreadable", "/srv/cards"),
    PressInputError(["no_journalist", "bad_kind"]),
])
def test_a_refused_action_says_the_catalogues_sentence_beside_the_button(problem, lang):
    tr = Translator(lang)
    line = status_line()

    def refuse():
        raise problem

    assert act(line, tr, refuse) is False
    assert "wb-status-error" in _shown(line)
    for key in problem.keys:
        assert escape_html(tr(key, detail=problem.detail, **problem.values)) in _shown(line)


def test_both_reasons_of_a_press_refusal_are_said():
    tr = Translator("en")
    line = status_line()

    def refuse():
        raise PressInputError(["no_journalist", "bad_kind"])

    act(line, tr, refuse)
    assert tr("press.problem.no_journalist")[:15] in line.value
    assert tr("press.problem.bad_kind")[:15] in line.value


def test_an_action_that_went_through_says_its_message_and_clears_an_old_error():
    tr = Translator("en")
    line = status_line()
    line.show("old problem", error=True)
    assert act(line, tr, lambda: "Saved.") is True
    assert "Saved." in line.value and "wb-status-error" not in line.value
    act(line, tr, lambda: None)
    assert line.value == ""


@pytest.mark.callback_error_expected
def test_an_unexpected_failure_gives_a_plain_sentence_and_no_traceback():
    tr = Translator("en")
    line = status_line()

    def broken():
        raise ZeroDivisionError("division by zero")

    assert act(line, tr, broken) is False
    assert tr("common.error_generic")[:20] in line.value
    assert "ZeroDivision" not in line.value and "Traceback" not in line.value


@pytest.mark.callback_error_expected
def test_a_busy_profile_is_said_to_be_busy():
    tr = Translator("en")
    line = status_line()

    def busy():
        raise sqlite3.OperationalError("database is locked")

    act(line, tr, busy)
    assert tr("common.error_busy")[:20] in line.value


def test_a_guarded_callback_keeps_what_it_said_and_refuses_in_the_same_words(tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    ctx = open_page_context("guarded", "en")
    line = status_line()

    @guarded(ctx, line)
    def says_itself():
        line.show("Done here.")
        return 3

    assert says_itself() == 3 and "Done here." in line.value

    @guarded(ctx, line)
    def refuses():
        raise GroupError("one_participant")

    assert refuses() is None
    assert ctx.tr("group.error.one_participant")[:20] in line.value
