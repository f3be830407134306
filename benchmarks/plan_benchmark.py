"""`workbook plan --weeks 4` on a large profile: wall time and peak memory of the command.

The profile: an invented LinkedIn export of `--rows` connections imported
(`import_benchmark.make_export`), 1,779 of them sorted into layers (Dunbar-sized inner and
close circles, a large active one), a few hundred connectors and prescribers, a year of
exchanges (5,000) and some outreach. Then, median of `--runs` runs, each command in its own
process (as a user runs it): wall time and peak resident size (the child's own
`ru_maxrss`) of

- `python -c "import workbook"` — the interpreter and the package's root (the baseline);
- `python -m workbook plan --weeks 4 --profile bench`.

Wall time suffers from whatever else the machine runs; the CPU time (user + system) of the
child is printed too.

With `--json FILE`, the figures are also written as rows (see `json_rows.py`).

    python benchmarks/plan_benchmark.py [--rows 30000] [--runs 5] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from json_rows import median, write_rows  # noqa: E402
from json_rows import row as json_row  # noqa: E402

TODAY = dt.date(2026, 12, 2)
LAYERS = (("inner", 15), ("close", 50), ("active", 1500), ("target", 114), ("dormant", 100))
INTERACTIONS = 5000
# What the command should stay within on such a profile (wall seconds, peak resident MB).
TARGET_SECONDS = 1.0
TARGET_MB = 100


def build(home: Path, rows: int) -> None:
    """The `bench` profile under `home` (see the module's docstring)."""
    os.environ["WORKBOOK_HOME"] = str(home)
    from import_benchmark import make_export

    from workbook.io import import_file
    from workbook.store import open_profile, transaction

    rng = random.Random(7)
    export = home / "Connections.csv"
    make_export(export, rows)
    conn = open_profile("bench")
    import_file(conn, export)
    ids = [r[0] for r in conn.execute("SELECT id FROM contacts ORDER BY id")]
    rng.shuffle(ids)
    sorted_ids = []
    with transaction(conn):
        start = 0
        for layer, count in LAYERS:
            chosen = ids[start:start + count]
            start += count
            sorted_ids += chosen
            conn.executemany("UPDATE contacts SET layer = ?, layer_set_on = ? WHERE id = ?",
                             [(layer, (TODAY - dt.timedelta(days=rng.randint(0, 90))).isoformat(),
                               i) for i in chosen])
        conn.executemany("INSERT OR IGNORE INTO contact_roles VALUES (?, ?)",
                         [(rng.choice(ids), rng.choice(("connector", "prescriber")))
                          for _ in range(400)])
        conn.execute("UPDATE organisations SET is_target = 1 WHERE id <= 20")
        conn.executemany(
            "INSERT INTO interactions(contact_id, occurred_on, kind) VALUES (?, ?, 'message')",
            [(rng.choice(sorted_ids),
              (TODAY - dt.timedelta(days=rng.randint(1, 365))).isoformat())
             for _ in range(INTERACTIONS)])
        conn.executemany(
            "INSERT INTO outreach(contact_id, sent_on) VALUES (?, ?)",
            [(rng.choice(ids), (TODAY - dt.timedelta(days=rng.randint(1, 30))).isoformat())
             for _ in range(60)])
    conn.close()


def run_once(command: list[str], env: dict) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one command run in its own process.
    This process stays small (it never imports the workbook or pandas): a child's peak
    resident size counts what it inherited by fork before it started the command."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    error = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({proc.returncode}): {error}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--weeks", type=int, default=4)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON rows")
    parser.add_argument("--build", metavar="HOME", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:                                   # in a child process: see `run_once`
        build(Path(args.build), args.rows)
        return
    with tempfile.TemporaryDirectory(prefix="plan-bench-") as tmp:
        home = Path(tmp)
        subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--build", tmp],
                       check=True)
        env = {**os.environ, "WORKBOOK_HOME": str(home), "PYTHONPATH": str(ROOT)}
        commands = {
            "baseline": [sys.executable, "-c", "import workbook"],
            "plan": [sys.executable, "-m", "workbook", "plan", "--weeks", str(args.weeks),
                     "--profile", "bench", "--today", TODAY.isoformat()],
        }
        run_once(commands["plan"], env)                  # caches warm, .pyc written
        figures = {}
        for name, command in commands.items():
            runs = [run_once(command, env) for _ in range(args.runs)]
            figures[name] = tuple(median([r[n] for r in runs]) for n in range(3))
    base_s, base_cpu, base_mb = figures["baseline"]
    plan_s, plan_cpu, plan_mb = figures["plan"]
    print(f"workbook plan --weeks {args.weeks}: {args.rows} contacts, "
          f"{sum(c for _, c in LAYERS)} in layers, {INTERACTIONS} exchanges in a year; "
          f"median of {args.runs} runs")
    print(f"  {'':34s} {'wall s':>7} {'CPU s':>7} {'peak RSS MB':>12}")
    baseline = 'python -c "import workbook"'
    print(f"  {baseline:34s} {base_s:7.2f} {base_cpu:7.2f} {base_mb:12.0f}")
    print(f"  {'workbook plan':34s} {plan_s:7.2f} {plan_cpu:7.2f} {plan_mb:12.0f}")
    print(f"  {'above the baseline':34s} {plan_s - base_s:7.2f} {plan_cpu - base_cpu:7.2f}"
          f" {plan_mb - base_mb:12.0f}")
    rows = [
        json_row("plan", "baseline_import_workbook", base_s, "s"),
        json_row("plan", "baseline_import_workbook_cpu", base_cpu, "s"),
        json_row("plan", "baseline_import_workbook_rss", base_mb, "MB"),
        json_row("plan", f"plan_weeks_{args.weeks}", plan_s, "s", ratio=plan_s / base_s,
                 target=f"≤ {TARGET_SECONDS:g} s", met=plan_s <= TARGET_SECONDS),
        json_row("plan", f"plan_weeks_{args.weeks}_cpu", plan_cpu, "s",
                 ratio=plan_cpu / base_cpu),
        json_row("plan", f"plan_weeks_{args.weeks}_rss", plan_mb, "MB",
                 ratio=plan_mb / base_mb, target=f"≤ {TARGET_MB} MB",
                 met=plan_mb <= TARGET_MB),
    ]
    if args.json:
        write_rows(args.json, rows)


if __name__ == "__main__":
    main()
