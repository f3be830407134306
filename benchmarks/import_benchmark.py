"""Import speed and memory on a LinkedIn export of 30,000 invented connections.

Generates `Connections.csv` as LinkedIn writes it (BOM, "Notes:" preamble, CRLF, quoted
commas/quotes/line breaks, emoji, mostly empty e-mails), then times (best of `--repeat`,
wall clock and CPU, as ratios to pandas):

- `pandas.read_csv` of the same file (the reference; target: import ≤ 3× this);
- `workbook.io.read_contacts` (reading and checking only);
- two storage floors for the same number of rows, in an already created profile: a bare
  15-column table without constraints or indexes (what any Python → SQLite write costs), and
  a naive `executemany` into `contacts` (one statement per row: CHECK constraints, DEFAULT
  timestamps, foreign keys and four indexes paid row by row);
- `workbook.io.import_file` into a fresh profile (read + store, one transaction);
- a re-import of the same file (nothing changes) and of a newer export (5% changed), each
  repetition on a copy of the same once-imported profile;

and memory: Python allocations at peak during the import (tracemalloc, a separate run:
tracing slows everything down) and the process's peak resident size.

    python benchmarks/import_benchmark.py [--rows 30000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbook.io import import_file, read_contacts  # noqa: E402
from workbook.store import open_path, transaction  # noqa: E402

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


def best_of(repeat: int, action) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds over `repeat` runs (CPU time is the steadier one
    on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


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


def best_timed(repeat: int, timed) -> tuple[float, float]:
    """Best wall and best CPU seconds of `timed()` (which times itself) over `repeat` runs."""
    runs = [timed() for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def fresh_import(folder: Path, csv_path: Path) -> None:
    conn = open_path(folder / f"profile{next(_PROFILE_NUMBERS)}.sqlite")
    try:
        import_file(conn, csv_path)
    finally:
        conn.close()


def timed_reimport(base: Path, csv_path: Path, results: list
                   ) -> tuple[float, float]:
    """Wall and CPU seconds of importing `csv_path` into a copy of the profile `base`
    (copied beforehand, not timed), so every repetition does the same work."""
    copy = base.with_name(f"reimport{next(_PROFILE_NUMBERS)}.sqlite")
    shutil.copyfile(base, copy)
    conn = open_path(copy)
    try:
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        results.append(import_file(conn, csv_path))
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export, newer = folder / "Connections.csv", folder / "Connections_newer.csv"
        make_export(export, args.rows)
        make_export(newer, args.rows, changed=0.05)
        size_mb = export.stat().st_size / 1e6
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        t_pandas = best_of(args.repeat, lambda: pd.read_csv(export, skiprows=3))
        t_pandas_str = best_of(args.repeat, lambda: pd.read_csv(
            export, skiprows=3, dtype=str, keep_default_na=False))
        t_read = best_of(args.repeat, lambda: read_contacts(export))
        t_bare = best_timed(args.repeat, lambda: timed_floor(folder, args.rows, bare=True))
        t_floor = best_timed(args.repeat, lambda: timed_floor(folder, args.rows, bare=False))
        t_import = best_of(args.repeat, lambda: fresh_import(folder, export))

        base = folder / "base.sqlite"
        conn = open_path(base)
        import_file(conn, export)
        conn.close()                                  # checkpointed: the file is complete
        same, update = [], []
        t_same = best_timed(args.repeat, lambda: timed_reimport(base, export, same))
        t_newer = best_timed(args.repeat, lambda: timed_reimport(base, newer, update))
        same, update = same[-1], update[-1]
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        gc.collect()
        tracemalloc.start()
        fresh_import(folder, export)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    rows = args.rows
    ref_wall, ref_cpu = t_pandas

    def line(label: str, timing: tuple[float, float], note: str = "") -> None:
        wall, cpu = timing
        print(f"  {label:34s} {wall * 1000:7.0f} ms wall {wall / ref_wall:5.1f}×   "
              f"{cpu * 1000:7.0f} ms CPU {cpu / ref_cpu:5.1f}×   {note}")

    print(f"LinkedIn export: {rows} rows, {size_mb:.1f} MB; best of {args.repeat}; "
          "ratios to pandas.read_csv")
    line("pandas.read_csv (default dtypes)", t_pandas, "reference")
    line("pandas.read_csv (dtype=str)", t_pandas_str)
    line("read_contacts (read + check)", t_read)
    line("SQLite floor: bare table", t_bare, "executemany, no constraint, no index")
    line("naive executemany into contacts", t_floor, "one statement per row, no reading")
    line("import_file, fresh profile", t_import, "target ≤ 3×")
    line("re-import, same file", t_same,
         f"added {same.added}, updated {same.updated}, unchanged {same.unchanged}")
    line("re-import, newer export", t_newer,
         f"added {update.added}, updated {update.updated}, unchanged {update.unchanged}")
    print(f"  tracemalloc peak during import      {traced_peak / 1e6:8.1f} MB")
    print(f"  peak RSS of the process             {rss_after:8.0f} MB "
          f"(before the timings: {rss_before:.0f} MB)")


if __name__ == "__main__":
    main()
