"""Name keys: how two spellings of one organisation or person are recognised as one."""

from __future__ import annotations

import re
import unicodedata

_LEGAL_FORMS = {"sa", "sas", "sasu", "sarl", "eurl", "inc", "ltd", "llc", "gmbh", "plc", "corp",
                "co", "group", "groupe"}


def strip_accents(text: str) -> str:
    """Casefolded, accents removed ("Élodie" -> "elodie"); punctuation and spaces kept."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold(text: str) -> str:
    """Casefolded, accents removed, punctuation turned into single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", strip_accents(text)).split())


def strip_accents_with_origin(text: str) -> tuple[str, list[int] | None]:
    """`strip_accents(text)` and, for each of its characters, the index of the character of
    `text` it came from (None when positions are unchanged: plain ASCII), so that a match in
    the folded text can be quoted back as the user typed it."""
    if text.isascii():
        return text.lower(), None
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = char.lower() if char.isascii() else strip_accents(char)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def organisation_key(name: str) -> str:
    """Key under which organisation names match: "Société Générale SA" = "societe generale".

    Legal-form suffixes are dropped (exports write the same employer with and without them);
    a name made only of such words keeps them, so "Groupe" alone still has a key.
    """
    words = fold(name).split()
    kept = [w for w in words if w not in _LEGAL_FORMS]
    return " ".join(kept or words)


# Letters and symbols drawn as nothing at all: the Hangul fillers and the blank Braille
# pattern are favourite "invisible names" on social networks (they survive a trim).
_BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
# Separators, controls, format characters (zero-width space, joiners, BOM, soft hyphen) and
# combining marks with nothing to combine with.
_INVISIBLE_CATEGORIES = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"))


def has_visible_character(text: str) -> bool:
    """Whether `text` shows anything when written: a name made only of spaces, zero-width
    characters (U+200B), fillers (U+3164) or the blank Braille pattern (U+2800) shows
    nothing, so it names no one (Unicode general categories, UAX #44, and the blank
    characters Unicode's own `Default_Ignorable_Code_Point` list leaves out)."""
    for char in text:
        if char in _BLANK_CHARACTERS or char.isspace():
            continue
        if unicodedata.category(char) not in _INVISIBLE_CATEGORIES:
            return True
    return False
