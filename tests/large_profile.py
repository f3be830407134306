"""A profile as a long-time user brings it: 30,000 contacts (a LinkedIn export's worth),
some sorted into layers and tagged with roles, targets, and a year of exchanges. Shared by
the notebook tests (every page opens on it) and the benchmarks (every page measured on it)."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from workbook.store import transaction

CONTACTS = 30_000


def fill_large_profile(conn: sqlite3.Connection, contacts: int = CONTACTS,
                       today: dt.date | None = None, seed: int = 7) -> None:
    """Add `contacts` people to an open profile (empty or demo-filled): 30% sorted into
    layers, a third of them with a role, 25 target organisations, two exchanges per three
    people over the last year."""
    from workbook.domain.vocabulary import INTERACTION_KINDS, ROLES, SORTED_LAYERS
    from workbook.store import network as network_store

    today = today or dt.date.today()
    rng = random.Random(seed)
    with transaction(conn):
        first_org = conn.execute("SELECT COALESCE(MAX(id), 0) FROM organisations").fetchone()[0]
        conn.executemany("INSERT INTO organisations(name, name_key) VALUES (?, ?)",
                         [(f"Entreprise {i}", f"entreprise {i}") for i in range(1500)])
        first = conn.execute("SELECT COALESCE(MAX(id), 0) FROM contacts").fetchone()[0] + 1
        conn.executemany(
            "INSERT INTO contacts(full_name, organisation_id, position, layer, tie_strength,"
            " mutual_connections, connected_on, source) VALUES (?, ?, ?, ?, ?, ?, ?, 'linkedin')",
            [(f"Prénom{i % 400} Nom{i}", first_org + rng.randint(1, 1500), "Chef de projet",
              rng.choice(SORTED_LAYERS) if rng.random() < 0.3 else "unsorted",
              rng.randint(1, 5), rng.randint(0, 60),
              (today - dt.timedelta(days=rng.randint(30, 6000))).isoformat())
             for i in range(contacts)])
        last = first + contacts - 1
        conn.executemany("INSERT OR IGNORE INTO contact_roles VALUES (?, ?)",
                         [(rng.randint(first, last), rng.choice(ROLES))
                          for _ in range(contacts // 3)])
        conn.executemany(
            "INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (?, ?, ?)",
            [(rng.randint(first, last), (today - dt.timedelta(days=rng.randint(1, 365)))
              .isoformat(), rng.choice(INTERACTION_KINDS)) for _ in range(contacts * 2)])
        for i in range(25):
            network_store.save_target(conn, f"Entreprise {i}", motivation=rng.randint(0, 3))
