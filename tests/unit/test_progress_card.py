"""Progress cards: what a card holds (and never holds), its round trip, and every way a card
can be refused with one reason."""

import base64
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.domain.calendar_rules import week_start
from workbook.domain.progress_card import (
    BEGIN,
    END,
    VERSION,
    CardError,
    ProgressCard,
    card_bytes,
    card_text,
    check_group,
    press_readiness,
    routine_adherence,
)
from workbook.io.progress_card import read_card
from workbook.services.card import build_card, describe_card
from workbook.store.contacts import add_contact, log_interaction
from workbook.store.network import add_introduction, save_target
from workbook.store.positioning import save_version
from workbook.store.settings import set_setting

TODAY = dt.date(2026, 11, 30)

# Everything a contact can carry: none of it may reach a card.
SECRETS = {
    "full_name": "Zéphyrine Quintal-Obradović",
    "first_name": "Zéphyrine", "last_name": "Quintal-Obradović",
    "email": "zephyrine.secret@hidden-mail.example",
    "phone": "+33 6 98 76 54 32",
    "profile_url": "https://www.linkedin.com/in/zephyrine-q-secret",
    "position": "Directrice confidentielle des achats",
    "notes": "NOTE-PRIVEE: ne pas dire qu'elle quitte son poste",
    "can_give": "CADEAU-SECRET une intro chez son mari",
}
INTERACTION_NOTE = "ECHANGE-SECRET déjeuner du 12, elle cherche un adjoint"
INTRO_PERSON = "Wolfgang Hidden-Person"
INTRO_NOTE = "INTRO-NOTE-SECRETE via le club de golf"
CONTACT_ORG = "Société Écran Confidentielle"


def _full_profile(conn):
    from workbook.domain.positioning import Card, Statement

    set_setting(conn, "display_name", "Karim O.")
    contact = add_contact(conn, SECRETS["full_name"], first_name=SECRETS["first_name"],
                          last_name=SECRETS["last_name"], email=SECRETS["email"],
                          phone=SECRETS["phone"], profile_url=SECRETS["profile_url"],
                          organisation=CONTACT_ORG, position=SECRETS["position"],
                          layer="close", roles=("connector",), needs=("talent",),
                          notes=SECRETS["notes"], can_give=SECRETS["can_give"])
    other = add_contact(conn, "Ulrich Second", layer="target", roles=("journalist",),
                        email="ulrich@hidden.example", notes="second secret note")
    log_interaction(conn, contact, TODAY - dt.timedelta(days=3), "lunch", notes=INTERACTION_NOTE)
    log_interaction(conn, other, TODAY - dt.timedelta(days=10), "call", purpose="expand",
                    notes="CALL-SECRET")
    save_target(conn, "Helio Parc Énergies SAS", motivation=3, notes="TARGET-NOTE-SECRET")
    add_introduction(conn, contact, "Groupe Vaubanne", person_name=INTRO_PERSON,
                     notes=INTRO_NOTE)
    conn.execute("INSERT INTO journalists(contact_id, name, outlet, beat, notes) VALUES"
                 " (?, 'Ulrich Second', 'Ouest Éco SECRET-OUTLET', 'BEAT-SECRET',"
                 " 'JOURNALIST-NOTE-SECRET')", (other,))
    conn.execute("INSERT INTO media_log(journalist_id, journalist_name, received_at, kind,"
                 " subject, notes) VALUES (1, 'Ulrich Second', '2026-11-01T09:00', 'pitch',"
                 " 'SUBJECT-SECRET', 'MEDIA-NOTE-SECRET')")
    save_version(conn, Statement(target_role="Responsable supply chain",
                                 audience="développeurs de parcs solaires",
                                 deliverable="des chantiers livrés à temps"),
                 Card(one_liner="Responsable supply chain pour les parcs solaires."), "fr", 72)
    # started using the workbook well before the card's weeks
    conn.execute("UPDATE contacts SET created_at = '2026-09-01T10:00:00'")


def _all_text(card):
    """Every form a card takes: its file, its text form decoded."""
    text = card_text(card)
    inner = base64.b64decode("".join(text.split("\n")[1:-2]))
    return card_bytes(card).decode("utf-8") + "\n" + inner.decode("utf-8")


def test_a_card_never_holds_a_contact_field_even_with_every_section_ticked(conn):
    _full_profile(conn)
    card = build_card(conn, "me", TODAY, include={"positioning", "network", "routine", "press",
                                                   "targets", "introductions"})
    assert set(card.sections) == {"positioning", "network", "routine", "press", "targets",
                                  "introductions"}
    everything = _all_text(card).casefold()
    secrets = [*SECRETS.values(), INTERACTION_NOTE, INTRO_PERSON, INTRO_NOTE, "Ulrich",
               "ulrich@hidden.example", "second secret note", "CALL-SECRET",
               "TARGET-NOTE-SECRET", "SECRET-OUTLET", "BEAT-SECRET", "JOURNALIST-NOTE-SECRET",
               "SUBJECT-SECRET", "MEDIA-NOTE-SECRET", CONTACT_ORG]
    found = [s for s in secrets if s.casefold() in everything]
    assert not found, found
    # …while what the participant ticked is there
    assert "Helio Parc Énergies SAS" in card.sections["targets"]
    assert card.sections["introductions"] == ["Groupe Vaubanne"]
    assert card.sections["network"]["by_role"] == {"connector": 1, "journalist": 1}
    assert card.sections["press"]["level"] == "preparing"
    assert card.sections["positioning"]["focus_score"] == 72
    assert card.participant == "Karim O."


def test_opt_in_sections_are_left_out_unless_ticked(conn):
    _full_profile(conn)
    card = build_card(conn, "me", TODAY)
    assert "targets" not in card.sections and "introductions" not in card.sections
    assert "Helio" not in card_bytes(card).decode()
    smaller = build_card(conn, "me", TODAY, include={"network"})
    assert set(smaller.sections) == {"network"}


def test_an_empty_profile_gives_a_card_with_nothing_to_hide(conn):
    card = build_card(conn, "lea", TODAY, name="Léa B.")
    assert card.participant == "Léa B." and "press" not in card.sections
    assert read_card(card_bytes(card)) == card


def test_a_card_never_carries_the_profile_file_name_as_the_persons_name(conn):
    """No name given yet: the card is not made in the name "default" or "claire"."""
    with pytest.raises(ValueError):
        build_card(conn, "default", TODAY)
    set_setting(conn, "display_name", "Claire Martin")
    assert build_card(conn, "default", TODAY).participant == "Claire Martin"


def test_a_first_week_counts_only_the_weeks_since_the_workbook_was_started(conn):
    """Claire started this week: her card says one week, not 60 of 480 planned minutes
    over four weeks she was not using the workbook."""
    set_setting(conn, "display_name", "Claire")
    someone = add_contact(conn, "Paul Ami", layer="close")
    log_interaction(conn, someone, TODAY, "coffee")
    conn.execute("UPDATE contacts SET created_at = ?", (f"{TODAY.isoformat()}T09:00:00",))
    conn.execute("UPDATE interactions SET created_at = ?", (f"{TODAY.isoformat()}T09:05:00",))
    weeks = build_card(conn, "default", TODAY, include={"routine"}).sections["routine"]["weeks"]
    assert [w["week"] for w in weeks] == [week_start(TODAY).isoformat()]
    planned = weeks[0]["planned_maintain"]
    assert sum(w["planned_maintain"] for w in weeks) == planned


def test_round_trip_through_the_file_and_the_text_form(conn):
    _full_profile(conn)
    card = build_card(conn, "me", TODAY, group="club-mardi",
                      include={"positioning", "targets", "routine"})
    assert read_card(card_bytes(card)) == card
    assert read_card(card_text(card)) == card
    # pasted with a chat's extra text and spaces around it
    pasted = "Voici ma fiche :\n\n" + card_text(card).replace("\n", "  \n") + "\nMerci !"
    assert read_card(pasted) == card
    assert card.card_id == build_card(conn, "me", TODAY).card_id   # one id per profile


def _sample():
    return ProgressCard("abc123", "Lina", "club-mardi", "2026-11-30",
                        {"network": {"total": 3, "by_layer": {"close": 3}, "by_role": {}}})


@pytest.mark.parametrize("mangle, code", [
    (lambda b: b.replace(b'"total": 3', b'"total": 30'), "tampered"),
    (lambda b: b.replace(b'"Lina"', b'"Lina B."'), "tampered"),
    (lambda b: b[: len(b) // 2], "truncated"),
    (lambda b: b"", "empty"),
    (lambda b: b"   \n", "empty"),
    (lambda b: b"\xff\xfe not json", "truncated"),
    (lambda b: json.dumps({"format": "vcard", "version": 1}).encode(), "foreign"),
    (lambda b: b"[1, 2, 3]", "foreign"),
    (lambda b: b.replace(b'"version": 1', b'"version": "1"'), "foreign"),
    (lambda b: b"x" * 300_000, "too_large"),
])
def test_a_bad_card_gives_one_reason(mangle, code):
    with pytest.raises(CardError) as problem:
        read_card(mangle(card_bytes(_sample())))
    assert problem.value.code == code


def test_a_card_from_a_newer_workbook_is_recognised_before_its_checksum():
    payload = json.loads(card_bytes(_sample()))
    payload["version"] = VERSION + 1
    payload["sections"]["something_new"] = {"x": 1}
    with pytest.raises(CardError) as problem:
        read_card(json.dumps(payload).encode())
    assert problem.value.code == "too_new"


def test_text_forms_cut_short_or_garbled_are_truncated():
    text = card_text(_sample())
    for broken in (text.replace(END, ""), text[: len(text) // 2],
                   text.replace(text.split("\n")[2], "!!!not base64!!!")):
        with pytest.raises(CardError) as problem:
            read_card(broken)
        assert problem.value.code == "truncated"
    assert read_card(BEGIN + "\n" + "\n".join(text.split("\n")[1:])) == _sample()


def test_a_card_for_another_group_is_refused_and_an_unaddressed_one_accepted():
    with pytest.raises(CardError) as problem:
        check_group(_sample(), "club-jeudi")
    assert problem.value.code == "other_group"
    check_group(_sample(), "club-mardi")
    check_group(ProgressCard("x1", "Lina", "", "2026-11-30", {}), "club-jeudi")


def test_routine_adherence_and_press_readiness():
    weeks = [{"planned_maintain": 60, "done_maintain": 60, "planned_expand": 60,
              "done_expand": 0},
             {"planned_maintain": 60, "done_maintain": 300, "planned_expand": 60,
              "done_expand": 300}]
    assert routine_adherence(weeks) == pytest.approx(0.75)   # a big week does not hide
    assert routine_adherence([{"planned_maintain": 0, "planned_expand": 0}]) is None
    assert press_readiness(0, 0, 0, 0) == "not_started"
    assert press_readiness(2, 1, 0, 0) == "preparing"
    assert press_readiness(2, 3, 0, 0) == "ready"
    assert press_readiness(1, 0, 1, 1) == "in_contact"


def test_the_preview_names_every_section_in_both_languages(conn):
    from workbook.i18n import Translator

    _full_profile(conn)
    card = build_card(conn, "me", TODAY, include={"positioning", "network", "routine", "press",
                                                   "targets", "introductions"})
    for lang in ("fr", "en"):
        lines = describe_card(card, Translator(lang))
        assert {s for s, _ in lines} >= set(card.sections)
        assert any("Helio Parc" in text for _, text in lines)


def test_the_card_and_the_positioning_page_give_the_score_one_name():
    from workbook.i18n import Translator

    for lang in ("fr", "en"):
        tr = Translator(lang)
        name = tr("positioning.score.title").casefold()
        assert name in tr("card.section.positioning").casefold()
        assert name in tr("card.preview.positioning", one_liner="x", score=1).casefold()
        assert name in tr("group.cards.over_legend").casefold()


def _press_card(journalists, key_messages, pitched, called_back, weeks, total):
    return ProgressCard("abc123", "Lina", "", "2026-11-30", {
        "network": {"total": total, "by_layer": {"close": total}, "by_role": {}},
        "routine": {"weeks": [{"week": "2026-11-23", "planned_maintain": 60,
                               "done_maintain": 0, "planned_expand": 0, "done_expand": 0,
                               "planned_new": 1, "new_people": 1}] * weeks},
        "press": {"journalists": journalists, "key_messages": key_messages,
                  "pitched": pitched, "called_back": called_back, "level": "in_contact"}})


def test_workbook_card_says_2_pitches_and_10_call_backs():
    from workbook.i18n import Translator

    lines = dict(describe_card(_press_card(1, 3, 2, 10, 1, 1), Translator("en")))
    assert "2 pitches · 10 call-backs" in lines["press"]
    assert "1 key message" not in lines["press"] and "3 key messages ready" in lines["press"]
    assert lines["network"].startswith("1 contact ·")
    fr = dict(describe_card(_press_card(1, 1, 1, 1, 2, 0), Translator("fr")))
    assert "1 message clé prêt · 1 proposition · 1 rappel" in fr["press"]
    assert fr["routine"].startswith("2 dernières semaines")


@settings(max_examples=60, deadline=None)
@given(counts=st.tuples(*[st.integers(min_value=0, max_value=5000)] * 4),
       weeks=st.integers(min_value=1, max_value=8), total=st.integers(0, 99_999))
def test_a_count_on_a_card_is_never_shown_with_s_in_brackets(counts, weeks, total):
    from workbook.i18n import Translator

    for lang in ("fr", "en"):
        text = " ".join(t for _, t in describe_card(_press_card(*counts, weeks, total),
                                                    Translator(lang)))
        assert "(s)" not in text and "(es)" not in text
