"""The group page and the home page's "Share my progress card", driven in plain pytest:
widgets are built, clicked and read back; the store is a real SQLite file."""

import datetime as dt
import json
import os
import sqlite3

import ipywidgets as ipw
import pytest

from workbook.demo import fill_demo
from workbook.domain.progress_card import ProgressCard, card_bytes, card_text
from workbook.i18n import Translator
from workbook.io.progress_card import read_card
from workbook.store import open_path
from workbook.ui.card_share import CardSharePanel, CardShareState
from workbook.ui.common import PageContext
from workbook.ui.group import GroupPage

TODAY = dt.date(2026, 11, 30)
HOSTILE = "<img src=x onerror=alert(1)>"


def _find(widget, css):
    """The widget carrying CSS class `css` under `widget` (depth first)."""
    if css in getattr(widget, "_dom_classes", ()):
        return widget
    for child in getattr(widget, "children", ()):
        found = _find(child, css)
        if found is not None:
            return found
    return None


def _click(page, css):
    button = _find(page.view, css)
    assert isinstance(button, ipw.Button), css
    button.click()


def _page(conn, lang="en", drop=None):
    return GroupPage(PageContext("coach", conn, Translator(lang)), lambda: TODAY, drop=drop)


def _card(card_id, name, group="", **extra):
    sections = {"positioning": {"one_liner": f"{name} helps solar developers.",
                                "focus_score": 70, "core": {}},
                "network": {"total": 40, "by_layer": {"close": 40}, "by_role": {}}}
    sections.update(extra)
    return ProgressCard(card_id, name, group, TODAY.isoformat(), sections)


FORBIDDEN = {"contacts", "interactions", "contact_roles", "contact_needs", "introductions",
             "journalists", "media_log", "key_messages", "organisations", "outreach",
             "bright_people", "intelligence_log", "repeat_backs", "positioning_versions"}


def test_the_coach_page_never_reads_a_contact(tmp_path):
    conn = open_path(tmp_path / "demo.sqlite")
    fill_demo(conn, today=TODAY)
    touched = []

    def authorizer(action, table, *_rest):
        if action == sqlite3.SQLITE_READ and table in FORBIDDEN:
            touched.append(table)
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)
    page = _page(conn)
    _click(page, "wb-group-generate")
    page.cards._on_paste(page._act("cards", page._import))
    _click(page, "wb-group-referrals-refresh")
    page.board.answer.value = "A new player in storage"
    _click(page, "wb-group-board-add")
    page.pitch.remembered.value = "solar buyer"
    _click(page, "wb-group-pitch-add")
    for screen in ("pairs", "pitch", "questions"):
        page.projector.screen.value = screen
        page.refresh()
    assert touched == []
    assert "error" not in page.status.value
    assert "Round 3" in page.pairs.status.value
    assert page.projector.board.value.count("<li>") == 6
    conn.close()


def test_a_first_visit_walks_the_coach_from_empty_to_a_projected_round(conn):
    page = _page(conn)
    assert "creating a group" in page.status.value
    _click(page, "wb-group-generate")
    assert "Create or choose a group" in page.pairs.status.value
    page.roster.new_group.value = "Club Mardi"
    _click(page, "wb-group-create")
    assert "Club Mardi" in page.roster.status.value
    page.roster.name.value = "Ana"
    _click(page, "wb-group-add")
    page.session.day.value = TODAY
    _click(page, "wb-group-session-start")
    _click(page, "wb-group-generate")
    assert "Only one person" in page.pairs.status.value          # 1 participant: a sentence
    page.roster.name.value = "ana"
    _click(page, "wb-group-add")
    assert "already called" in page.roster.status.value           # duplicate: a sentence
    for name in ("Ben", "Cy", HOSTILE):
        page.roster.name.value = name
        _click(page, "wb-group-add")
    assert "8 to 15" in page.roster.table.value                   # a small club is named
    _click(page, "wb-group-generate")
    assert "Round 1 is ready" in page.pairs.status.value
    page.projector.screen.value = "pairs"
    board = page.projector.board.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in board and "<img" not in board
    assert board.count("<li>") == 2
    # everyone away but one: a sentence, and the round already made stays
    for box in page.session.attendance.children[1:]:
        box.value = False
    _click(page, "wb-group-generate")
    assert "already has round 1" in page.pairs.replace.question.value
    _click(page, "wb-group-replace-round-yes")
    assert "Only one person" in page.pairs.status.value
    assert len(page.state.rounds()) == 1


def test_an_avoid_list_that_blocks_every_round_says_so_and_keeps_everything(conn):
    page = _page(conn, lang="fr")
    page.state.create_group("Club")
    ids = [page.state.add_participant(n) for n in ("A", "B")]
    page.state.start_session(TODAY)
    page.state.add_avoid(*ids)
    page.refresh()
    _click(page, "wb-group-generate")
    assert "Aucun tour ne peut séparer" in page.pairs.status.value
    assert page.state.rounds() == [] and page.state.avoid_pairs() == [tuple(sorted(ids))]


def test_cards_import_from_files_and_text_and_refuse_bad_ones_with_a_sentence(conn):
    page = _page(conn)
    page.state.create_group("Club Mardi")
    page.state.start_session(TODAY)
    page.refresh()
    files = {"lina.json": card_bytes(_card("aa11", "Lina", "club-mardi",
                                           targets=["Vaubanne SA"])),
             "marc.json": card_bytes(_card("bb22", "Marc", introductions=["Groupe Vaubanne"]))}
    upload = tuple({"name": name, "type": "application/json", "size": len(data),
                    "content": memoryview(data), "last_modified": dt.datetime(2026, 11, 30)}
                   for name, data in files.items())
    page.cards.upload.value = upload
    assert "2 cards waiting" in page.cards.status.value
    assert "lina.json" in page.cards.results.value and "marc.json" in page.cards.results.value
    for _ in range(2):                            # both new to the roster: the coach adds them
        assert _find(page.cards.waiting, "wb-group-waiting-choice").value == "new"
        _click(page, "wb-group-waiting-place")
    assert "Lina" in page.cards.side_by_side.value and "Marc" in page.cards.side_by_side.value
    for bad, words in ((card_text(_card("cc33", "Zoé", "club-jeudi")), "another group"),
                       (card_text(_card("dd44", "Zoé"))[:200], "cut short"),
                       (card_bytes(_card("ee55", "Zoé")).decode().replace("70", "99"),
                        "changed after")):
        page.cards.paste.value = bad
        _click(page, "wb-group-card-paste-import")
        assert words in page.cards.status.value
    assert "Zoé" not in page.cards.side_by_side.value
    _click(page, "wb-group-referrals-refresh")
    assert "1 new introduction" in page.referrals.status.value
    assert "written differently" in page.referrals.table.value
    page.referrals.choice.value = page.state.referrals()[0]["id"]
    _click(page, "wb-group-referral-made")
    assert page.state.referrals()[0]["status"] == "made"


def test_the_drop_folder_carries_a_card_from_participant_to_coach_and_back(tmp_path, conn):
    drop = tmp_path / "drop"
    drop.mkdir()
    coach = _page(conn, drop=drop)
    coach.state.create_group("Club Mardi")
    coach.state.start_session(TODAY)
    _click(coach, "wb-group-drop-look")                 # opens the group's folder
    assert (drop / "club-mardi").is_dir()
    participant = open_path(tmp_path / "me.sqlite")
    share = CardSharePanel(Translator("en"), CardShareState(participant, "me", lambda: TODAY,
                                                            drop), lambda f: f)
    _find(share.view, "wb-card-open").click()
    share.group.value = "club-mardi"
    share.name.value = "Karim O."
    _find(share.view, "wb-card-publish").click()
    assert "in the group&#x27;s folder" in share.status.value
    _click(coach, "wb-group-drop-import")
    assert "Karim O.: a name the roster does not know yet" in coach.cards.status.value
    _click(coach, "wb-group-waiting-place")
    assert "Karim O. joined the roster" in coach.cards.status.value
    assert "Karim O." in coach.cards.side_by_side.value
    _find(share.view, "wb-card-withdraw").click()
    assert "removed" in share.status.value
    assert list((drop / "club-mardi").iterdir()) == []
    participant.close()


def test_sharing_previews_exactly_what_is_sent_and_unticking_removes_it(conn):
    from workbook.store.network import save_target
    from workbook.store.settings import set_setting

    set_setting(conn, "display_name", "Karim O.")
    save_target(conn, "Helio Parc Énergies")
    share = CardSharePanel(Translator("fr"), CardShareState(conn, "me", lambda: TODAY),
                           lambda f: f)
    _find(share.view, "wb-card-open").click()
    assert "Helio" not in share.preview.value and "Helio" not in read_card(
        share.text.value).sections.get("targets", [])
    share.ticks["targets"].value = True
    assert "Helio Parc" in share.preview.value
    assert read_card(share.text.value).sections["targets"] == ["Helio Parc Énergies"]
    assert "base64," in share.download.value
    share.ticks["network"].value = False
    assert "network" not in read_card(share.text.value).sections
    assert "Jamais dans une fiche" in share.preview.value


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_tab_draws_in_both_languages_on_the_demo_group(tmp_path, lang):
    conn = open_path(tmp_path / "demo.sqlite")
    fill_demo(conn, today=TODAY)
    page = _page(conn, lang)
    assert len(page.tabs.children) == 8
    assert "Aline M." in page.cards.side_by_side.value
    assert page.cards.over_time.value.count("<tr>") == 11      # header + 10 participants
    assert page.pairs.history.value.count("<tr>") == 3
    assert "Jonas V." in page.cards.missing.value
    conn.close()


def test_deleting_a_round_asks_first_and_then_frees_its_pairs(conn):
    page = _page(conn)
    page.state.create_group("Club")
    for name in ("A", "B", "C", "D"):
        page.state.add_participant(name)
    page.state.start_session(TODAY)
    page.refresh()
    _click(page, "wb-group-generate")
    page.state.start_session(TODAY + dt.timedelta(days=7))
    page.refresh()
    _click(page, "wb-group-generate")
    latest = page.state.rounds()[-1]
    assert page.pairs.round_choice.value == latest["id"]
    assert "Round 2 is ready" in page.pairs.status.value
    _click(page, "wb-group-delete-round")
    assert len(page.state.rounds()) == 2                   # only asked so far
    assert "Delete round 2" in page.pairs.confirm.question.value
    _click(page, "wb-group-delete-round-yes")
    assert [r["round_no"] for r in page.state.rounds()] == [1]
    assert page.state.unmet_count() == 4
    # what the line said about round 2 went with it
    assert "ready" not in page.pairs.status.value
    assert "Round 2 was deleted" in page.pairs.status.value


def test_a_served_session_shows_the_room_only_the_activities(tmp_path, monkeypatch):
    """`workbook serve --session`: pairs, pitch round, board and projector; the roster,
    session notes, cards and cross-referrals are not built at all (nothing of them reaches
    the browser), and there is no way to the other pages."""
    from workbook.ui.group import SESSION_TABS, build_group

    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBOOK_GROUP_VIEW", "session")
    from workbook.store import open_profile

    conn = open_profile("coach")
    fill_demo(conn, today=TODAY)
    secret_notes = conn.execute("SELECT notes FROM group_sessions WHERE notes <> ''"
                                " LIMIT 1").fetchone()
    conn.close()
    view = build_group(profile="coach", lang="en")
    tabs = next(w for w in _walk(view) if isinstance(w, ipw.Tab))
    assert list(tabs.titles) == [Translator("en")(f"group.tab.{k}") for k in SESSION_TABS]
    shown = " ".join(w.value for w in _walk(view) if isinstance(w, ipw.HTML | ipw.Textarea))
    assert "home.ipynb" not in shown and 'href="#' not in shown.replace('href="#wb-', "")
    if secret_notes:
        assert secret_notes[0] not in shown
    assert _find(view, "wb-group-card-upload") is None
    assert _find(view, "wb-group-cards-status") is None


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def _upload(page, files):
    page.cards.upload.value = tuple(
        {"name": name, "type": "application/json", "size": len(data),
         "content": memoryview(data), "last_modified": dt.datetime(2026, 11, 30)}
        for name, data in files.items())


@pytest.mark.parametrize("lang, words", [("en", ("close name", "Imported for Hamid T.",
                                                 "is merged into")),
                                         ("fr", ("nom proche", "Importée pour Hamid T.",
                                                 "est fusionné avec"))])
def test_the_coach_matches_a_card_to_a_roster_member_then_merges_two_members(conn, lang,
                                                                              words):
    close, imported, merged = words
    page = _page(conn, lang)
    page.state.create_group("Club Mardi")
    hamid = page.state.add_participant("Hamid T.")
    jonas = page.state.add_participant("Jonas V.")
    page.state.start_session(TODAY)
    page.refresh()
    forged = card_bytes(_card("zz99", "Camille Durand")).decode().replace("70", "7O")
    _upload(page, {"hamid.wbcard.json": card_bytes(_card("aa11", "Hamid Tazi")),
                   "jonas.wbcard.json": card_bytes(_card("bb22", "Jonas Vidal")),
                   "broken.wbcard.json": forged.encode()})
    results = page.cards.results.value
    assert results.count("<li") == 3                        # one line per file picked
    assert "broken.wbcard.json" in results and "wb-status-error" in results
    assert page.state.cards() == []                         # nothing joined on its own
    choice = _find(page.cards.waiting, "wb-group-waiting-choice")
    assert choice.value == hamid and close in choice.options[0][0]
    _click(page, "wb-group-waiting-place")
    assert imported in page.cards.status.value
    assert {row["participant_id"] for row, _ in page.state.cards()} == {hamid}
    # the second card: the coach adds its sender as a new member by mistake, then merges
    choice = _find(page.cards.waiting, "wb-group-waiting-choice")
    assert choice.value == jonas
    choice.value = "new"
    _click(page, "wb-group-waiting-place")
    vidal = next(p["id"] for p in page.state.roster() if p["display_name"] == "Jonas Vidal")
    page.roster.who.value = vidal
    page.roster.merge_into.value = jonas
    _click(page, "wb-group-merge")
    assert len(page.state.roster()) == 3                    # asked first
    _click(page, "wb-group-merge-yes")
    assert merged in page.roster.status.value
    assert [p["display_name"] for p in page.state.roster()] == ["Hamid T.", "Jonas V."]
    assert {row["participant_id"] for row, _ in page.state.cards()} == {hamid, jonas}
    assert "Jonas V." not in page.cards.missing.value


def test_one_bad_card_and_500_junk_files_never_stop_the_genuine_cards(tmp_path, conn):
    import hashlib
    import os
    import time

    from workbook.services import card_drop
    from workbook.services import group as service

    drop = tmp_path / "drop"
    drop.mkdir()
    page = _page(conn, drop=drop)
    page.state.create_group("Club Mardi")
    page.state.start_session(TODAY)
    folder = card_drop.group_folder(drop, "club-mardi", create=True)
    members = {}
    for card_id, name in (("aa11", "Lina"), ("bb22", "Marc"), ("cc33", "Nadia")):
        members[name] = page.state.add_participant(name)     # sent a card last time
        service.import_card(conn, page.state.group, None, _card(card_id, name),
                            member=members[name])
        card_drop.publish(drop, "club-mardi", card_id,
                          card_bytes(_card(card_id, name, "club-mardi")))
    odd = json.loads(card_bytes(_card("dd44", "Zoé")))     # checksum recomputed, as
    del odd["checksum"]                                     # anyone can
    odd["sections"]["routine"] = {"weeks": "abc"}
    odd["checksum"] = hashlib.sha256(json.dumps(odd, ensure_ascii=False, sort_keys=True,
                                                separators=(",", ":")).encode()).hexdigest()
    (folder / "dd44.wbcard.json").write_text(json.dumps(odd))
    future = time.time() + 365 * 86400
    for number in range(500):
        junk = folder / f"junk{number:03}.wbcard.json"
        junk.write_text('{"format": "workbook-progress-card", "version": 1}')
        os.utime(junk, (future, future))
    page.refresh()
    _click(page, "wb-group-drop-import")
    status = page.cards.status.value
    assert "3 cards imported" in status and "501 files refused" in status
    for name in members:
        assert name in page.cards.side_by_side.value
    results = page.cards.results.value
    assert "dd44.wbcard.json" in results and "routine" in results
    assert "454 more files" in results                     # 50 lines shown, then a count
    _click(page, "wb-group-drop-look")
    assert page.cards.dropped.value.index("aa11") < page.cards.dropped.value.index("junk")


@pytest.mark.parametrize("lang, asked, first_line", [
    ("en", "Say once who you are", "Card of Hamid Tazi"),
    ("fr", "Dites une fois qui vous êtes", "Fiche de Hamid Tazi")])
def test_sharing_asks_the_name_once_and_the_copied_text_reads_in_plain_words(tmp_path, lang,
                                                                              asked, first_line):
    from workbook.services.card import saved_name

    conn = open_path(tmp_path / "hamid.sqlite")
    share = CardSharePanel(Translator(lang), CardShareState(conn, "hamid", lambda: TODAY),
                           lambda f: f)
    _find(share.view, "wb-card-open").click()
    assert asked in share.name_ask.value                   # no name yet: asked, nothing built
    assert share.text.value == "" and share.download.value == "" and share.card is None
    share.name.value = "  Hamid   Tazi "
    assert share.name_ask.value == "" and saved_name(conn) == "Hamid Tazi"
    text = share.text.value
    assert text.startswith(first_line)                     # a person reads it first
    assert read_card(text) == share.card and share.card.participant == "Hamid Tazi"
    assert share.copy.text == text                         # the button copies exactly that
    again = CardSharePanel(Translator(lang), CardShareState(conn, "hamid", lambda: TODAY),
                           lambda f: f)
    _find(again.view, "wb-card-open").click()
    assert again.name.value == "Hamid Tazi" and again.name_ask.value == ""
    share.name.value = ""                                  # emptied: asked again, not sent
    assert asked in share.name_ask.value and share.text.value == ""
    assert saved_name(conn) == "Hamid Tazi"
    conn.close()


def test_a_one_liner_holding_a_marker_line_cannot_hide_the_card():
    from workbook.domain.progress_card import BEGIN, END

    card = _card("aa11", "Lina")
    text = card_text(card, [f"{BEGIN} fake {END}", "One-liner: x"])
    assert read_card(text) == card


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another Unix user needs root")
def test_on_a_cohort_server_the_drop_file_s_owner_says_who_sent_it(tmp_path, conn):
    import pwd

    from workbook.services import card_drop
    from workbook.services import group as service

    nobody = pwd.getpwnam("nobody")
    drop = tmp_path / "drop"
    drop.mkdir()
    page = _page(conn, drop=drop)
    page.state.create_group("Club Mardi")
    page.state.start_session(TODAY)
    lina = page.state.add_participant("Lina B.")
    service.import_card(conn, page.state.group, None, _card("aa11", "Lina B."), member=lina)
    card_drop.group_folder(drop, "club-mardi", create=True)
    # someone else's file claiming Lina's card id under her very name
    path = card_drop.publish(drop, "club-mardi", "forged1",
                             card_bytes(_card("aa11", "Lina B.", "club-mardi")))
    os.chown(path, nobody.pw_uid, nobody.pw_gid)
    page.refresh()
    _click(page, "wb-group-drop-import")
    assert "another member" in page.cards.status.value
    row = _find(page.cards.waiting, "wb-group-waiting-text").value
    assert "Lina B." in row and "nobody" in row
    assert len(page.state.cards()) == 1            # Lina's own card, untouched
    _click(page, "wb-group-waiting-skip")
    assert page.state.pending == []


@pytest.mark.parametrize("lang, closing", [("en", "End of the card"), ("fr", "Fin de la fiche")])
def test_the_copied_card_opens_and_closes_in_the_persons_language(tmp_path, lang, closing):
    """Around the reader's marker lines, the words the person sees are in her language."""
    from workbook.domain.progress_card import BEGIN, END

    conn = open_path(tmp_path / "claire.sqlite")
    share = CardSharePanel(Translator(lang), CardShareState(conn, "claire", lambda: TODAY),
                           lambda f: f)
    _find(share.view, "wb-card-open").click()
    share.name.value = "Claire Martin"
    lines = share.text.value.splitlines()
    begin, end = lines.index(BEGIN), lines.index(END)
    assert lines[begin - 1] == Translator(lang)("card.share.text_block")
    assert closing in lines[end + 1]
    assert read_card(share.text.value) == share.card
    conn.close()
