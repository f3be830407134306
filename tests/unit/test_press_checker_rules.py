"""The topic-sheet checker on phrasings no list holds, in French and in English: hedges read
by grammar, fluff by genericness, jargon by rarity and explanation, repeats by meaning, proof
without capitals — and what must not be flagged."""

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.domain.press import KeyPoint, TopicSheet, check_sheet
from workbook.domain.press import sheets as rules
from workbook.domain.press.hedging import hedges
from workbook.domain.press.repeats import quantities, same_quantity


def P(message, proof="Relevé de 40 chantiers, 2025", *quotes):
    return KeyPoint(message, proof, tuple(quotes) or ("Une phrase courte.",))


def one_point(message, proof="Relevé de 40 chantiers, 2025", umbrella="Main."):
    return TopicSheet("t", umbrella, (P(message, proof),))


# ------------------------------------------------------------------ hedging
@pytest.mark.parametrize("lang, text", [
    ("fr", "J'aurais tendance à dire que les clients reviennent."),
    ("fr", "Il est possible que les ventes baissent."),
    ("fr", "À mon sens, on peut tout changer."),
    ("fr", "Ça devrait en principe suffire."),
    ("fr", "Ça devrait suffire."),
    ("fr", "Comparer deux devis ferait économiser un quart de la facture."),
    ("fr", "Il me semble qu'ils partent tôt."),
    ("fr", "Les abonnés semblent rester fidèles."),
    ("fr", "On peut estimer que la moitié des brasseries ferment."),
    ("fr", "Si je ne me trompe pas, les étudiants seraient nos premiers clients."),
    ("fr", "Je serais tenté de dire que les clients reviennent."),
    ("en", "I'd venture that tenants stay longer."),
    ("en", "It may well be that prices fall."),
    ("en", "More often than not, the bus is late."),
    ("en", "This would likely help."),
    ("en", "From what I've seen, carers leave early."),
    ("en", "There's a fair chance that paid travel keeps carers."),
    ("en", "Couples tend to underestimate the editing."),
    ("en", "This should help the town."),
    ("en", "I reckon couples underestimate the editing."),
])
def test_hedges_in_forms_no_list_holds_are_found(lang, text):
    assert rules.rule_hedging(TopicSheet("t", text), lang), text


@pytest.mark.parametrize("lang, text", [
    ("fr", "Stocker plutôt que transporter."),
    ("fr", "Il y a assez de stock pour trois jours."),
    ("fr", "La nuit, un résident ne devrait jamais marcher dans le noir."),
    ("fr", "La plupart des chauffe-eau auraient tenu cinq ans de plus."),
    ("fr", "Sans bénévoles, le musée serait fermé le samedi."),
    ("fr", "Une nuit de gel peut détruire la moitié d'une récolte."),
    ("fr", "Les vivaces coûtent presque 40 % de moins."),
    ("fr", "Le cageot vendu en gros rapporte peu."),
    ("en", "Quite the opposite happened: sales rose 12 %."),
    ("en", "Without volunteers, most museums would be closed on Saturdays."),
    ("en", "Scam firms drill a lock that could be opened in a minute."),
    ("en", "Pilot in 30 practices, from May 2023."),
    ("en", "Never again plant a wood with only one kind of tree."),
    ("en", "Cheesemakers earn nearly twice as much per litre."),
    ("en", "Half of failures are faults a driver could spot at home."),
    ("en", "Riders can be trained in two weeks."),
    ("en", "Window cleaners on poles have almost no falls."),
    ("en", "Councils should keep libraries open in the evening."),
    ("en", "Store rather than ship."),
])
def test_a_plain_statement_is_not_called_a_hedge(lang, text):
    assert rules.rule_hedging(TopicSheet("t", text), lang) == [], text


def test_the_hedge_is_shown_as_written_with_its_que():
    assert hedges("Je pense que c'est assez important.", "fr") == ("Je pense que", "assez")
    assert hedges("I think maybe it is sort of faster", "en") == ("I think", "maybe", "sort of")
    assert hedges("J'aurais tendance à dire non.", "fr") == ("J'aurais tendance à",)
    assert hedges("It may well be that prices fall.", "en") == ("may well be",)


PLAIN = {"fr": ["les retards coûtent 2 000 € par jour", "le stock tient trois jours",
                "les chantiers recrutent des logisticiens"],
         "en": ["delays cost £2,000 a day", "the stock lasts three days",
                "sites hire logistics staff"]}
OPINION = {"fr": ["Je pense que ", "Il me semble que ", "À mon avis, "],
           "en": ["I think ", "From where I stand, ", "In my view, "]}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["fr", "en"]), st.integers(0, 2), st.integers(0, 2))
def test_any_plain_claim_prefixed_by_an_opinion_marker_is_hedged(lang, claim, marker):
    text = OPINION[lang][marker] + PLAIN[lang][claim]
    assert hedges(PLAIN[lang][claim], lang) == ()
    assert hedges(text, lang), text


# ------------------------------------------------------------------ fluff
@pytest.mark.parametrize("lang, text", [
    ("fr", "Une démarche d'excellence opérationnelle."),
    ("fr", "Des solutions clés en main pour nos clients."),
    ("fr", "Nous offrons un accompagnement bienveillant et de qualité."),
    ("fr", "Notre métier apporte une réponse durable et pertinente aux enjeux de demain."),
    ("en", "A frictionless, world-leading service."),
    ("en", "Premium-grade, next-generation tools."),
    ("en", "Our industry-leading, customer-centric team."),
    ("en", "Our empowering people-first culture unlocks every driver's full potential."),
])
def test_marketing_words_and_empty_praise_are_fluff(lang, text):
    assert rules.rule_fluff(one_point(text), lang), text


@pytest.mark.parametrize("lang, message, proof", [
    ("en", "Libraries are on the council's list of essential services.",
     "Leeds City Council, winter plan 2024"),
    ("fr", "Un vrai emploi, c'est une journée entière.", "Exemple : 22 postes pourvus en 2024"),
    ("fr", "La restauration collective est un enjeu pour 3 000 communes.", ""),
])
def test_an_evaluative_word_beside_something_specific_is_not_fluff(lang, message, proof):
    assert rules.rule_fluff(one_point(message, proof), lang) == []


@pytest.mark.parametrize("lang, message", [
    ("fr", "Le réseau est essentiel."), ("en", "Our team is truly dedicated.")])
def test_an_evaluative_word_in_a_point_that_names_nothing_is_fluff(lang, message):
    assert rules.rule_fluff(one_point(message, ""), lang)


# ------------------------------------------------------------------ jargon
@pytest.mark.parametrize("lang, text, word", [
    ("fr", "Nous avons perdu 2 ETPs cette année.", "ETPs"),
    ("en", "Our DSOs fell by 10 days.", "DSOs"),
    ("en", "The DevOps team ships weekly.", "DevOps"),
    ("fr", "Le PGI gère les commandes.", "PGI"),
    ("fr", "La MCO coûte cher.", "MCO"),
    ("en", "We cut backlog grooming time.", "backlog grooming"),
    ("en", "Headcount planning starts in May.", "Headcount planning"),
    ("fr", "Le reporting prend deux jours.", "reporting"),
    ("fr", "La zircone coûte moins cher.", "zircone"),
    ("fr", "Le ROI arrive en deux ans.", "ROI"),
])
def test_acronyms_in_any_form_and_words_no_reader_knows_are_jargon(lang, text, word):
    found = rules.rule_jargon(TopicSheet("t", text), lang)
    assert found and word in found[0].words, (text, found)


@pytest.mark.parametrize("lang, text", [
    ("fr", "L'URSSAF, l'organisme qui collecte les cotisations, a relevé les taux."),
    ("fr", "La SNCF et la CAF ouvrent le dimanche."),
    ("fr", "Le coût total (TCO) baisse de 3 %."),
    ("fr", "Les logisticiens manquent."),
    ("en", "Ofwat, the water regulator, fined 4 firms."),
    ("en", "The NHS and every GP practice."),
    ("en", "The van looks for a kerb; the taproom pays."),
    ("en", "She posts on LinkedIn."),
])
def test_known_or_explained_terms_are_not_jargon(lang, text):
    assert rules.rule_jargon(TopicSheet("t", text), lang) == [], text


# ------------------------------------------------------------------ repeated points
@pytest.mark.parametrize("lang, first, second", [
    ("en", "Answer every tenant within 24 hours.", "No tenant waits more than a day for a reply."),
    ("en", "Switching lights off after midnight did not raise crime.",
     "Dark streets in the small hours brought no increase in offences."),
    ("fr", "Un mois de formation suffit.", "Quatre semaines d'apprentissage suffisent."),
    ("fr", "Une aide passe 40 % de son temps sur la route.",
     "Près de la moitié de la journée d'une aide se passe en voiture."),
])
def test_a_point_saying_the_same_in_other_words_is_a_repeat(lang, first, second):
    sheet = TopicSheet("t", "M", (P(first), P(second)))
    assert [(f.point, f.value) for f in rules.rule_repetition(sheet, lang)] == [(2, 1)]


@pytest.mark.parametrize("lang, first, second", [
    ("en", "A cargo bike delivers 10 parcels an hour against 6 for a van.",
     "Each bike takes a van off the road for 8,000 km a year."),
    ("en", "Carers leave because of the shifts, not the pay.",
     "Paid travel time keeps carers two years longer."),
    ("fr", "Un camion frigorifique collecte 20 tonnes de frais par mois.",
     "Un bénévole chauffeur fait la tournée de six magasins en une matinée."),
])
def test_points_about_the_same_subject_saying_different_things_are_not_repeats(
        lang, first, second):
    assert rules.rule_repetition(TopicSheet("t", "M", (P(first), P(second))), lang) == []


@pytest.mark.parametrize("a, b, same", [
    ("quatre semaines", "un mois", True), ("24 heures", "un jour", True),
    ("40 %", "près de la moitié", True), ("sept sur dix", "la plupart", True),
    ("deux fois par an", "à deux reprises chaque année", True),
    ("deux fois moins cher", "la moitié du prix", True),
    ("six mois", "trois ans", False), ("10 %", "la moitié", False)])
def test_numbers_that_say_the_same(a, b, same):
    (x,), (y,) = quantities(a)[0], quantities(b)[0]
    assert same_quantity(x, y) is same


# ------------------------------------------------------------------ proof
@pytest.mark.parametrize("lang, proof, backed", [
    ("en", "Every manager I have worked with says so.", False),
    ("en", "That's what couples always tell me.", False),
    ("fr", "Les DRH avec qui je travaille le confirment tous.", False),
    ("fr", "Tout le monde le voit dans la profession.", False),
    ("fr", "C'est ce que je constate tous les jours avec mes clients.", False),
    ("en", "Ofwat leakage report", True),
    ("en", "Leeds City Council, winter plan", True),
    ("fr", "Exemple : une cliente de Nancy", True),
    ("fr", "Cas : une veuve a payé deux fois le même cercueil", True),
    ("fr", "Relevé de 620 dépannages", True),
])
def test_proof_is_a_figure_a_name_or_a_case_not_a_capital_or_hearsay(lang, proof, backed):
    sheet = one_point("Les clients reviennent.", proof)
    assert (rules.rule_proof(sheet, lang) == []) is backed, proof


def test_same_study_is_the_earlier_points_proof_and_nothing_without_one():
    backed = TopicSheet("t", "M", (P("Dark streets did not raise crime.", "Study of 62 councils"),
                                   P("Dimming halves the bill.", "Same study")))
    assert rules.rule_proof(backed, "en") == []
    alone = TopicSheet("t", "M", (P("Dimming halves the bill.", "Same study"),))
    assert [f.point for f in rules.rule_proof(alone, "en")] == [1]


# ------------------------------------------------------------------ every rule
def test_every_rule_names_its_source():
    for name, rule in inspect.getmembers(rules, inspect.isfunction):
        if name.startswith("rule_") and name != "rule_truncated":
            assert "SOURCE" in (rule.__doc__ or ""), name


FIELD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["fr", "en"]), FIELD, st.lists(st.tuples(FIELD, FIELD, FIELD),
                                                      max_size=4))
def test_any_text_gives_known_codes_and_words_taken_from_the_sheet(lang, umbrella, points):
    sheet = TopicSheet("t", umbrella, tuple(KeyPoint(m, p, (q,)) for m, p, q in points))
    found = check_sheet(sheet, lang)
    text = " ".join([umbrella, *(t for point in points for t in point)])
    for finding in found:
        assert finding.code in rules.FINDING_CODES
        assert all(word in text for word in finding.words), finding
