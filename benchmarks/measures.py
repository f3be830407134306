"""What every benchmark script shares: timing, percentiles, the large profile, and the rows
it hands to `benchmarks/run.py` (`--json FILE`: a list of
`{benchmark, measure, value, unit, p95, target, ratio, met}`)."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CALLBACK_TARGET_MS = 100.0


def p95(samples: list[float]) -> float:
    """The 95th percentile (the value 1 in 20 runs exceeds)."""
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def timed_ms(action: Callable[[int], object], runs: int) -> list[float]:
    """Wall-clock milliseconds of `action(i)` for i in range(runs)."""
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def row(benchmark: str, measure: str, value: float, unit: str, *, p95: float | None = None,
        target: str | None = None, ratio: float | None = None,
        met: bool | None = None) -> dict:
    return {"benchmark": benchmark, "measure": measure, "value": round(float(value), 3),
            "unit": unit, "p95": None if p95 is None else round(float(p95), 3),
            "target": target, "ratio": None if ratio is None else round(float(ratio), 3),
            "met": met}


def callback_row(benchmark: str, measure: str, samples: list[float]) -> dict:
    """A callback's median and p95 in ms against the ≤ 100 ms p95 target."""
    high = p95(samples)
    return row(benchmark, measure, statistics.median(samples), "ms", p95=high,
               target=f"p95 ≤ {CALLBACK_TARGET_MS:.0f} ms", ratio=high / CALLBACK_TARGET_MS,
               met=high <= CALLBACK_TARGET_MS)


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", type=Path, help="write the figures as rows to this file")


def write_rows(path: Path | None, rows: list[dict]) -> None:
    if path is not None:
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1))


def large_profile(name: str, contacts: int, demo: bool = True) -> None:
    """Create profile `name` in the current WORKBOOK_HOME: the demo persona (press, group,
    positioning, routines data) plus `contacts` more people sorted, tagged and followed
    for a year (tests/large_profile.py)."""
    from tests.large_profile import fill_large_profile
    from workbook.demo import fill_demo
    from workbook.store import open_profile

    conn = open_profile(name)
    if demo:
        fill_demo(conn)
    fill_large_profile(conn, contacts)
    conn.close()


def rss_mb(pid: int | None = None) -> float:
    import psutil

    return (psutil.Process(pid) if pid else psutil.Process()).memory_info().rss / 2**20
