"""Maintain versus expand: which touches keep the network alive and which grow it, and
the time they take week by week. SOURCE: method, step 4 (two obligations)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from workbook.domain.calendar_rules import week_start

# An interaction within this many days of the connection date is still building the tie.
NEW_CONNECTION_DAYS = 30


def expansion_touches(purpose: pd.Series, layer: pd.Series, occurred_on: pd.Series,
                      connected_on: pd.Series) -> pd.Series:
    """The rule that splits touches into maintaining and expanding the network, for columns
    of the same index: True where the touch expands it.

    A touch EXPANDS the network when any of: it was logged with purpose `expand`; the contact
    is in the `target` layer (the network one wants to join); or it happens within
    NEW_CONNECTION_DAYS of the connection date (the first month of a new tie). Anything else
    MAINTAINS the existing network. SOURCE: method, step 4 (two obligations).
    """
    age = (pd.to_datetime(occurred_on) - pd.to_datetime(connected_on)).dt.days
    new_tie = age.between(0, NEW_CONNECTION_DAYS)   # no connection date: NaN, not between
    return (purpose == "expand") | (layer == "target") | new_tie


def is_expansion(purpose: str, layer: str, occurred_on: dt.date | pd.Timestamp,
                 connected_on: dt.date | pd.Timestamp | None) -> bool:
    """`expansion_touches` for one touch."""
    return bool(expansion_touches(pd.Series([purpose]), pd.Series([layer]),
                                  pd.Series([occurred_on]), pd.Series([connected_on],
                                                                      dtype=object)).iloc[0])


def suggested_purpose(layer: str, connected_on, has_earlier_touch: bool, on: dt.date) -> str:
    """Purpose proposed when logging a touch: `expand` for a first touch ever or when
    `is_expansion` says so, else `maintain`. SOURCE: method, step 4 (two obligations)."""
    if not has_earlier_touch or is_expansion("maintain", layer, on, connected_on):
        return "expand"
    return "maintain"


def _expands(interactions: pd.DataFrame, contacts: pd.DataFrame) -> pd.Series:
    """`expansion_touches` of every interaction, each read with its contact's layer and
    connection date."""
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
    expands = _expands(frame, contacts).to_numpy(dtype=bool)
    minutes = frame["kind"].map(TOUCH_MINUTES).fillna(DEFAULT_TOUCH_MINUTES).to_numpy()
    for purpose, chosen in (("maintain", ~expands), ("expand", expands)):
        table[f"{purpose}_touches"] = np.bincount(week[chosen], minlength=weeks)
        table[f"{purpose}_minutes"] = np.bincount(week[chosen], weights=minutes[chosen],
                                                  minlength=weeks).astype(int)
    new = pd.DataFrame({"week": week, "contact_id": frame["contact_id"].to_numpy()})[
        is_first & expands].drop_duplicates()
    table["new_people"] = np.bincount(new["week"], minlength=weeks)
    return table


def actual_split(weekly: pd.DataFrame, last_weeks: int = 4) -> tuple[int, int]:
    """(maintain, expand) minutes per week actually spent, averaged over the last weeks
    (estimated with TOUCH_MINUTES). SOURCE: method, step 4 (a time budget, two obligations)."""
    tail = weekly.tail(last_weeks)
    if tail.empty:
        return 0, 0
    return round(tail["maintain_minutes"].mean()), round(tail["expand_minutes"].mean())
