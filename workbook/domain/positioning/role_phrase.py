"""How the pitch introduces the role the user typed: a job title ("I am a marketing manager",
"je suis responsable marketing") or a field ("I work in marketing", "je travaille en
marketing"). A form field called "role" receives both; "I am a marketing." is what a
template that assumes a title makes of a field.

SOURCE: English and French grammar of professions — English puts "a"/"an" before a singular
job title and reads a noun phrase from its last word ("marketing manager" is a manager,
"head of sales" a head); French puts no article before a profession after "être" ("je suis
contrôleur de gestion") and reads a noun phrase from its first word; both say "work in" /
"travailler en" before a field.
"""

from __future__ import annotations

import re

TITLE = "title"
FIELD = "field"

# Head nouns naming a person that no suffix rule below catches, or whose ending looks like a
# field's. Lower case; English and the English titles French speakers use.
_PERSON_WORDS_EN = frozenset("""
    analyst architect associate chef chief clerk coach cook expert head intern lead nurse
    partner pilot trainee apprentice executive representative detective psychologist
    vp ceo cfo cto coo cmo cio ciso cpo chro pm cpa hrbp dpo rssi daf drh dsi
    """.split())
# Endings of English words naming a person: manager, director, scientist, technician,
# consultant, student, trainee, payee...
_PERSON_SUFFIXES_EN = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "yst", "ive")
# Field words with such an ending: "management", "development" are activities, not people.
_FIELD_ENDINGS_EN = ("ment", "ing", "ness", "ship", "ance", "ence", "ics", "ogy", "ity",
                     "tion", "sion")
_FIELD_WORDS_EN = frozenset("""
    paper water power computer software hardware customer user finance sales hr it law
    marketing retail tech data research design
    """.split())

_PERSON_WORDS_FR = frozenset("""
    chef cheffe commercial commerciale aide cadre médecin avocat avocate juge architecte
    ingénieur ingénieure manager expert
    experte pilote agent agente assistant assistante consultant consultante chargé chargée
    adjoint adjointe gérant gérante président présidente docteur docteure stagiaire apprenti
    apprentie associé associée coach cuisinier cuisinière infirmier infirmière
    daf drh dsi rssi dpo ceo cfo cto coo cmo cio pdg dg
    """.split())
# Endings of French words naming a person: contrôleur, vendeuse, directrice, technicien(ne),
# juriste, comptable, responsable, gestionnaire, psychologue, conseiller(ère), analyste.
_PERSON_SUFFIXES_FR = ("eur", "euse", "rice", "ien", "ienne", "iste", "able", "aire", "logue",
                       "ier", "ière", "yste", "ant", "ante", "ète", "graphe")
# Fields with such an ending ("la finance" is caught by its article).
_FIELD_WORDS_FR = frozenset("""
    marketing finance informatique comptabilité communication santé industrie logistique
    vente ventes achats rh juridique audit conseil recherche enseignement formation
    """.split())

_ARTICLES_EN = ("a", "an", "the")
_DEFINITE_FR = ("le", "la", "les", "du", "des")


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,/()+&-]+", text.strip().lower()) if w]


def _is_person_en(word: str) -> bool:
    if word in _PERSON_WORDS_EN:
        return True
    if word in _FIELD_WORDS_EN or word.endswith(_FIELD_ENDINGS_EN):
        return False
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return singular.endswith(_PERSON_SUFFIXES_EN)


def _is_person_fr(word: str) -> bool:
    if word in _PERSON_WORDS_FR:
        return True
    if word in _FIELD_WORDS_FR:
        return False
    return word.endswith(_PERSON_SUFFIXES_FR)


def role_kind(role: str, lang: str) -> str:
    """`TITLE` when `role` names a person ("payroll controller", "head of sales",
    "responsable marketing", "data analyst"), `FIELD` when it names an area of work
    ("marketing", "human resources", "la finance", "informatique").

    English reads the head noun: the last word, or the word before "of" ("director of
    operations"). French reads the first word ("chef de projet", "directrice financière"),
    after an article ("un consultant"); a French role written with an English title
    ("product manager", "data analyst") is read the English way too. An empty role is a
    title (there is nothing to say either way)."""
    words = _words(role)
    if not words:
        return TITLE
    if lang == "en":
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        return TITLE if _is_person_en(head) else FIELD
    if words[0] in _DEFINITE_FR or words[0].startswith(("l'", "l’")):
        return FIELD          # "la finance", "l'informatique": a field, never a person
    first = words[1] if words[0] in ("un", "une") and len(words) > 1 else words[0]
    if _is_person_fr(first) or _is_person_en(words[-1]):
        return TITLE
    return FIELD


def _an_sound(word: str) -> bool:
    """True when English says "an" before `word`: a vowel sound. Acronyms are read letter by
    letter ("an HR manager", "an SEO consultant", "a UX designer"); "uni-", "use-", "eu-"
    and "one" start with a consonant sound ("a university lecturer")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return word[0] in "AEFHILMNORSX"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "uti", "eu", "one", "ux")):
        return False
    if lower.startswith(("hour", "honest", "honour", "honor", "heir")):
        return True
    return lower[:1] in ("a", "e", "i", "o", "u")


def with_article(role: str, lang: str) -> str:
    """The title as it follows "I am" / "je suis": English adds "a" or "an" ("I am an HR
    business partner", "I am a UX designer") unless the user already wrote an article or
    named several roles; French adds nothing ("je suis responsable marketing")."""
    words = role.split()
    if lang != "en" or not words or words[0].lower() in _ARTICLES_EN:
        return role
    return ("an " if _an_sound(words[0]) else "a ") + role


def pitch_role_key(role: str, lang: str) -> str:
    """Which pitch clause introduces the role: `target_role` ("I am {value}"), `field`
    ("I work in {value}") or, in French, `field_article` when the user wrote the field with
    its article ("la finance" → "je travaille dans la finance")."""
    if role_kind(role, lang) == TITLE:
        return "target_role"
    words = _words(role)
    if lang != "en" and words and (words[0] in _DEFINITE_FR or words[0].startswith(("l'", "l’"))):
        return "field_article"
    return "field"
