"""Maintain versus expand: cadences, who is due, 3B7 follow-ups, time budget, weekly plan.

Method, step 4 (DESIGN.md): two obligations — keep the existing network alive and keep adding
new connections; a network decays (people move, retire, vanish); keeping up takes little time
when organised (year-end greeting cards, a few lunches and breakfasts).

Frames taken by these rules (the store builds them):

* contacts: ``contact_id`` int, ``full_name`` str, ``layer`` str (see vocabulary.LAYERS),
  ``cadence_days`` Int64 (per-contact override, <NA> if none), ``birthday`` str|None
  (``MM-DD`` or ``YYYY-MM-DD``), ``connected_on`` datetime64 (NaT if unknown),
  ``organisation_id`` Int64, ``organisation`` str.
* interactions: ``interaction_id`` int, ``contact_id`` int, ``occurred_on`` datetime64,
  ``kind`` str, ``direction`` str, ``purpose`` str ('maintain'/'expand'), ``notes`` str.
* outreach: ``outreach_id`` int, ``contact_id`` int, ``organisation_id`` Int64,
  ``sent_on`` datetime64, ``replied_on`` datetime64, ``followed_up_on`` datetime64.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo, available_timezones

import pandas as pd

from workbook.domain.calendar_rules import (
    HOLIDAY_CALENDARS,
    add_business_days,
    business_days_between,
)
from workbook.i18n import translate

# --------------------------------------------------------------------------- cadences

# Days between touches per layer. Dunbar's circles are kept up at decreasing frequencies
# (support clique ~weekly to monthly, sympathy group ~monthly to quarterly, the 150 ~yearly;
# Dunbar 2010, Sutcliffe et al. 2012); Ferrazzi ("Never Eat Alone", 2005, "pinging") keeps
# relationships under construction on a monthly-ish rhythm. Inner ≈ 2–4 weeks, close ≈ 2–3
# months, active ≈ 6 months, target (being built) ≈ 6 weeks.
DEFAULT_CADENCE_DAYS = {"inner": 21, "close": 75, "active": 180, "target": 45}
SCHEDULED_LAYERS = tuple(DEFAULT_CADENCE_DAYS)
# Priority when the week's budget cannot hold every due touch: closest circles first.
LAYER_PRIORITY = {"inner": 0, "close": 1, "target": 2, "active": 3, "dormant": 4, "unsorted": 5}
# Overdue by more than half a cadence: the tie is drifting away, not merely due.
DRIFT_RATIO = 0.5
STATUSES = ("ok", "due", "drifting", "never", "revive", "unscheduled")


def cadence_for(layer: str, override: int | None, cadences: dict[str, int]) -> int | None:
    """Days between touches for one contact: its own override, else its layer's cadence.

    `unsorted` and `dormant` contacts have none (method, step 4: dormant ties are a revive
    list, not a duty; unsorted ones are not placed yet). SOURCE: Dunbar layers; method step 4.
    """
    if layer not in SCHEDULED_LAYERS:
        return None
    if override is not None and not pd.isna(override) and int(override) > 0:
        return int(override)
    return int(cadences.get(layer, DEFAULT_CADENCE_DAYS[layer]))


def stay_in_touch_clock(interactions: pd.DataFrame, before: dt.date | None = None) -> pd.Series:
    """The stay-in-touch clock: each contact's LAST interaction of ANY kind and direction.

    A card received, an introduction given or a call they made resets the clock just like a
    lunch I arranged: every kind counts, whoever started it. `before` ignores interactions on
    or after that day. Series contact_id -> Timestamp.
    SOURCE: method, step 4 (any touch keeps a tie alive).
    """
    frame = interactions
    if before is not None:
        frame = frame[frame["occurred_on"] < pd.Timestamp(before)]
    if frame.empty:
        return pd.Series(dtype="datetime64[ns]", name="last_touch")
    return frame.groupby("contact_id")["occurred_on"].max().rename("last_touch")


def warmth(cadence: float | None, days_since: float | None) -> float:
    """How warm one tie is, 0..1: 1 while within its cadence, then cadence/days (a contact
    twice overdue counts ½); 0 if never touched. SOURCE: method, step 4 (networks decay)."""
    if cadence is None or pd.isna(cadence):
        return math.nan
    if days_since is None or pd.isna(days_since):
        return 0.0
    return 1.0 if days_since <= cadence else float(cadence) / float(days_since)


def due_status(contacts: pd.DataFrame, interactions: pd.DataFrame, cadences: dict[str, int],
               today: dt.date, before: dt.date | None = None) -> pd.DataFrame:
    """One row per contact: when it was last touched, when it is due, and by how much late.

    Columns: contact_id, full_name, layer, organisation, cadence_days (Int64), last_touch
    (Timestamp/NaT), days_since (Int64), due_on (Timestamp/NaT), overdue_days (Int64),
    warmth (float, NaN when unscheduled), status (see STATUSES): `ok`, `due` (late by at most
    DRIFT_RATIO of the cadence), `drifting` (later), `never` (scheduled, never touched and no
    known connection date), `revive` (dormant), `unscheduled` (unsorted).
    The clock starts at the last interaction (`stay_in_touch_clock`), else at `connected_on`.
    SOURCE: method, step 4; Dunbar cadences.
    """
    clock = stay_in_touch_clock(interactions, before=before)
    frame = contacts[["contact_id", "full_name", "layer", "organisation", "cadence_days",
                      "connected_on"]].copy()
    last = clock.astype("datetime64[ns]").reindex(frame["contact_id"].to_numpy())
    frame["last_touch"] = pd.Series(last.to_numpy(), index=frame.index, dtype="datetime64[ns]")
    frame["cadence_days"] = pd.array(
        [cadence_for(layer, override, cadences)
         for layer, override in zip(frame["layer"], frame["cadence_days"])], dtype="Int64")
    start = frame["last_touch"].fillna(frame["connected_on"].astype("datetime64[ns]"))
    today_ts = pd.Timestamp(today)
    frame["days_since"] = pd.array((today_ts - start).dt.days, dtype="Int64")
    frame["due_on"] = start + pd.to_timedelta(frame["cadence_days"].astype("float"), unit="D")
    frame["overdue_days"] = pd.array((today_ts - frame["due_on"]).dt.days, dtype="Int64")
    frame["warmth"] = [warmth(c, d) for c, d in zip(frame["cadence_days"], frame["days_since"])]
    frame["status"] = [_status(layer, cadence, start_day, overdue)
                       for layer, cadence, start_day, overdue in
                       zip(frame["layer"], frame["cadence_days"], start, frame["overdue_days"])]
    return frame.drop(columns=["connected_on"]).reset_index(drop=True)


def _status(layer: str, cadence, start, overdue) -> str:
    if layer == "dormant":
        return "revive"
    if pd.isna(cadence):
        return "unscheduled"
    if pd.isna(start):
        return "never"
    if overdue < 0:
        return "ok"
    return "drifting" if overdue > DRIFT_RATIO * cadence else "due"


def due_list(status: pd.DataFrame) -> pd.DataFrame:
    """Who is due now (`due` and `never`), the most overdue relative to their cadence first,
    closest layers first on ties. SOURCE: method, step 4."""
    rows = status[status["status"].isin(["due", "never"])].copy()
    return _by_urgency(rows)


def drifting_list(status: pd.DataFrame) -> pd.DataFrame:
    """Ties drifting away (overdue by more than DRIFT_RATIO of their cadence), worst first.
    SOURCE: method, step 4 (networks decay when neglected)."""
    return _by_urgency(status[status["status"] == "drifting"].copy())


def revive_list(status: pd.DataFrame) -> pd.DataFrame:
    """Dormant ties, the longest silent first (never-touched ones last). SOURCE: method, step 4."""
    rows = status[status["status"] == "revive"].copy()
    return rows.sort_values(["days_since", "full_name"], ascending=[False, True],
                            na_position="last").reset_index(drop=True)


def _by_urgency(rows: pd.DataFrame, layer_first: bool = False) -> pd.DataFrame:
    """Most overdue relative to the cadence first (never touched first of all); with
    `layer_first`, closest layers before the rest (the plan keeps the core alive first)."""
    rows["_ratio"] = (rows["overdue_days"].astype("float") / rows["cadence_days"].astype("float")
                      ).fillna(math.inf)
    rows["_priority"] = rows["layer"].map(LAYER_PRIORITY)
    order = ["_priority", "_ratio"] if layer_first else ["_ratio", "_priority"]
    rows = rows.sort_values([*order, "full_name"],
                            ascending=[layer_first, not layer_first, True])
    return rows.drop(columns=["_ratio", "_priority"]).reset_index(drop=True)


def layer_health(status: pd.DataFrame) -> pd.DataFrame:
    """Relationship health per scheduled layer: counts per status and `health` 0–100, the
    mean `warmth` of the layer's ties (100 = everyone within cadence).
    Columns: layer, contacts, ok, due, drifting, never, health. SOURCE: method, step 4."""
    rows = []
    for layer in SCHEDULED_LAYERS:
        part = status[status["layer"] == layer]
        counts = part["status"].value_counts()
        rows.append({
            "layer": layer, "contacts": len(part),
            **{name: int(counts.get(name, 0)) for name in ("ok", "due", "drifting", "never")},
            "health": round(100 * part["warmth"].mean()) if len(part) else None,
        })
    return pd.DataFrame(rows)


def temperature_series(contacts: pd.DataFrame, interactions: pd.DataFrame,
                       cadences: dict[str, int], today: dt.date, weeks: int = 26) -> pd.DataFrame:
    """The network's "temperature" at the end of each of the last `weeks` weeks: the mean
    warmth (0–100) of scheduled ties, overall and per layer, as the log stood then.
    Current layers are used for the past (layers are not versioned); contacts connected after
    a week are left out of it. Columns: week_start, layer ('all' or a layer), temperature.
    SOURCE: method, step 4 (networks decay; keep-up routines hold the temperature)."""
    rows = []
    this_week = week_start(today)
    for back in range(weeks - 1, -1, -1):
        start = this_week - dt.timedelta(weeks=back)
        end = min(start + dt.timedelta(days=6), today)
        known = contacts[~(contacts["connected_on"] > pd.Timestamp(end))]
        status = due_status(known, interactions, cadences, end, before=end + dt.timedelta(days=1))
        scheduled = status[status["status"] != "unscheduled"].dropna(subset=["warmth"])
        rows.append({"week_start": start, "layer": "all",
                     "temperature": _mean_pct(scheduled["warmth"])})
        for layer in SCHEDULED_LAYERS:
            part = scheduled[scheduled["layer"] == layer]
            rows.append({"week_start": start, "layer": layer,
                         "temperature": _mean_pct(part["warmth"])})
    return pd.DataFrame(rows)


def _mean_pct(values: pd.Series) -> float:
    return round(100 * float(values.mean()), 1) if len(values) else math.nan


# --------------------------------------------------------------------------- maintain vs expand

# An interaction within this many days of the connection date is still building the tie.
NEW_CONNECTION_DAYS = 30


def is_expansion(purpose: str, layer: str, occurred_on: dt.date | pd.Timestamp,
                 connected_on: dt.date | pd.Timestamp | None) -> bool:
    """The rule that splits touches into maintaining and expanding the network.

    A touch EXPANDS the network when any of: it was logged with purpose `expand`; the contact
    is in the `target` layer (the network one wants to join); or it happens within
    NEW_CONNECTION_DAYS of the connection date (the first month of a new tie). Anything else
    MAINTAINS the existing network. SOURCE: method, step 4 (two obligations).
    """
    if purpose == "expand" or layer == "target":
        return True
    if connected_on is None or pd.isna(connected_on):
        return False
    age = (pd.Timestamp(occurred_on) - pd.Timestamp(connected_on)).days
    return 0 <= age <= NEW_CONNECTION_DAYS


def suggested_purpose(layer: str, connected_on, has_earlier_touch: bool, on: dt.date) -> str:
    """Purpose proposed when logging a touch: `expand` for a first touch ever or when
    `is_expansion` says so, else `maintain`. SOURCE: method, step 4 (two obligations)."""
    if not has_earlier_touch or is_expansion("maintain", layer, on, connected_on):
        return "expand"
    return "maintain"


def classify_touches(interactions: pd.DataFrame, contacts: pd.DataFrame) -> pd.Series:
    """`is_expansion` applied to every interaction: a Series of 'maintain'/'expand'.
    SOURCE: method, step 4."""
    info = contacts.set_index("contact_id")
    layers = interactions["contact_id"].map(info["layer"]).fillna("unsorted")
    connected = interactions["contact_id"].map(info["connected_on"])
    return pd.Series(
        ["expand" if is_expansion(p, lay, on, con) else "maintain"
         for p, lay, on, con in zip(interactions["purpose"], layers,
                                    interactions["occurred_on"], connected)],
        index=interactions.index, dtype="object", name="effective_purpose")


# Minutes a touch takes, to turn the log into time (rough, from the method's examples: a card
# is minutes, a lunch is an hour and a half with the journey).
TOUCH_MINUTES = {"message": 10, "call": 20, "coffee": 60, "lunch": 90, "event": 120,
                 "greeting_card": 5, "introduction_given": 15, "introduction_received": 15,
                 "offer_relayed": 10}
DEFAULT_TOUCH_MINUTES = 15


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week (ISO weeks)."""
    return day - dt.timedelta(days=day.weekday())


def weekly_actuals(interactions: pd.DataFrame, contacts: pd.DataFrame, today: dt.date,
                   weeks: int = 12) -> pd.DataFrame:
    """Touches and estimated minutes per week, maintain vs expand, for the last `weeks` weeks.

    Columns: week_start (date), maintain_touches, expand_touches, maintain_minutes,
    expand_minutes, new_people (contacts whose first interaction ever falls in the week and
    is an expansion touch). SOURCE: method, step 4; TOUCH_MINUTES.
    """
    first_week = week_start(today) - dt.timedelta(weeks=weeks - 1)
    starts = [first_week + dt.timedelta(weeks=i) for i in range(weeks)]
    table = pd.DataFrame({"week_start": starts})
    frame = interactions.copy()
    frame["effective"] = classify_touches(frame, contacts) if len(frame) else pd.Series(
        dtype="object")
    first_touch = frame.groupby("contact_id")["occurred_on"].transform("min")
    frame["is_first"] = frame["occurred_on"] == first_touch
    frame["minutes"] = frame["kind"].map(TOUCH_MINUTES).fillna(DEFAULT_TOUCH_MINUTES)
    frame["week_start"] = [week_start(ts.date()) for ts in frame["occurred_on"]]
    frame = frame[frame["week_start"] >= first_week]
    for purpose in ("maintain", "expand"):
        part = frame[frame["effective"] == purpose].groupby("week_start")
        table[f"{purpose}_touches"] = table["week_start"].map(part.size()).fillna(0).astype(int)
        table[f"{purpose}_minutes"] = table["week_start"].map(part["minutes"].sum()).fillna(
            0).astype(int)
    new = frame[frame["is_first"] & (frame["effective"] == "expand")]
    table["new_people"] = table["week_start"].map(
        new.groupby("week_start")["contact_id"].nunique()).fillna(0).astype(int)
    return table


# --------------------------------------------------------------------------- settings, budget

SITUATIONS = ("employed", "job_search", "changing_sector")
# Where new contacts come from (method, step 4; The 2-Hour Job Search: alumni first).
SOURCES = ("events", "introductions", "alumni", "associations", "online")


@dataclass(frozen=True)
class RoutineSettings:
    """A profile's routine: situation, weekly time budget and split, expansion goals, calendar.

    `expand_share` is the percentage of the budget spent on new connections. Slots are a
    weekday (0 = Monday) and a local time 'HH:MM' in `timezone` (IANA name).
    """

    situation: str = "job_search"
    weekly_minutes: int = 300
    expand_share: int = 60
    new_per_week: int = 5
    sources: tuple[str, ...] = ("events", "introductions", "alumni")
    timezone: str = "Europe/Paris"
    holidays: str = "fr"
    maintain_day: int = 0
    maintain_time: str = "09:00"
    expand_day: int = 3
    expand_time: str = "09:00"

    @property
    def maintain_minutes(self) -> int:
        return round(self.weekly_minutes * (100 - self.expand_share) / 100)

    @property
    def expand_minutes(self) -> int:
        return self.weekly_minutes - self.maintain_minutes


MAX_WEEKLY_MINUTES = 40 * 60
MAX_NEW_PER_WEEK = 100


def valid_setting(name: str, value) -> bool:
    """Whether `value` is acceptable for the RoutineSettings field `name`: known codes, a
    budget within a working week, a share in percent, a weekday 0-6, an 'HH:MM' time, an IANA
    time zone, a holiday calendar of `calendar_rules`. SOURCE: method, step 4 (a time budget)."""
    try:
        if name == "situation":
            return value in SITUATIONS
        if name == "weekly_minutes":
            return isinstance(value, int) and 0 <= value <= MAX_WEEKLY_MINUTES
        if name == "expand_share":
            return isinstance(value, int) and 0 <= value <= 100
        if name == "new_per_week":
            return isinstance(value, int) and 0 <= value <= MAX_NEW_PER_WEEK
        if name == "sources":
            return all(s in SOURCES for s in value)
        if name == "timezone":
            ZoneInfo(value)
            return True
        if name == "holidays":
            return value in HOLIDAY_CALENDARS
        if name in ("maintain_day", "expand_day"):
            return isinstance(value, int) and 0 <= value <= 6
        if name in ("maintain_time", "expand_time"):
            parse_hhmm(value)
            return True
    except (ValueError, TypeError, KeyError, AttributeError, OSError):
        return False
    return False


def suggested_routine(situation: str, base: RoutineSettings | None = None) -> RoutineSettings:
    """The suggested budget, split and goals for a situation; calendar choices are kept.

    Employed and stable: 1 h a week, mostly keeping up (a quarter on new people, ~1 a week).
    Job search: 5 h a week, 60 % expanding, ~5 new people. Changing sector: 6 h, 75 %
    expanding, ~6 new people — a new sector needs a new network built methodically.
    SOURCE: method, step 4 (expand more when changing sector or job); The 2-Hour Job Search.
    """
    base = base or RoutineSettings()
    table = {
        "employed": (60, 25, 1, ("events", "alumni")),
        "job_search": (300, 60, 5, ("events", "introductions", "alumni")),
        "changing_sector": (360, 75, 6, ("events", "introductions", "associations")),
    }
    if situation not in table:
        raise ValueError(f"unknown situation {situation!r}")
    minutes, share, new, sources = table[situation]
    return replace(base, situation=situation, weekly_minutes=minutes, expand_share=share,
                   new_per_week=new, sources=sources)


def actual_split(weekly: pd.DataFrame, last_weeks: int = 4) -> tuple[int, int]:
    """(maintain, expand) minutes per week actually spent, averaged over the last weeks
    (estimated with TOUCH_MINUTES). SOURCE: method, step 4 (a time budget, two obligations)."""
    tail = weekly.tail(last_weeks)
    if tail.empty:
        return 0, 0
    return round(tail["maintain_minutes"].mean()), round(tail["expand_minutes"].mean())


# --------------------------------------------------------------------------- 3B7

TRY_ANOTHER_AFTER = 3
FOLLOW_UP_AFTER = 7


def three_b_seven(outreach: pd.DataFrame, contacts: pd.DataFrame, today: dt.date,
                  holidays: frozenset[dt.date] = frozenset(),
                  interactions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The 3B7 rule on each outreach to a new person.

    No reply after 3 business days: contact someone else at that organisation
    (`try_another`, unless a later outreach at that organisation exists). After 7 business
    days: one follow-up (`follow_up`); once followed up, nothing more (`closed`). Before 3
    days: `wait`. Replied: `replied` — marked so, or any exchange THEY started or shared
    (`in`/`mutual` in `interactions`) since the message. Weekends and `holidays` are not
    business days.
    Columns: outreach_id, contact_id, full_name, organisation_id, organisation, sent_on (date),
    business_days, try_another_on, follow_up_on (dates), action, alternatives (tuple of names
    of other contacts at the organisation not yet written to).
    SOURCE: Steve Dalton, The 2-Hour Job Search (2012), the 3B7 routine.
    """
    names = contacts.set_index("contact_id")
    columns = ["outreach_id", "contact_id", "full_name", "organisation_id", "organisation",
               "sent_on", "business_days", "try_another_on", "follow_up_on", "action",
               "alternatives"]
    answers = pd.DataFrame(columns=["contact_id", "occurred_on"])
    if interactions is not None:
        answers = interactions[interactions["direction"].isin(["in", "mutual"])
                               & (interactions["occurred_on"] <= pd.Timestamp(today))]
    rows = []
    for item in outreach.itertuples(index=False):
        sent = pd.Timestamp(item.sent_on).date()
        answered = ((answers["contact_id"] == item.contact_id)
                    & (answers["occurred_on"] >= pd.Timestamp(item.sent_on))).any()
        org = None if pd.isna(item.organisation_id) else int(item.organisation_id)
        days = business_days_between(sent, today, holidays)
        same_org = outreach[outreach["organisation_id"] == org] if org is not None else outreach[:0]
        written = set(same_org["contact_id"])
        later = (same_org["sent_on"] > item.sent_on).any()
        if not pd.isna(item.replied_on) or answered:
            action = "replied"
        elif not pd.isna(item.followed_up_on):
            action = "closed"
        elif days >= FOLLOW_UP_AFTER:
            action = "follow_up"
        elif days >= TRY_ANOTHER_AFTER and org is not None and not later:
            action = "try_another"
        else:
            action = "wait"
        alternatives = ()
        if org is not None:
            others = contacts[(contacts["organisation_id"] == org)
                              & ~contacts["contact_id"].isin(written)]
            alternatives = tuple(others.sort_values("full_name")["full_name"].head(3))
        info = names.loc[item.contact_id] if item.contact_id in names.index else None
        rows.append({
            "outreach_id": int(item.outreach_id), "contact_id": int(item.contact_id),
            "full_name": "" if info is None else info["full_name"],
            "organisation_id": org,
            "organisation": "" if info is None else info["organisation"],
            "sent_on": sent, "business_days": days,
            "try_another_on": add_business_days(sent, TRY_ANOTHER_AFTER, holidays),
            "follow_up_on": add_business_days(sent, FOLLOW_UP_AFTER, holidays),
            "action": action, "alternatives": alternatives,
        })
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- weekly plan

PLAN_KINDS = ("touch", "revive", "follow_up", "try_another", "new_people", "birthday", "card")
# How a week's lines are grouped for reading: (section code, kinds). Birthdays are shown only
# when there are some; the greeting cards (`campaign`) come apart, after the sections.
PLAN_SECTIONS = (("touch", ("touch", "revive")), ("followups", ("follow_up", "try_another")),
                 ("new", ("new_people",)), ("birthdays", ("birthday",)))
OPTIONAL_SECTIONS = ("birthdays",)

# Time budgeted for one planned keep-up touch (a message or a short call).
MINUTES_PER_PLANNED_TOUCH = 15
# A dormant tie is offered for revival once silent this long (a recent card does not count
# as neglect).
REVIVE_AFTER_DAYS = 180
# Year-end greeting cards: prepare from late November, send until the end of January (French
# custom: "vœux" are sent through January). SOURCE: method, step 4.
CARD_SEASON = ((11, 20), (1, 31))
CARD_LAYERS = ("inner", "close", "active", "target", "dormant")


@dataclass(frozen=True)
class PlanItem:
    """One line of the weekly plan. `key` is stable within a week (check-offs use it);
    `reason` is a code the page translates (`routines.reason.<reason>`) with `values`."""

    key: str
    kind: str
    reason: str
    contact_id: int | None = None
    name: str = ""
    values: tuple[tuple[str, object], ...] = ()

    def value_dict(self) -> dict[str, object]:
        return dict(self.values)


@dataclass(frozen=True)
class WeekPlan:
    """The plan for the week starting `week_start` (a Monday)."""

    week_start: dt.date
    items: tuple[PlanItem, ...]
    maintain_minutes: int
    expand_minutes: int
    new_target: int
    campaign: tuple[PlanItem, ...] = field(default=())

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=6)


def plan_sections(plan: WeekPlan) -> list[tuple[str, list[PlanItem]]]:
    """The plan's lines grouped by PLAN_SECTIONS, in order, optional sections left out when
    empty. SOURCE: method, step 4 (who to contact and why, new people, follow-ups)."""
    grouped = [(code, [item for item in plan.items if item.kind in kinds])
               for code, kinds in PLAN_SECTIONS]
    return [(code, items) for code, items in grouped
            if items or code not in OPTIONAL_SECTIONS]


def distribute_new_people(total: int, sources: tuple[str, ...]) -> dict[str, int]:
    """Split the week's new-connection goal across the chosen sources, round-robin in their
    order (5 over events/introductions/alumni -> 2/2/1). SOURCE: method, step 4."""
    chosen = [s for s in sources if s in SOURCES] or ["events"]
    counts = dict.fromkeys(chosen, 0)
    for i in range(max(total, 0)):
        counts[chosen[i % len(chosen)]] += 1
    return {s: n for s, n in counts.items() if n}


def in_card_season(week: dt.date) -> bool:
    """Whether the week starting `week` overlaps the year-end greeting-card season
    (CARD_SEASON). SOURCE: method, step 4 (greeting cards at year end)."""
    (start_m, start_d), (end_m, end_d) = CARD_SEASON
    for day in (week + dt.timedelta(days=i) for i in range(7)):
        if (day.month, day.day) >= (start_m, start_d) or (day.month, day.day) <= (end_m, end_d):
            return True
    return False


def _season_start(week: dt.date) -> dt.date:
    year = week.year if week.month >= CARD_SEASON[0][0] else week.year - 1
    return dt.date(year, CARD_SEASON[0][0], 1)


def birthday_on(birthday: str | None, year: int) -> dt.date | None:
    """The contact's birthday (`MM-DD` or `YYYY-MM-DD`) in `year`; 29 Feb falls on 28 Feb in
    common years; None when unknown or not a date. SOURCE: method, step 4 (seasonal touches)."""
    if not birthday or not isinstance(birthday, str):
        return None
    try:
        month, day = (int(p) for p in birthday.strip().split("-")[-2:])
        if (month, day) == (2, 29) and not calendar.isleap(year):
            day = 28
        return dt.date(year, month, day)
    except ValueError:
        return None


def birthday_in_week(birthday: str | None, week: dt.date) -> dt.date | None:
    """The day in the week starting `week` that is the contact's birthday, if any.
    SOURCE: method, step 4 (seasonal touches)."""
    for year in sorted({week.year, (week + dt.timedelta(days=6)).year}):
        day = birthday_on(birthday, year)
        if day is not None and week <= day <= week + dt.timedelta(days=6):
            return day
    return None


def weekly_plan(contacts: pd.DataFrame, interactions: pd.DataFrame, cadences: dict[str, int],
                outreach: pd.DataFrame, settings: RoutineSettings, week: dt.date,
                holidays: frozenset[dt.date] = frozenset()) -> WeekPlan:
    """A concrete plan for the week starting `week` (a Monday), from the log as it stood at
    the start of that week — so that touching someone during the week does not remove them
    from the plan (the line is then done).

    * touches: contacts due by the end of the week (lateness counted at its start), closest
      layers and most overdue first, as many as the maintain budget holds
      (MINUTES_PER_PLANNED_TOUCH each); then one dormant tie silent for REVIVE_AFTER_DAYS to
      revive if room is left;
    * 3B7 follow-ups and "try someone else" whose date falls by the end of the week;
    * the new-people goal split across the chosen sources;
    * birthdays in the week; and in the card season, the greeting-card list (`campaign`).
    SOURCE: method, step 4; The 2-Hour Job Search (3B7); Dunbar cadences.
    """
    week = week_start(week)
    end = week + dt.timedelta(days=6)
    status = due_status(contacts, interactions, cadences, week, before=week)
    capacity = max(1, settings.maintain_minutes // MINUTES_PER_PLANNED_TOUCH)
    items: list[PlanItem] = []
    candidates = status[status["status"].isin(["due", "drifting", "never"])
                        | ((status["status"] == "ok") & (status["due_on"] <= pd.Timestamp(end)))]
    chosen = _by_urgency(candidates.copy(), layer_first=True).head(capacity)
    for row in chosen.itertuples(index=False):
        if row.status == "never":
            reason, values = "never", ()
        elif row.overdue_days > 0:
            reason, values = "overdue", (("days", int(row.overdue_days)),
                                         ("date", row.due_on.date().isoformat()))
        else:
            reason, values = "due_this_week", (("date", row.due_on.date().isoformat()),)
        items.append(PlanItem(f"touch:{row.contact_id}", "touch", reason, int(row.contact_id),
                              row.full_name, (("layer", row.layer), *values)))
    revive = revive_list(status)
    revive = revive[revive["days_since"].isna() | (revive["days_since"] >= REVIVE_AFTER_DAYS)]
    if len(items) < capacity and len(revive):
        row = revive.iloc[0]
        months = None if pd.isna(row["days_since"]) else int(row["days_since"]) // 30
        items.append(PlanItem(f"revive:{row['contact_id']}", "revive",
                              "revive" if months is not None else "revive_never",
                              int(row["contact_id"]), row["full_name"],
                              (("months", months),)))
    # Replies and follow-ups of this week leave their line in place (done), as touches do.
    week_ts = pd.Timestamp(week)
    as_it_stood = outreach.copy()
    for column in ("replied_on", "followed_up_on"):
        as_it_stood.loc[as_it_stood[column] >= week_ts, column] = pd.NaT
    steps = three_b_seven(as_it_stood, contacts, end, holidays,
                          interactions[interactions["occurred_on"] < week_ts])
    for row in steps.itertuples(index=False):
        if row.action == "follow_up":
            items.append(PlanItem(f"follow_up:{row.outreach_id}", "follow_up", "follow_up",
                                  row.contact_id, row.full_name,
                                  (("date", row.sent_on.isoformat()),
                                   ("due", max(row.follow_up_on, week).isoformat()))))
        elif row.action == "try_another":
            items.append(PlanItem(f"try_another:{row.outreach_id}", "try_another",
                                  "try_another" if row.alternatives else "try_another_unknown",
                                  row.contact_id, row.full_name,
                                  (("organisation", row.organisation),
                                   ("suggestions", ", ".join(row.alternatives)),
                                   ("due", max(row.try_another_on, week).isoformat()))))
    per_source = distribute_new_people(settings.new_per_week, settings.sources)
    for source, count in per_source.items():
        items.append(PlanItem(f"new:{source}", "new_people", f"source_{source}",
                              values=(("count", count),)))
    for row in contacts.itertuples(index=False):
        day = birthday_in_week(row.birthday, week)
        if day is not None and row.layer != "unsorted":
            items.append(PlanItem(f"birthday:{row.contact_id}", "birthday", "birthday",
                                  int(row.contact_id), row.full_name,
                                  (("date", day.isoformat()),)))
    campaign: tuple[PlanItem, ...] = ()
    if in_card_season(week):
        campaign = tuple(_card_list(contacts, interactions, week))
    return WeekPlan(week, tuple(items), settings.maintain_minutes, settings.expand_minutes,
                    settings.new_per_week, campaign)


def _card_list(contacts: pd.DataFrame, interactions: pd.DataFrame, week: dt.date):
    """Year-end greeting cards: every sorted tie not yet sent one this season, by layer."""
    season = pd.Timestamp(_season_start(week))
    sent = set(interactions.loc[(interactions["kind"] == "greeting_card")
                                & (interactions["occurred_on"] >= season), "contact_id"])
    chosen = contacts[contacts["layer"].isin(CARD_LAYERS) & ~contacts["contact_id"].isin(sent)]
    chosen = chosen.assign(_p=chosen["layer"].map(LAYER_PRIORITY)).sort_values(["_p", "full_name"])
    for row in chosen.itertuples(index=False):
        yield PlanItem(f"card:{row.contact_id}", "card", "card", int(row.contact_id),
                       row.full_name, (("layer", row.layer),))


_PERSON_KINDS = ("touch", "revive", "birthday", "follow_up")


def plan_weeks(contacts: pd.DataFrame, interactions: pd.DataFrame, cadences: dict[str, int],
               outreach: pd.DataFrame, settings: RoutineSettings, first_week: dt.date,
               weeks: int = 1, holidays: frozenset[dt.date] = frozenset()) -> list[WeekPlan]:
    """Plans for `weeks` consecutive weeks. Later weeks assume the earlier plans are carried
    out: each planned touch is counted as done mid-week, each planned follow-up as sent
    (greeting cards are not: they go out at any time of the season).
    SOURCE: method, step 4 (keeping up is a routine, not a rescue)."""
    if weeks < 1:
        raise ValueError("weeks must be >= 1")
    plans = []
    log = interactions
    sent = outreach
    week = week_start(first_week)
    for _ in range(weeks):
        plan = weekly_plan(contacts, log, cadences, sent, settings, week, holidays)
        plans.append(plan)
        # Weekly lines are assumed done mid-week; the card campaign is not (cards go out
        # whenever the user writes them during the season).
        touched = [item.contact_id for item in plan.items if item.kind in _PERSON_KINDS]
        midweek = pd.Timestamp(week + dt.timedelta(days=2))
        simulated = pd.DataFrame({
            "interaction_id": -1, "contact_id": touched, "occurred_on": midweek,
            "kind": "message", "direction": "out", "purpose": "maintain", "notes": ""})
        log = pd.concat([log, simulated], ignore_index=True) if touched else log
        followed = {int(i.key.split(":")[1]) for i in plan.items if i.kind == "follow_up"}
        if followed:
            sent = sent.copy()
            sent.loc[sent["outreach_id"].isin(followed), "followed_up_on"] = midweek
        week += dt.timedelta(weeks=1)
    return plans


def done_keys(plan: WeekPlan, interactions: pd.DataFrame, checkoffs: set[str]) -> set[str]:
    """Plan lines that are done: checked off, or — for lines about one person — any
    interaction with that person logged during the week (the clock was reset; for a 3B7
    follow-up, the follow-up sent or their reply: the first message is older than a week; for
    a 3B7 "write to someone else" line, their reply during the week).
    SOURCE: method, step 4; 3B7."""
    start, end = pd.Timestamp(plan.week_start), pd.Timestamp(plan.week_end)
    in_week = interactions[(interactions["occurred_on"] >= start)
                           & (interactions["occurred_on"] <= end)]
    touched = set(in_week["contact_id"])
    answered = set(in_week.loc[in_week["direction"].isin(["in", "mutual"]), "contact_id"])
    cards = set(in_week.loc[in_week["kind"] == "greeting_card", "contact_id"])
    done = set(checkoffs)
    for item in plan.items + plan.campaign:
        if item.kind in ("touch", "revive", "birthday", "follow_up") and item.contact_id in touched:
            done.add(item.key)
        elif item.kind == "try_another" and item.contact_id in answered:
            done.add(item.key)  # they replied: no need to write to someone else there
        elif item.kind == "card" and item.contact_id in cards:
            done.add(item.key)
    return done


# --------------------------------------------------------------------------- calendar


@dataclass(frozen=True)
class RoutineEvent:
    """One calendar entry of the routine. `summary_key`/`description_key` are catalogue keys
    (formatted with `values`); `start` is local wall time in the routine's time zone;
    `rrule` holds RFC 5545 recurrence parts (e.g. {"FREQ": "WEEKLY", "BYDAY": "MO"}).
    An `all_day` event uses `start.date()` and lasts one day."""

    uid_key: str
    summary_key: str
    description_key: str
    start: dt.datetime
    minutes: int = 30
    rrule: tuple[tuple[str, str], ...] = ()
    values: tuple[tuple[str, object], ...] = ()
    all_day: bool = False


_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """The first date on or after `day` falling on `weekday` (0 = Monday)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def first_weekday_of_month_from(day: dt.date, weekday: int) -> dt.date:
    """The first `weekday` of a month (0 = Monday) falling on or after `day`."""
    month_start = day.replace(day=1)
    candidate = next_weekday(month_start, weekday)
    if candidate < day:
        month_start = (month_start + dt.timedelta(days=32)).replace(day=1)
        candidate = next_weekday(month_start, weekday)
    return candidate


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?\s*$")


def parse_hhmm(text: str) -> dt.time:
    """A time of day as people write it: '09:30', '9:30', '9h30', '9h', '9' -> time(9, 30)
    (or 9:00); raises ValueError on anything else (e.g. '25h', '9:3')."""
    match = _TIME.match(text or "")
    if not match:
        raise ValueError(f"not a time of day: {text!r}")
    return dt.time(int(match.group(1)), int(match.group(2) or 0))


def _plain(text: str) -> str:
    """Lower case without accents: 'Montréal' and 'montreal' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def resolve_timezone(text: str) -> str | None:
    """An IANA time zone from what the user typed: the exact name ('Europe/Paris'), or a city
    of the tz database in any case, with or without accents and spaces ('paris', 'Montréal',
    'New York' -> 'America/New_York').
    None when nothing matches. SOURCE: the IANA time zone database (zoneinfo)."""
    name = (text or "").strip()
    if not name:
        return None
    if valid_setting("timezone", name):
        return name
    city = _plain(name.replace(" ", "_"))
    matches = sorted(zone for zone in available_timezones()
                     if "/" in zone and _plain(zone.rsplit("/", 1)[-1]) == city)
    return matches[0] if matches else None


def routine_events(settings: RoutineSettings, today: dt.date, contacts: pd.DataFrame,
                   steps: pd.DataFrame | None = None) -> list[RoutineEvent]:
    """The routine as calendar events: a weekly maintain slot and a weekly expand slot (sized
    by the budget), a monthly review of who is drifting, the yearly greeting-card campaign,
    yearly birthdays of sorted contacts when known, and pending 3B7 follow-ups.
    SOURCE: method, step 4 (keeping up takes little time if organised); 3B7."""
    events = []
    slots = (("maintain", settings.maintain_day, settings.maintain_time,
              settings.maintain_minutes),
             ("expand", settings.expand_day, settings.expand_time, settings.expand_minutes))
    for name, day, time, minutes in slots:
        if minutes <= 0:
            continue
        start = dt.datetime.combine(next_weekday(today, day), parse_hhmm(time))
        events.append(RoutineEvent(
            f"routine-{name}", f"routines.ics.{name}.summary", f"routines.ics.{name}.description",
            start, minutes, (("FREQ", "WEEKLY"), ("BYDAY", _DAY_CODES[day])),
            (("minutes", minutes),)))
    review_day = first_weekday_of_month_from(today, settings.maintain_day)
    events.append(RoutineEvent(
        "routine-review", "routines.ics.review.summary", "routines.ics.review.description",
        dt.datetime.combine(review_day, parse_hhmm(settings.maintain_time)), 30,
        (("FREQ", "MONTHLY"), ("BYDAY", "1" + _DAY_CODES[settings.maintain_day]))))
    card_year = today.year if today < dt.date(today.year, 12, 1) else today.year + 1
    events.append(RoutineEvent(
        "routine-cards", "routines.ics.cards.summary", "routines.ics.cards.description",
        dt.datetime(card_year, 12, 1, 10, 0), 60,
        (("FREQ", "YEARLY"), ("BYMONTH", "12"), ("BYMONTHDAY", "1"))))
    for row in contacts.itertuples(index=False):
        if row.layer == "unsorted":
            continue
        first = _next_birthday(row.birthday, today)
        if first is not None:
            # A 29 February birthday recurs on the last day of February (RFC 5545 skips
            # a plain yearly 29 February in common years).
            leap_day = birthday_on(row.birthday, 2024) == dt.date(2024, 2, 29)
            rule = ((("FREQ", "YEARLY"), ("BYMONTH", "2"), ("BYMONTHDAY", "-1")) if leap_day
                    else (("FREQ", "YEARLY"),))
            events.append(RoutineEvent(
                f"birthday-{row.contact_id}", "routines.ics.birthday.summary",
                "routines.ics.birthday.description", dt.datetime.combine(first, dt.time()),
                rrule=rule, values=(("name", row.full_name),), all_day=True))
    if steps is not None:
        for row in steps.itertuples(index=False):
            if row.action in ("wait", "try_another", "follow_up"):
                day = max(row.follow_up_on, today)
                description = ("routines.ics.follow_up.description" if row.organisation
                               else "routines.ics.follow_up.description_no_org")
                events.append(RoutineEvent(
                    f"follow-up-{row.outreach_id}", "routines.ics.follow_up.summary",
                    description,
                    dt.datetime.combine(day, parse_hhmm(settings.maintain_time)), 15,
                    values=(("name", row.full_name), ("organisation", row.organisation),
                            ("date", row.sent_on.isoformat()))))
    return events


def _next_birthday(birthday: str | None, today: dt.date) -> dt.date | None:
    """The contact's next birthday on or after `today` (see `birthday_on`)."""
    for year in (today.year, today.year + 1):
        day = birthday_on(birthday, year)
        if day is not None and day >= today:
            return day
    return None


# --------------------------------------------------------------------------- wording

def format_day(day: dt.date | str, lang: str) -> str:
    """A date as people read it (`routines.date`, the month as `routines.date_month.<n>`):
    23/11/2026 in French, 23 Nov 2026 in English."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return translate(lang, "routines.date", day=day.day, year=day.year,
                     month=translate(lang, f"routines.date_month.{day.month}"))


def describe_item(item: PlanItem, tr) -> str:
    """The plan line in words: `routines.reason.<reason>` filled with the item's values, codes
    (layer) translated and dates formatted in `tr.lang`."""
    lang = getattr(tr, "lang", "en")
    values = {"name": item.name, **item.value_dict()}
    if "layer" in values:
        values["layer"] = tr(f"vocab.layer.{values['layer']}")
    for key in ("date", "due"):
        if key in values and values[key]:
            values[key] = format_day(values[key], lang)
    return tr(f"routines.reason.{item.reason}", **values)
