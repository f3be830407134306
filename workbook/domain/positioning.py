"""Positioning: the specialty a connector can repeat, and how focused a statement is.

SOURCE: the method, step 1 (DESIGN.md): connectors and prescribers can only recommend you if
they understand your specialty, your expertise and your difference; too generalist or vague
and you interest nobody — "a hand surgeon, not a general surgeon who does a hand now and
then": focus, focus, focus.

Everything here is pure: text in, small frozen dataclasses out. User-facing sentences (the
clauses that compose a card, a finding's explanation and fix) live in the i18n catalogue
(`positioning.compose.*`, `positioning.finding.<code>.why/.fix`); this module only looks them
up, so FR and EN stay complete and testable in one place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace

from workbook.domain.names import fold
from workbook.i18n import normalise_language, translate

# ---------------------------------------------------------------------------------------------
# The guided structure

# Step order of the form. SOURCE: the method, step 1 — specialty (role), the kind of
# organisation, the specific problem, for whom, what you deliver, your difference.
STEPS = ("target_role", "sector", "problem", "audience", "deliverable", "difference")
# What a connector must be able to repeat (measured by the repeat-back test).
CORE_PARTS = ("target_role", "audience", "deliverable")
# Who should hear the pitch and repeat it back. SOURCE: the method, steps 1–2 — connectors and
# prescribers are the ones who recommend you (codes from vocabulary.ROLES).
REPEAT_BACK_ROLES = ("connector", "prescriber")


@dataclass(frozen=True)
class Statement:
    """The six answers of the guided structure (free text, any may be blank)."""

    target_role: str = ""
    sector: str = ""
    problem: str = ""
    audience: str = ""
    deliverable: str = ""
    difference: str = ""

    def cleaned(self) -> Statement:
        """Whitespace collapsed and trailing punctuation dropped, so clauses join cleanly."""
        return replace(self, **{name: _clean(getattr(self, name)) for name in STEPS})

    def answered(self) -> int:
        """How many of the steps have an answer."""
        return sum(bool(_clean(getattr(self, name))) for name in STEPS)

    def is_blank(self) -> bool:
        return self.answered() == 0

    def has_core(self) -> bool:
        """True when there is something for the repeat-back test to measure."""
        return any(_clean(getattr(self, name)) for name in CORE_PARTS)


@dataclass(frozen=True)
class Card:
    """The positioning card: the line a connector repeats, a 30-second pitch, a bio line."""

    one_liner: str = ""
    pitch: str = ""
    bio: str = ""

    def is_blank(self) -> bool:
        return not any(_clean(getattr(self, name)) for name in CARD_FIELDS)


CARD_FIELDS = tuple(f.name for f in fields(Card))


def _clean(text: str) -> str:
    return " ".join((text or "").split()).strip(" .;:,")


def _decap(text: str) -> str:
    """'Les DAF' -> 'les DAF' inside a sentence; 'PME', 'B2B', 'SaaS' and 'I' are left alone."""
    first_word = text.split(" ", 1)[0]
    if len(first_word) > 1 and first_word[0].isupper() and first_word[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _with_article(role: str, lang: str) -> str:
    """English needs "a"/"an" before a job title ("I am a payroll controller"); French not."""
    if lang != "en" or role.split(" ", 1)[0].lower() in ("a", "an", "the"):
        return role
    return ("an " if role[:1].lower() in "aeiou" else "a ") + role


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def compose_one_liner(statement: Statement, lang: str) -> str:
    """The one line a connector repeats: role, for whom, in what kind of organisation, and what
    you deliver ("Payroll controller for mid-size manufacturers (food): close in 5 days").
    SOURCE: the method, step 1 — precise specialty and deliverable, nothing else."""
    s = statement.cleaned()

    def line(*names: str) -> str:
        text = "".join(
            translate(lang, f"positioning.compose.one_liner.{name}", value=_decap(value)
                      if name != "target_role" else value)
            for name in names if (value := getattr(s, name)))
        return _end(_cap(text.strip().lstrip(":").strip()))

    # The sector only goes in when the line stays short enough to be repeated.
    with_sector = line("target_role", "audience", "sector", "deliverable")
    if count_words(with_sector) <= ONE_LINER_MAX_WORDS or not s.target_role:
        return with_sector
    return line("target_role", "audience", "deliverable")


def compose_pitch(statement: Statement, lang: str) -> str:
    """A 30-second pitch in the first person, one short sentence per filled step.
    SOURCE: the method, step 1 (specialty, expertise, difference)."""
    s = statement.cleaned()
    sentences = []
    if s.target_role:
        sentences.append(translate(lang, "positioning.compose.pitch.target_role",
                                   value=_with_article(_decap(s.target_role), lang)))
    if s.sector:
        sentences.append(translate(lang, "positioning.compose.pitch.sector",
                                   value=_decap(s.sector)))
    if s.audience and s.problem:
        sentences.append(translate(lang, "positioning.compose.pitch.audience_problem",
                                   audience=_decap(s.audience), problem=_decap(s.problem)))
    elif s.audience:
        sentences.append(translate(lang, "positioning.compose.pitch.audience",
                                   value=_decap(s.audience)))
    elif s.problem:
        sentences.append(translate(lang, "positioning.compose.pitch.problem",
                                   value=_decap(s.problem)))
    for name in ("deliverable", "difference"):
        value = getattr(s, name)
        if value:
            sentences.append(translate(lang, f"positioning.compose.pitch.{name}",
                                       value=_decap(value)))
    return " ".join(_end(sentence) for sentence in sentences)


def compose_bio(statement: Statement, lang: str) -> str:
    """A headline-style bio line for LinkedIn or the top of a CV: "role for whom | result |
    difference". SOURCE: the method, step 1."""
    s = statement.cleaned()
    head = s.target_role
    if s.audience:
        head += translate(lang, "positioning.compose.one_liner.audience", value=_decap(s.audience))
    parts = [head.strip(), _cap(s.deliverable), _cap(s.difference)]
    return " | ".join(part for part in parts if part)


def compose_card(statement: Statement, lang: str) -> Card:
    """One-liner, pitch and bio composed from the guided structure."""
    lang = normalise_language(lang)
    return Card(compose_one_liner(statement, lang), compose_pitch(statement, lang),
                compose_bio(statement, lang))


# ---------------------------------------------------------------------------------------------
# Lexicons. SOURCE: compiled for this workbook from the method's own examples ("polyvalent",
# "touche-à-tout", "open to any opportunity") and from widely published lists of overused CV
# and LinkedIn words (LinkedIn's yearly "most overused buzzwords" lists, 2010–2017; French
# job-search guides' lists of CV clichés: "dynamique", "force de proposition"…).
# Entries are written naturally and folded at import; a trailing "*" matches any ending.
# Both languages are searched whatever the page language: French statements often carry
# English buzzwords ("leader", "best practices") and the reverse.

VAGUE_WORDS = {
    "fr": ("polyvalen*", "touche-à-tout", "généralist*", "multi-casquette*", "multicasquette*",
           "couteau suisse", "couteau-suisse", "tous secteurs", "tous les secteurs",
           "tout secteur", "tout type*", "tous types", "toute opportunité", "toutes opportunités",
           "ouvert* à tout*", "ouvert* aux opportunités", "n'importe quel*", "divers",
           "diverses", "diversifié*", "variés", "variées", "large palette", "large éventail",
           "nombreux domaines", "différents domaines", "différents secteurs",
           "plusieurs secteurs", "multiples domaines", "tout faire", "toutes fonctions",
           "quel que soit", "quelle que soit", "etc", "et bien plus", "tous horizons",
           "profil transverse", "tout ce qui"),
    "en": ("versatile", "generalist*", "jack of all trades", "jack-of-all-trades",
           "all-rounder", "all sectors", "any sector", "all industries", "any industry",
           "various", "variety of", "wide range", "broad range", "many fields",
           "multiple industries", "diverse", "open to any*", "open to all",
           "open to new opportunit*", "any opportunit*", "any role", "multi-skilled",
           "many hats", "whatever", "and more", "anything", "all kinds"),
}

BUZZWORDS = {
    "fr": ("synergie*", "disruptif*", "disruptive*", "innovant*", "dynamique*", "proactif*",
           "proactive*", "passionné*", "orienté résultats", "orientée résultats",
           "force de proposition", "holistique*", "valeur ajoutée", "écosystème*",
           "transformation digitale", "transformation numérique", "à 360", "excellence",
           "leadership", "agilité", "motivé*", "rigoureu*", "créati*", "impactant*",
           "esprit d'équipe", "sens du relationnel", "bonnes pratiques", "levier*"),
    "en": ("synerg*", "disrupti*", "innovative", "dynamic", "proactive", "passionate",
           "results-driven", "results driven", "thought leader*", "team player", "go-getter",
           "leverag*", "best-in-class", "best in class", "best practices", "value-added",
           "value added", "ecosystem*", "holistic", "paradigm*", "out of the box",
           "self-starter", "detail-oriented", "rockstar", "ninja", "game changer",
           "game-changer", "cutting-edge", "world-class", "motivated", "strategic thinker",
           "track record", "growth mindset"),
}

# Result verbs: a deliverable is something done to something ("I cut", "je ramène").
DELIVERABLE_VERBS = {
    "fr": ("rédui*", "ramen*", "augment*", "divis*", "économis*", "gagn*", "livr*", "déploi*",
           "déploy*", "automatis*", "fiabilis*", "sécuris*", "accélér*", "raccourc*",
           "diminu*", "baiss*", "doubl*", "tripl*", "récupér*", "obten*", "obtien*", "lanc*",
           "conçoi*", "conçu*", "concev*", "construi*", "redress*", "recrut*", "signé*", "signe",
           "vend*", "migr*", "mets en place", "met en place", "mis en place", "remis*",
           "fais passer", "fait passer", "réduction", "hausse", "certifi*", "négoci*",
           "ouvr*", "install*", "remplac*", "supprim*", "évit*"),
    "en": ("cut", "cuts", "cutting", "reduc*", "increas*", "deliver*", "ship*", "save",
           "saves", "saved", "saving*", "grow*", "grew", "automat*", "launch*", "build*",
           "built", "doubl*", "tripl*", "halv*", "recover*", "shorten*", "lower*", "boost*",
           "win", "wins", "won", "clos*", "implement*", "migrat*", "turn around",
           "turned around", "negotiat*", "sign", "signed", "signing", "sold", "sell*", "hire*",
           "hiring", "recruit*", "prevent*", "replac*", "eliminat*", "certif*", "bring*", "brought",
           "raise*", "raised", "speed* up", "sped up"),
}

# Named audiences: the people or organisations the specialty serves.
AUDIENCE_NOUNS = {
    "fr": ("pme", "tpe", "eti", "start-up*", "startups", "entreprises", "hôpitaux",
           "cliniques", "collectivités", "mairies", "associations", "ong", "cabinets",
           "industriels", "fabricants", "distributeurs", "commerçants", "artisans", "équipes",
           "clients", "patients", "élèves", "étudiants", "daf", "drh", "dsi", "dg", "cfo",
           "cto", "ceo", "coo", "pdg", "rssi", "dirigeant*", "fondat*", "managers", "directions",
           "directeurs", "directrices", "responsables", "acheteurs", "laboratoires",
           "banques", "assureurs", "mutuelles", "éditeurs", "agences", "enseignes",
           "restaurants", "hôtels", "exploitants", "agriculteurs", "éleveurs", "promoteurs",
           "bailleurs", "développeurs", "porteurs de projet*", "producteurs",
           "particuliers", "familles", "usines", "chantiers", "marques", "écoles",
           "universités", "franchisés", "indépendants", "commerciaux", "soignants",
           "médecins", "pharmacies", "transporteurs", "chargeurs", "installateurs",
           "opérateurs", "gestionnaires", "investisseurs", "ministères"),
    "en": ("smes", "smbs", "startups", "start-ups", "companies", "firms", "hospitals",
           "clinics", "councils", "municipalities", "nonprofits", "charities", "teams",
           "clients", "customers", "patients", "students", "cfos", "ctos", "ceos", "coos",
           "cios", "cmos", "founders", "managers", "executives", "directors", "retailers",
           "manufacturers", "distributors", "banks", "insurers", "agencies", "schools",
           "universities", "labs", "laboratories", "buyers", "owners", "brands",
           "publishers", "developers", "operators", "plants", "factories",
           "investors", "funds", "families", "households", "physicians",
           "nurses", "pharmacies", "carriers", "shippers", "installers", "landlords",
           "fleets", "suppliers", "vendors", "engineers", "recruiters", "hr teams",
           "utilities", "ministries", "governments", "scale-ups", "scaleups"),
}

# Sectors and functions, to spot a statement that aims at several at once.
SECTORS = {
    "fr": ("banque*", "assurance*", "santé", "pharma*", "industrie", "agroalimentaire",
           "automobile", "aéronautique", "luxe", "retail", "grande distribution",
           "distribution", "commerce", "immobilier", "btp", "construction", "énergie*",
           "télécom*", "médias", "tourisme", "hôtellerie", "restauration", "transport*",
           "logistique", "éducation", "enseignement", "secteur public", "fonction publique",
           "associatif", "numérique", "conseil", "cosmétique*", "chimie",
           "agriculture", "sport", "défense", "ferroviaire", "maritime",
           "spatial", "nucléaire", "e-commerce", "fintech", "assurtech", "edtech",
           "biotech*", "medtech*", "jeu vidéo", "jeux vidéo"),
    "en": ("banking", "insurance", "healthcare", "health care", "pharma*", "manufacturing",
           "automotive", "aerospace", "luxury", "retail", "real estate", "construction",
           "energy", "telecom*", "media", "tourism", "hospitality", "transportation",
           "logistics", "education", "public sector", "government", "nonprofit sector",
           "tech", "software", "consulting", "fashion", "cosmetics", "chemicals",
           "agriculture", "defense", "defence", "rail", "shipping", "utilities sector",
           "gaming", "fintech", "insurtech", "edtech", "biotech*", "medtech*", "food industry"),
}

FUNCTIONS = {
    "fr": ("contrôleu*", "comptable", "directeur", "directrice", "responsable", "chef de projet",
           "cheffe de projet", "manager", "consultant*", "développeur", "développeuse",
           "ingénieur*", "commercial", "commerciale", "acheteur", "acheteuse", "juriste",
           "avocat*", "chargé*", "chargée*", "assistant*", "technicien*", "analyste",
           "auditeur", "auditrice", "formateur", "formatrice", "gestionnaire", "coordinat*",
           "designer", "architecte", "product owner", "data scientist", "marketing",
           "communication", "ressources humaines", "rh", "finance", "achats", "vente*",
           "juridique", "informatique", "comptabilité", "paie"),
    "en": ("controller", "accountant", "director", "head of", "project manager", "manager",
           "consultant", "developer", "engineer", "salesperson", "account executive",
           "buyer", "lawyer", "counsel", "assistant", "technician", "analyst", "auditor",
           "trainer", "coordinator", "designer", "architect", "product owner",
           "data scientist", "marketing", "communications", "human resources", "hr",
           "finance", "procurement", "sales", "legal", "accounting", "payroll"),
}

# Words that join several targets, and words allowed between the joined items.
_COORDINATORS = frozenset({"et", "ou", "and", "or", "/", "&", ",", "plus"})
_FILLERS = frozenset({"le", "la", "les", "l", "de", "des", "du", "d", "en", "dans", "the", "a",
                      "an", "in", "of", "un", "une", "secteur", "sector", "bien", "also",
                      "aussi", "either", "soit"})
# A named audience does not count after a universal quantifier ("toutes les entreprises").
_QUANTIFIERS = frozenset({"tout", "toute", "tous", "toutes", "n", "importe", "all", "any",
                          "every", "quelconque"})

# Function words, to tell which language a text is in (ambiguous ones like "a" left out).
_STOPWORDS = {
    "fr": frozenset({"le", "la", "les", "des", "du", "et", "je", "vous", "pour", "dans", "avec",
                     "qui", "que", "une", "est", "sur", "mon", "ma", "mes", "nous", "au", "aux",
                     "ce", "cette", "ou", "mais", "sont", "j", "l", "d", "qu", "aide"}),
    "en": frozenset({"the", "and", "you", "for", "with", "who", "that", "is", "are", "my",
                     "our", "of", "to", "in", "an", "at", "by", "from", "help", "helping",
                     "we", "or", "but", "which", "this", "i"}),
}

_NUMBER_WORDS = {
    "un": "1", "une": "1", "one": "1", "deux": "2", "two": "2", "trois": "3", "three": "3",
    "quatre": "4", "four": "4", "cinq": "5", "five": "5", "six": "6", "sept": "7",
    "seven": "7", "huit": "8", "eight": "8", "neuf": "9", "nine": "9", "dix": "10",
    "ten": "10", "vingt": "20", "twenty": "20", "trente": "30", "thirty": "30",
    "cent": "100", "hundred": "100", "mille": "1000", "thousand": "1000",
}
_FIGURE_WORDS = frozenset(set(_NUMBER_WORDS) - {"un", "une", "one"}) | {
    "moitie", "double", "triple", "half", "twice", "million", "millions", "milliard", "billion",
    "pourcent", "percent"}


def _lexicon_regex(entries: Iterable[str]) -> re.Pattern:
    patterns = set()
    for entry in entries:
        prefix = entry.endswith("*")
        words = fold(entry.rstrip("*")).split()
        if not words:
            continue
        patterns.add(r"\W+".join(map(re.escape, words)) + (r"\w*" if prefix else ""))
    alternatives = "|".join(sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _both(lexicon: dict[str, tuple[str, ...]]) -> re.Pattern:
    return _lexicon_regex(word for words in lexicon.values() for word in words)


_VAGUE = _both(VAGUE_WORDS)
_BUZZ = _both(BUZZWORDS)
_DELIVER = _both(DELIVERABLE_VERBS)
_AUDIENCE = _both(AUDIENCE_NOUNS)
_SECTOR = _both(SECTORS)
_FUNCTION = _both(FUNCTIONS)
_AND_OR = re.compile(r"(?<!\w)(?:et|and)\s*/\s*(?:ou|or)(?!\w)")  # "et/ou": aiming at both
_FIGURE = re.compile(r"\d|[%€$£]")
_TOKEN = re.compile(r"\w+|[/&,]")
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]{0,200}>")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]")

# ---------------------------------------------------------------------------------------------
# Analysis

# Speech rate used for "how long to say it": about 150 words a minute, the usual figure for
# conversational English and French; so 75 words ≈ 30 seconds.
WORDS_PER_MINUTE = 150
ONE_LINER_MAX_WORDS = 20
PITCH_MAX_SECONDS = 30
PITCH_MAX_WORDS = WORDS_PER_MINUTE * PITCH_MAX_SECONDS // 60
MIN_WORDS = 6
# The analyser runs on every debounced keystroke: it reads at most this many characters.
MAX_ANALYSED_CHARS = 4000
FOCUSED_SCORE = 75
ALMOST_SCORE = 50

# Finding codes, most damaging first; each has `positioning.finding.<code>.why` and `.fix`.
FINDING_CODES = ("empty", "vague_words", "no_deliverable", "too_many_targets", "no_audience",
                 "buzzwords", "too_short", "one_liner_too_long", "pitch_too_long", "no_figure",
                 "mixed_language", "markup", "emoji", "truncated")

# Points taken off a perfect 100. Per-word penalties are capped. The weights follow the
# method's order of importance: vagueness and no result kill a referral; length and jargon
# only make it harder to repeat.
PENALTIES = {
    "empty": 100, "vague_words": 15, "no_deliverable": 25, "too_many_targets": 20,
    "no_audience": 20, "buzzwords": 6, "too_short": 15, "one_liner_too_long": 10,
    "pitch_too_long": 10, "no_figure": 8, "mixed_language": 5, "markup": 5, "emoji": 3,
    "truncated": 0,
}
PENALTY_CAPS = {"vague_words": 40, "buzzwords": 24}


@dataclass(frozen=True)
class Finding:
    """One problem in a statement: a stable code, the words at fault (as typed, at most a few),
    the explanation and the fix in the user's language, and the points it cost."""

    code: str
    words: tuple[str, ...]
    why: str
    fix: str
    penalty: int

    @property
    def why_key(self) -> str:
        return f"positioning.finding.{self.code}.why"

    @property
    def fix_key(self) -> str:
        return f"positioning.finding.{self.code}.fix"


@dataclass(frozen=True)
class FocusReport:
    """How focused a statement is: a score 0–100 (higher is more focused) and its findings,
    most damaging first; words and estimated seconds of speech of the whole statement."""

    score: int
    findings: tuple[Finding, ...]
    words: int
    seconds: float
    one_liner_words: int
    lang: str
    truncated: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    @property
    def level(self) -> str:
        """'focused', 'almost' or 'vague' (page colour and label)."""
        return focus_level(self.score)


def focus_level(score: int | None) -> str:
    if score is None or score < ALMOST_SCORE:
        return "vague"
    return "focused" if score >= FOCUSED_SCORE else "almost"


def speech_seconds(words: int) -> float:
    """Seconds needed to say `words` words at ~150 words a minute (conversational pace)."""
    return round(words * 60 / WORDS_PER_MINUTE, 1)


def count_words(text: str) -> int:
    """Words as a listener hears them: "touche-à-tout" and "l'industrie" count once."""
    return len(_WORD.findall(text or ""))


def first_sentence(text: str) -> str:
    for piece in _SENTENCE_END.split((text or "").strip()):
        if piece.strip():
            return piece.strip()
    return ""


def _normalise(text: str) -> tuple[str, list[int] | None]:
    """Lower-cased text without accents, and for each of its characters the index of the
    character it came from (None when identical positions: plain ASCII)."""
    if text.isascii():
        return text.lower(), None
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                chars.append(folded)
                origin.append(index)
    return "".join(chars), origin


class _Text:
    """The analysed text with its normalised form; maps matches back to the words as typed."""

    def __init__(self, raw: str):
        self.raw = raw
        self.norm, self._origin = _normalise(raw)

    def original(self, start: int, end: int) -> str:
        if self._origin is None:
            return self.raw[start:end]
        return self.raw[self._origin[start]:self._origin[end - 1] + 1]

    def matches(self, pattern: re.Pattern) -> list[re.Match]:
        return list(pattern.finditer(self.norm))


def _distinct(words: Iterable[str], limit: int = 5) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(fold(word), word)
    return tuple(seen.values())[:limit]


def _preceded_by_quantifier(norm: str, start: int) -> bool:
    before = _TOKEN.findall(norm[max(0, start - 30):start])[-3:]
    return any(token in _QUANTIFIERS for token in before)


def _joined_targets(text: _Text, pattern: re.Pattern, at_most: int | None = None) -> list[str]:
    """Items of one class (sectors, or functions) that a statement aims at together: two joined
    by "et/ou/and/or//," with only small words (and at most one other word, as in "directeur
    financier ou contrôleur") between them; or, with `at_most`, more distinct items than that
    anywhere in the text."""
    found = text.matches(pattern)
    items = {fold(m.group()).rstrip("s"): m for m in found}
    at_fault: list[str] = []
    for left, right in zip(found, found[1:]):
        between = _TOKEN.findall(text.norm[left.end():right.start()])
        others = [t for t in between if t not in _COORDINATORS and t not in _FILLERS]
        if (fold(left.group()).rstrip("s") != fold(right.group()).rstrip("s")
                and len(between) <= 6 and len(others) <= 1
                and any(t in _COORDINATORS for t in between)):
            at_fault += [text.original(*left.span()), text.original(*right.span())]
    if at_most is not None and len(items) > at_most:
        at_fault += [text.original(*m.span()) for m in items.values()]
    return at_fault


def analyze(statement: str, lang: str, *, one_liner: str | None = None) -> FocusReport:
    """Score how focused a positioning statement is, 0–100, with one finding per problem.

    `statement` is the spoken text (the pitch); the one-liner is `one_liner` when given, else
    the statement's first sentence (what a listener retains first). Length is judged at ~150
    words a minute: a one-liner over ~20 words cannot be repeated, a pitch over ~75 words
    takes more than 30 seconds. At most 4,000 characters are read, so a 20,000-character paste
    costs the same as a long pitch. SOURCE: the method, step 1 ("too generalist or vague and
    you interest nobody"); the lexicons above say where their words come from.
    """
    lang = normalise_language(lang)
    statement = statement or ""
    one_liner = first_sentence(statement) if one_liner is None else one_liner
    full = statement if one_liner.strip() in statement else f"{one_liner}\n{statement}"
    truncated = len(full) > MAX_ANALYSED_CHARS
    text = _Text(full[:MAX_ANALYSED_CHARS])
    pitch_words = count_words(statement[:MAX_ANALYSED_CHARS] or one_liner)
    liner_words = count_words(one_liner[:MAX_ANALYSED_CHARS])
    found: list[tuple[str, Sequence[str], dict]] = []

    if not text.norm.strip() or not count_words(text.raw):
        found.append(("empty", (), {}))
        return _report(found, lang, 0, 0, truncated)

    vague = [text.original(*m.span()) for m in text.matches(_VAGUE)]
    if vague:
        found.append(("vague_words", _distinct(vague), {}))

    buzz_matches = text.matches(_BUZZ)
    # A figure inside a buzzword ("vision à 360") is no result.
    plain = _BUZZ.sub(lambda match: " " * len(match.group()), text.norm)
    has_figure = bool(_FIGURE.search(plain)) or any(
        token in _FIGURE_WORDS for token in _TOKEN.findall(plain))
    verbs = text.matches(_DELIVER)
    if not verbs and not has_figure:
        found.append(("no_deliverable", (), {}))
    elif not has_figure:
        found.append(("no_figure", (), {}))

    targets = [text.original(*m.span()) for m in text.matches(_AND_OR)]
    targets += _joined_targets(text, _SECTOR, at_most=2) + _joined_targets(text, _FUNCTION)
    if targets:
        found.append(("too_many_targets", _distinct(targets), {}))

    audience = [m for m in text.matches(_AUDIENCE)
                if not _preceded_by_quantifier(text.norm, m.start())]
    if not audience:
        found.append(("no_audience", (), {}))

    buzz = [text.original(*m.span()) for m in buzz_matches]
    total_words = count_words(text.raw)
    if len(buzz) >= 2 or (buzz and total_words < 15):
        found.append(("buzzwords", _distinct(buzz), {"count": len(buzz)}))

    if total_words < MIN_WORDS:
        found.append(("too_short", (), {"count": total_words, "limit": MIN_WORDS}))
    if liner_words > ONE_LINER_MAX_WORDS:
        found.append(("one_liner_too_long", (), {"count": liner_words,
                                                 "limit": ONE_LINER_MAX_WORDS}))
    if pitch_words > PITCH_MAX_WORDS:
        found.append(("pitch_too_long", (), {"count": pitch_words, "limit": PITCH_MAX_WORDS,
                                             "seconds": round(speech_seconds(pitch_words))}))

    other = _other_language_words(text, lang)
    if other:
        found.append(("mixed_language", _distinct(other, 4), {}))
    tags = _TAG.findall(text.raw)
    if tags:
        found.append(("markup", _distinct(tags, 3), {}))
    emoji = [e for e in _EMOJI.findall(text.raw) if e not in "\ufe0f\u200d"]
    if emoji:
        found.append(("emoji", _distinct(emoji, 5), {}))
    if truncated:
        found.append(("truncated", (), {"limit": MAX_ANALYSED_CHARS, "total": len(full)}))
    return _report(found, lang, pitch_words, liner_words, truncated)


def _other_language_words(text: _Text, lang: str) -> list[str]:
    """Function words of the other language (as typed), when they make a real share of the
    text: at least 3, and at least 30 % of the function words found."""
    own_lang = "en" if lang == "en" else "fr"
    other_lang = "fr" if own_lang == "en" else "en"
    tokens = list(_TOKEN.finditer(text.norm))
    own = sum(token.group() in _STOPWORDS[own_lang] for token in tokens)
    other = [text.original(*token.span()) for token in tokens
             if token.group() in _STOPWORDS[other_lang]]
    if len(other) >= 3 and len(other) >= 0.3 * (own + len(other)):
        return other
    return []


def _report(found, lang: str, words: int, liner_words: int, truncated: bool) -> FocusReport:
    findings = []
    for code, words_at_fault, values in found:
        penalty = PENALTIES[code]
        if code in PENALTY_CAPS:
            penalty = min(PENALTY_CAPS[code], penalty * max(1, len(words_at_fault)))
        findings.append(Finding(
            code=code, words=tuple(words_at_fault), penalty=penalty,
            why=translate(lang, f"positioning.finding.{code}.why", **values),
            fix=translate(lang, f"positioning.finding.{code}.fix", **values)))
    findings.sort(key=lambda f: (-f.penalty, FINDING_CODES.index(f.code)))
    score = max(0, 100 - sum(f.penalty for f in findings))
    return FocusReport(score=score, findings=tuple(findings), words=words,
                       seconds=speech_seconds(words), one_liner_words=liner_words,
                       lang=lang, truncated=truncated)


def analyze_card(card: Card, lang: str) -> FocusReport:
    """Analyse a card: its pitch (or its one-liner when there is no pitch yet)."""
    return analyze(card.pitch or card.one_liner, lang, one_liner=card.one_liner)


# ---------------------------------------------------------------------------------------------
# Versions

@dataclass(frozen=True)
class Version:
    """A saved statement. `created_at` is an ISO timestamp; `score` as computed when saved
    (None for a draft saved without one)."""

    id: int
    created_at: str
    lang: str
    statement: Statement
    card: Card
    score: int | None

    @property
    def saved_at(self) -> str:
        """`created_at` to the minute, as shown on the page: "2026-11-09 18:05"."""
        return self.created_at.replace("T", " ")[:16]


@dataclass(frozen=True)
class VersionComparison:
    """What changed between two versions: score (recomputed when missing), the steps whose
    answer changed, the findings fixed and the findings that appeared."""

    score_before: int
    score_after: int
    changed_steps: tuple[str, ...]
    fixed: tuple[str, ...]
    appeared: tuple[str, ...]
    words_before: int
    words_after: int

    @property
    def score_delta(self) -> int:
        return self.score_after - self.score_before


def compare_versions(before: Version, after: Version) -> VersionComparison:
    """Compare two versions. SOURCE: the method, step 1 — sharpen the statement until a
    connector can repeat it; progress is the score and the findings gone."""
    report_before = analyze_card(before.card, before.lang)
    report_after = analyze_card(after.card, after.lang)
    changed = tuple(name for name in STEPS if _clean(getattr(before.statement, name))
                    != _clean(getattr(after.statement, name)))
    codes_before, codes_after = set(report_before.codes), set(report_after.codes)
    return VersionComparison(
        score_before=before.score if before.score is not None else report_before.score,
        score_after=after.score if after.score is not None else report_after.score,
        changed_steps=changed,
        fixed=tuple(c for c in FINDING_CODES if c in codes_before - codes_after),
        appeared=tuple(c for c in FINDING_CODES if c in codes_after - codes_before),
        words_before=report_before.words, words_after=report_after.words)


def same_content(statement: Statement, card: Card, version: Version | None) -> bool:
    """True when saving would only duplicate `version` (nothing changed)."""
    return version is not None and statement.cleaned() == version.statement.cleaned() and \
        all(_clean(getattr(card, name)) == _clean(getattr(version.card, name))
            for name in CARD_FIELDS)


# ---------------------------------------------------------------------------------------------
# Repeat-back test

# A part counts as lost when, on average, connectors kept less than half of its words.
LOST_THRESHOLD = 0.5
_STEM_LENGTH = 6
_IGNORED = _STOPWORDS["fr"] | _STOPWORDS["en"] | {
    "a", "un", "une", "de", "en", "il", "elle", "ils", "elles", "se", "sa", "son", "ses", "leur",
    "leurs", "est", "fait", "on", "as", "he", "she", "they", "his", "her", "their", "does", "it",
    "je", "moi", "me", "m", "s", "c", "n", "y", "ne", "pas", "not", "very", "tres", "chez"}


def core_tokens(text: str) -> frozenset[str]:
    """The content words of `text` as comparable stems: folded (workbook.domain.names.fold),
    function words dropped, number words turned into digits ("cinq" = "5"), plural "s"/"x"
    dropped, then cut to their first six letters ("contrôleuse" ~ "contrôleur")."""
    stems = set()
    for token in fold(text[:MAX_ANALYSED_CHARS]).split():
        token = _NUMBER_WORDS.get(token, token)
        if token in _IGNORED or (len(token) < 2 and not token.isdigit()):
            continue
        if len(token) > 3 and token[-1] in "sx":
            token = token[:-1]
        stems.add(token[:_STEM_LENGTH])
    return frozenset(stems)


def retention(part_text: str, rephrasing: str) -> float | None:
    """Share (0–1) of a core part's content words found in a connector's rephrasing; None when
    the part is blank (nothing to measure).

    Measure: |stems(part) ∩ stems(rephrasing)| / |stems(part)| on folded text (see
    `core_tokens`). SOURCE: the method, step 1 — a connector must be able to repeat your role,
    for whom, and what you deliver. Limits: synonyms and acronyms are not recognised ("DAF"
    vs "directeur financier" counts as lost), word order and negation are ignored, two words
    sharing their first six letters count as the same, and a rephrasing that recites every
    word scores full marks even if it garbles the meaning. It is a coaching signal, not a
    judgement: read the rephrasings themselves.
    """
    wanted = core_tokens(part_text)
    if not wanted:
        return None
    return len(wanted & core_tokens(rephrasing)) / len(wanted)


@dataclass(frozen=True)
class RepeatBack:
    """One connector's rephrasing of the specialty, and what it kept of each core part."""

    connector: str
    rephrasing: str
    kept: dict[str, float | None] = field(hash=False)

    @property
    def overall(self) -> float | None:
        measured = [v for v in self.kept.values() if v is not None]
        return sum(measured) / len(measured) if measured else None


@dataclass(frozen=True)
class RepeatBackSummary:
    """Every connector's result, the average per core part and overall, and the part that gets
    lost (lowest average, below `LOST_THRESHOLD`), or None when nothing is lost."""

    results: tuple[RepeatBack, ...]
    mean_by_part: dict[str, float | None] = field(hash=False)
    overall: float | None
    lost_part: str | None


def repeat_back_summary(statement: Statement,
                        rephrasings: Sequence[tuple[str, str]]) -> RepeatBackSummary:
    """Measure how much of the core (role, audience, deliverable) several connectors kept
    when they rephrased the specialty. `rephrasings` are (connector name, their words).
    SOURCE: the method, step 1 (see `retention` for the measure and its limits)."""
    results = tuple(
        RepeatBack(name, words, {part: retention(getattr(statement, part), words)
                                 for part in CORE_PARTS})
        for name, words in rephrasings)
    mean_by_part: dict[str, float | None] = {}
    for part in CORE_PARTS:
        values = [r.kept[part] for r in results if r.kept[part] is not None]
        mean_by_part[part] = sum(values) / len(values) if values else None
    measured = {p: v for p, v in mean_by_part.items() if v is not None}
    overall = sum(measured.values()) / len(measured) if measured else None
    lost = min(measured, key=measured.get) if measured else None
    if lost is not None and measured[lost] >= LOST_THRESHOLD:
        lost = None
    return RepeatBackSummary(results, mean_by_part, overall, lost)
