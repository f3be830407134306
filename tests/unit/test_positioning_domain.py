"""Positioning rules: composing the card, the focus analyser, versions, the repeat-back test."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.domain import positioning as rules
from workbook.domain.positioning import Card, Statement, Version, analyze
from workbook.i18n import LANGUAGES, Translator, translate

# Realistic statements written for these tests: what job seekers actually write first, and
# what they write after coaching. The analyser must rank every focused one above every vague one.
VAGUE = {
    "fr": [
        "Profil polyvalent et touche-à-tout, je suis ouvert à toute opportunité dans tous les secteurs.",
        "Responsable supply chain polyvalente, ouverte à toutes opportunités dans la logistique et l'énergie.",
        "Cheffe de projet dynamique et passionnée, force de proposition, orientée résultats, avec une vision à 360.",
        "Manager expérimenté, généraliste, j'ai travaillé dans divers domaines : finance, RH, achats, etc.",
        "Je recherche un poste de commercial ou de chargé de communication, dans la banque, l'assurance ou la santé.",
        "Couteau suisse de l'administratif, je sais tout faire et je m'adapte à tout type de structure.",
    ],
    "en": [
        "Versatile professional with a wide range of skills, open to any opportunity in various industries.",
        "Passionate, results-driven leader leveraging synergies to deliver best-in-class innovative solutions.",
        "Marketing or sales manager with experience in banking, insurance and retail.",
        "Experienced generalist, a real jack of all trades, looking for new challenges.",
        "Dynamic and motivated team player with a strong track record, open to new opportunities.",
        "I have done a bit of everything: accounting, HR, procurement and more.",
    ],
}
FOCUSED = {
    "fr": [
        "Contrôleur de gestion industriel pour les DAF de PME agroalimentaires : je ramène la clôture mensuelle de 10 à 5 jours.",
        "Juriste en droit social, j'accompagne les DRH de cliniques privées : zéro contentieux perdu sur 40 réorganisations.",
        "Acheteuse énergie pour les collectivités : je négocie des contrats qui baissent la facture de 12 % par an.",
        "Responsable supply chain pour les développeurs de parcs solaires : je ramène les retards de livraison de 6 à 2 semaines.",
        "Data analyst pour les enseignes de bricolage : je réduis les ruptures de stock de 30 % en 6 mois.",
        "Infirmière coordinatrice pour les hôpitaux de jour : je divise par deux les temps d'attente des patients.",
    ],
    "en": [
        "Payroll controller for mid-size food manufacturers: I cut month-end close from 10 to 5 days.",
        "I help hospital purchasing teams cut supply costs by 12% with tender audits.",
        "Customer success lead for B2B SaaS startups: I raise renewal rates from 80% to 95% in a year.",
        "Maintenance planner for wind farm operators: I lower turbine downtime by 20%.",
        "Recruiter for engineering teams of fintech scale-ups: I fill senior roles in 30 days, not 90.",
        "Grant writer for small nonprofits: I have won 2.5 million in funding over 4 years.",
    ],
}


def test_every_focused_statement_scores_clearly_higher_than_every_vague_one():
    for lang in ("fr", "en"):
        vague = [analyze(text, lang).score for text in VAGUE[lang]]
        focused = [analyze(text, lang).score for text in FOCUSED[lang]]
        assert max(vague) < min(focused), (lang, vague, focused)
        assert max(vague) < rules.ALMOST_SCORE <= rules.FOCUSED_SCORE <= min(focused)
        assert sum(focused) / len(focused) - sum(vague) / len(vague) >= 50


# One statement per finding code and language that must raise it, and the words at fault
# expected among the finding's words (None when the finding names no words).
TRIGGERS = [
    ("empty", "fr", "   ", None), ("empty", "en", "", None),
    ("vague_words", "fr", "Profil polyvalent, touche-à-tout, pour les PME : je réduis les coûts de 10 %.", "touche-à-tout"),
    ("vague_words", "en", "Versatile all-rounder for SMEs: I cut costs by 10% in various ways.", "various"),
    ("no_deliverable", "fr", "Contrôleur de gestion pour les DAF de PME industrielles, très impliqué.", None),
    ("no_deliverable", "en", "Management controller for CFOs of mid-size manufacturers, very committed.", None),
    ("no_figure", "fr", "Contrôleur de gestion pour les DAF de PME : je fiabilise la clôture mensuelle.", None),
    ("no_figure", "en", "Management controller for CFOs of SMEs: I speed up the month-end close.", None),
    ("too_many_targets", "fr", "Commercial pour les PME de la banque et/ou de l'assurance : je signe 20 contrats par an.", "banque"),
    ("too_many_targets", "en", "Controller or accountant for SMEs: I close the books in 5 days.", "Controller"),
    ("too_many_targets", "en", "Buyer for retailers in fashion, cosmetics, luxury: I cut costs 8%.", "cosmetics"),
    ("no_audience", "fr", "Contrôleur de gestion industriel : je ramène la clôture de 10 à 5 jours.", None),
    ("no_audience", "en", "Payroll controller: I cut the month-end close from 10 to 5 days.", None),
    ("buzzwords", "fr", "Contrôleur dynamique et proactif pour les PME : je réduis la clôture de 10 à 5 jours.", "proactif"),
    ("buzzwords", "en", "Proactive controller leveraging synergies for SMEs: I cut the close from 10 to 5 days.", "synergies"),
    ("cliches", "fr", "Contrôleur de gestion dynamique et motivé pour les PME : je ramène la clôture de 10 à 5 jours.", "dynamique"),
    ("cliches", "en", "Passionate payroll controller for food manufacturers: I cut the close from 10 to 5 days.", "Passionate"),
    ("generic_words", "fr", "Je travaille bien avec les gens et je fais de bonnes choses pour tout le monde.", None),
    ("generic_words", "en", "I am good with people and I do good work for everyone every single day.", None),
    ("bio_too_long", "fr", "Contrôleur de gestion pour les DAF de PME : je ramène la clôture de 10 à 5 jours. " * 3, None),
    ("bio_too_long", "en", "Payroll controller for CFOs of SMEs: I cut the close from 10 to 5 days, every month. " * 3, None),
    ("too_short", "fr", "Contrôleur de gestion.", None),
    ("too_short", "en", "Payroll controller.", None),
    ("one_liner_too_long", "fr", "Contrôleur de gestion industriel pour les directeurs administratifs et financiers des "
     "petites et moyennes entreprises de l'agroalimentaire de la région : je ramène la clôture de 10 à 5 jours.", None),
    ("one_liner_too_long", "en", "Payroll controller for the chief financial officers of the small and mid-size food "
     "manufacturers of the north of the country: I cut the month-end close from 10 to 5 days.", None),
    ("pitch_too_long", "fr", "Contrôleur pour les DAF de PME : je ramène la clôture de 10 à 5 jours. "
     + "J'ai travaillé dix ans en usine et je connais très bien les ateliers. " * 8, None),
    ("pitch_too_long", "en", "Payroll controller for SMEs: I cut the close from 10 to 5 days. "
     + "I spent ten years on factory floors and know the workshops well. " * 8, None),
    ("mixed_language", "fr", "Payroll controller pour les DAF : I cut the close from 10 to 5 days with the team.", "I"),
    ("mixed_language", "en", "Contrôleur de gestion for CFOs: je ramène la clôture de 10 à 5 jours pour les équipes.", "la"),
    ("markup", "fr", "<b>Contrôleur</b> pour les DAF de PME : je ramène la clôture de 10 à 5 jours.", "<b>"),
    ("markup", "en", "<script>alert(1)</script> Controller for CFOs of SMEs: I cut the close to 5 days.", "<script>"),
    ("emoji", "fr", "Contrôleur 🚀 pour les DAF de PME : je ramène la clôture de 10 à 5 jours 🎯", "🚀"),
    ("emoji", "en", "Controller for CFOs of SMEs 🚀: I cut the close from 10 to 5 days.", "🚀"),
    ("truncated", "fr", "polyvalent " * 2000, None),
    ("truncated", "en", "versatile " * 2500, None),
]


@pytest.mark.parametrize("code, lang, text, word", TRIGGERS,
                         ids=[f"{code}-{lang}-{i}" for i, (code, lang, _, _) in enumerate(TRIGGERS)])
def test_each_finding_is_raised_with_its_words_and_texts_in_the_users_language(code, lang, text, word):
    report = analyze(text, lang, bio=text if code == "bio_too_long" else None)
    finding = next((f for f in report.findings if f.code == code), None)
    assert finding is not None, report.codes
    if word is not None:
        assert word in finding.words
    assert finding.why_key == f"positioning.finding.{code}.why"
    for language in LANGUAGES:  # explained in both languages, from the finding's own values
        why = translate(language, finding.why_key, **finding.values)
        fix = translate(language, finding.fix_key, **finding.values)
        assert why and fix and why != fix and translate(language, finding.label_key)
        assert all(translate(language, key) for key in finding.detail_keys)


def test_every_finding_code_has_a_trigger_in_both_languages():
    covered = {(code, lang) for code, lang, _, _ in TRIGGERS}
    # The findings on answers too long for a composed line come from `fit` (its own tests).
    assert covered == {(code, lang) for code in rules.FINDING_CODES for lang in ("fr", "en")
                       if code not in rules.ANSWERS_CODES}
    assert set(rules.PENALTIES) == set(rules.FINDING_CODES)


def test_findings_come_most_damaging_first_and_the_score_adds_up():
    report = analyze(VAGUE["fr"][0], "fr")
    penalties = [f.penalty for f in report.findings]
    assert penalties == sorted(penalties, reverse=True)
    assert report.score == max(0, 100 - sum(penalties))
    assert report.level == "vague"


def test_a_focused_statement_has_no_finding_and_level_focused():
    report = analyze(FOCUSED["en"][0], "en")
    assert report.findings == () and report.score == 100 and report.level == "focused"


def test_speech_estimate_is_150_words_a_minute():
    assert rules.speech_seconds(75) == 30.0
    assert rules.PITCH_MAX_WORDS == 75
    report = analyze(TRIGGERS[20][2], "fr")
    assert report.seconds == rules.speech_seconds(report.words)


def test_long_paste_is_capped_and_fast():
    text = ("Polyvalent <i>x</i> 🚀 ouvert à toute opportunité. " * 500)[:20_000]
    start = time.perf_counter()
    report = analyze(text, "fr")
    assert time.perf_counter() - start < 0.25
    assert report.truncated and "truncated" in report.codes
    assert 0 <= report.score < rules.ALMOST_SCORE


def test_words_at_fault_are_quoted_as_typed_with_accents():
    report = analyze("Généraliste, Polyvalente et TOUCHE-À-TOUT pour les PME : je réduis les coûts de 5 %.", "fr")
    vague = next(f for f in report.findings if f.code == "vague_words")
    assert vague.words == ("Généraliste", "Polyvalente", "TOUCHE-À-TOUT")


def test_all_companies_is_not_a_named_audience():
    assert "no_audience" in analyze("Contrôleur pour toutes les entreprises : je réduis la clôture de 5 jours.", "fr").codes
    assert "no_audience" not in analyze("Contrôleur pour les entreprises du BTP : je réduis la clôture de 5 jours.", "fr").codes


def test_one_liner_is_the_first_sentence_unless_given():
    long_first = "Payroll controller " + "for food manufacturers " * 6 + "cutting close to 5 days. Short pitch."
    assert "one_liner_too_long" in analyze(long_first, "en").codes
    assert "one_liner_too_long" not in analyze(long_first, "en", one_liner="Payroll controller for CFOs.").codes


# -- composing the card

def _compose(statement, lang):
    return rules.compose_card(statement, lang, Translator(lang))


STATEMENT_FR = Statement("Contrôleur de gestion industriel", "l'agroalimentaire",
                         "des clôtures mensuelles qui traînent", "Les DAF de PME industrielles",
                         "je ramène la clôture de 10 à 5 jours.", "10 ans en usine avant la finance")
STATEMENT_EN = Statement("Payroll controller", "food manufacturing", "slow month-end closes",
                         "CFOs of mid-size manufacturers", "I cut the close from 10 to 5 days",
                         "ten years on factory floors")


def test_compose_card_in_french():
    card = _compose(STATEMENT_FR, "fr")
    assert card.one_liner == ("Contrôleur de gestion industriel pour les DAF de PME industrielles"
                              " (l'agroalimentaire) : je ramène la clôture de 10 à 5 jours.")
    assert card.pitch.startswith("Je suis contrôleur de gestion industriel. Mon terrain : l'agroalimentaire.")
    assert "Ma différence : 10 ans en usine avant la finance." in card.pitch
    assert card.bio == ("Contrôleur de gestion industriel pour les DAF de PME industrielles | "
                        "Je ramène la clôture de 10 à 5 jours | 10 ans en usine avant la finance")
    assert rules.analyze_card(card, "fr").score >= rules.FOCUSED_SCORE


def test_compose_card_in_english_keeps_I_and_adds_an_article():
    card = _compose(STATEMENT_EN, "en")
    assert card.one_liner.endswith(": I cut the close from 10 to 5 days.")
    assert card.pitch.startswith("I am a payroll controller. My field: food manufacturing. "
                                 "I help CFOs of mid-size manufacturers with one specific problem")
    assert rules.count_words(card.pitch) <= rules.PITCH_MAX_WORDS


def test_one_liner_drops_the_sector_when_it_would_be_too_long():
    statement = Statement("Contrôleur de gestion industriel", "l'agroalimentaire et la boisson",
                          audience="les directeurs administratifs et financiers des PME",
                          deliverable="je ramène la clôture mensuelle de 10 à 5 jours")
    line = rules.compose_one_liner(statement, Translator("fr"))
    assert "agroalimentaire" not in line and rules.count_words(line) <= 22


def test_partial_and_blank_statements_compose_without_dangling_words():
    assert _compose(Statement(), "fr") == Card("", "", "")
    assert rules.compose_one_liner(Statement(deliverable="je réduis les coûts de 10 %"), Translator("fr")) == \
        "Je réduis les coûts de 10 %."
    assert rules.compose_one_liner(Statement(audience="les DAF"), Translator("en")) == "For les DAF."


# -- versions

def _version(id_, statement, lang="fr", score=None):
    return Version(id_, f"2026-11-0{id_}T10:00:00", lang, statement,
                   _compose(statement, lang), score)


def test_compare_versions_reports_score_steps_and_findings():
    before = _version(1, Statement("Responsable supply chain polyvalente", "logistique et énergie"))
    after = _version(2, Statement("Responsable supply chain", "énergies renouvelables",
                                  audience="les développeurs de parcs solaires",
                                  deliverable="je ramène les retards de 6 à 2 semaines"))
    diff = rules.compare_versions(before, after)
    assert diff.score_delta > 40
    assert diff.changed_steps == ("target_role", "sector", "audience", "deliverable")
    assert {"vague_words", "no_deliverable", "no_audience"} <= set(diff.fixed)
    assert diff.appeared == ()


def test_compare_uses_the_saved_score_when_there_is_one():
    diff = rules.compare_versions(_version(1, STATEMENT_FR, score=12), _version(2, STATEMENT_FR, score=90))
    assert (diff.score_before, diff.score_after, diff.changed_steps) == (12, 90, ())


def test_same_content_ignores_spacing_only():
    version = _version(1, STATEMENT_FR)
    spaced = Statement(*(f"  {getattr(STATEMENT_FR, s)}  " for s in rules.STEPS))
    assert rules.same_content(spaced, version.card, version)
    assert not rules.same_content(STATEMENT_FR, Card("other", "", ""), version)
    assert not rules.same_content(STATEMENT_FR, version.card, None)


# -- repeat-back

def test_retention_per_part_on_folded_stems_and_number_words():
    assert rules.retention("Contrôleur de gestion", "c'est une CONTROLEUSE de gestion") == 1.0
    assert rules.retention("je ramène la clôture de 10 à 5 jours", "elle fait la clôture en cinq jours") == \
        pytest.approx(3 / 5)
    assert rules.retention("", "anything") is None


def test_repeat_back_summary_finds_the_part_that_gets_lost():
    summary = rules.repeat_back_summary(STATEMENT_FR, [
        ("Ana", "Il est contrôleur de gestion industriel pour les DAF de PME"),
        ("Bo", "Un contrôleur de gestion, pour les DAF, dans l'industrie"),
        ("Cy", "Contrôleur de gestion pour PME industrielles, il accélère la clôture"),
    ])
    assert [r.connector for r in summary.results] == ["Ana", "Bo", "Cy"]
    assert summary.mean_by_part["target_role"] > 0.6
    assert summary.lost_part == "deliverable"
    assert summary.mean_by_part["deliverable"] == min(summary.mean_by_part.values())
    assert summary.overall == pytest.approx(sum(summary.mean_by_part.values()) / 3)


def test_nothing_lost_when_connectors_repeat_the_core():
    summary = rules.repeat_back_summary(STATEMENT_EN, [
        ("Ana", "A payroll controller for CFOs of manufacturers; cuts the close from 10 to 5 days")])
    assert summary.lost_part is None and summary.overall > 0.8


def test_repeat_back_of_a_statement_without_core_measures_nothing():
    summary = rules.repeat_back_summary(Statement(sector="retail"), [("Ana", "retail person")])
    assert summary.overall is None and summary.lost_part is None
    assert summary.results[0].overall is None


def test_an_unknown_language_falls_back_to_french_rules_and_texts():
    report = analyze("Profil polyvalent", "de")
    first = report.findings[0]
    assert report.lang == "fr" and first.code == "no_deliverable"
    assert rules.compose_card(STATEMENT_FR, "xx", Translator("xx")).pitch.startswith("Je suis")


def test_the_pitch_template_itself_never_counts_as_a_deliverable():
    for lang in ("fr", "en"):
        card = _compose(Statement("Data analyst", audience="store managers",
                                            deliverable="dashboards"), lang)
        assert "no_deliverable" in rules.analyze_card(card, lang).codes


def test_acronyms_keep_their_case_inside_the_line():
    line = rules.compose_one_liner(Statement("Product manager", "B2B SaaS", audience="Les DAF",
                                             deliverable="I cut churn by 30%"), Translator("en"))
    assert line == "Product manager for les DAF (B2B SaaS): I cut churn by 30%."


def test_retention_counts_other_forms_of_the_same_word_as_kept():
    """The lemmatiser, not a fixed prefix: irregular and conjugated forms meet."""
    assert rules.retention("je recrute des infirmiers", "elle fait du recrutement d'infirmières") == 1.0
    assert rules.retention("nous livrons les chantiers", "elle a livré des chantiers", "fr") == 1.0
    assert rules.retention("I hired engineers for hospitals", "he hires engineers for a hospital", "en") == 1.0
    assert rules.retention("I hired nurses", "she fixed engines", "en") == 0.0


# -- the structure of a statement, read without the word lists

@pytest.mark.parametrize("text, lang", [
    ("Juriste en droit social pour les réseaux de franchise : je rédige des accords d'entreprise qui passent sans contentieux.", "fr"),
    ("Ostéopathe auprès des cavaliers de concours : je remets les chevaux au travail en deux semaines.", "fr"),
    ("Clinical data manager for oncology trials: I deliver database lock two weeks ahead of plan.", "en"),
    ("I help beekeeping cooperatives sell honey abroad: export volumes up by half in a season.", "en"),
])
def test_an_audience_named_in_the_users_own_words_is_found(text, lang):
    report = analyze(text, lang)
    assert "no_audience" not in report.codes and "no_deliverable" not in report.codes
    assert report.score >= rules.FOCUSED_SCORE


@pytest.mark.parametrize("text, lang", [
    ("Consultant pour toutes les entreprises, j'accompagne les organisations dans leurs projets.", "fr"),
    ("Consultant for any company: I help organizations with their projects.", "en"),
    ("Looking for a role with a company where I can learn.", "en"),
])
def test_a_broad_or_quantified_audience_is_no_audience(text, lang):
    assert "no_audience" in analyze(text, lang).codes


@pytest.mark.parametrize("text, lang", [
    ("Paralegal for tech employers: visa files approved the first time.", "en"),
    ("Freight forwarder for wine exporters: I clear customs with zero penalties.", "en"),
    ("Formatrice pour les agents des mairies rurales : deux fois moins d'appels au support.", "fr"),
    ("Comptable pour les artisans du bâtiment : je boucle le bilan en trois semaines.", "fr"),
])
def test_result_phrases_and_figures_in_words_count_as_deliverable_and_proof(text, lang):
    codes = analyze(text, lang).codes
    assert "no_deliverable" not in codes and "no_figure" not in codes


@pytest.mark.parametrize("text, lang", [
    ("Fort de 15 ans d'expérience, je suis force de proposition et polyvalent.", "fr"),
    ("Seasoned executive with 20 years of experience across multiple sectors.", "en"),
])
def test_years_of_experience_are_no_deliverable(text, lang):
    assert "no_deliverable" in analyze(text, lang).codes


def test_a_cliche_pitch_scores_far_below_a_focused_one_and_each_family_is_explained():
    cliche = analyze("I am a hard-working team player looking for new opportunities where I can "
                     "grow and make an impact", "en")
    focused = analyze("Clinical data manager for oncology trials: I deliver database lock two "
                      "weeks ahead of plan.", "en")
    assert cliche.score < rules.ALMOST_SCORE < rules.FOCUSED_SCORE <= focused.score
    finding = next(f for f in cliche.findings if f.code == "cliches")
    assert {"hard-working", "team player"} <= set(finding.words)
    assert set(finding.details) == {"traits", "claims", "wishes"}
    consultant = analyze("Consultant en transformation, j'accompagne les organisations dans leurs "
                         "enjeux stratégiques et opérationnels", "fr")
    juriste = analyze("Juriste en droit social pour les réseaux de franchise : je rédige des "
                      "accords d'entreprise qui passent sans contentieux", "fr")
    assert consultant.score < rules.ALMOST_SCORE and juriste.score >= rules.FOCUSED_SCORE


def test_every_cliche_family_is_explained_in_both_languages():
    from workbook.domain.positioning.lexicons import CLICHE_FAMILIES, CLICHES

    for lang in LANGUAGES:
        assert set(CLICHES[lang]) == set(CLICHE_FAMILIES)
        for family in CLICHE_FAMILIES:
            assert translate(lang, f"positioning.finding.cliches.{family}")


def test_everyday_words_only_is_a_finding_and_domain_words_are_not():
    assert "generic_words" in analyze("I do good work for people and I get things done every day.", "en").codes
    assert "generic_words" not in analyze(FOCUSED["en"][0], "en").codes


def test_the_bio_line_is_checked_against_linkedins_headline_limit():
    bio = "Payroll controller for CFOs of food manufacturers | " + "I cut the close from 10 to 5 days | " * 5
    card = Card("Payroll controller for CFOs: I cut the close from 10 to 5 days.", "", bio)
    finding = next(f for f in rules.analyze_card(card, "en").findings if f.code == "bio_too_long")
    assert finding.values == {"count": len(" ".join(bio.split())), "limit": 220}
    assert "bio_too_long" not in rules.analyze_card(Card(card.one_liner, "", bio[:220]), "en").codes


# -- how the pitch introduces the role: a title after "I am", a field after "I work in"

def _opening(role, lang):
    return _compose(Statement(role), lang).pitch


def test_a_field_in_the_role_box_is_introduced_as_a_field_not_a_title():
    assert _opening("marketing", "en") == "I work in marketing."
    assert _opening("Human resources", "en") == "I work in human resources."
    assert _opening("software engineering", "en") == "I work in software engineering."
    assert _opening("project management", "en") == "I work in project management."
    assert _opening("marketing", "fr") == "Je travaille en marketing."
    assert _opening("Informatique", "fr") == "Je travaille en informatique."
    assert _opening("la finance", "fr") == "Je travaille dans la finance."
    assert _opening("l'industrie pharmaceutique", "fr") == "Je travaille dans l'industrie pharmaceutique."


def test_a_job_title_follows_i_am_with_the_right_article():
    assert _opening("Marketing manager", "en") == "I am a marketing manager."
    assert _opening("Head of sales", "en") == "I am a head of sales."
    assert _opening("HR business partner", "en") == "I am an HR business partner."
    assert _opening("UX designer", "en") == "I am a UX designer."
    assert _opening("operations director", "en") == "I am an operations director."
    assert _opening("university lecturer", "en") == "I am a university lecturer."
    assert _opening("senior accountant", "en") == "I am a senior accountant."
    assert _opening("an SEO consultant", "en") == "I am an SEO consultant."
    assert _opening("CFO", "en") == "I am a CFO."


def test_french_titles_take_no_article_and_are_read_from_their_first_word():
    assert _opening("Responsable marketing", "fr") == "Je suis responsable marketing."
    assert _opening("chef de projet digital", "fr") == "Je suis chef de projet digital."
    assert _opening("Directrice financière", "fr") == "Je suis directrice financière."
    assert _opening("technicienne de maintenance", "fr") == "Je suis technicienne de maintenance."
    assert _opening("juriste en droit social", "fr") == "Je suis juriste en droit social."
    assert _opening("Product manager", "fr") == "Je suis product manager."
    assert _opening("une consultante RH", "fr") == "Je suis une consultante RH."
    assert _opening("Commerciale grands comptes", "fr") == "Je suis commerciale grands comptes."
    assert _opening("aide-soignante", "fr") == "Je suis aide-soignante."


def test_role_kind_is_one_rule_with_codes():
    from workbook.domain.positioning.role_phrase import FIELD, TITLE, role_kind
    assert role_kind("Data analyst", "en") == TITLE and role_kind("data science", "en") == FIELD
    assert role_kind("", "fr") == TITLE
    assert role_kind("Contrôleur de gestion industriel", "fr") == TITLE
    assert role_kind("comptabilité", "fr") == FIELD


def test_key_points_are_at_most_three_deliverable_first_and_skip_blanks():
    full = Statement("Payroll controller", "food", "slow closes", "CFOs", "I cut the close",
                     "factory years")
    assert rules.key_points(full) == (("deliverable", "I cut the close"),
                                      ("difference", "factory years"), ("problem", "slow closes"))
    assert rules.key_points(Statement("Payroll controller", audience="CFOs ")) == \
        (("audience", "CFOs"),)
    assert rules.key_points(Statement()) == ()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_one_liner_nobody_can_repeat_is_never_called_repeatable(lang):
    """A 27-word one-liner: the finding says nobody can repeat it, so the verdict beside it
    is not "Focused: a connector can repeat it"."""
    words = FOCUSED[lang][0].split()
    one_liner = " ".join((words * 27)[:27])
    report = analyze(FOCUSED[lang][0], lang, one_liner=one_liner)
    assert "one_liner_too_long" in report.codes
    assert report.level != "focused" and report.score < rules.FOCUSED_SCORE


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_card_field_and_the_warnings_call_the_one_liner_by_one_name(lang):
    """The warnings say "phrase d'accroche": the card's field says it too, so the person
    knows which box to shorten."""
    name = translate(lang, "glossary.one_liner.term").casefold()
    for key in ("positioning.card.one_liner", "positioning.finding.one_liner_too_long.label",
                "positioning.step_advice.one_liner.words"):
        assert name in translate(lang, key).casefold(), key


def _deepest_bracket(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_a_sector_with_its_own_brackets_is_not_nested_in_the_one_liner():
    """Claire's sector "l'industrie manufacturière (ETI et grands groupes)" reads
    "(l'industrie manufacturière, ETI et grands groupes)", not "(… (…))"."""
    statement = Statement(target_role="Acheteuse", audience="les directions achats",
                          sector="l'industrie manufacturière (ETI et grands groupes)",
                          deliverable="des coûts réduits")
    line = rules.compose_one_liner(statement, Translator("fr"))
    assert "(l'industrie manufacturière, ETI et grands groupes)" in line
    assert _deepest_bracket(line) == 1


@settings(max_examples=200)
@given(sector=st.text(alphabet="ab ()[]", max_size=30), lang=st.sampled_from(LANGUAGES))
def test_the_one_liner_never_nests_brackets_whatever_the_sector(sector, lang):
    statement = Statement(target_role="Buyer", audience="plants", sector=sector,
                          deliverable="lower costs")
    assert _deepest_bracket(rules.compose_one_liner(statement, Translator(lang))) <= 1
