"""A coach's club evening on the group page, and what the room sees of it: one round per
session (a second click offers to replace it), messages that never outlive what they said,
the room's view that can look and add but never delete nor see the kept-apart list, the
attendance's feedback and the pitch round's presets. Widgets are built and clicked in plain
pytest on a real SQLite file."""

import datetime as dt

import ipywidgets as ipw
import pytest

from workbook.demo import fill_demo
from workbook.i18n import Translator
from workbook.store import open_path
from workbook.ui.common import PageContext
from workbook.ui.group import SESSION_TABS, GroupPage

TODAY = dt.date(2026, 11, 30)


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def _find(widget, css):
    return next((w for w in _walk(widget) if css in getattr(w, "_dom_classes", ())), None)


def _click(page, css):
    button = _find(page.view, css)
    assert isinstance(button, ipw.Button), css
    button.click()


@pytest.fixture
def demo(tmp_path):
    conn = open_path(tmp_path / "coach.sqlite")
    fill_demo(conn, today=TODAY)
    yield conn
    conn.close()


def _coach(conn, lang="en"):
    return GroupPage(PageContext("coach", conn, Translator(lang)), lambda: TODAY)


def _room(conn, lang="en"):
    return GroupPage(PageContext("coach", conn, Translator(lang)), lambda: TODAY,
                     shown=SESSION_TABS, room=True)


# ------------------------------------------------------------------ one round per session

def test_a_second_generate_offers_to_replace_and_never_adds_a_round(demo):
    page = _coach(demo)
    _click(page, "wb-group-generate")                       # the demo's third session
    assert "Round 3 is ready" in page.pairs.status.value
    made = page.state.session_round()
    unmet = page.state.unmet_count()
    _click(page, "wb-group-generate")                       # the second click of the evening
    assert [r["round_no"] for r in page.state.rounds()] == [1, 2, 3]
    assert page.state.unmet_count() == unmet                # nothing counted twice
    assert page.pairs.replace.view.layout.display == "flex"
    assert "already has round 3" in page.pairs.replace.question.value
    assert page.pairs.status.value == ""                    # "Round 3 is ready" went
    _find(page.view, "wb-group-replace-round-yes").click()
    rounds = page.state.rounds()
    assert [r["round_no"] for r in rounds] == [1, 2, 3]
    assert rounds[-1]["id"] == made["id"]
    assert {frozenset(g) for g in rounds[-1]["groups"]} != {frozenset(g)
                                                            for g in made["groups"]}
    assert page.state.unmet_count() == unmet
    assert "Round 3 was replaced" in page.pairs.status.value


def test_cancelling_the_replacement_keeps_the_round(demo):
    page = _coach(demo, lang="fr")
    _click(page, "wb-group-generate")
    before = page.state.session_round()
    _click(page, "wb-group-generate")
    assert "déjà le tour 3" in page.pairs.replace.question.value
    page.pairs.replace.no.click()
    assert page.pairs.replace.view.layout.display == "none"
    assert page.state.session_round() == before


def test_the_state_refuses_a_second_round_for_a_session_unless_asked(demo):
    from workbook.store.group import GroupConflict

    page = _coach(demo)
    page.state.generate_round()
    with pytest.raises(GroupConflict) as refused:
        page.state.generate_round()
    assert refused.value.code == "round_exists"
    assert len(page.state.rounds()) == 3


def test_a_message_goes_when_the_session_it_spoke_of_is_left(demo):
    page = _coach(demo)
    _click(page, "wb-group-generate")
    assert "Round 3 is ready" in page.pairs.status.value
    _click(page, "wb-group-generate")                       # a question pending
    first = page.state.sessions()[0]["id"]
    page.session.choice.value = first                       # back to the first session
    assert page.state.session["id"] == first
    assert page.pairs.status.value == ""
    assert page.pairs.replace.view.layout.display == "none"


# ---------------------------------------------------------------------------- the room

def test_the_room_never_sees_the_kept_apart_list_nor_a_way_to_change_the_coachs_records(
        demo):
    page = _room(demo)
    shown = " ".join(str(getattr(w, "value", "")) + " " + " ".join(
        str(o) for o in getattr(w, "options", ())) for w in _walk(page.view))
    assert "Aline M. ↔ Jonas V." not in shown and "↔" not in shown
    assert "Kept apart" not in shown and "Not to be paired" not in shown
    for coach_only in ("wb-group-generate", "wb-group-replace-round-yes",
                       "wb-group-delete-round", "wb-group-delete-round-yes",
                       "wb-group-avoid-add", "wb-group-avoid-remove", "wb-group-pitch-delete",
                       "wb-group-board-delete", "wb-group-referral-made",
                       "wb-group-card-upload", "wb-group-session-save"):
        assert _find(page.view, coach_only) is None, coach_only
    labels = {w.description for w in _walk(page.view) if isinstance(w, ipw.Button)}
    assert labels == {Translator("en")("group.pitch.add"), Translator("en")("group.board.add")}
    # the one-liners are for the speakers to say, not for listeners to copy
    assert "helps" not in page.pitch.order.value and "Contrôleuse" not in page.pitch.order.value
    # what the room may do: look, add a board entry, add its own pitch note
    page.board.answer.value = "Helio Parc recrute deux chefs de projet."
    _click(page, "wb-group-board-add")
    assert "Helio Parc recrute" in page.board.entries.value
    page.pitch.remembered.value = "contrôle de gestion, PME"
    _click(page, "wb-group-pitch-add")
    assert demo.execute("SELECT count(*) FROM pitch_notes WHERE remembered = ?",
                        ("contrôle de gestion, PME",)).fetchone()[0] == 1


def test_the_coach_still_has_every_tool(demo):
    page = _coach(demo)
    for coach_only in ("wb-group-generate", "wb-group-delete-round", "wb-group-avoid-add",
                       "wb-group-pitch-delete", "wb-group-board-delete"):
        assert _find(page.view, coach_only) is not None, coach_only
    assert "Aline M. ↔ Jonas V." in [label for label, _ in page.pairs.avoided.options]


# ------------------------------------------------------------------------ small things

def test_ticking_attendance_says_it_is_saved_and_counts_who_is_here(demo):
    page = _coach(demo)
    boxes = page.session.attendance.children
    boxes[0].value = False
    line = page.session.attendance_status.value
    assert "Saved: 9 of 10 present" in line
    fr = _coach(demo, lang="fr")
    fr.session.attendance.children[1].value = False
    assert "8 présents sur 10" in fr.session.attendance_status.value


def test_the_pitch_round_starts_with_the_first_speaker_and_someone_else_notes(demo):
    page = _coach(demo)
    order = page.state.pitch_order()
    assert page.pitch.speaker.value == order[0]
    assert page.pitch.listener.value != page.pitch.speaker.value
    page.pitch.speaker.value = page.pitch.listener.value     # the next speaker stands up
    assert page.pitch.listener.value != page.pitch.speaker.value
    # someone is away: the new order starts again at its first speaker
    page.session.attendance.children[0].value = False
    order = page.state.pitch_order()
    assert page.pitch.speaker.value == order[0]
    assert page.pitch.listener.value != order[0]


def test_recall_ignores_case_reads_the_role_and_says_which_words_did_not_come_back():
    from workbook.domain.group import pitch_recall

    core = {"target_role": "Consultant supply chain"}
    line = "Consultant supply chain, ouvert à tout poste dans l'industrie ou l'énergie."
    some = pitch_recall(line, core, [("Estelle F.", "consultant…")])
    assert some.score == pytest.approx(1 / 3) and some.lost_part == "target_role"
    assert some.lost_words == ("supply", "chain")          # what was lost, in his words
    shouting = pitch_recall(line, core, [("Estelle F.", "CONSULTANT en SUPPLY CHAIN")])
    assert shouting.score == 1 and shouting.lost_part is None and shouting.lost_words == ()


def test_the_pitch_results_name_the_words_that_got_lost(demo):
    page = _coach(demo)
    jonas = next(p for p, n in page.state.names().items() if n == "Jonas V.")
    page.pitch.speaker.value = jonas
    page.pitch.remembered.value = "consultant…"
    _click(page, "wb-group-pitch-add")
    row = next(r for r in page.pitch.results.value.split("<tr>") if "Jonas V." in r)
    assert "33" in row and "the role: “supply chain” did not come back" in row


def test_cross_referrals_come_by_target_with_tonights_people_first(demo):
    page = _coach(demo)
    _click(page, "wb-group-referrals-refresh")
    referrals = page.state.referrals()
    assert len(referrals) > 3
    hamid = next(p for p, n in page.state.names().items() if n == "Hamid T.")
    helio = [r for r in referrals if r["organisation"].startswith("Helio")]
    away = next(p for p in (helio[0]["from_participant"], helio[0]["to_participant"]))
    for box, person in zip(page.session.attendance.children, page.state.roster()):
        if person["id"] in (away, hamid):
            box.value = False
    html = page.referrals.table.value
    headings = html.count("<h4>")
    assert headings == len({r["organisation"] for r in referrals})     # one per target
    section = html[html.index(f"<h4>{helio[0]['organisation']}"):]
    section = section[:section.index("</table>")]
    name = page.state.names()[away]
    assert f"{name} (away tonight)" in section
    rows = section.split("<tr>")[2:]
    marked = [i for i, row in enumerate(rows) if "away tonight" in row]
    assert marked == list(range(len(rows) - len(marked), len(rows)))   # away ones last


def test_the_missing_cards_line_ends_once(demo):
    page = _coach(demo)
    line = page.cards.missing.value
    assert "Hamid T." in line and "Jonas V." in line and ".." not in line


def test_the_demo_agenda_speaks_the_language_it_is_served_in(tmp_path):
    from workbook.store.settings import set_setting

    conn = open_path(tmp_path / "en.sqlite")
    set_setting(conn, "lang", "en")
    fill_demo(conn, today=TODAY)
    agendas = [row[0] for row in conn.execute("SELECT agenda FROM group_sessions")]
    assert agendas and all("binômes" not in a and "pitch" in a or "intelligence" in a
                           for a in agendas), agendas
    conn.close()
