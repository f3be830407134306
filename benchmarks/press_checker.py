"""Topic-sheet checker against labelled sheets, and what a check costs.

Quality: reads `benchmarks/data/press_sheets.json` (the `tune` split: sheets that may be
looked at while adjusting the checker), `press_sheets_heldout.json` (`heldout`: written
after the first tuning pass, measured once before the second pass and seen since) and
`press_sheets_heldout2.json` (`heldout2`: written after the second pass, before any measure;
never tuned on). Each sheet is
French or English, from a trade the tests and the demo do not use, and is labelled with the
defects a media trainer would flag (`kind@where`: `u` the main message, `1`–`5` a point with
its proof and quotes, `sheet` the whole sheet), or none when it is ready to use. Reports
per split:

- false alarms: ready sheets given any finding (target ≤ 10 %);
- flawed sheets called ready: no finding at all (target ≤ 15 %);
- each kind of defect found where it is (same code, same point), in ≥ 70 % of the sheets
  that have it;
- findings on flawed sheets that no label asked for (told, not a target).

Cost: the p95 of one `check_sheet` over every labelled sheet once the word data is loaded,
every field new to the checker (its per-text memory dropped before each check: the worst
keystroke; target < 50 ms, the page checks 400 ms after the last keystroke), the first
checks of a process (which load the word data, paid while the page builds), and a
20,000-character paste in every field. `--page` also times
building the press page on the demo profile and a redraw after a write.

Measured (2026-12-07; "seen" = measured again after a pass that its misses informed):

                          before (tune)  tune  heldout     heldout   heldout2    heldout2
                                               1st pass   2nd, seen  1st measure  3rd, seen
  false alarms, ready       7/22 32 %    0/22    1/10       0/10       2/8 (1/8*)    0/8
  flawed called ready       9/42 21 %    0/42    1/20       0/20       1/16          0/16
  hedging found             1/12         12/12   3/7        7/7        5/6           6/6
  fluff found               0/11         11/11   5/6        6/6        2/4           3/4
  jargon found             12/12         12/12   7/7        7/7        5/5           5/5
  repeated points found     0/10         10/10   1/5        4/5        1/4           3/4
  no proof found            7/10         10/10   6/6        6/6        5/5           5/5
  structural defects       21/21         21/21   7/7        7/7        7/7           7/7
  (* one "ready" point had 16 words, over the 15 allowed: a labelling slip, fixed in the data.)
The honest figures for sheets the checker was never tuned on are the two "1st" columns:
false alarms 10 % and 12 %; hedging found 43 % after the first pass, 83 % after the second;
fluff 83 % then 50 %; repeated points said in other words 20 % then 25 %, short of the 70 %
target both times (the later columns met every target, but on sheets whose misses were
seen). Checking a sheet: p95 13 ms with every field new (load 9 on 2 cores); a
20,000-character paste in every field 45 ms; the first checks of a process load the word
data, 1.3 to 3.8 s for both languages here (load 1 to 11).

    python benchmarks/press_checker.py [--split tune|heldout|all] [--show] [--runs 20]
        [--page] [--json FILE]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measures import add_json_argument, p95, row, write_rows  # noqa: E402

DATA = Path(__file__).with_name("data")
FILES = {"tune": DATA / "press_sheets.json", "heldout": DATA / "press_sheets_heldout.json",
         "heldout2": DATA / "press_sheets_heldout2.json"}
FALSE_ALARM_TARGET = 0.10
CALLED_READY_TARGET = 0.15
RECALL_TARGET = 0.70
CHECK_TARGET_MS = 50.0
KINDS = ("hedging", "fluff", "jargon", "repeated_point", "no_proof", "too_many_points",
         "point_too_long", "quote_too_long", "no_quote", "umbrella_too_long", "no_umbrella")


def load(split: str) -> list[dict]:
    path = FILES[split]
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["sheets"]


def to_sheet(data: dict):
    from workbook.domain.press import KeyPoint, TopicSheet

    return TopicSheet(data["topic"], data["umbrella"], tuple(
        KeyPoint(p["message"], p["proof"], tuple(p["quotes"])) for p in data["points"]))


def located(finding) -> str:
    """Where a finding is, in the labels' terms."""
    if finding.code == "too_many_points":
        return "sheet"
    return "u" if finding.point is None else str(finding.point)


def measure(sheets: list[dict], show: bool = False) -> dict:
    from workbook.domain.press import check_sheet

    ready = [s for s in sheets if not s["defects"]]
    flawed = [s for s in sheets if s["defects"]]
    alarms, passed, extra = [], [], collections.Counter()
    have, found = collections.Counter(), collections.Counter()
    for data in sheets:
        findings = check_sheet(to_sheet(data), data["lang"])
        got = {f"{f.code}@{located(f)}" for f in findings}
        if not data["defects"]:
            if findings:
                alarms.append((data, sorted(got)))
            continue
        if not findings:
            passed.append(data)
        for label in data["defects"]:
            kind = label.split("@")[0]
            have[kind] += 1
            found[kind] += label in got
            if show and label not in got:
                print(f"  MISSED {label:22s} {data['id']}  (found {sorted(got)})")
        for label in got - set(data["defects"]):
            extra[label.split("@")[0]] += 1
            if show:
                print(f"  EXTRA  {label:22s} {data['id']}")
    if show:
        for data, got in alarms:
            print(f"  FALSE ALARM {data['id']}: {got}")
        for data in passed:
            print(f"  CALLED READY {data['id']} ({data['defects']})")
    return {"count": len(sheets), "ready": len(ready), "flawed": len(flawed),
            "false_alarms": len(alarms), "called_ready": len(passed),
            "recall": {k: (found[k], have[k]) for k in KINDS if have[k]}, "extra": extra}


def quality_rows(split: str, figures: dict) -> list[dict]:
    name = f"press_checker_{split}"
    rate = figures["false_alarms"] / max(1, figures["ready"])
    rows = [row(name, f"false alarms on {figures['ready']} ready sheets", 100 * rate, "%",
                target=f"≤ {FALSE_ALARM_TARGET:.0%}", ratio=rate / FALSE_ALARM_TARGET,
                met=rate <= FALSE_ALARM_TARGET)]
    rate = figures["called_ready"] / max(1, figures["flawed"])
    rows.append(row(name, f"flawed sheets called ready (of {figures['flawed']})", 100 * rate,
                    "%", target=f"≤ {CALLED_READY_TARGET:.0%}",
                    ratio=rate / CALLED_READY_TARGET, met=rate <= CALLED_READY_TARGET))
    for kind, (hit, total) in figures["recall"].items():
        share = hit / total
        rows.append(row(name, f"{kind} found ({hit}/{total})", 100 * share, "%",
                        target=f"≥ {RECALL_TARGET:.0%}", ratio=share / RECALL_TARGET,
                        met=share >= RECALL_TARGET))
    return rows


def report(split: str, figures: dict) -> None:
    print(f"{split}: {figures['count']} sheets ({figures['ready']} ready, "
          f"{figures['flawed']} flawed)")
    print(f"  false alarms on ready sheets   {figures['false_alarms']:2d}/{figures['ready']:<3d}"
          f" {figures['false_alarms'] / max(1, figures['ready']):6.1%}   target ≤ 10 %")
    print(f"  flawed sheets called ready     {figures['called_ready']:2d}/{figures['flawed']:<3d}"
          f" {figures['called_ready'] / max(1, figures['flawed']):6.1%}   target ≤ 15 %")
    for kind, (hit, total) in figures["recall"].items():
        print(f"  {kind + ' found':30s} {hit:2d}/{total:<3d} {hit / total:6.1%}   target ≥ 70 %")
    if figures["extra"]:
        print("  unlabelled findings on flawed sheets: " + ", ".join(
            f"{k} {v}" for k, v in figures["extra"].most_common()))


def first_check(sheets: list[dict]) -> float:
    """The first check of a process, which loads the word data (ms)."""
    from workbook.domain.press import check_sheet

    start = time.perf_counter()
    for lang in ("fr", "en"):
        check_sheet(to_sheet(next(s for s in sheets if s["lang"] == lang)), lang)
    return (time.perf_counter() - start) * 1000


def check_cost(sheets: list[dict], runs: int, first: float) -> list[dict]:
    """Each check with every field new to the checker (its per-text memory dropped)."""
    from workbook.domain.press import KeyPoint, TopicSheet, check_sheet
    from workbook.domain.press.sheets import forget_texts

    built = [(to_sheet(s), s["lang"]) for s in sheets]
    samples = []
    for _ in range(runs):
        for sheet, lang in built:
            forget_texts()
            start = time.perf_counter()
            check_sheet(sheet, lang)
            samples.append((time.perf_counter() - start) * 1000)
    paste = ("Les chantiers <b>solaires</b> 🌞 prennent du retard, en quelque sorte. "
             * 400)[:20_000]
    huge = TopicSheet(paste, paste, tuple(KeyPoint(paste, paste, (paste, paste))
                                          for _ in range(5)))
    pasted = []
    for _ in range(max(3, runs // 4)):
        forget_texts()
        start = time.perf_counter()
        check_sheet(huge, "fr")
        pasted.append((time.perf_counter() - start) * 1000)
    high, paste_high = p95(samples), p95(pasted)
    print(f"check one sheet ({len(built)} sheets × {runs})  median "
          f"{statistics.median(samples):6.2f} ms  p95 {high:6.2f} ms   target < 50 ms")
    print(f"first checks of the process, FR and EN (load word data) {first:7.1f} ms")
    print(f"20,000-char paste in 21 fields  median {statistics.median(pasted):6.2f} ms"
          f"  p95 {paste_high:6.2f} ms")
    return [row("press_checker", "check one labelled sheet", statistics.median(samples), "ms",
                p95=high, target=f"p95 < {CHECK_TARGET_MS:.0f} ms",
                ratio=high / CHECK_TARGET_MS, met=high < CHECK_TARGET_MS),
            row("press_checker", "first FR and EN checks (load word data)", first, "ms"),
            row("press_checker", "check a 20,000-char paste in 21 fields",
                statistics.median(pasted), "ms", p95=paste_high,
                target=f"p95 < {CHECK_TARGET_MS:.0f} ms", ratio=paste_high / CHECK_TARGET_MS,
                met=paste_high < CHECK_TARGET_MS)]


def page_cost(runs: int) -> None:
    """Building the press page on the demo profile, and a redraw after a write."""
    os.environ["WORKBOOK_HOME"] = tempfile.mkdtemp(prefix="press-bench-")
    from workbook.demo import fill_demo
    from workbook.store import open_profile

    conn = open_profile("demo")
    fill_demo(conn)
    conn.close()
    from workbook.ui.common import open_page_context
    from workbook.ui.press import PressPage

    start = time.perf_counter()
    page = PressPage(open_page_context("demo", "en"))
    print(f"build the page on the demo profile       {(time.perf_counter() - start) * 1000:7.1f} ms")
    samples = []
    for _ in range(max(5, runs // 2)):
        start = time.perf_counter()
        page.state.reload()
        page.render()
        samples.append((time.perf_counter() - start) * 1000)
    print(f"reload + redraw every panel after a write  median {statistics.median(samples):7.1f}"
          f" ms  p95 {p95(samples):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*FILES, "all"), default="all")
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    parser.add_argument("--runs", type=int, default=20, help="timing passes over the sheets")
    parser.add_argument("--page", action="store_true", help="also time the press page")
    add_json_argument(parser)
    args = parser.parse_args()
    first = first_check(load("tune"))
    rows, everything = [], []
    for split in FILES if args.split == "all" else (args.split,):
        sheets = load(split)
        if not sheets:
            print(f"{split}: no labelled sheets ({FILES[split].name} missing)")
            continue
        everything += sheets
        figures = measure(sheets, show=args.show)
        report(split, figures)
        rows += quality_rows(split, figures)
    rows += check_cost(everything, args.runs, first)
    if args.page:
        page_cost(args.runs)
    write_rows(args.json, rows)


if __name__ == "__main__":
    main()
