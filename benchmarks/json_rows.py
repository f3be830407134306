"""The rows a benchmark writes with `--json FILE`, which `benchmarks/run.py` merges:

    {"benchmark": str, "measure": str, "value": float, "unit": "s" | "MB" | "x",
     "p95": float | None, "target": str | None, "ratio": float | None, "met": bool | None}
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path


def row(benchmark: str, measure: str, value: float, unit: str, *, p95: float | None = None,
        target: str | None = None, ratio: float | None = None, met: bool | None = None
        ) -> dict:
    if unit not in ("s", "MB", "x"):
        raise ValueError(f"unit must be s, MB or x, not {unit!r}")
    return {"benchmark": benchmark, "measure": measure, "value": round(float(value), 4),
            "unit": unit, "p95": None if p95 is None else round(float(p95), 4),
            "target": target, "ratio": None if ratio is None else round(float(ratio), 2),
            "met": met}


def write_rows(path: str | Path, rows: list[dict]) -> None:
    Path(path).write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def median(values: list[float]) -> float:
    return statistics.median(values)
