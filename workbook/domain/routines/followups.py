"""The 3B7 follow-up rule on first messages to new people.
SOURCE: Steve Dalton, The 2-Hour Job Search (2012)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from workbook.domain.calendar_rules import add_business_days, business_days_between
from workbook.domain.contacts_matching import person_name_key

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
    # Only the people written to and those at the organisations written to are looked at
    # (where "someone else" is found): a few dozen of 30,000.
    involved = contacts[contacts["contact_id"].isin(outreach["contact_id"])
                        | contacts["organisation_id"].isin(outreach["organisation_id"].dropna())]
    names = involved.set_index("contact_id")
    columns = ["outreach_id", "contact_id", "full_name", "organisation_id", "organisation",
               "sent_on", "business_days", "try_another_on", "follow_up_on", "action",
               "alternatives"]
    answers = pd.DataFrame(columns=["contact_id", "occurred_on"])
    if interactions is not None:   # (the people written to first: a few of 60,000 rows)
        theirs = interactions[interactions["contact_id"].isin(outreach["contact_id"])]
        answers = theirs[theirs["direction"].isin(["in", "mutual"])
                         & (theirs["occurred_on"] <= pd.Timestamp(today))]
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
            others = involved[(involved["organisation_id"] == org)
                              & ~involved["contact_id"].isin(written)]
            alternatives = _distinct_names(others.sort_values("full_name")["full_name"],
                                           involved[involved["contact_id"].isin(written)]
                                           ["full_name"])[:3]
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


def _distinct_names(names, written_names) -> tuple[str, ...]:
    """Each person once, even when the profile holds two records of them ("Ana Bernard",
    "ANA BERNARD", "Bernard, Ana": `person_name_key`), and never someone already written
    to under another record of the same name: "someone else" must be someone else."""
    seen = {person_name_key(name) for name in written_names}
    kept = []
    for name in names:
        key = person_name_key(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return tuple(kept)

