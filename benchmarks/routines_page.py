"""Routines page on a large network: 30,000 invented contacts, 1,779 of them sorted into
layers, a few hundred connectors and prescribers (most left unsorted), 5,000 exchanges.

Prints, best of `--repeat` (wall clock, seconds):
- the profile read (`load_routine_data`) and the first-contact ranking;
- this week's plan in card season (2 December);
- the whole page built in-process (widgets, no browser) in card season, with the greeting-card
  list open: with the default cap (inner + close, 40 cards) and with the largest one a user
  can choose (every layer, 300 cards).

    python benchmarks/routines_page.py [--contacts 30000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = dt.date(2026, 12, 2)
LAYERS = (("inner", 15), ("close", 50), ("active", 1500), ("target", 114), ("dormant", 100))


def build(conn, contacts: int, rng: random.Random) -> None:
    from workbook.store import transaction

    with transaction(conn):
        conn.executemany("INSERT INTO organisations(id, name, name_key, is_target)"
                         " VALUES (?, ?, ?, ?)",
                         [(i, f"Org {i}", f"org {i}", int(i <= 20)) for i in range(1, 2001)])
        layers = [layer for layer, count in LAYERS for _ in range(count)]
        rows = []
        for i in range(1, contacts + 1):
            layer = layers[i - 1] if i <= len(layers) else "unsorted"
            connected = TODAY - dt.timedelta(days=rng.randint(30, 6500))
            set_on = (TODAY - dt.timedelta(days=rng.randint(0, 60))).isoformat() \
                if layer != "unsorted" else None
            rows.append((i, f"Person {i:05d}", rng.randint(1, 2000), layer,
                         connected.isoformat(), set_on))
        conn.executemany("INSERT INTO contacts(id, full_name, organisation_id, layer,"
                         " connected_on, layer_set_on) VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT OR IGNORE INTO contact_roles VALUES (?, ?)",
                         [(rng.randint(1, contacts), rng.choice(("connector", "prescriber")))
                          for _ in range(400)])
        conn.executemany(
            "INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (?, ?, 'message')",
            [(rng.randint(1, 1779), (TODAY - dt.timedelta(days=rng.randint(1, 400))).isoformat())
             for _ in range(5000)])


def best(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["WORKBOOK_HOME"] = tempfile.mkdtemp(prefix="routines-bench-")
    from workbook.domain.routines import CARD_LAYER_CHOICES, MAX_CARDS
    from workbook.services.plan import first_contact_ranking, plan_for
    from workbook.store import open_profile
    from workbook.store.routines import load_routine_data, save_settings
    from workbook.ui.common import open_page_context
    from workbook.ui.routines import RoutinesPage

    conn = open_profile("bench")
    build(conn, args.contacts, random.Random(7))
    data = load_routine_data(conn)
    save_settings(conn, data.settings)
    print(f"contacts: {args.contacts}, sorted: {sum(c for _, c in LAYERS)}")
    print(f"load_routine_data:      {best(args.repeat, lambda: load_routine_data(conn)):.2f} s")
    ranked = first_contact_ranking(conn, TODAY)
    print(f"first_contact_ranking:  "
          f"{best(args.repeat, lambda: first_contact_ranking(conn, TODAY)):.2f} s")
    print(f"this week's plan:       "
          f"{best(args.repeat, lambda: plan_for(data, TODAY, 0, ranked)):.2f} s")

    def page() -> None:
        view = RoutinesPage(open_page_context("bench", "en"), today=TODAY)
        view.week.cards.selected_index = 0  # the greeting-card list opened
        view.ctx.conn.close()

    print(f"page, cards capped (40, inner+close): {best(args.repeat, page):.2f} s")
    widest = dataclasses.replace(load_routine_data(conn).settings,
                                 card_layers=CARD_LAYER_CHOICES, card_limit=MAX_CARDS)
    save_settings(conn, widest)
    print(f"page, widest cap ({MAX_CARDS}, every layer): {best(args.repeat, page):.2f} s")
    conn.close()


if __name__ == "__main__":
    main()
