"""Focus checker against labelled statements it was not tuned on.

Reads `benchmarks/data/focus_statements.csv` (88 statements, FR and EN, vague and focused,
several professions and seniorities; each labelled with whether it names an audience and a
deliverable). Rows marked `tune` may be looked at while adjusting the checker; rows marked
`heldout` were written before any tuning and are only measured.

Prints, for the held-out part (and, for comparison, the tune part):
- AUC of the score, focused vs vague (1.0 = every focused statement above every vague one);
- the worst overlap: best vague score minus worst focused score (< 0 means a clean gap);
- the rate of false "no audience" findings (statements that name one, told they do not) and
  of false "no deliverable" findings.

    python benchmarks/focus_checker.py [--split heldout|tune|all] [--show]

Targets on the held-out part: AUC >= 0.97, no vague statement above a focused one, each
false-finding rate <= 10 %.

Measured on the held-out part (2026-12-01): the lexicon-only checker gave AUC 0.910, worst
overlap +37 (a vague statement at 92, a focused one at 55), 54.5 % false "no audience" and
18.2 % false "no deliverable"; the checker that reads the statement's structure gives AUC
1.000, overlap -17 (best vague 68, worst focused 85), 0 % and 0 %.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

DATA = Path(__file__).with_name("data") / "focus_statements.csv"


def load(split: str) -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row for row in rows if split == "all" or row["split"] == split]


def auc(focused: list[int], vague: list[int]) -> float:
    """Probability that a focused statement scores above a vague one (ties count half)."""
    pairs = [(f > v) + 0.5 * (f == v) for f in focused for v in vague]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def measure(rows: list[dict], show: bool = False) -> dict:
    from workbook.domain.positioning import analyze

    scored = []
    for row in rows:
        report = analyze(row["text"], row["lang"])
        scored.append((row, report.score, set(report.codes)))
    focused = [score for row, score, _ in scored if row["label"] == "focused"]
    vague = [score for row, score, _ in scored if row["label"] == "vague"]

    def false_rate(label: str, code: str) -> tuple[float, int, int]:
        named = [(row, codes) for row, _, codes in scored if row[label] == "yes"]
        wrong = [row for row, codes in named if code in codes]
        return (len(wrong) / len(named) if named else 0.0), len(wrong), len(named)

    if show:
        for row, score, codes in sorted(scored, key=lambda item: item[1]):
            print(f"  {score:3d} {row['label']:<7} {row['lang']} {sorted(codes)}  {row['text']}")
    return {"auc": auc(focused, vague), "overlap": max(vague) - min(focused),
            "best_vague": max(vague), "worst_focused": min(focused),
            "no_audience": false_rate("audience", "no_audience"),
            "no_deliverable": false_rate("deliverable", "no_deliverable"),
            "count": len(rows)}


def report(name: str, figures: dict) -> None:
    audience, deliverable = figures["no_audience"], figures["no_deliverable"]
    print(f"{name}: {figures['count']} statements")
    print(f"  AUC (focused vs vague)      {figures['auc']:.3f}   target >= 0.97")
    print(f"  worst overlap               {figures['overlap']:+d}     (best vague "
          f"{figures['best_vague']}, worst focused {figures['worst_focused']}; target < 0)")
    print(f"  false 'no audience'         {audience[0]:.1%} ({audience[1]}/{audience[2]})"
          "   target <= 10%")
    print(f"  false 'no deliverable'      {deliverable[0]:.1%} ({deliverable[1]}/{deliverable[2]})"
          "   target <= 10%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("heldout", "tune", "all"), default="heldout")
    parser.add_argument("--show", action="store_true", help="list every statement and score")
    args = parser.parse_args()
    splits = ("heldout", "tune") if args.split == "heldout" else (args.split,)
    for split in splits:
        report(split, measure(load(split), show=args.show and split == args.split))


if __name__ == "__main__":
    main()
