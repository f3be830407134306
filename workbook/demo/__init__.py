"""A realistic, invented demo persona so that no page is ever empty on a first run."""

from __future__ import annotations

import datetime as dt
import importlib
import random
import sqlite3

from workbook.store import transaction

# Each seeder module has `seed(conn, rng, today)`; core first, pages after.
SEEDERS = (
    "workbook.demo.core",
    "workbook.demo.routines",
    "workbook.demo.network",
    "workbook.demo.positioning",
    "workbook.demo.group",
    "workbook.demo.press",
)

DEMO_SEED = 20261123


def fill_demo(conn: sqlite3.Connection, today: dt.date | None = None,
              seed: int = DEMO_SEED) -> None:
    """Fill an empty profile with the demo persona, in one transaction."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    with transaction(conn):
        for name in SEEDERS:
            importlib.import_module(name).seed(conn, rng, today)
