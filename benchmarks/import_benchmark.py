"""Import speed and memory on a LinkedIn export of 30,000 invented connections.

Generates `Connections.csv` as LinkedIn writes it (BOM, "Notes:" preamble, CRLF, quoted
commas/quotes/line breaks, emoji, mostly empty e-mails), then times, side by side in one run
(median of `--runs`, wall clock and CPU, as ratios to pandas):

- `pandas.read_csv` of the same file (the reference; target: a fresh import ≤ 5× this);
- the workbook's read (`workbook.io.read_contacts`: decoding, header, every row checked);
- the matching of the read rows against the contacts of a filled profile (no write);
- the store's write of the read rows into a new empty profile (`import_contacts`);
- the whole import (`workbook.io.import_file`) into a new empty profile;
- a re-import of the same file into the filled profile (the everyday case), and of a newer
  export (5% of positions changed), each run on a copy of the same filled profile;
- two storage floors for the same number of rows: a bare 15-column table without
  constraints or indexes (what any Python → SQLite write costs), and a naive `executemany`
  into `contacts` (one statement per row: CHECK constraints, foreign keys, indexes);

and memory: Python allocations at peak during a fresh import (tracemalloc, a separate run:
tracing slows everything down) and the process's peak resident size. With `--json FILE`,
the figures are also written as rows (see `json_rows.py`) for `benchmarks/run.py`.

    python benchmarks/import_benchmark.py [--rows 30000] [--runs 5] [--json FILE]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import itertools
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from json_rows import median, write_rows  # noqa: E402
from json_rows import row as json_row  # noqa: E402

from workbook.domain.contacts_matching import email_keys  # noqa: E402
from workbook.io import ReadResult, import_file, read_contacts  # noqa: E402
from workbook.store import open_path, transaction  # noqa: E402

# the import's own steps, to time the matching alone
from workbook.store.imports import (  # noqa: E402
    _Batch,
    _Existing,
    _match_chunk,
    _organisation_ids,
    import_contacts,
)
from workbook.store.merges import UrlKeys  # noqa: E402

_PROFILE_NUMBERS = itertools.count(1)  # a new file name for each profile a run creates

PREAMBLE = ('Notes:\r\n"When exporting your connection data, you may notice that some of the '
            'email addresses are missing. You will only see email addresses for connections who '
            'have allowed their connections to see or download their email address using this '
            'setting https://www.linkedin.com/psettings/privacy/email."\r\n\r\n')
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
FIRST = ["Camille", "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Théo", "Manon", "Nathan", "Zoé",
         "Jean-Baptiste", "Amélie", "Karim", "Sofia", "Yann", "Aïcha", "Marc", "Émilie", "Paul",
         "Nadia", "Akira", "Olivia", "Mehdi", "Louise"]
LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Nguyen", "Haddad", "Rossi", "Le Goff",
        "Moreau", "Girard", "Fontaine", "Roux", "Saïdi", "O'Connor", "Petit", "Garnier",
        "Da Silva", "Benali", "Schmitt", "Mercier"]
TITLES = ["Data engineer", "Chargée de mission", "Directeur, Transformation",
          'Head of "Growth"', "DRH", "Consultant senior", "CTO 🚀", "Chef de projet\nInnovation",
          "Responsable RSE", "Product manager", "Talent acquisition"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _quote(value: str) -> str:
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def make_export(path: Path, rows: int, seed: int = 7, changed: float = 0.0) -> None:
    """A LinkedIn Connections.csv of `rows` invented people (`changed`: share of positions
    that differ, to imitate a newer export)."""
    rng = random.Random(seed)
    prefixes = ["Groupe", "Atelier", "Cabinet", "Studio", ""]
    suffixes = ["SA", "SAS", "& Associés", "Conseil", "Inc.", ""]
    companies = [f"{rng.choice(prefixes)} {rng.choice(LAST)} {rng.choice(suffixes)}".strip()
                 + (f", {n}" if n % 7 == 0 else "") for n in range(8000)]
    change = random.Random(seed + 1)
    lines = [PREAMBLE, HEADER]
    for n in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower().replace(' ', '')}-{n:x}"
        email = f"{first.lower()}.{n}@example.org" if rng.random() < 0.15 else ""
        title = rng.choice(TITLES)
        if changed and change.random() < changed:
            title = "Nouveau poste " + title
        date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2008, 2025)}"
        cells = [first, last, url, email, rng.choice(companies), title, date]
        lines.append(",".join(_quote(c) for c in cells) + "\r\n")
    lines.append(",,,,,,\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + "".join(lines).encode("utf-8"))


def timed(action) -> tuple[float, float]:
    """Wall and CPU seconds of `action()`, after a garbage collection."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def median_of(runs: int, measure) -> tuple[float, float]:
    """Median wall and median CPU seconds of `measure()` (which returns both) over `runs`
    runs: the median shrugs off the odd run slowed down by another process."""
    results = [measure() for _ in range(runs)]
    return median([r[0] for r in results]), median([r[1] for r in results])


FLOOR_COLUMNS = ("full_name", "first_name", "last_name", "email", "phone", "profile_url",
                 "organisation_id", "position", "connected_on", "birthday", "notes", "source",
                 "import_batch_id", "created_at", "updated_at")


def floor_values(rows: int, batch_id: int, org_ids: list[int]) -> list[tuple]:
    """Contact rows shaped like an import's: organisation ids, 15% e-mails, one batch."""
    rng = random.Random(3)
    return [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(FIRST), rng.choice(LAST),
             f"p.{n}@example.org" if n % 7 == 0 else "", "",
             f"https://www.linkedin.com/in/p-{rng.getrandbits(48):x}", rng.choice(org_ids),
             rng.choice(TITLES), "2020-01-01", None, "", "linkedin", batch_id,
             "2026-01-01T00:00:00", "2026-01-01T00:00:00") for n in range(rows)]


def timed_floor(folder: Path, rows: int, bare: bool) -> tuple[float, float]:
    """Wall and CPU seconds of one `executemany` of `rows` rows in a profile created
    beforehand (not timed): into `contacts`, or into a bare table of the same columns."""
    conn = open_path(folder / f"floor{next(_PROFILE_NUMBERS)}.sqlite")
    try:
        with transaction(conn):
            batch = conn.execute("INSERT INTO import_batches(source_format, file_name,"
                                 " file_sha256) VALUES ('linkedin', 'floor', '')").lastrowid
            conn.executemany("INSERT INTO organisations(name, name_key) VALUES (?, ?)",
                             [(f"Org {n}", f"org {n}") for n in range(8000)])
            conn.execute(f"CREATE TABLE bare ({', '.join(FLOOR_COLUMNS)})")
        values = floor_values(rows, batch, list(range(1, 8001)))
        table = "bare" if bare else "contacts"
        sql = (f"INSERT INTO {table}({', '.join(FLOOR_COLUMNS)})"
               f" VALUES ({', '.join('?' * len(FLOOR_COLUMNS))})")
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        with transaction(conn):
            conn.executemany(sql, values)
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        conn.close()


def new_profile(folder: Path, name: str = "profile") -> sqlite3.Connection:
    """A new, empty profile (schema created): what a user imports into the first time."""
    return open_path(folder / f"{name}{next(_PROFILE_NUMBERS)}.sqlite")


def timed_fresh(folder: Path, csv_path: Path) -> tuple[float, float]:
    """The whole import (read + match + store) into a new empty profile created beforehand."""
    conn = new_profile(folder)
    try:
        return timed(lambda: import_file(conn, csv_path))
    finally:
        conn.close()


def timed_store(folder: Path, result: ReadResult, data: bytes) -> tuple[float, float]:
    """The store's part alone: an already read file written into a new empty profile."""
    conn = new_profile(folder)
    digest = hashlib.sha256(data).hexdigest()
    try:
        return timed(lambda: import_contacts(conn, result, "Connections.csv", digest))
    finally:
        conn.close()


def timed_matching(base: Path, result: ReadResult) -> tuple[float, float]:
    """Matching an already read file against the contacts of a filled profile, as an import
    does before writing (organisations looked up, stored contacts indexed by key, every row
    claimed or found new), nothing written: the transaction is rolled back."""
    conn = open_path(base)

    def match() -> None:
        frame = result.contacts
        org_ids = _organisation_ids(conn, frame["organisation"].tolist(), 0)
        batch = _Batch.of(frame, org_ids, result.format, 0, "2026-01-01T00:00:00")
        url_keys = UrlKeys()
        existing = _Existing(conn, result.format, url_keys)
        _match_chunk(batch, existing, range(len(frame)), url_keys.of(batch.urls),
                     email_keys(batch.emails), {"added": 0, "updated": 0, "unchanged": 0})
    try:
        conn.execute("BEGIN IMMEDIATE")
        return timed(match)
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def timed_reimport(base: Path, csv_path: Path, results: list) -> tuple[float, float]:
    """Importing `csv_path` into a copy of the filled profile `base` (copied beforehand, not
    timed), so every run does the same work."""
    copy = base.with_name(f"reimport{next(_PROFILE_NUMBERS)}.sqlite")
    shutil.copyfile(base, copy)
    conn = open_path(copy)
    try:
        return timed(lambda: results.append(import_file(conn, csv_path)))
    finally:
        conn.close()


TARGET_RATIO = 5.0          # a fresh import within this many raw pandas.read_csv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--runs", "--repeat", dest="runs", type=int, default=5,
                        help="runs per measure; the median is kept (default: 5)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON rows")
    args = parser.parse_args()
    runs = args.runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export, newer = folder / "Connections.csv", folder / "Connections_newer.csv"
        make_export(export, args.rows)
        make_export(newer, args.rows, changed=0.05)
        size_mb = export.stat().st_size / 1e6
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        read = read_contacts(export)
        base = folder / "base.sqlite"
        conn = open_path(base)
        import_file(conn, export)
        conn.close()                                  # checkpointed: the file is complete

        times: dict[str, tuple[float, float]] = {}
        times["read_csv"] = median_of(runs, lambda: timed(
            lambda: pd.read_csv(export, skiprows=3)))
        times["read_csv_str"] = median_of(runs, lambda: timed(lambda: pd.read_csv(
            export, skiprows=3, dtype=str, keep_default_na=False)))
        times["read"] = median_of(runs, lambda: timed(lambda: read_contacts(export)))
        times["matching"] = median_of(runs, lambda: timed_matching(base, read))
        times["store"] = median_of(runs, lambda: timed_store(folder, read,
                                                             export.read_bytes()))
        times["fresh"] = median_of(runs, lambda: timed_fresh(folder, export))
        same, update = [], []
        times["reimport"] = median_of(runs, lambda: timed_reimport(base, export, same))
        times["newer"] = median_of(runs, lambda: timed_reimport(base, newer, update))
        times["bare"] = median_of(runs, lambda: timed_floor(folder, args.rows, bare=True))
        times["naive"] = median_of(runs, lambda: timed_floor(folder, args.rows, bare=False))
        same, update = same[-1], update[-1]
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        conn = new_profile(folder)
        gc.collect()
        tracemalloc.start()
        import_file(conn, export)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        conn.close()

    ref_wall, ref_cpu = times["read_csv"]
    labels = {
        "read_csv": ("pandas.read_csv (default dtypes)", "reference"),
        "read_csv_str": ("pandas.read_csv (dtype=str)", ""),
        "read": ("workbook read (io: read + check)", f"{len(read.contacts)} kept,"
                 f" {len(read.skipped)} skipped"),
        "matching": ("matching against the filled profile", "no write"),
        "store": ("store write, fresh profile", "file already read"),
        "fresh": ("whole import, fresh profile", f"target ≤ {TARGET_RATIO:g}×"),
        "reimport": ("re-import, same file", f"added {same.added}, updated {same.updated},"
                     f" unchanged {same.unchanged}"),
        "newer": ("re-import, newer export", f"added {update.added}, updated"
                  f" {update.updated}, unchanged {update.unchanged}"),
        "bare": ("SQLite floor: bare table", "executemany, no constraint, no index"),
        "naive": ("naive executemany into contacts", "one statement per row, no reading"),
    }
    print(f"LinkedIn export: {args.rows} rows, {size_mb:.1f} MB; median of {runs} runs;"
          " ratios to pandas.read_csv")
    print(f"  {'':38s} {'wall ms':>8} {'ratio':>6}   {'CPU ms':>8} {'ratio':>6}")
    rows = []
    for key, (label, note) in labels.items():
        wall, cpu = times[key]
        print(f"  {label:38s} {wall * 1000:8.0f} {wall / ref_wall:5.1f}×   "
              f"{cpu * 1000:8.0f} {cpu / ref_cpu:5.1f}×   {note}")
        target = f"≤ {TARGET_RATIO:g}× read_csv" if key == "fresh" else None
        met = wall / ref_wall <= TARGET_RATIO if key == "fresh" else None
        rows.append(json_row("import", key, wall, "s", target=target,
                             ratio=None if key == "read_csv" else wall / ref_wall, met=met))
        # CPU time too: on a shared machine it says more than the wall clock
        rows.append(json_row("import", f"{key}_cpu", cpu, "s",
                             ratio=None if key == "read_csv" else cpu / ref_cpu))
    rows.append(json_row("import", "fresh_vs_read_csv", times["fresh"][0] / ref_wall, "x",
                         target=f"≤ {TARGET_RATIO:g}",
                         met=times["fresh"][0] / ref_wall <= TARGET_RATIO))
    print(f"  tracemalloc peak during a fresh import  {traced_peak / 1e6:8.1f} MB")
    print(f"  peak RSS of the process                 {rss_after:8.0f} MB "
          f"(before the timings: {rss_before:.0f} MB)")
    rows.append(json_row("import", "fresh_traced_peak", traced_peak / 1e6, "MB"))
    rows.append(json_row("import", "process_peak_rss", rss_after, "MB"))
    if args.json:
        write_rows(args.json, rows)


if __name__ == "__main__":
    main()
