"""Fluff ("guimauve"): praise and marketing words that say nothing a reader can check.

SOURCE: the method, step 3 (DESIGN.md) — no fluff; media training — a claim a journalist can
quote names a fact, a figure or an example; "world-class", "un accompagnement de qualité"
are never quoted.

Two kinds of word, matched by lemma (any gender, number or tense):
- marketing words, fluff wherever they stand: superlatives of self-praise ("world-leading",
  "d'exception", "irréprochable"), the words of brochures ("seamless", "clés en main",
  "synergie"), and the compounds brochures make ("industry-leading", "customer-centric",
  "people-first", "premium-grade", "next-generation");
- evaluative words that can be fair in a sentence that says something ("essential",
  "qualité", "durable", "vrai"): fluff when they outnumber the specific things the sentence
  names — figures, names, rare words (a Zipf frequency under 4: "restauration", "pivoine"
  are specific, "service", "réponse" generic) — or when the whole point (message, proof and
  quotes) names nothing at all. So "the council's list of essential services", backed by
  "Leeds City Council, winter plan 2024", is not fluff; "une réponse durable et pertinente
  aux enjeux de demain" is.
"""

from __future__ import annotations

import functools
import re

from workbook.domain.press.proof import EXAMPLE, NUMBER_WORDS
from workbook.domain.press.words import (
    Token,
    fold_same_length,
    frequency,
    has_figure,
    lemma_of,
    tokens,
)

SPECIFIC_ZIPF = 4.0

MARKETING = {
    "fr": frozenset({
        "innovant", "incontournable", "exceptionnel", "remarquable", "irreprochable",
        "revolutionnaire", "disruptif", "synergie", "passionne", "bienveillant", "raffine",
        "formidable", "incroyable", "extraordinaire", "inegale", "inegalable", "excellence",
        "inoubliable", "magique", "hors-norme", "epoustouflant", "exceptionnellement",
        "performant", "gagnant-gagnant", "premium", "sublime", "prestigieux", "ultime"}),
    "en": frozenset({
        "innovative", "seamless", "frictionless", "effortless", "unparalleled", "unrivalled",
        "unrivaled", "unmatched", "outstanding", "exceptional", "excellence", "revolutionary",
        "disruptive", "groundbreaking", "transformative", "transformational", "holistic",
        "synergy", "leverage", "empower", "empowering", "impactful", "turnkey", "passionate",
        "amazing", "incredible", "fantastic", "tremendous", "superb", "stellar", "remarkable",
        "world-class", "best-in-class", "best-of-breed", "cutting-edge", "state-of-the-art",
        "game-changer", "game-changing", "next-generation", "next-gen", "next-level",
        "top-notch", "top-tier", "future-proof", "value-added", "win-win", "one-stop",
        "hassle-free", "worry-free", "stress-free", "second-to-none", "vibrant",
        "unforgettable", "magical", "breathtaking", "visionary"}),
}
MARKETING_PHRASES = {
    "fr": (r"d'exception", r"haut de gamme", r"cles? en main", r"a 360", r"de pointe",
           r"valeur ajoutee", r"au plus pres des besoins", r"au coeur de", r"hors pair",
           r"sans egal", r"de premier plan", r"d'envergure", r"un vrai levier",
           r"un veritable levier", r"au service de l'excellence"),
    "en": (r"full potential", r"added value", r"second to none", r"go-to", r"best practices?",
           r"unlock(?:s|ed|ing)? (?:the |their |your |our |its )?(?:full )?(?:potential|value)",
           r"the next level", r"a real difference"),
}
# Compounds brochures make: "industry-leading", "customer-centric", "data-driven".
_COMPOUND = re.compile(
    r"(?<![\w-])(?:[a-z]+-(?:leading|centric|centred|centered|driven|winning)|"
    r"(?:world|best-in|top)-class|(?:premium|top|military|enterprise|professional)-grade|"
    r"(?:next|top|world|expert|enterprise)-level|(?:customer|people|client|user|digital|"
    r"mobile|patient)-first|(?:leading|bleeding|cutting)-edge)(?![\w-])")

EVALUATIVE = {
    "fr": frozenset({
        "essentiel", "important", "majeur", "crucial", "fondamental", "primordial", "cle",
        "vrai", "veritable", "qualite", "performance", "efficace", "efficacite", "pertinent",
        "pertinence", "durable", "responsable", "global", "optimal", "optimiser",
        "optimisation", "demarche", "accompagnement", "accompagner", "solution", "expertise",
        "savoir-faire", "dynamique", "leader", "enjeu", "defi", "demain", "atout",
        "plus-value", "levier", "exigence", "exigeant", "unique", "experience", "reconnu",
        "fiable", "moderne", "ambitieux", "ambition", "engagement", "engage", "vision",
        "strategique", "sur-mesure", "personnalise", "complet", "innovation", "excellent",
        "meilleur", "exemplaire", "operationnel", "ideal", "precieux", "convivial",
        "authentique", "chaleureux", "agreable", "accueillant", "attentif", "engageant",
        "inclusif", "ecoresponsable", "qualitatif", "serein", "sereinement", "serenite",
        "bien-etre", "epanoui", "epanouissement", "humain", "resolument", "reellement",
        "vraiment", "veritablement", "sincere", "passion"}),
    "en": frozenset({
        "essential", "important", "key", "crucial", "vital", "major", "great", "strong",
        "robust", "agile", "dynamic", "unique", "quality", "high-quality", "excellent",
        "effective", "efficient", "valuable", "meaningful", "relevant", "sustainable",
        "responsible", "solution", "expertise", "journey", "experience", "outcome", "value",
        "performance", "commitment", "committed", "dedicated", "trusted", "premium",
        "tailored", "bespoke", "genuinely", "truly", "really", "real", "inspiring",
        "innovation", "vision", "culture", "optimal", "optimise", "optimize", "enhance",
        "passion", "mission", "ambitious", "modern", "proven", "comprehensive", "end-to-end",
        "premier",
        "ideal", "best", "leading", "world", "sustainability", "exciting", "inclusive",
        "welcoming", "friendly", "delightful", "memorable", "authentic", "genuine", "thrive",
        "thriving", "caring", "holistic", "engaging", "seamlessly", "passionately",
        "wellbeing", "well-being", "fulfilled", "human", "people-centred", "curate",
        "discerning", "customer-focused", "focused"}),
}
EVALUATIVE_PHRASES = {
    "fr": (r"de qualite", r"sur mesure", r"de demain", r"au service d", r"l'humain",
           r"au quotidien", r"en toute confiance"),
    "en": (r"high quality", r"every step of the way", r"peace of mind", r"make a difference",
           r"at the heart of"),
}
_PHRASE = {kind: {lang: re.compile(r"(?<![\w-])(?:" + "|".join(sorted(p, key=len, reverse=True))
                                   + r")(?![\w-])")
                  for lang, p in table.items()}
           for kind, table in (("marketing", MARKETING_PHRASES),
                               ("evaluative", EVALUATIVE_PHRASES))}
NAMELESS = frozenset({"i", "je", "j"})
STOPWORDS = frozenset({
    "le", "la", "les", "un", "une", "des", "de", "du", "d", "l", "et", "ou", "en", "dans",
    "pour", "par", "sur", "avec", "que", "qui", "est", "sont", "a", "au", "aux", "ce", "ces",
    "se", "sa", "son", "ses", "nos", "notre", "vos", "votre", "il", "elle", "on", "nous",
    "vous", "ils", "pas", "ne", "plus", "the", "an", "and", "or", "of", "to", "in", "for",
    "with", "is", "are", "be", "it", "its", "that", "this", "we", "you", "our", "your", "by",
    "at", "as", "from", "not", "more", "than", "c", "s", "qu", "y", "j", "n", "m", "t",
    "chaque", "every", "each", "all", "tout", "tous", "toute", "toutes", "their", "they"})


def _hits(text: str, words: tuple[Token, ...], lang: str) -> tuple[list[tuple], list[tuple]]:
    """(marketing spans, evaluative spans) of a text."""
    folded = fold_same_length(text)
    marketing = [m.span() for m in _PHRASE["marketing"][lang].finditer(folded)]
    marketing += [m.span() for m in _COMPOUND.finditer(folded)]
    evaluative = [m.span() for m in _PHRASE["evaluative"][lang].finditer(folded)]
    for token in words:
        if any(s <= token.start < e for s, e in marketing + evaluative):
            continue
        lemma = lemma_of(token.lower, lang)
        if lemma in MARKETING[lang] or token.folded in MARKETING[lang]:
            marketing.append((token.start, token.end))
        elif lemma in EVALUATIVE[lang] or token.folded in EVALUATIVE[lang]:
            evaluative.append((token.start, token.end))
    return marketing, evaluative


@functools.lru_cache(maxsize=1024)
def specific_things(text: str, lang: str, skip: tuple[tuple[int, int], ...] = ()) -> int:
    """How many specific things a text names: figures, names, examples and rare words."""
    words = tokens(text)
    figure = has_figure(text) or any(t.folded in NUMBER_WORDS for t in words)
    count = 2 * (figure + bool(EXAMPLE.search(fold_same_length(text))))
    for token in words:
        if any(s <= token.start < e for s, e in skip) or token.folded in STOPWORDS:
            continue
        if token.capitalised and not token.opens_sentence and token.folded not in NAMELESS:
            count += 1                                  # a name
        elif len(token.folded) > 2 and token.folded.isalpha() and \
                frequency(token.lower, lang) < SPECIFIC_ZIPF:
            count += 1                                  # a rare, specific word
    return count


@functools.lru_cache(maxsize=1024)
def fluff_words(text: str, lang: str, point_named_something: bool) -> tuple[str, ...]:
    """The fluff words of one field (as written), or [] if it is not fluff (see the module:
    marketing words always; evaluative words when they outnumber what the field names, or
    when the point names nothing)."""
    words = tokens(text)
    marketing, evaluative = _hits(text, words, lang)
    if not marketing:
        if not evaluative:
            return ()
        named = specific_things(text, lang, tuple(evaluative))
        if not (len(evaluative) >= 2 and len(evaluative) > named) and point_named_something:
            return ()
    seen: dict[str, str] = {}
    for start, end in sorted(marketing + evaluative):
        seen.setdefault(text[start:end].lower(), text[start:end])
    return tuple(seen.values())
