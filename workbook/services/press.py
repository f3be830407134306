"""The press figures the page and `workbook press` both show: readiness and the good-client
record, computed once here from the store."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from workbook.domain.press import (
    GoodClientRecord,
    LogEntry,
    PressSettings,
    check_sheet,
    good_client_record,
    is_stale,
    readiness_codes,
    records_by_journalist,
)
from workbook.domain.press.sheets import SheetStatus
from workbook.store import press as store


@dataclass(frozen=True)
class PressFigures:
    settings: PressSettings
    sheets: list[SheetStatus]
    readiness: list[str]               # codes `press.readiness.<code>`
    record: GoodClientRecord
    by_journalist: dict[tuple[int | None, str], GoodClientRecord]
    entries: list[LogEntry]

    @property
    def ready_sheets(self) -> int:
        return sum(s.ready for s in self.sheets)


def sheet_statuses(saved: list[dict], lang: str) -> list[SheetStatus]:
    statuses = []
    for row in saved:
        findings = check_sheet(row["sheet"], row["lang"] or lang)
        statuses.append(SheetStatus(
            sheet_id=row["id"], topic=row["topic"], ready=not findings, findings=len(findings),
            prepared_at=row["prepared_at"], updated_at=row["updated_at"],
            codes=tuple(dict.fromkeys(f.code for f in findings))))
    return statuses


def press_figures(conn: sqlite3.Connection, lang: str) -> PressFigures:
    """Readiness, sheet statuses and the good-client record (overall and per journalist)."""
    settings = store.load_settings(conn)
    statuses = sheet_statuses(store.sheets(conn), lang)
    entries = store.media_log(conn)
    return PressFigures(
        settings=settings, sheets=statuses,
        readiness=readiness_codes(settings, sum(s.ready for s in statuses), len(statuses)),
        record=good_client_record(entries, settings.callback_minutes),
        by_journalist=records_by_journalist(entries, settings.callback_minutes),
        entries=entries)


def stale_sheets(figures: PressFigures, now: dt.datetime) -> list[SheetStatus]:
    return [s for s in figures.sheets if is_stale(s.prepared_at, now)]
