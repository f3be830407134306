"""Maintain versus expand: which touches keep the network alive and which grow it, and
the time they take week by week. SOURCE: method, step 4 (two obligations)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np
import pandas as pd

from workbook.domain.calendar_rules import week_start

# An interaction within this many days of the connection date is still building the tie.
NEW_CONNECTION_DAYS = 30
# The layers of the network one already has (method, step 2): a person placed there is
# someone one knows, so any exchange with them keeps the network alive — even the first one
# logged (on a fresh import nothing is logged with anyone, the closest friends included).
EXISTING_NETWORK_LAYERS = ("inner", "close", "active", "dormant")
# The network one wants to join: exchanges there grow the network.
EXPANDING_LAYERS = ("target",)
# Why an exchange keeps up or expands, in the order the rule looks (the first that holds
# decides); the page says it beside the purpose it suggests.
PURPOSE_REASONS = ("existing_layer", "target_layer", "new_connection", "logged",
                   "first_exchange", "known")


class PurposeSuggestion(NamedTuple):
    """The purpose an exchange is counted under (`maintain` or `expand`) and why (a code of
    PURPOSE_REASONS)."""

    purpose: str
    reason: str


def exchange_purposes(layer: pd.Series, occurred_on: pd.Series, connected_on: pd.Series,
                      earlier: pd.Series, logged: pd.Series) -> pd.DataFrame:
    """THE rule that tells keeping the network alive from expanding it, for columns of the
    same index; columns `purpose` and `reason` (see PURPOSE_REASONS). The first that holds:

    1. the person is in an existing-network layer (EXISTING_NETWORK_LAYERS: inner, close,
       active, dormant): she already knows them → maintain, whatever was logged;
    2. the person is in the target layer (the network she wants to join) → expand;
    3. the exchange falls within NEW_CONNECTION_DAYS after the connection date (a connection
       of the last weeks) → expand;
    4. a purpose was logged with it (`logged` not null) → that purpose (someone not yet
       sorted: she knows whether they are new to her);
    5. nothing was logged with them before (`earlier` False): someone met or written to for
       the first time → expand;
    6. else → maintain.
    SOURCE: method, step 4 (two obligations: keep the existing network alive, keep adding
    new connections) and step 2 (the layers: close network versus target network).
    """
    layer = layer.astype(object)
    age = (pd.to_datetime(occurred_on) - pd.to_datetime(connected_on)).dt.days
    new_tie = age.between(0, NEW_CONNECTION_DAYS).to_numpy()   # no date: NaN, not between
    logged = logged.astype(object)
    has_logged = logged.isin(("maintain", "expand")).to_numpy()
    conditions = [layer.isin(EXISTING_NETWORK_LAYERS).to_numpy(),
                  layer.isin(EXPANDING_LAYERS).to_numpy(), new_tie, has_logged,
                  ~earlier.astype(bool).to_numpy()]
    purposes = [np.full(len(layer), "maintain", dtype=object),
                np.full(len(layer), "expand", dtype=object),
                np.full(len(layer), "expand", dtype=object),
                logged.to_numpy(), np.full(len(layer), "expand", dtype=object)]
    purpose = np.select(conditions, purposes, default="maintain")
    reason = np.select(conditions, list(PURPOSE_REASONS[:5]), default=PURPOSE_REASONS[5])
    return pd.DataFrame({"purpose": purpose, "reason": reason}, index=layer.index)


def suggested_purpose(layer: str, connected_on, has_earlier_touch: bool,
                      on: dt.date) -> PurposeSuggestion:
    """The purpose proposed when logging an exchange with one person on day `on`, and why:
    `exchange_purposes` for one exchange with nothing logged yet.
    SOURCE: method, step 4 (two obligations)."""
    row = exchange_purposes(pd.Series([layer]), pd.Series([pd.Timestamp(on)]),
                            pd.Series([connected_on], dtype=object).pipe(pd.to_datetime),
                            pd.Series([has_earlier_touch]), pd.Series([None])).iloc[0]
    return PurposeSuggestion(str(row["purpose"]), str(row["reason"]))


def expansion_touches(purpose: pd.Series, layer: pd.Series, occurred_on: pd.Series,
                      connected_on: pd.Series) -> pd.Series:
    """Logged touches, for columns of the same index: True where the touch is counted as
    expanding the network (`exchange_purposes` with the purpose each was logged with).
    SOURCE: method, step 4 (two obligations)."""
    return exchange_purposes(layer, occurred_on, connected_on,
                             pd.Series(True, index=layer.index), purpose)["purpose"] == "expand"


def is_expansion(purpose: str, layer: str, occurred_on: dt.date | pd.Timestamp,
                 connected_on: dt.date | pd.Timestamp | None) -> bool:
    """`expansion_touches` for one touch."""
    return bool(expansion_touches(pd.Series([purpose]), pd.Series([layer]),
                                  pd.Series([pd.Timestamp(occurred_on)]),
                                  pd.Series([connected_on], dtype=object).pipe(pd.to_datetime)
                                  ).iloc[0])


def expanding_exchanges(interactions: pd.DataFrame, contacts: pd.DataFrame) -> pd.Series:
    """`expansion_touches` of every logged interaction, each read with its contact's layer and
    connection date (the weekly balance, the new-people count and the log's list all count
    with it)."""
    if interactions.empty:   # (mapping an empty column onto dates fails in pandas)
        return pd.Series(False, index=interactions.index, dtype=bool)
    info = contacts.set_index("contact_id")
    layers = interactions["contact_id"].map(info["layer"]).fillna("unsorted")
    connected = interactions["contact_id"].map(info["connected_on"])
    return expansion_touches(interactions["purpose"], layers, interactions["occurred_on"],
                             connected)


# Minutes a touch takes, to turn the log into time (rough, from the method's examples: a card
# is minutes, a lunch is an hour and a half with the journey).
TOUCH_MINUTES = {"message": 10, "call": 20, "coffee": 60, "lunch": 90, "event": 120,
                 "greeting_card": 5, "introduction_given": 15, "introduction_received": 15,
                 "offer_relayed": 10}
DEFAULT_TOUCH_MINUTES = 15


def weekly_actuals(interactions: pd.DataFrame, contacts: pd.DataFrame, today: dt.date,
                   weeks: int = 12) -> pd.DataFrame:
    """Touches and estimated minutes per week, maintain vs expand, for the last `weeks` weeks.

    Columns: week_start (date), maintain_touches, expand_touches, maintain_minutes,
    expand_minutes, new_people (contacts whose first interaction ever falls in the week and
    is an expansion touch). SOURCE: method, step 4; TOUCH_MINUTES.
    """
    first_week = week_start(today) - dt.timedelta(weeks=weeks - 1)
    table = pd.DataFrame({"week_start": [first_week + dt.timedelta(weeks=i)
                                         for i in range(weeks)]})
    log = interactions
    is_first = log["occurred_on"] == log.groupby("contact_id")["occurred_on"].transform("min")
    # Each exchange's week by its distance from the first Monday shown; those before it or
    # after this week are left out (a year of exchanges at 30,000 contacts: 60,000 rows).
    week = ((pd.to_datetime(log["occurred_on"]) - pd.Timestamp(first_week)).dt.days
            // 7).to_numpy()
    shown = (week >= 0) & (week < weeks)
    frame = log[shown]
    week, is_first = week[shown].astype(int), is_first.to_numpy()[shown]
    expands = expanding_exchanges(frame, contacts).to_numpy(dtype=bool)
    minutes = frame["kind"].map(TOUCH_MINUTES).fillna(DEFAULT_TOUCH_MINUTES).to_numpy()
    for purpose, chosen in (("maintain", ~expands), ("expand", expands)):
        table[f"{purpose}_touches"] = np.bincount(week[chosen], minlength=weeks)
        table[f"{purpose}_minutes"] = np.bincount(week[chosen], weights=minutes[chosen],
                                                  minlength=weeks).astype(int)
    new = pd.DataFrame({"week": week, "contact_id": frame["contact_id"].to_numpy()})[
        is_first & expands].drop_duplicates()
    table["new_people"] = np.bincount(new["week"], minlength=weeks)
    return table


def weeks_in_use(weekly: pd.DataFrame, started: dt.date | None) -> pd.DataFrame:
    """The rows of `weekly` from the week the participant started using the workbook on:
    a week before it was not theirs to keep up, so it counts neither as time planned nor as
    time missed (a first week must not read "60 of 480 minutes"). `started` is the day
    anything was first recorded in the profile — an exchange logged, a contact added or a
    file imported (`workbook.store.progress.first_recorded_on`); None when nothing was
    recorded yet, and then no week counts. The last week of `weekly` (this week) always
    counts once something is recorded, even stamped later by another clock.
    SOURCE: the method, step 4 (a weekly time budget kept from the day one starts)."""
    if started is None or weekly.empty:
        return weekly.iloc[0:0]
    first = min(week_start(started), weekly["week_start"].iloc[-1])
    return weekly[weekly["week_start"] >= first]


def actual_split(weekly: pd.DataFrame, last_weeks: int = 4) -> tuple[int, int]:
    """(maintain, expand) minutes per week actually spent, averaged over the last weeks
    (estimated with TOUCH_MINUTES). SOURCE: method, step 4 (a time budget, two obligations)."""
    tail = weekly.tail(last_weeks)
    if tail.empty:
        return 0, 0
    return round(tail["maintain_minutes"].mean()), round(tail["expand_minutes"].mean())
