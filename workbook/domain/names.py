"""Name keys: how two spellings of one organisation or person are recognised as one."""

from __future__ import annotations

import re
import unicodedata

_LEGAL_FORMS = {"sa", "sas", "sasu", "sarl", "eurl", "inc", "ltd", "llc", "gmbh", "plc", "corp",
                "co", "group", "groupe"}


def fold(text: str) -> str:
    """Casefolded, accents removed, punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


def organisation_key(name: str) -> str:
    """Key under which organisation names match: "Société Générale SA" = "societe generale".

    Legal-form suffixes are dropped (exports write the same employer with and without them);
    a name made only of such words keeps them, so "Groupe" alone still has a key.
    """
    words = fold(name).split()
    kept = [w for w in words if w not in _LEGAL_FORMS]
    return " ".join(kept or words)
