"""The press page's state: the one object that reads and writes the profile for the page.
Every method is plain Python a test can call; user errors come back as codes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from workbook.domain import press as rules
from workbook.domain.press import Guard, PlanItem, PressSettings, TopicSheet
from workbook.services.press import PressFigures, press_figures
from workbook.store import press as store
from workbook.store.press import PressInputError


class PressState:
    """Media list, sheets, log, plan and figures of one profile, and every write the page
    makes. `now` is injectable so tests control the clock."""

    def __init__(self, conn: sqlite3.Connection, lang: str,
                 now: Callable[[], dt.datetime] = dt.datetime.now):
        self.conn = conn
        self.lang = lang
        self._now = now
        self.figures: PressFigures
        self.journalists: list[dict] = []
        self.sheets: list[dict] = []
        self.plan: list[PlanItem] = []
        self.reload()

    def now(self) -> dt.datetime:
        return self._now().replace(second=0, microsecond=0)

    def reload(self) -> None:
        self.figures = press_figures(self.conn, self.lang)
        self.journalists = store.journalists(self.conn)
        self.sheets = store.sheets(self.conn)
        self.plan = store.plan_items(self.conn)

    @property
    def settings(self) -> PressSettings:
        return self.figures.settings

    # ------------------------------------------------------------ lookups
    def sheet(self, sheet_id: int | None) -> dict | None:
        return next((s for s in self.sheets if s["id"] == sheet_id), None)

    def journalist(self, journalist_id: int | None) -> dict | None:
        return next((j for j in self.journalists if j["id"] == journalist_id), None)

    def entries_of(self, journalist_id: int) -> list[rules.LogEntry]:
        return [e for e in self.figures.entries if e.journalist_id == journalist_id]

    # ------------------------------------------------------------ settings
    def save_settings(self, phone: str, email: str, hours: str, callback_minutes: int,
                      pitch_weeks: int | None = None) -> None:
        """Where journalists reach the user, the call-back target and the pitch window."""
        pitch_weeks = self.settings.pitch_weeks if pitch_weeks is None else pitch_weeks
        if callback_minutes <= 0 or pitch_weeks <= 0:
            raise PressInputError(["bad_minutes"])
        store.save_settings(self.conn, PressSettings(
            phone=phone.strip(), email=email.strip(), hours=hours.strip(),
            callback_minutes=int(callback_minutes), pitch_weeks=int(pitch_weeks)))
        self.reload()

    # ------------------------------------------------------------ media list
    def add_journalist(self, name: str, **fields) -> int:
        journalist = store.add_journalist(self.conn, name, **fields)
        self.reload()
        return journalist

    def add_from_contact(self, contact_id: int) -> int:
        journalist = store.add_journalist_from_contact(self.conn, contact_id)
        self.reload()
        return journalist

    def journalist_contacts(self) -> list[dict]:
        return store.journalist_contacts(self.conn)

    def log_count(self, journalist_id: int) -> int:
        return store.log_count(self.conn, journalist_id)

    def delete_journalist(self, journalist_id: int, erase_log: bool) -> int:
        erased = store.delete_journalist(self.conn, journalist_id, erase_log)
        self.reload()
        return erased

    def check_outreach(self, journalist_id: int, kind: str, draft: str) -> list[Guard]:
        """What the guards say before the user sends a pitch or a follow-up."""
        policy = rules.PitchPolicy(weeks=self.settings.pitch_weeks)
        found = [rules.outreach_guard(kind, self.entries_of(journalist_id), self.now(), policy)]
        reread = rules.reread_guard(draft)
        if reread:
            found.append(reread)
        return found

    # ------------------------------------------------------------ sheets
    def check(self, sheet: TopicSheet) -> list[rules.Finding]:
        return rules.check_sheet(sheet, self.lang)

    def save_sheet(self, sheet: TopicSheet, sheet_id: int | None) -> int:
        saved = store.save_sheet(self.conn, sheet, self.lang, sheet_id)
        self.reload()
        return saved

    def delete_sheet(self, sheet_id: int) -> None:
        store.delete_sheet(self.conn, sheet_id)
        self.reload()

    def mark_prepared(self, sheet_id: int) -> None:
        store.mark_prepared(self.conn, sheet_id, self.now())
        self.reload()

    # ------------------------------------------------------------ log
    def log(self, journalist_id: int | None, kind: str, received_at: dt.datetime | None,
            answered_at: dt.datetime | None = None, **details) -> int:
        if journalist_id is None or received_at is None:
            raise PressInputError(rules.entry_problems(kind, received_at, answered_at,
                                                       self.now(), journalist_id is not None))
        entry = store.log_media(self.conn, journalist_id, kind, received_at, answered_at,
                                now=self.now(), **details)
        self.reload()
        return entry

    def log_call(self, journalist_id: int | None, received_at: dt.datetime | None,
                 answered_at: dt.datetime | None, sheet_id: int | None,
                 interview: bool, subject: str = "") -> list[int]:
        """The "journalist is calling" flow, once the call is done: the request with its
        call-back time, and the interview when there was one — in one transaction."""
        from workbook.store import transaction

        with transaction(self.conn):
            ids = [store.log_media(self.conn, journalist_id, "request", received_at,
                                   answered_at, now=self.now(), sheet_id=sheet_id,
                                   subject=subject)] if journalist_id is not None and \
                received_at is not None else []
            if not ids:
                raise PressInputError(rules.entry_problems(
                    "request", received_at, answered_at, self.now(), journalist_id is not None))
            if interview:
                ids.append(store.log_media(self.conn, journalist_id, "interview",
                                           answered_at or received_at, now=self.now(),
                                           sheet_id=sheet_id, subject=subject))
        self.reload()
        return ids

    def set_answered(self, entry_id: int, answered_at: dt.datetime) -> None:
        store.set_answered(self.conn, entry_id, answered_at, now=self.now())
        self.reload()

    def set_flags(self, entry_id: int, **flags: bool) -> None:
        store.set_flags(self.conn, entry_id, **flags)
        self.reload()

    def delete_entry(self, entry_id: int) -> None:
        store.delete_entry(self.conn, entry_id)
        self.reload()

    # ------------------------------------------------------------ plan
    def add_plan_item(self, topic: str, channel: str, planned_on: dt.date, note: str = "",
                      sheet_id: int | None = None) -> int:
        item = store.add_plan_item(self.conn, topic, channel, planned_on, note, sheet_id)
        self.reload()
        return item

    def suggest_plan(self) -> int:
        """Add the suggested rotation of ready topics; returns how many lines were added."""
        ready = [(s.sheet_id, s.topic) for s in self.figures.sheets if s.ready]
        taken = {(i.topic, i.planned_on) for i in self.plan}
        suggested = rules.suggest_plan(ready, self.now().date(), taken=taken)
        from workbook.store import transaction

        with transaction(self.conn):
            for item in suggested:
                store.add_plan_item(self.conn, item.topic, item.channel, item.planned_on,
                                    sheet_id=item.sheet_id)
        self.reload()
        return len(suggested)

    def set_plan_done(self, item_id: int, done: bool) -> None:
        store.set_plan_done(self.conn, item_id, done)
        self.reload()

    def delete_plan_item(self, item_id: int) -> None:
        store.delete_plan_item(self.conn, item_id)
        self.reload()

    def plan_ics(self, tr, profile: str) -> tuple[bytes, int]:
        """The plan's open items as an .ics file, through the routines page's writer."""
        from workbook.io.ics import calendar_bytes
        from workbook.store.routines import load_settings as routine_settings

        labels = {code: tr(f"press.channel.{code}") for code in rules.CHANNELS}
        events = rules.plan_events(self.plan, labels)
        payload = calendar_bytes(events, tr, timezone=routine_settings(self.conn).timezone,
                                 profile=profile, calendar_name=tr("press.ics.calname"))
        return payload, len(events)
