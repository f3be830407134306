"""Print press readiness and the good-client record (the figures of the press page).

Readiness: where a journalist can reach you, your call-back target, which topic sheets are
ready and when each was last prepared. The record: share of journalists' requests answered
within the target, median call-back time, how often quoted after an interview, last contact.
"""

from __future__ import annotations

import argparse

from workbook.commands import open_with_language
from workbook.i18n import LANGUAGES
from workbook.i18n.numbers import format_list, format_percent
from workbook.paths import DEFAULT_PROFILE
from workbook.services.press import press_figures
from workbook.store.settings import get_setting


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="cli.arg.profile")
    parser.add_argument("--lang", choices=LANGUAGES, help="cli.arg.lang")


def _day(moment, lang: str) -> str:
    from workbook.i18n.dates import format_date

    return "—" if moment is None else f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def _record_line(tr, name: str, record) -> str:
    share = record.share_within_target
    return tr("press.cli.record_line", name=name, requests=record.requests,
              within="—" if share is None else format_percent(share, tr.lang),
              median="—" if record.median_minutes is None else
              tr("press.record.minutes", minutes=round(record.median_minutes)),
              quoted=f"{record.quoted}/{record.interviews}" if record.interviews else "—",
              last=_day(record.last_contact, tr.lang))


def run(args: argparse.Namespace) -> int:
    conn, tr = open_with_language(args.profile, must_exist=True, lang=args.lang)
    try:
        figures = press_figures(conn, tr.lang)
        settings = figures.settings
        print(tr("press.cli.heading", name=get_setting(conn, "display_name") or args.profile))
        reach = format_list([settings.phone, settings.email, settings.hours], tr.lang, "unit")
        print(tr("press.cli.reach", where=reach or "—"))
        print(tr("press.cli.target", minutes=settings.callback_minutes))
        for code in figures.readiness:
            print(f"  ! {tr(f'press.readiness.{code}')}")
        print()
        print(tr("press.cli.sheets", ready=figures.ready_sheets, count=len(figures.sheets)))
        for sheet in figures.sheets:
            state = tr("press.readiness.ready") if sheet.ready else \
                tr.count("press.readiness.not_ready", sheet.findings)
            print("  " + tr("press.cli.sheet_line", mark="[x]" if sheet.ready else "[ ]",
                            topic=f"{sheet.topic} ({state})",
                            prepared=_day(sheet.prepared_at, tr.lang)))
        print()
        print(tr("press.cli.record"))
        record = figures.record
        print("  " + (tr.count("press.record.sentence", record.requests,
                               within=record.within_target, minutes=record.target_minutes)
                      if record.requests else tr("press.record.none")))
        print("  " + _record_line(tr, tr("press.record.overall"), record))
        for (_, name), per in sorted(figures.by_journalist.items(),
                                     key=lambda kv: kv[0][1].casefold()):
            print("    " + _record_line(tr, name, per))
    finally:
        conn.close()
    return 0
