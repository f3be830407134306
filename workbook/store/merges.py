"""Contacts that may be one person: proposals, refusals remembered, merges on request.

Look-alikes (same profile address, same e-mail, near-identical name at the same
organisation — `workbook.domain.contacts_matching`) are only ever *proposed*; a merge happens
when the user asks for it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator

from workbook.domain.contacts_matching import email_keys, person_name_key, profile_url_keys
from workbook.domain.records import MergeCandidate
from workbook.store.contacts import FILE_FIELDS, blank
from workbook.store.db import transaction
from workbook.store.schema import tables_referencing, tuples

# A generic address shared by more contacts than this (info@…) proposes no merge.
MAX_GROUP = 10
# Tables whose rows about a dropped contact are not moved to the kept one: an import's
# record of what it changed, and "not the same person" answers.
_NOT_MOVED = ("import_updates", "merge_dismissals")


class UrlKeys(dict):
    """Profile address → match key, each address keyed once per import: matching stored
    contacts, matching the file's rows and proposing merges all key the same addresses."""

    def of(self, urls: Iterable[str]) -> list[str]:
        """The key of each address."""
        urls = list(urls)
        if not self:                             # nothing keyed yet: no look-ups
            keys = profile_url_keys(urls)
            self.update(zip(urls, keys))
            return keys
        missing = list({url for url in urls if url not in self})
        self.update(zip(missing, profile_url_keys(missing)))
        return [self[url] for url in urls]


def merge_candidates(conn: sqlite3.Connection, among: set[int] | None = None,
                     url_keys: UrlKeys | None = None) -> list[MergeCandidate]:
    """Pairs of contacts that may be one person: same profile URL (`same_url`), same e-mail
    (`same_email`) or near-identical name at the same organisation (`similar_name`), each
    pair once with its strongest reason, minus pairs the user dismissed. With `among`, only
    pairs involving one of those ids. Never merges anything (see `merge_contacts`).

    O(n): contacts are grouped by key with hashing, never compared pairwise. `url_keys`:
    the addresses an import has already keyed, reused."""
    url_keys = UrlKeys() if url_keys is None else url_keys
    if among is not None and not among:
        return []
    rows = tuples(conn, "SELECT id, profile_url, email, full_name, organisation_id"
                         " FROM contacts")
    if not rows:
        return []
    dismissed = set(tuples(conn, "SELECT contact_a, contact_b FROM merge_dismissals"))
    found: dict[tuple[int, int], str] = {}
    for reason, contacts, keys in _merge_keys(rows, url_keys):  # strongest reason first
        for members in _shared_key_groups(contacts, keys):
            if among is not None and among.isdisjoint(members):
                continue
            members.sort()
            for n, first in enumerate(members):
                for second in members[n + 1:]:
                    pair = (first, second)
                    if pair in found or pair in dismissed:
                        continue
                    if among is None or first in among or second in among:
                        found[pair] = reason
    return [MergeCandidate(a, b, reason) for (a, b), reason in sorted(found.items())]


def _merge_keys(rows: list[tuple], url_keys: UrlKeys
                ) -> Iterator[tuple[str, Iterable[int], list]]:
    """`(reason, contact ids, their keys)` per merge reason, strongest first, from rows of
    (id, profile_url, email, full_name, organisation_id). Names are keyed only where the
    organisation is shared, each distinct name once."""
    ids, urls, emails, names, orgs = zip(*rows)
    yield "same_url", ids, url_keys.of(urls)
    yield "same_email", ids, email_keys(emails)
    shared_org = {o for o, n in Counter(orgs).items() if n > 1 and o is not None}
    at_shared = [(i, name, o) for i, name, o in zip(ids, names, orgs) if o in shared_org]
    name_key = {name: person_name_key(name) for name in {name for _, name, _ in at_shared}}
    keyed = [(i, (o, name_key[name])) for i, name, o in at_shared if name_key[name]]
    yield "similar_name", [i for i, _ in keyed], [key for _, key in keyed]


def _shared_key_groups(contacts: Iterable[int], keys: list) -> list[list[int]]:
    """Ids sharing a non-blank key, one list per key held by 2 to `MAX_GROUP` contacts (a
    generic address like info@… shared by more proposes nothing)."""
    shared = {key for key, n in Counter(keys).items() if 1 < n <= MAX_GROUP and key}
    if not shared:
        return []
    groups: dict = {}
    for contact, key in zip(contacts, keys):
        if key in shared:
            groups.setdefault(key, []).append(contact)
    return list(groups.values())


def dismiss_merge(conn: sqlite3.Connection, first_id: int, second_id: int) -> None:
    """Remember that two contacts are different people: never propose them again."""
    a, b = sorted((first_id, second_id))
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO merge_dismissals(contact_a, contact_b) VALUES (?, ?)",
                     (a, b))


def merge_contacts(conn: sqlite3.Connection, keep_id: int, drop_id: int) -> int:
    """Merge contact `drop_id` into `keep_id` (only ever on the user's explicit request).

    `keep_id`'s values win; its blanks are filled from `drop_id`; notes are joined; the
    earliest `connected_on`, the stronger tie and a sorted layer win over `unsorted`.
    Everything hanging on `drop_id` (roles, needs, interactions, introductions, outreach…)
    moves to `keep_id`, then `drop_id` is deleted. A contact merged across batches no longer
    belongs to one import (`import_batch_id` NULL), so undoing an import cannot erase it.
    Returns `keep_id`; `KeyError` if either is missing, `ValueError` if they are the same.
    """
    if keep_id == drop_id:
        raise ValueError("a contact cannot be merged into itself")
    with transaction(conn):
        keep = conn.execute("SELECT * FROM contacts WHERE id = ?", (keep_id,)).fetchone()
        drop = conn.execute("SELECT * FROM contacts WHERE id = ?", (drop_id,)).fetchone()
        if keep is None or drop is None:
            raise KeyError(keep_id if keep is None else drop_id)
        merged = {name: keep[name] if not blank(keep[name]) else drop[name]
                  for name in FILE_FIELDS + ("cadence_days", "can_give")}
        dates = [d for d in (keep["connected_on"], drop["connected_on"]) if d]
        merged["connected_on"] = min(dates) if dates else None
        merged["notes"] = "\n\n".join(dict.fromkeys(
            n for n in (keep["notes"], drop["notes"]) if n.strip()))
        merged["layer"] = keep["layer"] if keep["layer"] != "unsorted" else drop["layer"]
        ties = [t for t in (keep["tie_strength"], drop["tie_strength"]) if t is not None]
        merged["tie_strength"] = max(ties) if ties else None
        mutual = [m for m in (keep["mutual_connections"], drop["mutual_connections"])
                  if m is not None]
        merged["mutual_connections"] = max(mutual) if mutual else None
        same_batch = keep["import_batch_id"] == drop["import_batch_id"]
        merged["import_batch_id"] = keep["import_batch_id"] if same_batch else None
        for table, column in tables_referencing(conn, "contacts", _NOT_MOVED):
            conn.execute(f"UPDATE OR IGNORE {table} SET {column} = ? WHERE {column} = ?",
                         (keep_id, drop_id))
        conn.execute("DELETE FROM contacts WHERE id = ?", (drop_id,))
        conn.execute(f"UPDATE contacts SET {', '.join(f'{n} = ?' for n in merged)},"
                     " updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
                     (*merged.values(), keep_id))
    return keep_id
