"""Finding one person among many as they type (a 30,000-contact LinkedIn export): every
word typed must appear in the person's name or organisation, accents, case and punctuation
ignored (`names.fold`), and the likeliest come first.

The order follows what people expect of a search-as-you-type list (an address book, a
phone's contact search): names that start with what was typed, then names with a word
starting with each word typed, then the rest; alphabetical within each.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook.domain.names import fold
from workbook.domain.network import fold_series

PICKER_MATCHES = 30   # a list one can read at a glance; typing more narrows it


def person_keys(names: pd.Series, organisations: pd.Series | None = None) -> pd.Series:
    """The search key of each person: name then organisation, folded (same index). A name
    with an apostrophe is keyed both ways, as people type it either way ("N'Diaye" is
    found by "n diaye" and by "ndiaye")."""
    text = names.fillna("").astype(str)
    if organisations is not None:
        text = text + " " + organisations.fillna("").astype(str)
    keys = fold_series(text)
    squashed = fold_series(text.str.replace(r"['’‘`]", "", regex=True))
    return keys.where(squashed == keys, keys + " " + squashed)


def find_people(keys: pd.Series, query: str, limit: int = PICKER_MATCHES
                ) -> tuple[list, int]:
    """The index labels of the people of `keys` (from `person_keys`, in display order)
    matching every word of `query`, best first, at most `limit`; and how many matched in
    all. An empty query matches no one (the caller shows its own first list)."""
    words = fold(query).split()
    if not words or keys.empty:
        return [], 0
    mask = np.ones(len(keys), dtype=bool)
    for word in words:
        mask &= keys.str.contains(word, regex=False).to_numpy()
    hits = keys[mask]
    if hits.empty:
        return [], 0
    starts = hits.str.startswith(" ".join(words)).to_numpy()
    padded = " " + hits
    word_starts = np.ones(len(hits), dtype=bool)
    for word in words:
        word_starts &= padded.str.contains(" " + word, regex=False).to_numpy()
    rank = np.where(starts, 0, np.where(word_starts, 1, 2))
    order = np.argsort(rank, kind="stable")[:limit]
    return hits.index[order].tolist(), len(hits)
