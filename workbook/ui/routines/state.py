"""The routines page's state: the routine data of one profile and every write the page makes.

Nothing else on the page writes to the store. Each method is plain Python a test can call;
a user error raises `InputProblem` with a catalogue code, checked before anything is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterable

import pandas as pd

from workbook.domain import calendar_rules
from workbook.domain.calendar_rules import day_problem
from workbook.domain.people_search import PICKER_MATCHES, PeopleIndex
from workbook.domain.routines import (
    PlanItem,
    PurposeSuggestion,
    RoutineSettings,
    WeekPlan,
    due_status,
    exchanges_a_plan_reads,
    expanding_exchanges,
    suggested_purpose,
    three_b_seven,
    weekly_actuals,
)
from workbook.domain.routines.problems import InputProblem
from workbook.i18n import Translator
from workbook.services import plan as service
from workbook.store import routines as store
from workbook.store.contacts import log_interaction
from workbook.ui.common import person_label

# People offered by a person picker before any search (see `contact_options`).
PICKER_OPTIONS = 300


class RoutinesState:
    """The routine data of one profile (`data`, `status`). Read whole once; after a write only
    what it changed is read again (the exchanges added or removed, the outreach, the settings,
    the cadences or one contact), and what is derived from it is worked out again when next
    asked for (`steps`, `weekly`), or only for what changed: the due status of the people
    whose exchanges changed, and a week's plan only if the exchanges it is made from did."""

    def __init__(self, conn: sqlite3.Connection, profile: str, today: dt.date | None = None,
                 tr: Translator | None = None):
        self.conn = conn
        self.tr = tr or Translator("en")
        self.profile = profile
        self.today = today or dt.date.today()
        self._ranked: pd.DataFrame | None = None
        self._people_of: pd.DataFrame | None = None
        self._people = PeopleIndex((), (), ())
        self._plan_contacts: pd.DataFrame | None = None
        self._status: pd.DataFrame | None = None
        self._steps: pd.DataFrame | None = None
        self._weekly: pd.DataFrame | None = None
        # week offset -> (fingerprint of the exchanges its plan reads, the plan)
        self._plans: dict[int, tuple[int, WeekPlan]] | None = None
        self.reload()

    def reload(self) -> None:
        """Read the whole profile again and drop what was derived from it."""
        self.data = store.load_routine_data(self.conn)
        self._forget("settings", "cadences", "contacts", "interactions", "outreach")

    # What each derived value is worked out from (RoutineData fields).
    _READS = {"_status": {"contacts", "interactions", "cadences"},
              # whom a plan can name follows the outreach too (3B7)
              "_plan_contacts": {"contacts", "outreach"},
              "_weekly": {"contacts", "interactions"},
              "_steps": {"contacts", "interactions", "outreach", "settings"},
              # exchanges are checked per plan, by fingerprint (see `week`)
              "_plans": {"contacts", "outreach", "settings", "cadences"}}

    def _forget(self, *changed: str) -> None:
        """Drop what was derived from the `changed` parts of `data` (worked out again when
        next asked for)."""
        if "settings" in changed:
            self.holidays = service.holidays_for(self.data, self.today)
        for name, reads in self._READS.items():
            if reads.intersection(changed):
                setattr(self, name, None)

    def _changed(self, **fields) -> None:
        self.data = dataclasses.replace(self.data, **fields)
        self._forget(*fields)

    def _sync_interactions(self, outreach: bool = False, removed: Iterable[int] = ()) -> None:
        """After a write to the log: read the exchanges added and drop those removed, so a
        write made in another tab is seen too; with `outreach`, the outreach table (a few
        hundred rows) again. Usually one SQL read of the rows past the last id held. When
        rows went away: if the count says only those this tab deleted (`removed`) did, they
        are dropped; else every id stored is compared with those held (~40 ms at 60,000)."""
        data = self.data
        interactions, skipped = data.interactions, data.skipped
        held = len(interactions) + len(skipped)
        last = max([int(interactions["interaction_id"].max()) if len(interactions) else 0]
                   + [row.row_id for row in skipped])
        readable, unreadable, stored = store.interactions_after(self.conn, last)
        added = len(readable) + len(unreadable)
        touched: set[int] = set()   # the people whose exchanges changed
        if stored != held + added:  # some went away
            gone = set(removed)
            dropped = int(interactions["interaction_id"].isin(gone).sum()) + sum(
                row.row_id in gone for row in skipped)
            if stored != held - dropped + added:  # another tab deleted some too
                known = set(interactions["interaction_id"].tolist()) | {
                    r.row_id for r in skipped}
                gone = known - store.interaction_ids(self.conn)
            going = interactions["interaction_id"].isin(gone)
            touched |= set(interactions.loc[going, "contact_id"].tolist())
            interactions = interactions[~going]
            skipped = tuple(row for row in skipped if row.row_id not in gone)
        touched |= set(readable["contact_id"].tolist())
        if len(readable):
            interactions = pd.concat([interactions, readable], ignore_index=True)
        if len(interactions) != len(data.interactions) or len(readable):
            # oldest first, as the store reads them
            interactions = interactions.sort_values(
                ["occurred_on", "interaction_id"], kind="stable").reset_index(drop=True)
        fields = {"interactions": interactions, "skipped": skipped + unreadable}
        if outreach:
            fields["outreach"] = store.load_outreach(self.conn)
        status = self._status
        self._changed(**fields)
        if status is not None:
            self._status = self._status_with(status, touched)

    def _status_with(self, status: pd.DataFrame, touched: set[int]) -> pd.DataFrame:
        """`status` with the rows of the `touched` people worked out again: each person's
        row of `due_status` depends only on their own exchanges, so a write does not redo
        30,000 rows (~70 ms) for one coffee."""
        if not touched:
            return status
        contacts, log = self.data.contacts, self.data.interactions
        fresh = due_status(contacts[contacts["contact_id"].isin(touched)],
                           log[log["contact_id"].isin(touched)], self.data.cadences,
                           self.today)
        # both in the order of `contacts`, the frame `status` was worked out from (a change
        # to the contacts drops `status`, see `_READS`)
        rows = status.index[status["contact_id"].isin(touched)]
        patched = status.copy()
        for column in status.columns:
            patched.loc[rows, column] = fresh[column].to_numpy()
        return patched

    @property
    def status(self) -> pd.DataFrame:
        """Who is due (`due_status` of every contact), worked out when first asked for."""
        if self._status is None:
            self._status = due_status(self.data.contacts, self.data.interactions,
                                      self.data.cadences, self.today)
        return self._status

    @property
    def settings(self) -> RoutineSettings:
        return self.data.settings

    # ------------------------------------------------------------------ reads
    def ranked(self) -> pd.DataFrame:
        """People never in touch, best first ("whom to contact next"). Read once per page:
        nothing on this page changes roles, targets or introductions, and whoever gets an
        exchange here leaves the plan's first contacts through the log (~1 s at 30,000)."""
        if self._ranked is None:
            self._ranked = service.first_contact_ranking(self.conn, self.today)
        return self._ranked

    def week(self, offset: int) -> service.PlannedWeek:
        """The plan of the week `offset` weeks from this one, with what is done. Planned from
        only the contacts a plan can name, as `workbook plan` does (see
        `workbook.services.plan.plan_data`): a few thousand of 30,000, the same plans.
        A plan is kept while the exchanges it is made from stay the same (ticking a line or
        logging this week's coffee changes what is done, not the plan): ~250 ms at 30,000."""
        return service.with_progress(self.conn, self.data, self._plan(offset))

    def _plan(self, offset: int) -> WeekPlan:
        """The plan of the week `offset` weeks ahead, kept or worked out. A week ahead is
        planned from the kept plans of the weeks before it (`plan_after`): moving one week
        on plans one week, not every week from this one (~1 s four weeks ahead at 30,000)."""
        if self._plan_contacts is None:
            self._plan_contacts = store.load_contacts(self.conn,
                                                      named=self.ranked()["id"].tolist())
        log = self.data.interactions
        planned_week = calendar_rules.week_start(self.today) + dt.timedelta(weeks=offset)
        # Rows are only added or removed here, never edited in place: their ids, people and
        # dates tell one set of rows from another.
        read = log.loc[exchanges_a_plan_reads(log, planned_week),
                       ["interaction_id", "contact_id", "occurred_on"]]
        fingerprint = int(pd.util.hash_pandas_object(read, index=False).sum())
        plans = self._plans or {}
        if offset in plans and plans[offset][0] == fingerprint:
            return plans[offset][1]
        data = dataclasses.replace(self.data, contacts=self._plan_contacts)
        if offset > 0:
            plan = service.plan_after(data, self.today,
                                      [self._plan(week) for week in range(offset)],
                                      self.ranked())
        else:
            plan = service.plan_for(data, self.today, offset, self.ranked())
        self._plans = {**(self._plans or {}), offset: (fingerprint, plan)}
        return plan

    def steps(self) -> pd.DataFrame:
        """Where each outreach stands today (3B7), computed once per read."""
        if self._steps is None:
            self._steps = three_b_seven(self.data.outreach, self.data.contacts, self.today,
                                        self.holidays, self.data.interactions)
        return self._steps

    def weekly(self) -> pd.DataFrame:
        """Touches and minutes of the last 12 weeks, computed once per read."""
        if self._weekly is None:
            self._weekly = weekly_actuals(self.data.interactions, self.data.contacts,
                                          self.today, 12)
        return self._weekly

    def recent(self, limit: int = 10) -> pd.DataFrame:
        """The last exchanges logged, newest first, with the person's name (`full_name`)."""
        log = self.data.interactions.sort_values(["occurred_on", "interaction_id"],
                                                 ascending=False).head(limit)
        names = self.data.contacts.set_index("contact_id")["full_name"]
        # the purpose each is counted under (a coffee with an inner-circle friend logged
        # as "expand" keeps up all the same), as the balance counts it
        counted = expanding_exchanges(log, self.data.contacts).map(
            {True: "expand", False: "maintain"})
        return log.assign(full_name=log["contact_id"].map(names), purpose=counted)

    def contact_options(self) -> list[tuple[str, int]]:
        """(label, id) for the person pickers before any search: people sorted into a layer
        or already in the log, at most PICKER_OPTIONS of them (the most recently in touch
        first), in name order. A long-used profile has tens of thousands of such people:
        every option travels to the browser and costs widget time, so the search box finds
        the others."""
        contacts = self.data.contacts
        known = contacts[(contacts["layer"] != "unsorted") | contacts["contact_id"].isin(
            self.data.interactions["contact_id"]) | contacts["contact_id"].isin(
            self.data.outreach["contact_id"])]
        if len(known) > PICKER_OPTIONS:
            last = self.data.interactions.groupby("contact_id")["occurred_on"].max()
            recent = known["contact_id"].map(last).sort_values(ascending=False,
                                                               na_position="last")
            known = known.loc[recent.index[:PICKER_OPTIONS]].sort_index()
        return self._labels(known)

    def find_contacts(self, text: str, limit: int = PICKER_MATCHES
                      ) -> tuple[list[tuple[str, int]], int]:
        """(label, id) of the people whose name or organisation holds every word of `text`
        (case and accents ignored), best first, at most `limit`; and how many matched."""
        contacts = self.data.contacts
        if self._people_of is not contacts:      # keyed once per load, not per keystroke
            self._people = PeopleIndex(contacts["contact_id"], contacts["full_name"],
                                       contacts["organisation"])
            self._people_of = contacts
        found, total = self._people.find(text, limit)
        return [(person_label(self.tr, p.name, p.organisation), p.id) for p in found], total

    def label(self, contact_id: int) -> tuple[str, int] | None:
        return next(iter(self._labels(self.data.contacts[self.data.contacts["contact_id"]
                                                         == contact_id])), None)

    def _labels(self, contacts: pd.DataFrame) -> list[tuple[str, int]]:
        return [(person_label(self.tr, name, org), int(cid)) for name, org, cid in
                zip(contacts["full_name"], contacts["organisation"], contacts["contact_id"])]

    def name(self, contact_id: int) -> str:
        rows = self.data.contacts[self.data.contacts["contact_id"] == contact_id]
        return rows["full_name"].iloc[0] if len(rows) else ""

    def purpose_for(self, contact_id: int, on: dt.date) -> str:
        return self.purpose_suggestion(contact_id, on).purpose

    def purpose_suggestion(self, contact_id: int, on: dt.date) -> PurposeSuggestion:
        """The purpose an exchange with this person on day `on` is counted under, and why
        (`workbook.domain.routines.suggested_purpose`)."""
        rows = self.data.contacts[self.data.contacts["contact_id"] == contact_id]
        if not len(rows):
            return PurposeSuggestion("maintain", "known")
        earlier = self.data.interactions[(self.data.interactions["contact_id"] == contact_id)
                                         & (self.data.interactions["occurred_on"]
                                            < pd.Timestamp(on))]
        return suggested_purpose(rows["layer"].iloc[0], rows["connected_on"].iloc[0],
                                 len(earlier) > 0, on)

    def layer_of(self, contact_id: int) -> str:
        rows = self.data.contacts[self.data.contacts["contact_id"] == contact_id]
        return str(rows["layer"].iloc[0]) if len(rows) else "unsorted"

    # ------------------------------------------------------------------ checks
    def check_contact_and_day(self, contact_id: int | None, on: dt.date | None) -> None:
        """A person is chosen and the date is one that happened (not in the future, a
        four-digit year); else InputProblem, before anything is written."""
        if contact_id is None:
            raise InputProblem("pick_contact")
        problem = day_problem(on, self.today)
        if problem:
            raise InputProblem(f"date_{problem}", year=getattr(on, "year", ""))

    # ------------------------------------------------------------------ writes
    def log(self, contact_id: int | None, on: dt.date | None, kind: str, direction: str,
            purpose: str, notes: str) -> int:
        self.check_contact_and_day(contact_id, on)
        interaction = log_interaction(self.conn, contact_id, on, kind, direction=direction,
                                      purpose=purpose, notes=notes)
        self._sync_interactions()
        return interaction

    def remove_interaction(self, interaction_id: int) -> None:
        store.delete_interaction(self.conn, interaction_id)
        self._sync_interactions(removed=(interaction_id,))

    def tick(self, week_start: dt.date, item: PlanItem, done: bool) -> bool:
        """Tick or untick a plan line, in one transaction and only once (another tab may
        have done it already). Ticking a line about a person logs the touch (their clock
        restarts); unticking removes that touch again. Returns whether anything changed."""
        outreach = int(item.key.split(":")[1]) if item.kind == "follow_up" else None
        removed: tuple[int, ...] = ()
        if not done:
            changed, touch = store.uncheck(self.conn, week_start, item.key,
                                           follow_up_of=outreach)
            removed = () if touch is None else (touch,)
        else:
            on = min(max(self.today, week_start), week_start + dt.timedelta(days=6))
            kind = None
            if item.kind in ("touch", "revive", "birthday", "card", "first_contact"):
                kind = "greeting_card" if item.kind == "card" else "message"
            changed = store.tick_line(
                self.conn, week_start, item.key, on, contact_id=item.contact_id, kind=kind,
                purpose=self.purpose_for(item.contact_id, on) if kind else "maintain",
                follow_up_of=outreach)
        self._sync_interactions(outreach=outreach is not None, removed=removed)
        return changed

    def add_outreach(self, contact_id: int | None, on: dt.date | None) -> None:
        self.check_contact_and_day(contact_id, on)
        store.add_outreach(self.conn, contact_id, on)
        self._sync_interactions(outreach=True)

    def replied(self, outreach_id: int) -> None:
        store.mark_replied(self.conn, outreach_id, self.today)
        self._sync_interactions(outreach=True)

    def followed_up(self, outreach_id: int) -> None:
        store.mark_followed_up(self.conn, outreach_id, self.today)
        self._sync_interactions(outreach=True)

    def save_settings(self, settings: RoutineSettings) -> None:
        store.save_settings(self.conn, settings)
        self._changed(settings=store.load_settings(self.conn),
                      settings_saved=store.settings_saved(self.conn))

    def save_region(self, holidays: str, timezone: str) -> None:
        """The first-run choice: where the user lives (public holidays, time zone)."""
        self.save_settings(dataclasses.replace(self.settings, holidays=holidays,
                                               timezone=timezone))

    def save_cadences(self, cadences: dict[str, int]) -> None:
        store.set_layer_cadences(self.conn, cadences)
        self._changed(cadences=store.layer_cadences(self.conn))

    def reset_cadences(self) -> None:
        store.reset_layer_cadences(self.conn)
        self._changed(cadences=store.layer_cadences(self.conn))

    def set_override(self, contact_id: int | None, days: int | None) -> None:
        if contact_id is None:
            raise InputProblem("pick_contact")
        store.set_contact_cadence(self.conn, contact_id, days)
        fresh = store.load_contacts(self.conn, only=[contact_id])
        contacts = self.data.contacts
        at = contacts.index[contacts["contact_id"] == contact_id]
        if len(fresh) and len(at):
            # changed in place: names and organisations stay, so the search keys do too
            contacts.loc[at, "cadence_days"] = fresh["cadence_days"].iloc[0]
            self._forget("contacts")
        else:
            self.reload()

    def ics(self, tr) -> tuple[bytes, int]:
        """The routine's calendar file (bytes) and its number of events."""
        return service.routine_calendar(self.data, self.today, tr, self.profile)
