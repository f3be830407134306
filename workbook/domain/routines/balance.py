"""Maintain versus expand: which touches keep the network alive and which grow it, and
the time they take week by week. SOURCE: method, step 4 (two obligations)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from workbook.domain.calendar_rules import week_start

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
    # plain lists: iterating pandas arrays converts value by value, several times slower
    return pd.Series(
        ["expand" if is_expansion(p, lay, on, con) else "maintain"
         for p, lay, on, con in zip(interactions["purpose"].tolist(), layers.tolist(),
                                    interactions["occurred_on"].tolist(), connected.tolist())],
        index=interactions.index, dtype="object", name="effective_purpose")


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
    starts = [first_week + dt.timedelta(weeks=i) for i in range(weeks)]
    table = pd.DataFrame({"week_start": starts})
    frame = interactions.copy()
    first_touch = frame.groupby("contact_id")["occurred_on"].transform("min")
    frame["is_first"] = frame["occurred_on"] == first_touch
    # Only the weeks shown are classified (row by row, through the one rule): a year of
    # exchanges at 30,000 contacts is 60,000 rows, the last 12 weeks a quarter of them.
    frame = frame[frame["occurred_on"] >= pd.Timestamp(first_week)].copy()
    frame["effective"] = classify_touches(frame, contacts) if len(frame) else pd.Series(
        dtype="object")
    frame["minutes"] = frame["kind"].map(TOUCH_MINUTES).fillna(DEFAULT_TOUCH_MINUTES)
    frame["week_start"] = [week_start(ts.date()) for ts in frame["occurred_on"].tolist()]
    for purpose in ("maintain", "expand"):
        part = frame[frame["effective"] == purpose].groupby("week_start")
        table[f"{purpose}_touches"] = table["week_start"].map(part.size()).fillna(0).astype(int)
        table[f"{purpose}_minutes"] = table["week_start"].map(part["minutes"].sum()).fillna(
            0).astype(int)
    new = frame[frame["is_first"] & (frame["effective"] == "expand")]
    table["new_people"] = table["week_start"].map(
        new.groupby("week_start")["contact_id"].nunique()).fillna(0).astype(int)
    return table


def actual_split(weekly: pd.DataFrame, last_weeks: int = 4) -> tuple[int, int]:
    """(maintain, expand) minutes per week actually spent, averaged over the last weeks
    (estimated with TOUCH_MINUTES). SOURCE: method, step 4 (a time budget, two obligations)."""
    tail = weekly.tail(last_weeks)
    if tail.empty:
        return 0, 0
    return round(tail["maintain_minutes"].mean()), round(tail["expand_minutes"].mean())
