"""Press rules: the topic-sheet checker on realistic FR and EN sheets, every rule alone, the
guards (re-reading, pitches, off the record) and the good-client record."""

import datetime as dt

import pytest

from workbook.domain.press import (
    FINDING_CODES,
    KeyPoint,
    LogEntry,
    PitchPolicy,
    PlanItem,
    TopicSheet,
    check_sheet,
    entry_guards,
    entry_problems,
    good_client_record,
    off_record_guard,
    outreach_guard,
    plan_events,
    readiness_codes,
    records_by_journalist,
    reread_guard,
    suggest_plan,
)
from workbook.domain.press import sheets as rules
from workbook.domain.press.plan import PressSettings
from workbook.i18n import LANGUAGES, Translator


def P(message, proof="", *quotes):
    return KeyPoint(message, proof, tuple(quotes))


# ------------------------------------------------------------------ realistic sheets
SHARP = {
    "fr_solar": ("fr", TopicSheet(
        "Chantiers solaires",
        "Un chantier solaire sur trois prend du retard parce que les pièces arrivent trop tard.",
        (P("Un jour de retard coûte 2 000 € sur un parc de 10 MW.",
           "Relevé sur 40 chantiers, 2025", "Chaque jour sans panneaux coûte une voiture."),
         P("Stocker près du chantier divise les retards par deux.",
           "Exemple : le parc de Lunel, 12 jours gagnés",
           "Un entrepôt à 20 km vaut mieux qu'une promesse à 800 km."),
         P("Les transformateurs se commandent un an avant le chantier.",
           "Délai constructeur : 52 semaines",
           "Un transformateur se commande avant le permis, pas après.")))),
    "fr_payroll": ("fr", TopicSheet(
        "Clôture de paie",
        "Une PME peut clôturer sa paie en cinq jours au lieu de dix.",
        (P("Automatiser les variables de paie fait gagner trois jours.",
           "Chez Biscuits Léon, 450 salariés",
           "Trois jours gagnés, c'est une semaine de congés rendue à l'équipe."),
         P("Les erreurs de paie coûtent 1 % de la masse salariale.",
           "Étude du cabinet Paie Conseil, 2024", "Une erreur sur cent, c'est un salaire perdu.")))),
    "en_hr": ("en", TopicSheet(
        "Hiring in green energy",
        "Wind farms lack logistics people more than turbines.",
        (P("The sector hires 3,000 logisticians a year in France.",
           "Regional employment observatory, 2025", "We lack drivers, not turbines."),
         P("Retail supply chain skills transfer in six months.",
           "For example, my move from Grand Marché to Helio Parc",
           "A building site is a shop that moves every six months."),
         P("Training budgets pay back within one year.", "Helio Parc's 2024 programme",
           "Every euro of training came back within a year.")))),
    "en_cyber": ("en", TopicSheet(
        "Ransomware in hospitals",
        "Most hospital ransomware attacks start with one stolen password.",
        (P("Two-factor login blocks 99% of password attacks.", "Microsoft security report 2023",
           "A second code stops almost every stolen password."),
         P("Offline backups cut recovery from weeks to days.",
           "Example: Dax hospital restarted in four days",
           "Keep one copy of your data where no hacker can reach it.")))),
}
VAGUE = {
    "fr_hydrogen": ("fr", TopicSheet(
        "Hydrogène",
        "L'hydrogène est en quelque sorte un enjeu majeur, je pense que c'est assez important.",
        (P("Il faut un peu plus anticiper les choses", "", "C'est plutôt important"),
         P("Les solutions innovantes sont essentielles", "", "Il faut des synergies"),
         P("Anticiper les choses un peu plus", "", "On va dire que ça compte"),
         P("Le TCO des PL H2 reste élevé", "", "Le reporting est la clé"),
         P("Travailler en synergie avec les différents acteurs de la filière pour améliorer "
           "globalement beaucoup de choses", "", "Ensemble on va plus loin")))),
    "fr_careers": ("fr", TopicSheet(
        "Reconversion",
        "La reconversion c'est un peu compliqué, il me semble que c'est plutôt une affaire de "
        "motivation et de dynamique personnelle dans un contexte qui évolue beaucoup.",
        (P("Il faut être passionné et dynamique"), P("Le réseau est essentiel"),
         P("Être passionné et dynamique compte"), P("Les RH ne lisent pas les CV"),
         P("Il faut peut-être se former")))),
    "en_marketing": ("en", TopicSheet(
        "Marketing",
        "I think maybe marketing is sort of a key challenge for many companies.",
        (P("We should leverage innovative synergies", "", "It's kind of a game changer"),
         P("Brands need a holistic approach to customers"),
         P("Leverage innovative synergies across teams"),
         P("The CAC and LTV metrics matter"),
         P("Perhaps companies could possibly invest a bit more in various aspects of their "
           "digital presence and brand")))),
    "en_logistics": ("en", TopicSheet(
        "Logistics",
        "",
        (P("Supply chains are quite complex nowadays", "", "It's pretty much essential"),
         P("Best practices in OTIF and lead time", "", "Stakeholders need bandwidth"),
         P("Probably more things should be done"), P("Supply chains are rather complex"),
         P("Innovative logistics is crucial")))),
}


@pytest.mark.parametrize("name", sorted(SHARP))
def test_a_sharp_sheet_passes_clearly(name):
    lang, sheet = SHARP[name]
    assert check_sheet(sheet, lang) == []


@pytest.mark.parametrize("name", sorted(VAGUE))
def test_a_sheet_of_five_vague_points_gets_several_kinds_of_finding(name):
    lang, sheet = VAGUE[name]
    codes = {f.code for f in check_sheet(sheet, lang)}
    assert "too_many_points" in codes
    assert len(codes & {"hedging", "fluff", "jargon", "no_proof", "repeated_point",
                        "point_too_long", "no_quote"}) >= 4, codes


def test_findings_name_the_words_at_fault_and_the_point():
    lang, sheet = VAGUE["fr_hydrogen"]
    found = check_sheet(sheet, lang)
    hedges = [f for f in found if f.code == "hedging" and f.where == "umbrella"]
    assert hedges[0].words == ("en quelque sorte", "je pense que", "assez")
    jargon = next(f for f in found if f.code == "jargon" and f.where == "point")
    assert jargon.point == 4 and set(jargon.words) == {"TCO", "PL", "H2"}
    assert next(f for f in found if f.code == "repeated_point").value == 1


# ------------------------------------------------------------------ each rule alone
def test_more_than_three_points_is_flagged_three_is_not():
    four = TopicSheet("t", "Main.", tuple(P(f"Point {i} with 3 facts.", "", "Q.") for i in "abcd"))
    assert [f.value for f in rules.rule_structure(four)] == [4]
    assert rules.rule_structure(TopicSheet("t", "Main.", four.points[:3])) == []


def test_empty_and_missing_parts():
    assert [f.code for f in check_sheet(TopicSheet(), "fr")] == ["empty"]
    assert [f.code for f in rules.rule_structure(TopicSheet("t", "", (P("x"),)))] == [
        "no_umbrella"]
    assert [f.code for f in rules.rule_structure(TopicSheet("t", "Main"))] == ["no_points"]


@pytest.mark.parametrize("words, flagged", [(15, False), (16, True)])
def test_a_point_over_fifteen_words(words, flagged):
    sheet = TopicSheet("t", "Main.", (P(" ".join(["mot"] * words), "3 cas", "Court."),))
    assert bool(rules.rule_lengths(sheet)) is flagged


@pytest.mark.parametrize("words, flagged", [(20, False), (21, True)])
def test_a_quote_over_eight_seconds(words, flagged):
    sheet = TopicSheet("t", "Main.", (P("Point.", "3 cas", " ".join(["word"] * words)),))
    found = rules.rule_lengths(sheet)
    assert bool(found) is flagged
    if flagged:
        assert found[0].code == "quote_too_long" and found[0].value == 8


def test_the_main_message_must_be_said_in_twenty_seconds():
    long = TopicSheet("t", " ".join(["mot"] * 51), (P("Point.", "3", "Q."),))
    assert [f.code for f in rules.rule_lengths(long)] == ["umbrella_too_long"]
    assert rules.rule_lengths(TopicSheet("t", " ".join(["mot"] * 50))) == []


@pytest.mark.parametrize("lang, text, words", [
    ("fr", "C'est en quelque sorte un peu plus rapide", ("en quelque sorte", "un peu")),
    ("fr", "Plutôt rapide et assez fiable", ("Plutôt", "assez")),
    ("en", "I think maybe it is sort of faster", ("I think", "maybe", "sort of")),
    ("en", "It is kind of quite fast", ("kind of", "quite")),
])
def test_hedging_in_both_languages(lang, text, words):
    found = rules.rule_hedging(TopicSheet("t", text), lang)
    assert found[0].words == words


@pytest.mark.parametrize("lang, text", [
    ("fr", "Stocker plutôt que transporter"), ("en", "Store rather than ship"),
    ("fr", "Il y a assez de stock pour 3 jours"),
])
def test_not_every_rather_is_a_hedge(lang, text):
    assert rules.rule_hedging(TopicSheet("t", text), lang) == []


@pytest.mark.parametrize("lang, text, word", [
    ("fr", "Une solution innovante et incontournable", "innovante"),
    ("en", "A world-class, cutting-edge approach", "world-class"),
])
def test_fluff_in_both_languages(lang, text, word):
    assert word in rules.rule_fluff(TopicSheet("t", text), lang)[0].words


@pytest.mark.parametrize("lang, proof, flagged", [
    ("fr", "", True), ("fr", "c'est bien connu", True), ("fr", "40 chantiers", False),
    ("fr", "Par exemple le parc du sud", False), ("fr", "Étude de l'ADEME", False),
    ("en", "everyone knows it", True), ("en", "three sites", False),
    ("en", "as shown by Helio Parc", False),
])
def test_a_point_needs_a_figure_an_example_or_a_name(lang, proof, flagged):
    sheet = TopicSheet("t", "Main.", (P("Storing close to sites halves delays", proof, "Q."),))
    assert bool(rules.rule_proof(sheet)) is flagged


def test_acronyms_explained_once_are_not_jargon():
    bare = TopicSheet("t", "Le TCO baisse.", (P("Le TCO baisse de 3 %", "", "Q."),))
    assert {w for f in rules.rule_jargon(bare, "fr") for w in f.words} == {"TCO"}
    spelt = TopicSheet("t", "Le coût total (TCO) baisse.", bare.points)
    assert rules.rule_jargon(spelt, "fr") == []
    assert rules.rule_jargon(TopicSheet("t", "Les PME et la TVA."), "fr") == []
    assert rules.rule_jargon(TopicSheet("t", "Our KPI and best practices"), "en")[0].words == (
        "KPI", "best practices")


def test_a_point_repeating_another():
    sheet = TopicSheet("t", "M", (P("Stocker près des chantiers réduit les retards"),
                                  P("Les transformateurs se commandent tôt"),
                                  P("Réduire les retards en stockant près des chantiers")))
    found = rules.rule_repetition(sheet)
    assert [(f.point, f.value) for f in found] == [(3, 1)]
    hedged = TopicSheet("t", "M", (P("I think maybe we should sort of anticipate things"),
                                   P("We should anticipate things a bit more")))
    assert [f.point for f in rules.rule_repetition(hedged)] == [2]
    distinct = TopicSheet("t", "M", (P("Storing near the site halves the delays"),
                                     P("Transformers for the site are ordered a year ahead")))
    assert rules.rule_repetition(distinct) == []


def test_each_point_needs_a_quotable_line():
    sheet = TopicSheet("t", "M", (P("Point with 3 facts", "3"), P("Other 4", "4", "Q")))
    assert [f.point for f in rules.rule_quotes(sheet)] == [1]


def test_a_huge_paste_is_cut_and_said_so_emoji_and_tags_are_plain_text():
    paste = ("Les chantiers 🌞 <img src=x onerror=alert(1)> " * 600)[:20_000]
    sheet = TopicSheet("t", paste, (P(paste, paste, paste),))
    found = check_sheet(sheet, "fr")
    codes = {f.code for f in found}
    assert {"truncated", "umbrella_too_long", "point_too_long", "quote_too_long"} <= codes
    assert next(f for f in found if f.code == "truncated").value == rules.MAX_ANALYSED_CHARS


def test_every_finding_code_is_explained_in_both_languages():
    for lang in LANGUAGES:
        tr = Translator(lang)
        for code in FINDING_CODES:
            assert tr.has(f"press.finding.{code}.why") and tr.has(f"press.finding.{code}.fix")


# ------------------------------------------------------------------ guards
@pytest.mark.parametrize("text", [
    "Pourriez-vous m'envoyer l'article pour relecture avant publication ?",
    "Je souhaiterais relire l'article avant sa parution.",
    "Serait-il possible de valider le texte avant publication ?",
    "Could I review the article before it runs?",
    "Please send me the draft so I can approve it.",
    "Can I read the piece before it is published?",
])
def test_asking_to_reread_the_article_is_flagged(text):
    guard = reread_guard(text)
    assert guard.code == "reread_article" and not guard.ok and guard.words


@pytest.mark.parametrize("text", [
    "Je peux vérifier mes citations dans l'article si vous le souhaitez.",
    "Je reste disponible pour relire les citations qui me sont attribuées.",
    "Happy to check the quotes you attribute to me.",
    "I can check my quotes in the article if useful.",
])
def test_offering_to_check_ones_quotes_is_fine(text):
    assert reread_guard(text).code == "quotes_only"


def test_a_qa_interview_is_the_exception_and_plain_text_says_nothing():
    assert reread_guard("Could I see the draft?", qa_interview=True).code == "reread_qa"
    assert reread_guard("Merci pour votre appel, je vous rappelle à 15 h.") is None
    assert reread_guard("") is None


NOW = dt.datetime(2026, 12, 1, 15, 0)


def E(kind, received, answered=None, jid=1, name="Sophie", **flags):
    return LogEntry(0, jid, name, kind, received, answered, **flags)


def test_one_pitch_per_journalist_per_eight_weeks():
    assert outreach_guard("pitch", [], NOW).code == "pitch_ok"
    recent = [E("pitch", NOW - dt.timedelta(weeks=3))]
    guard = outreach_guard("pitch", recent, NOW)
    assert (guard.code, guard.ok) == ("pitch_cap", False)
    assert guard.day == (NOW - dt.timedelta(weeks=3) + dt.timedelta(weeks=8)).date()
    assert outreach_guard("pitch", [E("pitch", NOW - dt.timedelta(weeks=9))], NOW).ok
    assert outreach_guard("pitch", recent, NOW, PitchPolicy(weeks=2)).ok


def test_no_follow_up_before_they_reply_and_at_most_one():
    sent = NOW - dt.timedelta(days=10)
    assert outreach_guard("follow_up", [], NOW).code == "follow_up_without_pitch"
    assert outreach_guard("follow_up", [E("pitch", sent)], NOW).code == "follow_up_before_reply"
    replied = [E("pitch", sent, sent + dt.timedelta(days=1))]
    assert outreach_guard("follow_up", replied, NOW).code == "follow_up_ok"
    twice = [*replied, E("follow_up", sent + dt.timedelta(days=2))]
    assert outreach_guard("follow_up", twice, NOW).code == "follow_up_cap"
    assert outreach_guard("request", twice, NOW).code == "not_unsolicited"


def test_off_the_record_without_asking_gets_a_warning():
    assert off_record_guard(E("interview", NOW, off_record=True)).code == "off_not_asked"
    assert off_record_guard(E("interview", NOW, off_record=True,
                              asked_not_to_quote=True)).code == "off_asked"
    assert off_record_guard(E("interview", NOW)) is None


def test_entry_guards_say_what_was_caught():
    entry = E("request", NOW, draft="Pourriez-vous m'envoyer l'article avant publication ?")
    assert [g.code for g in entry_guards(entry)] == ["reread_caught"]
    assert [g.code for g in entry_guards(E("interview", NOW, asked_to_reread=True))] == [
        "reread_logged"]
    assert entry_guards(E("interview", NOW, asked_to_reread=True, qa_interview=True)) == []


def test_every_guard_code_is_translated():
    codes = {"reread_article", "reread_qa", "quotes_only", "pitch_cap", "pitch_ok",
             "follow_up_without_pitch", "follow_up_cap", "follow_up_before_reply",
             "follow_up_ok", "not_unsolicited", "off_asked", "off_not_asked", "reread_logged",
             "reread_caught"}
    for lang in LANGUAGES:
        assert all(Translator(lang).has(f"press.guard.{c}") for c in codes)


# ------------------------------------------------------------------ log and record
def test_an_answer_before_the_request_or_in_the_future_is_refused():
    assert entry_problems("request", NOW, NOW - dt.timedelta(minutes=5), NOW) == [
        "answered_before_received"]
    assert entry_problems("request", NOW + dt.timedelta(days=1), None, NOW) == [
        "received_in_future"]
    assert entry_problems("request", NOW - dt.timedelta(hours=1), NOW + dt.timedelta(hours=1),
                          NOW) == ["answered_in_future"]
    assert entry_problems("gossip", None, None, NOW, journalist=False) == [
        "no_journalist", "bad_kind", "no_received_at"]
    assert entry_problems("request", NOW - dt.timedelta(hours=1), NOW, NOW) == []


def test_the_good_client_record():
    day = dt.datetime(2026, 11, 2, 10, 0)
    entries = [
        E("request", day, day + dt.timedelta(minutes=20)),
        E("interview", day + dt.timedelta(minutes=30), quoted=True),
        E("request", day + dt.timedelta(days=1), day + dt.timedelta(days=1, minutes=90),
          jid=2, name="Marc"),
        E("request", day + dt.timedelta(days=2), day + dt.timedelta(days=2, minutes=40),
          jid=2, name="Marc"),
        E("interview", day + dt.timedelta(days=2, hours=1), jid=2, name="Marc"),
        E("request", day + dt.timedelta(days=3), jid=3, name="Anaïs"),   # never answered
    ]
    record = good_client_record(entries, 60)
    assert (record.requests, record.answered, record.within_target) == (4, 3, 2)
    assert record.share_within_target == 0.5
    assert record.median_minutes == 40
    assert (record.interviews, record.quoted, record.quote_rate) == (2, 1, 0.5)
    assert record.last_contact == day + dt.timedelta(days=3)
    per = records_by_journalist(entries, 60)
    assert per[(2, "Marc")].median_minutes == 65 and per[(1, "Sophie")].quoted == 1
    assert good_client_record([], 60).share_within_target is None


def test_a_journalist_erased_from_the_list_keeps_a_line_under_their_name():
    entries = [E("request", NOW, jid=None, name="Ancien Nom"), E("request", NOW, jid=None,
                                                                 name="Autre")]
    assert set(records_by_journalist(entries)) == {(None, "Ancien Nom"), (None, "Autre")}


def test_readiness_and_the_plan():
    assert readiness_codes(PressSettings(), 0, 0) == ["unreachable", "no_sheet"]
    assert readiness_codes(PressSettings(phone="06"), 0, 2) == ["no_ready_sheet"]
    assert readiness_codes(PressSettings(email="a@b.c"), 1, 2) == []
    plan = suggest_plan([(1, "Solaire"), (2, "Emploi")], dt.date(2026, 12, 2), weeks=4)
    assert [(i.topic, i.channel, i.planned_on.isoformat()) for i in plan] == [
        ("Solaire", "post", "2026-12-08"), ("Emploi", "talk", "2026-12-15"),
        ("Solaire", "article", "2026-12-22"), ("Emploi", "association", "2026-12-29")]
    assert suggest_plan([], dt.date(2026, 12, 2)) == []
    events = plan_events([PlanItem(7, "Solaire", "talk", dt.date(2026, 12, 8)),
                          PlanItem(8, "X", "post", dt.date(2026, 12, 9), done=True)],
                         {"talk": "Talk"})
    assert len(events) == 1 and events[0].uid_key == "press-plan-7"
    assert dict(events[0].values)["channel"] == "Talk" and events[0].minutes == 90


def test_every_refusal_code_is_a_sentence_in_both_languages():
    codes = {"no_journalist", "bad_kind", "no_received_at", "received_in_future",
             "answered_before_received", "answered_in_future", "no_entry", "no_name",
             "no_contact", "no_topic", "bad_time", "bad_day", "bad_minutes"}
    for lang in LANGUAGES:
        assert all(Translator(lang).has(f"press.problem.{c}") for c in codes)
    for lang in LANGUAGES:
        tr = Translator(lang)
        assert all(tr.has(f"press.readiness.{c}")
                   for c in ("unreachable", "no_sheet", "no_ready_sheet"))


def test_a_joined_acronym_is_read_whole_never_as_its_pieces():
    sheet = TopicSheet("t", "Je pilote le S&OP et la R&D des usines.")
    words = {w for f in rules.rule_jargon(sheet, "fr") for w in f.words}
    assert "OP" not in words and "S" not in words and "S&OP" in words
    spelt = TopicSheet("t", "Le S&OP (plan industriel et commercial) chaque mois.")
    assert rules.rule_jargon(spelt, "fr") == []
