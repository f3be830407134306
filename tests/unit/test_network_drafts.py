"""A contact edit is never lost without a word: picking another person keeps the changes
not saved as a draft the editor shows again; a click on a row of the contacts table opens
that person in the editor. A real profile, the page built in plain pytest."""

from __future__ import annotations

import pytest

from tests.unit.test_network_page import build
from workbook.store import contacts as contact_store
from workbook.store import network as store
from workbook.store import open_profile


@pytest.fixture
def conn(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBOOK_PROFILE", raising=False)
    connection = open_profile("default")
    yield connection
    connection.close()


@pytest.fixture
def people(conn):
    sophie = contact_store.add_contact(conn, "Sophie Robert", organisation="Renault")
    alex = contact_store.add_contact(conn, "Alexandre Henry", organisation="SEB")
    return sophie, alex


def _row_keys(page) -> list[str]:
    return [part.split('"')[0] for part in page.contacts.table.value.split('data-key="')[1:]]


@pytest.mark.parametrize("lang, kept, shown", [
    ("en", "Your changes to Sophie Robert are not saved: they are kept as a draft.",
     "Changes to Sophie Robert not saved yet, kept as a draft"),
    ("fr", "Vos modifications pour Sophie Robert ne sont pas enregistrées",
     "Modifications pour Sophie Robert pas encore enregistrées")])
def test_the_connector_ticked_on_sophie_is_kept_when_she_picks_another_contact(
        conn, people, lang, kept, shown):
    sophie, alex = people
    page = build(lang)
    page.show("contacts")
    contacts, editor = page.contacts, page.contacts.editor
    contacts.picker.value = sophie
    editor.roles["connector"].value = True            # ticked, not saved
    contacts.picker.value = alex                      # another contact
    assert editor.name.value == "Alexandre Henry"
    assert kept in editor.kept_note.value             # said atop the editor she looks at
    assert "Sophie Robert" in [b.description for b in editor.drafts_box.children[1:]]
    assert store.contact_details(conn, sophie)["roles"] == ()   # nothing written behind her
    contacts.picker.value = sophie                    # back to Sophie: the tick is there
    assert editor.roles["connector"].value is True
    assert shown in editor.draft_note.value and editor.draft_row.layout.display == "flex"
    editor.save.click()
    assert store.contact_details(conn, sophie)["roles"] == ("connector",)
    assert editor.draft_row.layout.display == "none" and not editor.drafts


def test_a_draft_can_be_reopened_from_its_button_and_discarded(conn, people):
    sophie, alex = people
    page = build()
    page.show("contacts")
    contacts, editor = page.contacts, page.contacts.editor
    contacts.picker.value = sophie
    editor.notes.value = "Met at the APICS breakfast"
    contacts.picker.value = alex
    editor.drafts_box.children[1].click()             # "Sophie Robert"
    assert editor.current == sophie and editor.notes.value == "Met at the APICS breakfast"
    assert contacts.picker.value == sophie            # the picker follows
    editor.discard.click()
    assert editor.notes.value == "" and not editor.drafts
    assert "Changes to Sophie Robert discarded." in editor.status.value
    assert editor.drafts_box.layout.display == "none"


def test_moving_on_without_changing_anything_keeps_no_draft(conn, people):
    sophie, alex = people
    page = build()
    page.show("contacts")
    page.contacts.picker.value = sophie
    page.contacts.picker.value = alex
    assert not page.contacts.editor.drafts
    assert page.contacts.editor.kept_note.value == ""


def test_clicking_a_person_in_the_table_opens_them_in_the_editor(conn, people):
    sophie, alex = people
    page = build()
    page.show("contacts")
    assert sorted(_row_keys(page)) == sorted([str(sophie), str(alex)])
    page.contacts.table.pick(alex)                    # what the row's click sends
    editor = page.contacts.editor
    assert editor.current == alex and editor.name.value == "Alexandre Henry"
    assert page.contacts.picker.value == alex
    editor.layer.value = "inner"                      # and a row click keeps an edit too
    page.contacts.table.pick(sophie)
    assert editor.current == sophie and alex in editor.drafts
    page.contacts.table.pick("not a row")             # anything else from the browser: ignored
    assert editor.current == sophie


def test_the_table_sends_a_bounded_page_of_rows_whatever_the_profile(conn):
    from workbook.ui.widgets import TABLE_ROWS

    for i in range(TABLE_ROWS * 3):
        contact_store.add_contact(conn, f"Person {i:03d}")
    page = build()
    page.show("contacts")
    assert len(_row_keys(page)) == TABLE_ROWS
