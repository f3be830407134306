"""The network page's panels built alone, without the page or a profile: each gets its
data and callbacks, and answers on its own status line."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from workbook.i18n import Translator
from workbook.store import contacts as contact_store
from workbook.store import network as store
from workbook.store import open_profile
from workbook.ui.common import open_page_context
from workbook.ui.network import NetworkPage
from workbook.ui.network.bulk import BulkPanel
from workbook.ui.network.editor import ContactEditor
from workbook.ui.network.exercises import ExercisesPanel
from workbook.ui.network.imports import ImportPanel

EN, FR = Translator("en"), Translator("fr")
ANN = {"full_name": "Ann Lee", "organisation": "Acme", "position": "Buyer", "email": "",
       "layer": "active", "roles": ("connector",), "needs": (), "tie_strength": 3,
       "mutual_connections": None, "can_give": "", "notes": ""}
NO_INTRODUCTIONS = pd.DataFrame(columns=["id", "introducer_id", "organisation", "person_name"])


def _editor(calls: list, details: dict | None = None) -> ContactEditor:
    people = {7: dict(details or ANN)}
    editor = ContactEditor(
        EN, details_of=people.get, interaction_count=lambda _id: 2,
        on_save=lambda contact, **changes: calls.append(("save", contact, changes)),
        on_erase=lambda contact: calls.append(("erase", contact)),
        on_add_intro=lambda *args: calls.append(("intro", *args)),
        on_remove_intro=lambda intro: calls.append(("unintro", intro)))
    editor.render(NO_INTRODUCTIONS)
    return editor


def test_the_editor_saves_only_what_changed_and_says_so_beside_its_button():
    calls: list = []
    editor = _editor(calls)
    editor.load(7)
    editor.position.value = "Head of purchasing"
    editor.roles["prescriber"].value = True
    editor.save.click()
    assert calls == [("save", 7, {"position": "Head of purchasing",
                                  "roles": ["connector", "prescriber"]})]
    assert "Ann Lee saved." in editor.status.value
    assert editor.status in editor.save_row.children          # the line sits by Save


def test_the_editor_refuses_a_bad_count_without_saving():
    calls: list = []
    editor = _editor(calls)
    editor.load(7)
    editor.mutual.value = "nine"
    editor.save.click()
    assert calls == [] and "wb-status-error" in editor.status.value
    editor.name.value = "  "
    editor.mutual.value = ""
    editor.save.click()
    assert calls == [] and "name" in editor.status.value.lower()


def test_the_editor_erases_after_the_question_only():
    calls: list = []
    editor = _editor(calls)
    editor.load(7)
    editor.erase.click()
    assert "interactions logged: 2" in editor.confirm.question.value and calls == []
    editor.confirm.yes.click()
    assert calls == [("erase", 7)] and editor.current is None
    assert "Ann Lee" in editor.status.value and editor.status in editor.body.children


def test_bulk_tagging_asks_with_the_count_and_answers_on_its_own_line():
    done: list = []
    bulk = BulkPanel(EN, on_role=lambda role: done.append(role) or 3,
                     on_layer=lambda layer: done.append(layer) or 3, on_undo=lambda: None)
    bulk.render(0)
    bulk.role_button.click()
    assert "wb-status-error" in bulk.status.value and done == []
    bulk.render(3)
    bulk.role_choice.value = "prescriber"
    bulk.role_button.click()
    assert "3 contacts" in bulk.confirm.question.value and done == []
    bulk.forget()                        # the filter changed: the question goes
    bulk.confirm.yes.click()
    assert done == []
    bulk.role_button.click()
    bulk.confirm.yes.click()
    assert done == ["prescriber"] and "3 contacts are now tagged Prescriber" in \
        bulk.status.value


@pytest.mark.parametrize("tr, day", [(EN, "10 Mar 2026"), (FR, "10 mars 2026")])
def test_past_imports_show_their_date_in_the_users_language(tr, day):
    panel = ImportPanel(tr, on_import=None, on_merge=None, on_refuse=None, on_undo=None)
    panel.render([{"batch_id": 4, "file_name": "Connections.csv",
                   "imported_at": "2026-03-10T12:00:00", "rows_added": 3}], [])
    label = panel.batch_choice.label
    assert day in label and "2026-03-10" not in label and "Connections.csv" in label


def test_merge_proposals_call_back_with_the_pair():
    merged: list = []
    panel = ImportPanel(EN, on_import=None, on_merge=lambda k, d: merged.append((k, d)),
                        on_refuse=None, on_undo=None)
    a = pd.Series({"id": 1, "full_name": "Bruno Keller", "organisation": "Solaris",
                   "email": "b@example.org"})
    b = pd.Series({"id": 2, "full_name": "Bruno Keller", "organisation": "", "email": ""})
    panel.render([], [(a, b, "same_email", [])])
    assert "the same details" in panel.merges.children[0].children[1].value
    panel.merges.children[0].children[2].children[0].click()
    assert merged == [(1, 2)] and "Merged" in panel.merge_status.value


@pytest.mark.parametrize("tr, day", [(EN, "1 Oct 2026"), (FR, "1 oct. 2026")])
def test_the_intelligence_log_dates_read_in_the_users_language(tr, day):
    panel = ExercisesPanel(tr, on_add_bright=None, on_delete_bright=None, on_log=None)
    panel.render([], [{"asked_on": "2026-10-01", "question": "key_players", "answer": "Zoé"}])
    assert day in panel.intel_list.value and "2026-10-01" not in panel.intel_list.value


@pytest.mark.parametrize("lang, day", [("en", "1 Oct 2026"), ("fr", "1 oct. 2026")])
def test_the_contacts_table_shows_the_last_exchange_in_the_users_language(
        lang, day, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBOOK_PROFILE", raising=False)
    conn = open_profile("default")
    ann = contact_store.add_contact(conn, "Ann")
    contact_store.log_interaction(conn, ann, "2026-10-01", "coffee")
    store.log_intelligence(conn, "2026-10-02", "key_players", "Zoé")
    page = NetworkPage(open_page_context(lang=lang), today=lambda: dt.date(2026, 11, 23))
    page.show("contacts")
    assert day in page.contacts.table.value and "2026-10-01" not in page.contacts.table.value
    page.show("exercises")
    assert "2026-10-02" not in page.exercises.intel_list.value
    conn.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_map_explains_dunbar_beside_an_overflowing_layer_and_the_roles_in_its_coaching(lang):
    from workbook.ui.network.map import MapOverview, MapPanel

    panel = MapPanel(Translator(lang), chart_data=lambda: (None, None, None))
    panel.render(MapOverview(targets=0, layers={"inner": 9},
                             layer_roles=[("inner", "", 9)]))
    assert 'data-term="dunbar"' in panel.warnings.value
    assert "9" in panel.warnings.value
    coaching = panel.view.children[0].value
    assert 'data-term="connector"' in coaching and 'data-term="prescriber"' in coaching
