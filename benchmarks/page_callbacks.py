"""Main callbacks of the routines, positioning, press and group pages at 30,000 contacts:
median and p95 (ms), in this process with the real page objects, as the kernel runs them
(each callback is what the page's button or field calls, redraw included).

    python benchmarks/page_callbacks.py [--contacts 30000] [--runs 20] [--json FILE]

Target: p95 ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time

from measures import add_json_argument, callback_row, large_profile, row, timed_ms, write_rows

PROFILE = "large"


def routines(runs: int) -> list[dict]:
    from workbook.ui.common import open_page_context
    from workbook.ui.routines import RoutinesPage

    start = time.perf_counter()
    page = RoutinesPage(open_page_context(PROFILE, "en"))
    built = (time.perf_counter() - start) * 1000
    state = page.state
    today = state.today
    people = [int(i) for i in state.data.contacts["contact_id"].head(runs)] \
        if "contact_id" in state.data.contacts else [v for _, v in state.contact_options()[:runs]]
    name = "routines (30k)"
    rows = [row(name, "page built in process", built, "ms")]
    # Each callback runs with the tab of its button open, as in the browser: after a write
    # the open tab is redrawn, the others when next opened (measured below).
    page.open("log")
    rows.append(callback_row(name, "log an interaction", timed_ms(
        lambda i: page._on_log_save(people[i % len(people)], today, "message", "out",
                                    "maintain", ""), runs)))
    due_after = []

    def open_due_after_a_write(i):
        page._on_log_save(people[i % len(people)], today, "message", "out", "maintain", "")
        start = time.perf_counter()
        page.open("due")
        due_after.append((time.perf_counter() - start) * 1000)
        page.open("log")

    for i in range(runs):
        open_due_after_a_write(i)
    rows.append(callback_row(name, "open Who is due after a write", due_after))
    page.open("week")
    week = state.week(0).plan
    item = week.items[0]
    rows.append(callback_row(name, "tick a plan line", timed_ms(
        lambda i: page._on_tick(week.week_start, item, i % 2 == 0), runs)))
    rows.append(callback_row(name, "change week (back and forth)", timed_ms(
        lambda i: page._on_week_nav(1 if i % 2 == 0 else -1), runs)))
    # A week not seen since the profile was read: its plan is worked out (a week further
    # ahead plans the weeks before it too). The reload is not timed.
    unseen = []
    while len(unseen) < runs:
        state.reload()
        page._on_week_nav(0)
        unseen += timed_ms(lambda i: page._on_week_nav(1), 4)
    rows.append(callback_row(name, "change week (a week not yet seen, 1-4 ahead)", unseen))
    # The same weeks planned as before each week ahead was planned from the kept weeks
    # before it: every week from this one again (side by side, same data).
    from dataclasses import replace

    from workbook.services.plan import plan_for

    data = replace(state.data, contacts=state._plan_contacts)
    rows.append(callback_row(name, "  before: plan 1-4 ahead from this week again", timed_ms(
        lambda i: plan_for(data, today, 1 + i % 4, state.ranked()), runs)))
    page._on_week_nav(0)
    rows.append(callback_row(name, "regenerate the plan (reload + redraw)", timed_ms(
        lambda i: (state.reload(), page.refresh()), runs)))
    page.open("settings")
    rows.append(callback_row(name, "save settings", timed_ms(
        lambda i: page._on_settings_save(state.settings), runs)))
    return rows


def positioning(runs: int) -> list[dict]:
    from workbook.ui.common import open_page_context
    from workbook.ui.positioning import PositioningPage

    start = time.perf_counter()
    page = PositioningPage(open_page_context(PROFILE, "fr"))
    built = (time.perf_counter() - start) * 1000
    name = "positioning (30k)"
    field = page.form.step_inputs["deliverable"]

    def feedback(i):
        field.value = f"je ramène la clôture de 10 à {i % 9 + 1} jours"
        page._on_pause()          # what the debouncer runs once typing pauses

    rows = [row(name, "page built in process", built, "ms"),
            callback_row(name, "live feedback (keystroke + pause)", timed_ms(feedback, runs))]

    def save(i):
        field.value = f"je ramène la clôture de 10 à {i % 9 + 1} jours, version {i}"
        page._on_save()

    rows.append(callback_row(name, "save a version", timed_ms(save, runs)))
    return rows


def press(runs: int) -> list[dict]:
    from workbook.ui.common import open_page_context
    from workbook.ui.press import PressPage

    start = time.perf_counter()
    page = PressPage(open_page_context(PROFILE, "en"))
    built = (time.perf_counter() - start) * 1000
    name = "press (30k)"
    state = page.state
    journalist_id = state.journalists[0]["id"]
    log = page._changes(state.log)
    rows = [row(name, "page built in process", built, "ms"),
            callback_row(name, "log an entry", timed_ms(
                lambda i: log(journalist_id, "request", state.now() - dt.timedelta(hours=1)),
                runs))]
    sheets = [s["sheet"] for s in state.sheets]
    rows.append(callback_row(name, "topic-sheet checker", timed_ms(
        lambda i: state.check(sheets[i % len(sheets)]), runs)))
    return rows


def group(runs: int) -> list[dict]:
    from workbook.domain.progress_card import card_bytes
    from workbook.services.card import build_card
    from workbook.ui.common import open_page_context
    from workbook.ui.group import GroupPage

    ctx = open_page_context(PROFILE, "en")
    start = time.perf_counter()
    page = GroupPage(ctx)
    built = (time.perf_counter() - start) * 1000
    name = "group (30k)"
    generate = page._act("pairs", page._generate)
    rows = [row(name, "page built in process", built, "ms"),
            callback_row(name, "a pairing round", timed_ms(lambda i: generate(), runs))]
    card = card_bytes(build_card(ctx.conn, PROFILE, dt.date.today()))
    rows.append(callback_row(name, "build my progress card (30k profile)", timed_ms(
        lambda i: card_bytes(build_card(ctx.conn, PROFILE, dt.date.today())), runs)))
    import_card = page._act("cards", page._import)
    rows.append(callback_row(name, "import a card", timed_ms(
        lambda i: import_card(card, "card.json"), runs)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pages", default="routines,positioning,press,group")
    add_json_argument(parser)
    args = parser.parse_args()
    os.environ["WORKBOOK_HOME"] = tempfile.mkdtemp(prefix="workbook-callbacks-")
    os.environ.pop("WORKBOOK_PROFILE", None)
    large_profile(PROFILE, args.contacts)
    import ipywidgets  # noqa: F401  (loaded in the kernel before any page builds)
    import plotly.graph_objects  # noqa: F401

    rows = []
    for name in args.pages.split(","):
        try:
            rows += globals()[name](args.runs)
        except Exception as problem:  # noqa: BLE001 — one page failing leaves the others
            rows.append(row(f"{name} (30k)", f"FAILED: {type(problem).__name__}: {problem}",
                            float("nan"), "", met=False))
    write_rows(args.json, rows)
    for r in rows:
        print(f"{r['benchmark']:18} {r['measure']:42} median {r['value']:8.1f} {r['unit']:2}"
              + (f"  p95 {r['p95']:8.1f}" if r["p95"] is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
