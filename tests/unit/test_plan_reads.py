"""The weekly plan reads only what it needs: the same ranking and the same plans as from
every contact, and `workbook plan` leaves the server and calendar libraries unloaded."""

import datetime as dt
import json
import random
import subprocess
import sys

import pandas as pd
import pytest

from workbook.demo import fill_demo
from workbook.domain.network import prepare_frame, rank_contacts, with_role_columns
from workbook.services.plan import (
    RANKED_CANDIDATES,
    first_contact_ranking,
    plan_data,
    routine_calendar_events,
    weeks_ahead,
)
from workbook.store import transaction
from workbook.store.network import contacts_frame
from workbook.store.routines import load_routine_data

LAYERS = ("inner", "close", "active", "target", "dormant", "unsorted", "unsorted", "unsorted")
ROLES = ("connector", "prescriber", "decision_maker", "alumni", "journalist", "peer")
# Stored dates a user or an old export may have left: unreadable or impossible ones too.
ODD_DATES = ("2026-02-30", "0026-05-01", "garbage", "", "2026-11-05T10:00")


def _fill(conn, contacts: int = 700, seed: int = 4) -> None:
    rng = random.Random(seed)
    today = dt.date(2026, 12, 2)

    def day(low, high):
        return (today - dt.timedelta(days=rng.randint(low, high))).isoformat()

    with transaction(conn):
        conn.executemany("INSERT INTO organisations(id, name, name_key, is_target)"
                         " VALUES (?, ?, ?, ?)",
                         [(i, f"Org {i}", f"org {i}", int(i % 9 == 0)) for i in range(1, 61)])
        rows = []
        for i in range(1, contacts + 1):
            layer = rng.choice(LAYERS)
            rows.append((i, f"Person {rng.randint(1, contacts // 2):04d}",  # shared names too
                         rng.choice([None, *range(1, 61)]), layer,
                         rng.choice([None, None, 1, 2, 3, 4, 5]),
                         rng.choice([None, 0, 3, 9, 12, 40]),
                         rng.choice([None, None, 14, 60]),
                         rng.choice(["", "", "03-14", "12-03", "1990-12-05", "02-29"]),
                         day(30, 4000), None if layer == "unsorted" and rng.random() < .7
                         else day(0, 200)))
        conn.executemany("INSERT INTO contacts(id, full_name, organisation_id, layer,"
                         " tie_strength, mutual_connections, cadence_days, birthday,"
                         " connected_on, layer_set_on) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT OR IGNORE INTO contact_roles VALUES (?, ?)",
                         [(rng.randint(1, contacts), rng.choice(ROLES)) for _ in range(250)])
        conn.executemany(
            "INSERT INTO interactions(contact_id, occurred_on, kind, direction) VALUES (?,?,?,?)",
            [(rng.randint(1, contacts), rng.choice((day(1, 400),) * 6 + ODD_DATES),
              rng.choice(["message", "coffee", "greeting_card"]), rng.choice(["out", "in"]))
             for _ in range(900)])
        conn.executemany("INSERT INTO outreach(contact_id, organisation_id, sent_on,"
                         " replied_on) VALUES (?, ?, ?, ?)",
                         [(rng.randint(1, contacts), rng.choice([None, *range(1, 61)]),
                           day(0, 25), rng.choice([None, None, None, day(0, 3)]))
                          for _ in range(40)])
        conn.executemany("INSERT INTO introductions(introducer_id, organisation_id)"
                         " VALUES (?, ?)",
                         [(rng.randint(1, contacts), rng.randint(1, 60)) for _ in range(80)])


def _ranking_from_every_contact(conn, today):
    frame = contacts_frame(conn)
    never = frame[frame["last_contact"].isna()]
    ranked = rank_contacts(prepare_frame(never), today, top=RANKED_CANDIDATES)
    return ranked[["id", "reasons", "introduces_to_target", "mutual_connections"]]


@pytest.mark.parametrize("today", [dt.date(2026, 12, 2), dt.date(2026, 11, 16)])
def test_plans_are_the_same_as_from_every_contact(conn, today):
    _fill(conn)
    ranked = first_contact_ranking(conn, today)
    pd.testing.assert_frame_equal(ranked, _ranking_from_every_contact(conn, today))
    data, lean_ranked = plan_data(conn, today)
    everyone = load_routine_data(conn)
    assert len(data.contacts) < len(everyone.contacts)
    lean = weeks_ahead(conn, data, today, 4, lean_ranked)
    full = weeks_ahead(conn, everyone, today, 4)
    assert lean == full
    assert sum(len(w.plan.items) + len(w.plan.campaign) for w in full) > 40
    kinds = {item.kind for week in full for item in week.plan.items}
    assert {"touch", "first_contact", "follow_up", "try_another", "birthday"} <= kinds
    assert routine_calendar_events(data, today) == routine_calendar_events(everyone, today)


def test_demo_plans_are_the_same_as_from_every_contact(conn):
    today = dt.date(2026, 11, 23)
    fill_demo(conn, today=today)
    data, ranked = plan_data(conn, today)
    assert weeks_ahead(conn, data, today, 6, ranked) == \
        weeks_ahead(conn, load_routine_data(conn), today, 6)


def test_plan_command_loads_neither_the_server_nor_the_calendar_library(tmp_path):
    code = ("import sys, json; from workbook.cli import main; status = main(['plan', "
            "'--profile', 'nobody']); print(json.dumps([status, sorted(m for m in "
            "sys.modules if m.split('.')[0] in ('voila', 'icalendar', 'jupyter_server'))]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"WORKBOOK_HOME": str(tmp_path), "WORKBOOK_LANG": "en",
                               "PATH": "/usr/bin:/bin"}, check=True)
    status, loaded = json.loads(done.stdout.splitlines()[-1])
    assert status == 2 and loaded == []


def test_role_columns_mark_whole_role_codes_only():
    frame = pd.DataFrame({"roles": ["connector prescriber", "", None, "peer",
                                    "connectors", "alumni peer"]})
    marked = with_role_columns(frame)
    assert marked["role_connector"].tolist() == [True, False, False, False, False, False]
    assert marked["role_prescriber"].tolist() == [True, False, False, False, False, False]
    assert marked["role_peer"].tolist() == [False, False, False, True, False, True]
    assert marked["role_alumni"].tolist() == [False, False, False, False, False, True]
    assert marked["role_peer"].dtype == bool
    assert with_role_columns(pd.DataFrame({"roles": []}))["role_peer"].tolist() == []
