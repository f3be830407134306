"""The network page built in plain pytest (no kernel, no browser): set values, click,
and check what the page shows and what the profile holds."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.store import contacts as contact_store
from workbook.store import network as store
from workbook.store import open_profile
from workbook.ui.common import open_page_context
from workbook.ui.network import NetworkPage
from workbook.ui.widgets import TABLE_ROWS

TODAY = dt.date(2026, 11, 23)
LINKEDIN = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Aline,Rousseau,https://www.linkedin.com/in/aline-rousseau,,Talents Verts,Chasseur de têtes,12 Jan 2024
Bruno,Keller,https://www.linkedin.com/in/bruno-keller,bruno@example.org,Solaris,Head of Projects,03 Mar 2023
,,https://www.linkedin.com/in/nobody,,,,01 Jan 2020
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.delenv("WORKBOOK_PROFILE", raising=False)
    return tmp_path


@pytest.fixture
def conn(home):
    connection = open_profile("default")
    yield connection
    connection.close()


def build(lang: str = "en") -> NetworkPage:
    return NetworkPage(open_page_context(lang=lang), today=lambda: TODAY)


def upload(page: NetworkPage, name: str, data: bytes) -> None:
    page.importer.upload.value = ({"name": name, "type": "text/csv", "size": len(data),
                                   "content": memoryview(data),
                                   "last_modified": dt.datetime(2026, 1, 1)},)


def test_empty_profile_opens_on_the_import_tab(home):
    page = build("fr")
    assert page.tabs.selected_index == 1
    assert page.tabs.titles[1] == "Importer"
    assert "0 contact · 0 avec un rôle · 0 organisation cible" in page.map.summary.value
    assert page.map.chart is None                 # the interactive charts wait to be asked
    page.map.show_charts.click()
    assert len(page.map.chart.data) == 7          # one figure: 1 + 1 + 2 + 3 traces


def test_import_through_the_upload_shows_counts_and_can_be_undone(conn):
    page = build()
    upload(page, "Connections.csv", LINKEDIN.encode("utf-8"))
    report = page.importer.report.value
    assert "<td>3</td><td>2</td><td>0</td><td>0</td><td>1</td>" in report
    assert page.importer.progress.bar_style == "success"
    assert contact_store.count_contacts(conn) == 2
    page.show("map")
    assert "2 contacts" in page.map.summary.value
    assert page.importer.batch_choice.value is not None
    page.importer.undo.click()
    assert contact_store.count_contacts(conn) == 2          # nothing before confirming
    page.show("import")
    page.importer.undo_confirm.yes.click()
    assert contact_store.count_contacts(conn) == 0
    page.show("map")
    assert "0 contacts" in page.map.summary.value


def test_the_map_summary_counts_in_the_right_plural(conn):
    contact_store.add_contact(conn, "Ann", organisation="Acme", roles=["connector"])
    store.save_target(conn, "Acme")
    assert "1 contact · 1 with a role · 1 target organisation<" in build("en").map.summary.value
    contact_store.add_contact(conn, "Bob")
    assert "2 contacts · 1 with a role" in build("en").map.summary.value


def test_unreadable_file_says_so_and_changes_nothing(conn):
    page = build()
    upload(page, "photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00binary\x00")
    assert "wb-status-error" in page.importer.status.value
    assert page.importer.progress.bar_style == "danger"
    assert contact_store.count_contacts(conn) == 0


def test_search_filters_and_the_table_stays_short_and_escaped(conn):
    for i in range(TABLE_ROWS + 30):
        contact_store.add_contact(conn, f"Person {i:03d}", organisation="Acme")
    contact_store.add_contact(conn, "<img src=x onerror=alert(1)>", position="Chasseur de têtes")
    page = build()
    assert page.contacts.table.value == ""          # a hidden tab is drawn when first opened
    page.show("contacts")
    assert page.contacts.table.value.count("<tr") == TABLE_ROWS + 1    # header + 50 rows
    assert "<img src=x" not in page.contacts.table.value
    page.contacts.search.value = "chasseur TETES"
    assert "1 contact matches" in page.contacts.count.value
    assert "&lt;img src=x" in page.contacts.table.value


def test_bulk_tag_then_the_ranking_puts_the_connector_first(conn):
    contact_store.add_contact(conn, "Alice", position="Comptable")
    bob = contact_store.add_contact(conn, "Bob", position="Président d'association")
    page = build()
    page.show("next")
    assert "Alice" in page.next.table.value.split("</tr>")[1]
    page.show("contacts")
    page.contacts.search.value = "association"
    page.contacts.bulk.role_choice.value = "connector"
    page.contacts.bulk.role_button.click()
    assert store.contact_details(conn, bob)["roles"] == ()     # asked first: nothing yet
    question = page.contacts.bulk.confirm.question.value
    assert "to the 1 contact of the filtered list" in question and "1 contacts" not in question
    page.contacts.bulk.confirm.yes.click()
    assert store.contact_details(conn, bob)["roles"] == ("connector",)
    assert "Alice" in page.next.table.value.split("</tr>")[1]    # hidden tab: not redrawn yet
    page.show("next")
    first_row = page.next.table.value.split("</tr>")[1]
    assert "Bob" in first_row and "connector or prescriber" in first_row


def test_editing_a_contact_saves_every_field(conn):
    ann = contact_store.add_contact(conn, "Ann", organisation="Acme")
    page = build()
    page.show("contacts")
    page.contacts.picker.value = ann
    editor = page.contacts.editor
    assert editor.name.value == "Ann" and editor.organisation.value == "Acme"
    editor.layer.value = "close"
    editor.roles["prescriber"].value = True
    editor.needs["talent"].value = True
    editor.tie.value = 2
    editor.mutual.value = "9"
    editor.can_give.value = "an article on hydrogen"
    editor.organisation.value = "Beta"
    editor.save.click()
    details = store.contact_details(conn, ann)
    assert (details["layer"], details["roles"], details["needs"], details["tie_strength"],
            details["mutual_connections"], details["organisation"]) == (
        "close", ("prescriber",), ("talent",), 2, 9, "Beta")
    assert page.state.row(ann)["organisation"] == "Beta"
    editor.mutual.value = "nine"
    editor.layer.value = "inner"
    editor.save.click()
    assert "wb-status-error" in editor.status.value
    assert store.contact_details(conn, ann)["layer"] == "close"


def test_saving_in_one_tab_keeps_what_another_tab_saved_meanwhile(conn):
    """Two tabs open on the same contact: each keeps the other's edit of another field."""
    ann = contact_store.add_contact(conn, "Ann", organisation="Acme", notes="")
    first, second = build(), build()
    for tab in (first, second):
        tab.show("contacts")
        tab.contacts.picker.value = ann
    second.contacts.editor.notes.value = "Met at the hydrogen fair"
    second.contacts.editor.save.click()
    first.contacts.editor.position.value = "Head of purchasing"
    first.contacts.editor.save.click()
    details = store.contact_details(conn, ann)
    assert details["notes"] == "Met at the hydrogen fair"
    assert details["position"] == "Head of purchasing"
    assert first.contacts.editor.notes.value == "Met at the hydrogen fair"


def test_erasing_a_contact_needs_a_confirmation_and_removes_interactions(conn):
    ann = contact_store.add_contact(conn, "Ann", notes="private")
    contact_store.log_interaction(conn, ann, "2026-10-01", "coffee")
    page = build()
    page.show("contacts")
    page.contacts.picker.value = ann
    page.contacts.editor.erase.click()
    assert "interactions logged: 1" in page.contacts.editor.confirm.question.value
    assert store.contact_details(conn, ann) is not None
    page.contacts.editor.confirm.no.click()
    assert page.contacts.editor.confirm.view.layout.display == "none"
    page.contacts.editor.erase.click()
    page.contacts.editor.confirm.yes.click()
    assert store.contact_details(conn, ann) is None
    assert conn.execute("SELECT COUNT(*) FROM interactions").fetchone()[0] == 0
    assert page.state.frame.empty


def test_targets_coverage_and_second_degree(conn):
    inside = contact_store.add_contact(conn, "Inès", organisation="Gamma")
    con = contact_store.add_contact(conn, "Cyril", roles=["connector"])
    page = build()
    page.map.show_charts.click()              # drawn now, redrawn with every change
    page.targets.name.value = "   "
    page.targets.save.click()
    assert "wb-status-error" in page.targets.status.value and store.targets_frame(conn).empty
    page.targets.name.value = "Gamma"
    page.targets.motivation.value = 3
    page.targets.save.click()
    page.targets.name.value = "Delta"
    page.targets.save.click()
    page.show("contacts")
    page.contacts.picker.value = con
    page.contacts.editor.intro_org.value = "Delta"
    page.contacts.editor.intro_person.value = "Dee"
    page.contacts.editor.intro_add.click()
    page.show("targets")
    table = page.targets.table.value
    assert table.index("Gamma") < table.index("Delta")            # LAMP: motivation first
    assert "A contact inside" in table and "Through an introduction" in table
    assert page.state.row(inside)["at_target"]
    page.show("next")
    first = page.next.table.value.split("</tr>")[1]
    assert "Cyril" in first and "can introduce you to 1 target" in first
    page.show("map")
    assert "Gamma" in page.map.chart.data[2].y            # first-degree coverage bar
    page.show("contacts")
    editor = page.contacts.editor
    assert editor.intro_choice.label == "Delta — Dee"
    editor.intro_remove.click()
    assert store.introductions_frame(conn).empty
    assert page.state.row(con)["introduces_to_target"] == 0


def test_the_map_opens_from_counts_and_reads_the_contacts_when_a_tab_needs_them(
        conn, monkeypatch):
    """The map's first view (summary, warnings, picture) needs no contacts frame (30,000
    rows read and folded: seconds); opening the contacts or the interactive charts reads
    it, once."""
    reads = []
    full_read = store.contacts_frame
    monkeypatch.setattr(store, "contacts_frame", lambda c: reads.append(1) or full_read(c))
    contact_store.add_contact(conn, "Ina", layer="inner", roles=["connector", "peer"])
    contact_store.add_contact(conn, "Abel", layer="active")
    page = build()
    assert "2 contacts · 1 with a role · 0 target organisations" in page.map.summary.value
    picture = page.map.picture.value
    assert 'data-role="connector"' in picture and 'data-role="none"' in picture
    assert "Inner circle" in picture and "Active network" in picture
    assert page.map.chart is None and reads == []
    page.show("contacts")
    assert "Abel" in page.contacts.table.value and reads == [1]
    page.show("map")
    page.map.show_charts.click()
    assert page.map.chart is not None and reads == [1]


def test_overflowing_layer_is_warned(conn):
    for i in range(6):
        contact_store.add_contact(conn, f"P{i}", layer="inner")
    page = build()
    assert "Inner circle: 6 people" in page.map.warnings.value


def test_logging_a_contact_moves_it_down(conn):
    contact_store.add_contact(conn, "Alice", roles=["connector"])
    contact_store.add_contact(conn, "Bob")
    page = build()
    page.show("next")
    assert page.next.who.label == "Alice"
    page.next.log.click()
    assert page.next.who.options[0][0] == "Bob"
    assert conn.execute("SELECT occurred_on FROM interactions").fetchone()[0] == "2026-11-23"


def test_exercises_bright_people_and_intelligence(conn):
    page = build()
    ex = page.exercises
    for name in ("Ada", "Grace", "Katherine"):
        ex.bright_name.value = name
        ex.bright_add.click()
    ex.bright_name.value = "Hedy"
    ex.bright_add.click()
    assert "three" in ex.bright_status.value
    assert [p["name"] for p in store.bright_people(conn)] == ["Ada", "Grace", "Katherine"]
    ex.question.value = "key_players"
    ex.answer.value = "Zoé at Helio"
    ex.intel_add.click()
    assert "Who are the key players" in ex.intel_list.value
    assert store.intelligence_log(conn)[0]["question"] == "key_players"


def test_merge_proposals_can_be_accepted_or_refused(conn):
    bruno = contact_store.add_contact(conn, "Bruno Keller", email="bruno@example.org",
                                      notes="met at the fair", roles=["connector"])
    contact_store.add_contact(conn, "Aline Rousseau", organisation="Talents Verts")
    page = build()
    page.show("import")
    upload(page, "Connections.csv", LINKEDIN.encode("utf-8"))
    proposals = page.importer.merges.children
    texts = [row.children[0].value for row in proposals]
    assert len(proposals) == 2 and any("same e-mail" in t for t in texts)
    bruno_row = next(row for row, t in zip(proposals, texts) if "Bruno" in t)
    bruno_row.children[2].children[0].click()                        # merge
    assert conn.execute("SELECT COUNT(*) FROM contacts WHERE full_name = 'Bruno Keller'"
                        ).fetchone()[0] == 1
    assert store.contact_details(conn, bruno)["roles"] == ("connector",)
    remaining = page.importer.merges.children
    assert len(remaining) == 1 and "Aline" in remaining[0].children[0].value
    remaining[0].children[2].children[1].click()                     # keep both
    assert "No possible duplicate" in page.importer.merges.children[0].value
    assert conn.execute("SELECT COUNT(*) FROM contacts WHERE full_name = 'Aline Rousseau'"
                        ).fetchone()[0] == 2


def test_a_profile_from_a_newer_workbook_gets_a_sentence_not_a_traceback(conn):
    from workbook.ui.network import build_network

    conn.execute("PRAGMA user_version = 999")
    page = build_network(lang="en")
    assert "newer version of the workbook" in page.value


def test_a_merge_proposal_shows_what_differs_side_by_side(conn):
    """Two look-alike records: the user sees the e-mail and connection date that tell them
    apart, not the same name twice."""
    from workbook.store import merges as merge_store

    first = contact_store.add_contact(conn, "Camille Laurent", organisation="Freelance",
                                      email="camille@example.org", position="Designer")
    second = contact_store.add_contact(conn, "Camille Laurent", organisation="Freelance",
                                       email="c.laurent@studio.example", position="Designer",
                                       connected_on="2024-01-12")
    assert [tuple(c) for c in merge_store.merge_candidates(conn)] == [
        (first, second, "similar_name")]
    page = build("fr")
    page.show("import")
    proposal = page.importer.merges.children[0]
    table = proposal.children[1].value
    assert "Camille Laurent" in proposal.children[0].value
    assert "<td>E-mail</td><td>camille@example.org</td><td>c.laurent@studio.example</td>" \
        in table
    assert "<td>En relation depuis le</td><td>—</td><td>12 janv. 2024</td>" in table
    assert "Designer" not in table and "Nom" not in table      # the same: not repeated


def _tags(conn) -> dict:
    layers = dict(conn.execute("SELECT id, layer || '/' || COALESCE(layer_set_on, '')"
                               " FROM contacts"))
    roles = {}
    for contact, role in conn.execute("SELECT contact_id, role FROM contact_roles"):
        roles.setdefault(contact, set()).add(role)
    return {c: (layer, roles.get(c, set())) for c, layer in layers.items()}


def test_undo_puts_back_exactly_the_roles_and_layers_of_the_last_bulk_tagging(conn):
    ada = contact_store.add_contact(conn, "Ada", organisation="Acme", layer="close",
                                    roles=["peer"])
    contact_store.add_contact(conn, "Bea", organisation="Acme", roles=["connector"])
    contact_store.add_contact(conn, "Cyd", organisation="Beta", layer="inner")
    page = build()
    page.show("contacts")
    bulk = page.contacts.bulk
    bulk.undo.click()                                   # nothing done yet
    assert "Nothing to undo" in bulk.status.value
    page.contacts.search.value = "acme"
    bulk.layer_choice.value = "target"
    bulk.layer_button.click()
    bulk.confirm.yes.click()
    assert "2 contacts moved to People to meet" in bulk.status.value
    before = _tags(conn)
    bulk.role_choice.value = "connector"
    bulk.role_button.click()
    bulk.confirm.yes.click()
    assert "1 contact is now tagged Connector." in bulk.status.value    # Bea had it already
    assert _tags(conn) != before
    bulk.undo.click()
    assert _tags(conn) == before                       # the last tagging only, exactly
    assert "1 contact has its roles and layer back" in bulk.status.value
    assert set(page.state.row(ada)["roles"].split()) == {"peer"}    # the frame follows
    bulk.undo.click()
    assert "Nothing to undo" in bulk.status.value and _tags(conn) == before


def test_a_target_typed_as_the_brand_counts_contacts_at_its_uk_entity_and_says_so(conn):
    people = [contact_store.add_contact(conn, f"Person {n}", organisation="Auto Trader UK")
              for n in range(8)]
    contact_store.add_contact(conn, "Ann", organisation="Renault Group")
    page = build()
    page.show("targets")
    page.targets.name.value = "Auto Trader"
    page.targets.save.click()
    assert "Matched 8 contacts at Auto Trader UK" in page.targets.status.value
    assert "8: " in page.targets.table.value
    assert page.state.row(people[0])["at_target"]
    page.targets.name.value = "Renault"
    page.targets.save.click()
    assert "Matched 1 contact at Renault Group" in page.targets.status.value
    page.show("next")
    assert "works at a target organisation" in page.next.table.value
