"""The card the workbook composes from the six answers keeps within the limits its own focus
check applies; when the answers are too long to fit, the finding names the step to shorten,
never the composed line as if the user had written it."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings, target
from hypothesis import strategies as st

from workbook.domain import positioning as rules
from workbook.domain.positioning import STEP_ADVICE, STEPS, Card, Statement
from workbook.i18n import Translator

LENGTH_CODES = {"one_liner_too_long", "bio_too_long", "pitch_too_long"}
# Letters of both languages, digits, and the signs answers hold ("S&OP", "l'ETI", "30 %").
_ALPHABET = ("abcdefghijklmnopqrstuvwxyzéèêàçôûïœ"
             "ABCDEFGHIJKLMNOPQRSTUVWXYZÉÀÇ0123456789'’-&%/.,:()ßİ")


@st.composite
def _answer(draw, step: str) -> str:
    """An answer within the step's advice, often at its edge: up to its advised words, each
    long enough to reach its advised characters."""
    advice = STEP_ADVICE[step]
    count = draw(st.just(advice.words) | st.integers(0, advice.words))
    if not count:
        return ""
    longest = max(1, (advice.chars - (count - 1)) // count)
    sizes = [draw(st.just(longest) | st.integers(1, longest)) for _ in range(count)]
    words = [draw(st.text(alphabet=_ALPHABET, min_size=size, max_size=size)) for size in sizes]
    text = " ".join(words)
    # "a.b" is two words to a listener: such a draw may pass the advice, and is set aside.
    assume(rules.fit.answer_length(text, "words") <= advice.words
           and rules.fit.answer_length(text, "chars") <= advice.chars)
    return text


_STATEMENTS = st.builds(Statement, **{step: _answer(step) for step in STEPS})


def _compose(statement: Statement, lang: str) -> Card:
    return rules.compose_card(statement, lang, Translator(lang))


# Claire's answers: a supply-chain manager in Lyon, each answer as she typed it.
CLAIRE = Statement(
    "Responsable supply chain", "l'industrie agroalimentaire et la grande distribution",
    "des ruptures de stock et des surstocks qui coûtent cher",
    "les directeurs industriels d'ETI agroalimentaires de la région lyonnaise",
    "je réduis les ruptures de stock de 30 % en un an grâce à un S&OP mensuel",
    "20 ans entre usine, achats et transport : je parle le langage de la production comme "
    "celui de la finance")
CLAIRE_SHORT = Statement(
    "Responsable supply chain", "l'agroalimentaire", "des ruptures de stock qui coûtent des ventes",
    "les directeurs industriels d'ETI", "je réduis les ruptures de stock de 30 %",
    "vingt ans d'usine avant la supply chain")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(statement=_STATEMENTS, lang=st.sampled_from(["fr", "en"]))
def test_answers_within_their_advice_compose_a_card_that_passes_its_length_checks(statement,
                                                                                   lang):
    card = _compose(statement, lang)
    # Steer the search towards the longest answers: the edge where a line could overflow.
    target(len(card.bio) / rules.BIO_MAX_CHARS, label="bio")
    target(rules.count_words(card.one_liner) / rules.ONE_LINER_MAX_WORDS, label="one-liner")
    target(rules.count_words(card.pitch) / rules.PITCH_MAX_WORDS, label="pitch")
    assert not LENGTH_CODES & set(rules.analyze_card(card, lang).codes), card


def test_the_advice_shares_the_checker_limits():
    liner = sum(STEP_ADVICE[s].words for s in rules.fit.LINE_STEPS["one_liner"]) + 1  # "pour"
    bio = sum(STEP_ADVICE[s].chars for s in rules.fit.LINE_STEPS["bio"]) + len(" pour ") + 3
    assert liner <= rules.ONE_LINER_MAX_WORDS and bio <= rules.BIO_MAX_CHARS


def test_the_bio_leaves_the_difference_out_when_it_does_not_fit():
    statement = Statement("Responsable supply chain", audience="les directeurs industriels d'ETI",
                          deliverable="je réduis les ruptures de stock de 30 %",
                          difference="vingt ans " * 20)
    card = _compose(statement, "fr")
    assert card.bio == ("Responsable supply chain pour les directeurs industriels d'ETI | "
                        "Je réduis les ruptures de stock de 30 %")
    short = _compose(CLAIRE_SHORT, "fr")
    assert short.bio.endswith("| Vingt ans d'usine avant la supply chain")


def test_claire_s_short_answers_compose_a_card_at_100_in_both_languages():
    for lang in ("fr", "en"):
        card = _compose(CLAIRE_SHORT, lang)
        report = rules.analyze_card(card, lang)
        assert not LENGTH_CODES & set(report.codes)
    assert rules.analyze_card(_compose(CLAIRE_SHORT, "fr"), "fr").score == 100


def test_answers_too_long_to_fit_name_the_step_not_the_composed_line():
    for lang in ("fr", "en"):
        card = _compose(CLAIRE, lang)
        raw = rules.analyze_card(card, lang)
        assert "one_liner_too_long" in raw.codes        # the line really is too long…
        report = rules.name_the_answers(raw, CLAIRE, {"one_liner", "pitch", "bio"})
        assert not LENGTH_CODES & set(report.codes)     # …but she did not write it
        liner = next(f for f in report.findings if f.code == "one_liner_answers_too_long")
        assert liner.steps == ("audience", "deliverable")
        assert report.score == raw.score                # the same cost, honestly told
    over = rules.overlong_answers(CLAIRE, "one_liner")
    assert [(o.number, o.length, o.advised) for o in over] == [(4, 9, 5), (5, 17, 9)]


def test_a_line_she_edited_keeps_its_own_finding():
    card = _compose(CLAIRE, "fr")
    report = rules.name_the_answers(rules.analyze_card(card, "fr"), CLAIRE, {"bio"})
    assert "one_liner_too_long" in report.codes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statement=st.builds(Statement, **{step: st.text(alphabet=_ALPHABET + "     ",
                                                        max_size=400) for step in STEPS}),
       lang=st.sampled_from(["fr", "en"]))
def test_a_composed_line_that_does_not_fit_always_names_a_step_to_shorten(statement, lang):
    card = _compose(statement, lang)
    report = rules.name_the_answers(rules.analyze_card(card, lang), statement,
                                    {"one_liner", "pitch", "bio"})
    assert not LENGTH_CODES & set(report.codes)
    for finding in report.findings:
        if finding.code in rules.ANSWERS_CODES:
            assert finding.steps and set(finding.steps) <= set(STEPS)


def test_each_answers_finding_is_explained_in_both_languages_with_its_steps():
    report = rules.name_the_answers(rules.analyze_card(_compose(CLAIRE, "fr"), "fr"), CLAIRE,
                                    {"one_liner", "pitch", "bio"})
    long_bio = Statement("r" * 100, audience="a" * 100, deliverable="d" * 100)
    report_bio = rules.name_the_answers(rules.analyze_card(_compose(long_bio, "fr"), "fr"),
                                        long_bio, {"bio"})
    findings = [f for f in (*report.findings, *report_bio.findings)
                if f.code in rules.ANSWERS_CODES]
    assert {f.code for f in findings} == set(rules.ANSWERS_CODES)
    for finding in findings:
        for lang in ("fr", "en"):
            tr = Translator(lang)
            texts = [tr(finding.label_key), tr(finding.why_key, **finding.values),
                     tr(finding.fix_key, steps="4", **finding.values)]
            assert all(texts) and "4" in texts[2]
