"""`make bench`: run every benchmark as a subprocess, merge their rows, print one table and
write it to benchmarks/results/latest.json.

Each script takes `--json FILE` and writes a list of rows
`{benchmark, measure, value, unit, p95, target, ratio, met}` (see measures.py). A script that
fails or writes nothing gives a row saying so; the others still run.

    python benchmarks/run.py [--runs 3] [--only page_startup,page_callbacks]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.json"


def scripts(runs: int, contacts: int) -> dict[str, list[str]]:
    """Script → its arguments. `runs` is the number of cold page opens per page; the in-process
    callbacks repeat more (each is cheap)."""
    n = str(contacts)
    return {
        "page_startup": ["--runs", str(runs), "--contacts", n],
        "app_navigation": ["--runs", str(max(2, runs)), "--contacts", n],
        "page_callbacks": ["--runs", str(max(10, runs * 4)), "--contacts", n],
        "network_callbacks": ["--runs", str(max(10, runs * 4)), "--contacts", n],
        "chart_payload": ["--contacts", n],
        "import_benchmark": ["--rows", n, "--runs", str(runs)],
        "plan_benchmark": ["--rows", n, "--runs", str(runs)],
        "press_checker": ["--runs", str(max(10, runs * 4))],
        # The hub part: 5, 10 and 20 people logging in together on the coaching
        # organisation's hub (root, PAM and npm; otherwise one row saying why it was skipped).
        "hub_load": ["--people", "5,10,20"],
    }


def run_one(name: str, args: list[str], timeout: float) -> tuple[list[dict], float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.json"
        start = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *args,
                                   "--json", str(out)], timeout=timeout,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            problem = "" if done.returncode == 0 else \
                f"exit {done.returncode}: {done.stdout.strip().splitlines()[-1:]}"
        except subprocess.TimeoutExpired:
            problem = f"no answer in {timeout:.0f} s"
        seconds = time.perf_counter() - start
        if not problem and out.exists():
            return json.loads(out.read_text()), seconds
        problem = problem or "wrote no --json rows"
        return [{"benchmark": name, "measure": f"FAILED ({problem})", "value": None,
                 "unit": "", "p95": None, "target": None, "ratio": None, "met": None}], seconds


def _num(value, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"


def table(rows: list[dict]) -> str:
    head = ("benchmark", "measure", "median", "p95", "unit", "target", "ratio", "met")
    lines = [[r["benchmark"], r["measure"], _num(r["value"]), _num(r["p95"]), r["unit"],
              r["target"] or "", "" if r["ratio"] is None else f"{r['ratio']:.2f}×",
              {True: "yes", False: "NO", None: ""}[r["met"]]] for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines)]
    fmt = lambda cells: "  ".join(  # noqa: E731
        str(c).rjust(w) if i in (2, 3, 6) else str(c).ljust(w)
        for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *map(fmt, lines)])


def markdown(saved: dict) -> str:
    """The saved table as Markdown (for the README)."""
    lines = [f"{saved['machine']}; {saved['runs']} cold opens per page; "
             f"{saved['started']}", "",
             "| benchmark | measure | median | p95 | unit | target | ratio | met |",
             "|---|---|--:|--:|---|---|--:|---|"]
    for r in saved["rows"]:
        lines.append("| " + " | ".join([
            r["benchmark"], r["measure"], _num(r["value"]), _num(r["p95"]), r["unit"],
            r["target"] or "", "" if r["ratio"] is None else f"{r['ratio']:.2f}×",
            {True: "yes", False: "**no**", None: ""}[r["met"]]]) + " |")
    return "\n".join(lines)


def machine() -> str:
    import psutil

    return (f"{platform.node()} · {os.cpu_count()} cores · "
            f"{psutil.virtual_memory().total / 2**30:.0f} GB · Python "
            f"{platform.python_version()} · load {os.getloadavg()[0]:.1f} at start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold opens per page and profile")
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--only", default="", help="comma-separated script names")
    parser.add_argument("--timeout", type=float, default=2400, help="seconds per script")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--markdown", action="store_true",
                        help="print the last saved table as Markdown, run nothing")
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(args.out.read_text())))
        return 0
    chosen = scripts(args.runs, args.contacts)
    if args.only:
        chosen = {k: v for k, v in chosen.items() if k in args.only.split(",")}
    started = dt.datetime.now(dt.UTC)
    about = machine()
    rows, seconds = [], {}
    for name, script_args in chosen.items():
        print(f"running {name} {' '.join(script_args)} …", file=sys.stderr, flush=True)
        found, seconds[name] = run_one(name, script_args, args.timeout)
        rows += found
    print(f"\n{about}; {args.runs} cold opens per page; ratios are what to read\n")
    print(table(rows))
    missed = [r for r in rows if r["met"] is False]
    print(f"\n{len(missed)} of {sum(r['met'] is not None for r in rows)} targets missed"
          f" · {sum(seconds.values()) / 60:.1f} min")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"started": started.isoformat(timespec="seconds"),
                                    "machine": about, "runs": args.runs,
                                    "contacts": args.contacts, "seconds": seconds,
                                    "rows": rows}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
