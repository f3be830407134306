"""Finding one person among many as they type (a 30,000-contact LinkedIn export): every
word typed must appear in the person's name or organisation, accents, case and punctuation
ignored (`names.fold`), and the likeliest come first.

The order follows what people expect of a search-as-you-type list (an address book, a
phone's contact search): names that start with what was typed, then names with a word
starting with each word typed, then the rest; alphabetical within each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import pandas as pd

from workbook.domain.names import fold

PICKER_MATCHES = 30   # a list one can read at a glance; typing more narrows it


def fold_series(values: pd.Series) -> pd.Series:
    """`names.fold` for a whole column at once (accents off, casefolded, punctuation → space),
    vectorised, since search keys are built for a whole network at load."""
    text = values.fillna("").astype(str).str.normalize("NFKD")
    text = text.str.replace(r"[\u0300-\u036f]", "", regex=True).str.casefold()
    return text.str.replace(r"[^\w]+", " ", regex=True).str.strip()


def search_keys(text: pd.Series) -> pd.Series:
    """THE search fold, for every search of people (pickers, the contacts filter): folded
    text, and where it holds an apostrophe, keyed both ways, as people type it either way
    ("N'Diaye" is found by "n diaye" and by "ndiaye")."""
    keys = fold_series(text)
    squashed = fold_series(text.fillna("").astype(str).str.replace(r"['’‘`]", "", regex=True))
    return keys.where(squashed == keys, keys + " " + squashed)


def person_keys(names: pd.Series, organisations: pd.Series | None = None) -> pd.Series:
    """The search key of each person: name then organisation, folded (same index). A name
    with an apostrophe is keyed both ways, as people type it either way ("N'Diaye" is
    found by "n diaye" and by "ndiaye")."""
    text = names.fillna("").astype(str)
    if organisations is not None:
        text = text + " " + organisations.fillna("").astype(str)
    return search_keys(text)


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


class Person(NamedTuple):
    """One person a search found: what a picker lists."""

    id: int
    name: str
    organisation: str


class PeopleIndex:
    """The people one page lets the user pick among, searchable as they type: keyed once
    when the people are read, then every keystroke is `find`. One kind of index for every
    page's pickers, so that a name is found the same way everywhere."""

    def __init__(self, ids: Iterable[int], names: Iterable[object],
                 organisations: Iterable[object]):
        self._people = [Person(int(i), str(n or ""), str(o or ""))
                        for i, n, o in zip(ids, names, organisations)]
        self._by_id = {person.id: person for person in self._people}
        self._keys = person_keys(pd.Series([p.name for p in self._people], dtype=object),
                                 pd.Series([p.organisation for p in self._people],
                                           dtype=object))

    def __len__(self) -> int:
        return len(self._people)

    def find(self, text: str, limit: int = PICKER_MATCHES) -> tuple[list[Person], int]:
        """The people matching every word of `text`, best first, at most `limit`; and how
        many matched in all (`find_people`)."""
        found, total = find_people(self._keys, text, limit)
        return [self._people[i] for i in found], total

    def get(self, person_id: int) -> Person | None:
        return self._by_id.get(int(person_id))
