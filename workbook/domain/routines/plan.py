"""The weekly plan: who to contact and why, follow-ups, new people, birthdays and the
year-end greeting cards; plans over several weeks; which lines are done.
SOURCE: method, step 4; The 2-Hour Job Search (3B7); Dunbar cadences."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from workbook.domain.calendar_rules import week_start
from workbook.domain.routines.balance import EXISTING_NETWORK_LAYERS
from workbook.domain.routines.followups import three_b_seven
from workbook.domain.routines.settings import SOURCES, RoutineSettings
from workbook.domain.routines.status import (
    LAYER_PRIORITY,
    SCHEDULED_LAYERS,
    by_urgency,
    due_status,
    revive_list,
)

PLAN_KINDS = ("touch", "revive", "first_contact", "follow_up", "try_another", "new_people",
              "birthday", "card")
# How a week's lines are grouped for reading: (section code, kinds). First contacts and
# birthdays are shown only when there are some; the greeting cards (`campaign`) come apart,
# after the sections.
PLAN_SECTIONS = (("touch", ("touch", "revive")), ("first", ("first_contact",)),
                 ("followups", ("follow_up", "try_another")),
                 ("new", ("new_people",)), ("birthdays", ("birthday",)))
OPTIONAL_SECTIONS = ("first", "birthdays")
# What an empty section says (`section_empty_note`), so that its heading never reads as
# "nothing to do" above other people to write to.
EMPTY_NOTES = ("touch_none_sorted", "touch_none_due", "touch_none_room", "followups_none",
               "new_none")
# The circles whose members are kept up with: a first exchange with one of them is keeping
# up, not expanding (see `balance.exchange_purposes`).
CIRCLE_LAYERS = ("inner", "close", "active")

# Time budgeted for one planned keep-up touch (a message or a short call).
MINUTES_PER_PLANNED_TOUCH = 15
# A dormant tie is offered for revival once silent this long (a recent card does not count
# as neglect).
REVIVE_AFTER_DAYS = 180
# Year-end greeting cards: prepare from late November, send until the end of January (French
# custom: "vœux" are sent through January). SOURCE: method, step 4.
CARD_SEASON = ((11, 20), (1, 31))
# First messages to people already in the network but never in touch: half the expansion
# budget, FIRST_CONTACT_MINUTES each (a researched, personal message), at most
# MAX_FIRST_CONTACTS a week; the other half goes to new people met through the sources.
FIRST_CONTACT_MINUTES = 20
MAX_FIRST_CONTACTS = 5
# Reasons of the "whom to contact next" ranking shown on a first-contact line.
FIRST_CONTACT_REASONS = 2


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
    # people in a layer with a rhythm (SCHEDULED_LAYERS) the plan looked at
    in_circles: int = 0
    # people in a circle (CIRCLE_LAYERS) never in touch and written to, left out of the plan
    circle_never_left: int = 0

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


def section_empty_note(section: str, plan: WeekPlan) -> str:
    """What an empty section of `plan` says, as a code of EMPTY_NOTES: the keep-in-touch
    section tells "no one is in a circle yet" (a fresh import: first place people) from
    "everyone in a circle is up to date" — never a bare "nothing this week", which reads as a
    contradiction above the first messages listed next. SOURCE: method, step 4 (who to
    contact and why); step 2 (the layers give each person a rhythm)."""
    if section == "touch":
        if plan.circle_never_left:    # people in her circles still wait for a first touch
            return "touch_none_room"
        return "touch_none_due" if plan.in_circles else "touch_none_sorted"
    return f"{section}_none"


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


def first_contact_capacity(settings: RoutineSettings) -> int:
    """How many first messages the week's expansion budget holds (see FIRST_CONTACT_MINUTES);
    none when no time is given to expanding."""
    return min(MAX_FIRST_CONTACTS, settings.expand_minutes // (2 * FIRST_CONTACT_MINUTES))


def weekly_plan(contacts: pd.DataFrame, interactions: pd.DataFrame, cadences: dict[str, int],
                outreach: pd.DataFrame, settings: RoutineSettings, week: dt.date,
                holidays: frozenset[dt.date] = frozenset(),
                ranked: pd.DataFrame | None = None) -> WeekPlan:
    """A concrete plan for the week starting `week` (a Monday), from the log as it stood at
    the start of that week — so that touching someone during the week does not remove them
    from the plan (the line is then done).

    * touches: contacts due by the end of the week (lateness counted at its start; for someone
      never in touch, from the day they were put in their layer), closest layers and most
      overdue first, as many as the maintain budget holds (MINUTES_PER_PLANNED_TOUCH each);
      then one dormant tie silent for REVIVE_AFTER_DAYS to revive if room is left;
    * first contacts (expanding): people never in touch and in no existing-network layer
      (target or not sorted: a first exchange with them expands the network), in the order
      of "whom to contact next" (`ranked`: columns id and reasons, best first, from
      `workbook.domain.network.rank_contacts`: connectors and prescribers, who can introduce
      to a target organisation, first), as many as
      `first_contact_capacity`, each with its first FIRST_CONTACT_REASONS reasons;
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
    candidates = status[status["status"].isin(["due", "drifting"])
                        | (status["status"].isin(["ok", "never"])
                           & (status["due_on"] <= pd.Timestamp(end)))]
    chosen = by_urgency(candidates.copy(), layer_first=True).head(capacity)
    for row in chosen.itertuples(index=False):
        if pd.isna(row.last_touch):  # put in a layer long enough ago, never written to
            reason, values = "never", ()
        elif row.overdue_days > 0:
            reason, values = "overdue", (("days", int(row.overdue_days)),
                                         ("date", row.due_on.date().isoformat()))
        else:
            reason, values = "due_this_week", (("date", row.due_on.date().isoformat()),)
        items.append(PlanItem(f"touch:{row.contact_id}", "touch", reason, int(row.contact_id),
                              row.full_name, (("layer", row.layer), *values)))
    circle_new = list(circle_never_in_touch(status, outreach, ranked,
                                            {i.contact_id for i in items}))
    room = max(capacity - len(items), 0)
    for contact_id, name, layer in circle_new[:room]:
        items.append(PlanItem(f"touch:{contact_id}", "touch", "circle_never", contact_id, name,
                              (("layer", layer),)))
    revive = revive_list(status)
    revive = revive[revive["days_since"].isna() | (revive["days_since"] >= REVIVE_AFTER_DAYS)]
    if len(items) < capacity and len(revive):
        row = revive.iloc[0]
        months = None if pd.isna(row["days_since"]) else int(row["days_since"]) // 30
        items.append(PlanItem(f"revive:{row['contact_id']}", "revive",
                              "revive" if months is not None else "revive_never",
                              int(row["contact_id"]), row["full_name"],
                              (("count", months),) if months is not None else ()))
    if ranked is not None and len(ranked):
        items.extend(_first_contacts(ranked, contacts, interactions, outreach, week,
                                     {i.contact_id for i in items},
                                     first_contact_capacity(settings)))
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
    known = contacts[contacts["birthday"].notna() & (contacts["layer"] != "unsorted")]
    for row in known.itertuples(index=False):
        day = birthday_in_week(row.birthday, week)
        if day is not None and row.layer != "unsorted":
            items.append(PlanItem(f"birthday:{row.contact_id}", "birthday", "birthday",
                                  int(row.contact_id), row.full_name,
                                  (("date", day.isoformat()),)))
    campaign: tuple[PlanItem, ...] = ()
    if in_card_season(week):
        campaign = tuple(_card_list(contacts, interactions, week, settings))
    return WeekPlan(week, tuple(items), settings.maintain_minutes, settings.expand_minutes,
                    settings.new_per_week, campaign,
                    int(contacts["layer"].isin(SCHEDULED_LAYERS).sum()),
                    max(len(circle_new) - room, 0))


def circle_never_in_touch(status: pd.DataFrame, outreach: pd.DataFrame,
                          ranked: pd.DataFrame | None, planned: set):
    """People she put in a circle (CIRCLE_LAYERS) and never had an exchange with nor wrote
    a first message to (3B7), not already planned: `(contact_id, full_name, layer)`, best
    ranked by "whom to contact next" first (`ranked`: column id, best first), then closest
    circle and name. A first touch with someone already in her circles is keeping up, so it
    takes the keeping-up budget rather than the expansion's first messages — and until
    their layer's rhythm falls due they would otherwise appear nowhere.
    SOURCE: method, step 2 (the circles give each person a rhythm) and step 4 (keeping up
    with the network one has before expanding it)."""
    never = status[(status["layer"].isin(CIRCLE_LAYERS)) & status["last_touch"].isna()
                   & ~status["contact_id"].isin(set(outreach["contact_id"]) | planned)]
    if not len(never):
        return
    rank = ({int(c): i for i, c in enumerate(ranked["id"])} if ranked is not None
            and len(ranked) else {})
    never = never.assign(_r=never["contact_id"].map(lambda c: rank.get(int(c), len(rank))),
                         _p=never["layer"].map(LAYER_PRIORITY))
    for row in never.sort_values(["_r", "_p", "full_name"]).itertuples(index=False):
        yield int(row.contact_id), row.full_name, row.layer


def _first_contacts(ranked: pd.DataFrame, contacts: pd.DataFrame,
                    interactions: pd.DataFrame, outreach: pd.DataFrame, week: dt.date,
                    planned: set, capacity: int):
    """The best-ranked people never in touch before `week` nor written to (3B7), not planned."""
    if capacity <= 0:
        return
    before = interactions.loc[interactions["occurred_on"] < pd.Timestamp(week), "contact_id"]
    skip = set(before) | set(outreach["contact_id"]) | planned
    names = contacts.set_index("contact_id")
    found = 0
    for row in ranked.itertuples(index=False):
        contact = int(row.id)
        if contact in skip or contact not in names.index:
            continue
        info = names.loc[contact]
        # A first message is budgeted as expanding: someone she placed in an existing-network
        # layer is kept up with on their layer's schedule instead (and dormant ties have
        # their own revive line) — see `balance.exchange_purposes`.
        if info["layer"] in EXISTING_NETWORK_LAYERS:
            continue
        reasons = " ".join(code for code in row.reasons if code != "never_contacted")
        reason = "first_contact" if info["organisation"] else "first_contact_no_org"
        yield PlanItem(f"first:{contact}", "first_contact",
                       reason if reasons else f"{reason}_bare",
                       contact, info["full_name"],
                       (("organisation", info["organisation"]),
                        ("reasons", " ".join(reasons.split()[:FIRST_CONTACT_REASONS])),
                        ("introduces", _whole(getattr(row, "introduces_to_target", 0))),
                        ("mutual", _whole(getattr(row, "mutual_connections", 0)))))
        found += 1
        if found >= capacity:
            return


def _whole(value) -> int:
    return 0 if value is None or pd.isna(value) else int(value)


def _card_list(contacts: pd.DataFrame, interactions: pd.DataFrame, week: dt.date,
               settings: RoutineSettings):
    """Year-end greeting cards: ties in the chosen layers (`settings.card_layers`) not yet
    sent one this season, closest layers first, at most `settings.card_limit` — the number
    one person really writes by hand. SOURCE: method, step 4 (greeting cards at year end)."""
    season = pd.Timestamp(_season_start(week))
    sent = set(interactions.loc[(interactions["kind"] == "greeting_card")
                                & (interactions["occurred_on"] >= season), "contact_id"])
    chosen = contacts[contacts["layer"].isin(settings.card_layers)
                      & ~contacts["contact_id"].isin(sent)]
    chosen = chosen.assign(_p=chosen["layer"].map(LAYER_PRIORITY)).sort_values(
        ["_p", "full_name"]).head(settings.card_limit)
    for row in chosen.itertuples(index=False):
        yield PlanItem(f"card:{row.contact_id}", "card", "card", int(row.contact_id),
                       row.full_name, (("layer", row.layer),))


_PERSON_KINDS = ("touch", "revive", "first_contact", "birthday", "follow_up")


def plan_weeks(contacts: pd.DataFrame, interactions: pd.DataFrame, cadences: dict[str, int],
               outreach: pd.DataFrame, settings: RoutineSettings, first_week: dt.date,
               weeks: int = 1, holidays: frozenset[dt.date] = frozenset(),
               ranked: pd.DataFrame | None = None) -> list[WeekPlan]:
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
        plan = weekly_plan(contacts, log, cadences, sent, settings, week, holidays, ranked)
        plans.append(plan)
        log, sent = carried_out(plan, log, sent)
        week += dt.timedelta(weeks=1)
    return plans


def carried_out(plan: WeekPlan, interactions: pd.DataFrame, outreach: pd.DataFrame
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The log and the outreach the next week is planned from, assuming `plan` is carried
    out: each planned touch counted as done mid-week, each planned follow-up as sent
    (greeting cards are not: they go out whenever the user writes them during the season).
    SOURCE: method, step 4 (keeping up is a routine, not a rescue)."""
    touched = [item.contact_id for item in plan.items if item.kind in _PERSON_KINDS]
    midweek = pd.Timestamp(plan.week_start + dt.timedelta(days=2))
    log, sent = interactions, outreach
    if touched:
        simulated = pd.DataFrame({
            "interaction_id": -1, "contact_id": touched, "occurred_on": midweek,
            "kind": "message", "direction": "out", "purpose": "maintain", "notes": ""})
        log = pd.concat([log, simulated], ignore_index=True)
    followed = {int(i.key.split(":")[1]) for i in plan.items if i.kind == "follow_up"}
    if followed:
        sent = sent.copy()
        sent.loc[sent["outreach_id"].isin(followed), "followed_up_on"] = midweek
    return log, sent


def exchanges_a_plan_reads(interactions: pd.DataFrame, week: dt.date) -> pd.Series:
    """Which exchanges the plan of the week starting `week` is made from (a boolean mask):
    those before that week — every plan is made from the log as it stood when its week
    began, later weeks from the earlier ones' (see `weekly_plan`, `plan_weeks`) — and the
    greeting cards, which take a person off this season's card list whenever they are sent.
    An exchange logged during or after the week changes which lines are done, not the plan.
    SOURCE: method, step 4 (touching someone during the week does not remove their line)."""
    return ((interactions["occurred_on"] < pd.Timestamp(week_start(week)))
            | (interactions["kind"] == "greeting_card"))


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
        if item.kind in _PERSON_KINDS and item.contact_id in touched:
            done.add(item.key)
        elif item.kind == "try_another" and item.contact_id in answered:
            done.add(item.key)  # they replied: no need to write to someone else there
        elif item.kind == "card" and item.contact_id in cards:
            done.add(item.key)
    return done
