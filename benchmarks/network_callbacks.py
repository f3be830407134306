"""Network page at 30,000 contacts: p95 of its main callbacks, and the kernel's memory.

Generates a LinkedIn-style export of N contacts, imports it into a fresh profile through
`workbook.io.import_file` (the page's own path), tags roles and layers, adds interactions,
targets and "can introduce to" links with the store API, then builds the page in this
process (as the kernel would) and times the callbacks a user triggers most.

    python benchmarks/network_callbacks.py [--contacts 30000] [--runs 40]

Target: p95 ≤ 100 ms for filter, search and re-rank.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from measures import (  # noqa: E402
    add_json_argument,
    callback_row,
    p95,
    row,
    timed_ms,
    write_rows,
)

TARGET_MS = 100.0
TODAY = dt.date(2026, 11, 23)
POSITIONS = ("Chasseur de têtes", "Directrice des opérations", "Chef de projet", "Acheteur",
             "Responsable supply chain", "Consultante en recrutement", "Ingénieur", "Analyste")


def rss_mb() -> float:
    """Resident memory of this process (what the kernel would hold), in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def write_linkedin_csv(path: Path, count: int, rng: random.Random) -> None:
    firsts = [f"Prénom{i}" for i in range(400)]
    lasts = [f"Nom{i}" for i in range(900)]
    orgs = [f"Entreprise {i}" for i in range(1500)]
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Notes:\n\"Exported for the benchmark.\"\n\n")
        out.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
        for i in range(count):
            first, last = rng.choice(firsts), rng.choice(lasts)
            connected = f"{rng.randint(1, 28):02d} Mar 20{rng.randint(10, 25)}"
            out.write(f"{first},{last},https://www.linkedin.com/in/p{i},,{rng.choice(orgs)},"
                      f"{rng.choice(POSITIONS)},{connected}\n")


def enrich(conn, rng: random.Random) -> None:
    """Roles, layers, ties, interactions, targets and introductions, as a real user would."""
    from workbook.domain.vocabulary import INTERACTION_KINDS, ROLES, SORTED_LAYERS
    from workbook.store import network as store
    from workbook.store import transaction

    ids = [r[0] for r in conn.execute("SELECT id FROM contacts")]
    with transaction(conn):
        conn.executemany("UPDATE contacts SET layer = ?, tie_strength = ?, mutual_connections = ?"
                         " WHERE id = ?",
                         [(rng.choice(SORTED_LAYERS) if rng.random() < 0.3 else "unsorted",
                           rng.randint(1, 5), rng.randint(0, 60), i) for i in ids])
        conn.executemany("INSERT OR IGNORE INTO contact_roles VALUES (?, ?)",
                         [(i, rng.choice(ROLES)) for i in rng.sample(ids, len(ids) // 3)])
        conn.executemany("INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (?, ?, ?)",
                         [(rng.choice(ids), (TODAY - dt.timedelta(days=rng.randint(1, 700)))
                           .isoformat(), rng.choice(INTERACTION_KINDS)) for _ in range(len(ids))])
        orgs = [r[0] for r in conn.execute("SELECT name FROM organisations LIMIT 40")]
        for name in orgs[:25]:
            store.save_target(conn, name, motivation=rng.randint(0, 3),
                              posting=rng.randint(0, 3), advocacy=rng.randint(0, 3))
        for i in rng.sample(ids, 300):
            store.add_introduction(conn, i, rng.choice(orgs), f"P{rng.randint(1, 99)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=40)
    add_json_argument(parser)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="workbook-bench-"))
    os.environ["WORKBOOK_HOME"] = str(home)
    os.environ.pop("WORKBOOK_PROFILE", None)
    rng = random.Random(7)
    base_rss = rss_mb()

    from workbook.io import import_file
    from workbook.store import open_profile

    csv_path = home / "Connections.csv"
    write_linkedin_csv(csv_path, args.contacts, rng)
    conn = open_profile("default")
    start = time.perf_counter()
    report = import_file(conn, csv_path, file_name="Connections.csv")
    import_s = time.perf_counter() - start
    enrich(conn, rng)
    conn.close()

    import ipywidgets  # noqa: F401  (the kernel has these loaded before the page builds)
    import plotly.graph_objects  # noqa: F401

    from workbook.ui.common import open_page_context
    from workbook.ui.network import NetworkPage
    from workbook.ui.widgets import TABLE_ROWS

    before_page = rss_mb()
    start = time.perf_counter()
    page = NetworkPage(open_page_context(lang="en"), today=lambda: TODAY)
    build_s = time.perf_counter() - start
    page_rss = rss_mb()
    contacts, ranking = page.contacts, page.next
    page.show("contacts")
    layers = ["", "inner", "active", "unsorted", "target", "dormant", "close"]
    roles = ["", "connector", "prescriber", "__none__"]
    queries = ["chasseur", "entreprise 12", "prénom3 nom4", "", "tetes", "zzz", "nom1",
               "supply chain", "p12"]

    def filter_layer(i):
        contacts.layer.value = layers[(i + 1) % len(layers)]

    def filter_role(i):
        contacts.role.value = roles[(i + 1) % len(roles)]

    def search(i):
        contacts.search.value = queries[i % len(queries)] + ("" if i % 2 else " ")

    def rerank(i):
        ranking.use_filter.value = not ranking.use_filter.value

    results = {}
    results["filter (layer)"] = timed_ms(filter_layer, args.runs)
    contacts.layer.value = ""
    results["filter (role)"] = timed_ms(filter_role, args.runs)
    contacts.role.value = ""
    results["search"] = timed_ms(search, args.runs)
    contacts.search.value = "entreprise 1"
    page.show("next")
    results["re-rank"] = timed_ms(rerank, args.runs)
    page.show("contacts")
    contacts.search.value = ""

    page.show("map")
    results["redraw the map's first view"] = timed_ms(
        lambda i: page.map.render(page.state.map_overview()), max(5, args.runs // 4))
    page.map.open_charts()
    results["redraw the map tab (4 charts)"] = timed_ms(
        lambda i: page.map.render(page.state.map_overview()), max(5, args.runs // 4))
    page.show("contacts")
    first_id = int(page.state.frame["id"].iloc[0])
    contacts.picker.value = None
    editor = contacts.editor

    def edit(i):
        contacts.current = first_id
        editor.load(first_id)
        editor.layer.value = ["active", "close"][i % 2]
        editor.save.click()

    results["save one edit"] = timed_ms(edit, max(5, args.runs // 4))
    contacts.search.value = "chasseur"      # ~1 in 8 contacts: a few thousand rows per tag
    tagged = len(page.state.filtered())

    def bulk_tag(i):
        contacts.bulk.role_choice.value = ("prescriber", "expert", "peer", "alumni")[i % 4]
        contacts.bulk.role_button.click()
        contacts.bulk.confirm.yes.click()

    results[f"bulk tag ({tagged:,} contacts)"] = timed_ms(bulk_tag, 4)

    print(f"Network page at {len(page.state.frame):,} contacts "
          f"({report.added:,} imported in {import_s:.1f} s; {args.runs} runs per callback)")
    print(f"{'callback':32} {'median ms':>10} {'p95 ms':>8} {'p95/target':>11}")
    for name, samples in results.items():
        ratio = p95(samples) / TARGET_MS
        print(f"{name:32} {statistics.median(samples):10.1f} {p95(samples):8.1f} {ratio:10.2f}x")
    print(f"page build: {build_s:.2f} s")
    print(f"memory: {base_rss:.0f} MB at start, {before_page:.0f} MB before the page,"
          f" {page_rss:.0f} MB with the page built, {rss_mb():.0f} MB at the end")
    largest = max(len(w.value) for w in (contacts.table, ranking.table, page.targets.table))
    name = f"network ({args.contacts // 1000}k)"
    write_rows(args.json, [callback_row(name, callback, samples)
                           for callback, samples in results.items()]
               + [row(name, "page built in process", build_s * 1000, "ms"),
                  row(name, "memory the page adds in process", page_rss - before_page, "MB"),
                  row(name, "largest HTML of one widget", largest / 1024, "KB")])
    print(f"largest HTML sent by one widget: {largest / 1024:.0f} KB "
          f"(contact list capped at {TABLE_ROWS} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
