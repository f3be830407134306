"""How long one pairing round takes (what a coach waits for after "Generate this session's
round"), by group size, fresh and after a history of rounds, with a trio or a sit-out.

Run: .venv/bin/python benchmarks/group_pairing.py
"""

from __future__ import annotations

import statistics
import time

from workbook.domain.group import pairing_rounds


def _time(people, history, odd, repeats=3) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        pairing_rounds(people, 1, history=history, odd=odd, avoid=[(0, 1), (2, 3)])
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    print(f"{'people':>6} {'odd':>8} {'history':>8} {'one round (ms)':>15}")
    for n in (8, 12, 15, 25, 40, 60):
        people = list(range(n))
        for odd in ("trio", "sit_out"):
            for past in (0, n // 2, n + 3):
                history = pairing_rounds(people, past, odd=odd) if past else []
                ms = _time(people, history, odd) * 1000
                print(f"{n:>6} {odd:>8} {past:>8} {ms:>15.1f}")


if __name__ == "__main__":
    main()
