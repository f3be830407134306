"""Who is due: cadences per layer, the stay-in-touch clock, due/drifting/revive lists,
relationship health and the network's temperature.

Method, step 4 (docs/architecture.md): keep the existing network alive; a network decays (people
move, retire, vanish). Frames read here are described in `workbook.domain.routines`."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from workbook.domain.calendar_rules import week_start

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
    """Days between touches for one contact (see `cadence_days`)."""
    value = cadence_days(pd.Series([layer]), pd.Series([override], dtype="object"),
                         cadences).iloc[0]
    return None if pd.isna(value) else int(value)


def cadence_days(layers: pd.Series, overrides: pd.Series, cadences: dict[str, int]) -> pd.Series:
    """Days between touches for each contact: its own override, else its layer's cadence.

    `unsorted` and `dormant` contacts have none (method, step 4: dormant ties are a revive
    list, not a duty; unsorted ones are not placed yet). SOURCE: Dunbar layers; method step 4.
    Series of Int64 (<NA> when unscheduled), aligned on `layers`.
    """
    per_layer = {layer: int(cadences.get(layer, days)) for layer, days
                 in DEFAULT_CADENCE_DAYS.items()}
    base = layers.map(per_layer).astype("Float64")
    own = pd.to_numeric(pd.Series(overrides.to_numpy(), index=layers.index, dtype="object"),
                        errors="coerce").astype("Float64")
    own = own.where(own > 0)
    chosen = own.fillna(base).where(layers.isin(SCHEDULED_LAYERS))
    return chosen.round().astype("Int64")


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
    """How warm one tie is (see `warmth_of`)."""
    return float(warmth_of(pd.Series([cadence], dtype="float"),
                           pd.Series([days_since], dtype="float")).iloc[0])


def warmth_of(cadence: pd.Series, days: pd.Series) -> pd.Series:
    """How warm each tie is, 0..1: 1 while within its cadence, then cadence/days (a contact
    twice overdue counts ½); 0 if never touched; NaN when unscheduled.
    SOURCE: method, step 4 (networks decay)."""
    cadence = cadence.astype("float").to_numpy()
    days = days.astype("float").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(np.isnan(days), 0.0,
                         np.where(days <= cadence, 1.0, cadence / days))
    return pd.Series(np.where(np.isnan(cadence), np.nan, value))


def due_status(contacts: pd.DataFrame, interactions: pd.DataFrame, cadences: dict[str, int],
               today: dt.date, before: dt.date | None = None) -> pd.DataFrame:
    """One row per contact: when it was last touched, when it is due, and by how much late.

    The clock starts at the last interaction (`stay_in_touch_clock`); for someone never in
    touch, on the day the user put them in their layer (`layer_set_on`) — never at the
    LinkedIn connection date: a connection made in 2008 and sorted today is not 18 years
    late, it is new on the list. With no layer date either, they are `never` in touch: a
    place to start, not a debt.

    Columns: contact_id, full_name, layer, organisation, cadence_days (Int64), last_touch
    (Timestamp/NaT), days_since (Int64: days since the last exchange, <NA> if none),
    due_on (Timestamp/NaT), overdue_days (Int64), warmth (float, NaN when unscheduled),
    status (see STATUSES): `ok`, `due` (late by at most DRIFT_RATIO of the cadence),
    `drifting` (later), `never` (scheduled, never in touch, not yet due), `revive`
    (dormant), `unscheduled` (unsorted).
    SOURCE: method, step 4; Dunbar cadences.
    """
    clock = stay_in_touch_clock(interactions, before=before)
    frame = contacts[["contact_id", "full_name", "layer", "organisation", "cadence_days"]].copy()
    last = clock.astype("datetime64[ns]").reindex(frame["contact_id"].to_numpy())
    frame["last_touch"] = pd.Series(last.to_numpy(), index=frame.index, dtype="datetime64[ns]")
    frame["cadence_days"] = cadence_days(frame["layer"], frame["cadence_days"], cadences)
    today_ts = pd.Timestamp(today)
    if "layer_set_on" in contacts.columns:
        layered = contacts["layer_set_on"].astype("datetime64[ns]").clip(upper=today_ts)
    else:
        layered = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    start = frame["last_touch"].fillna(layered)
    frame["days_since"] = pd.array((today_ts - frame["last_touch"]).dt.days, dtype="Int64")
    frame["due_on"] = start + pd.to_timedelta(frame["cadence_days"].astype("float"), unit="D")
    frame["overdue_days"] = pd.array((today_ts - frame["due_on"]).dt.days, dtype="Int64")
    frame["warmth"] = warmth_of(frame["cadence_days"], (today_ts - start).dt.days).to_numpy()
    frame["status"] = _statuses(frame["layer"], frame["cadence_days"],
                                frame["last_touch"].notna(), frame["overdue_days"])
    return frame.reset_index(drop=True)


def _statuses(layer: pd.Series, cadence: pd.Series, touched: pd.Series,
              overdue: pd.Series) -> np.ndarray:
    cadence = cadence.astype("float").to_numpy()
    overdue = overdue.astype("float").to_numpy()
    waiting = np.isnan(overdue) | (overdue < 0)
    with np.errstate(invalid="ignore"):
        drifting = overdue > DRIFT_RATIO * cadence
    return np.select(
        [layer.to_numpy() == "dormant", np.isnan(cadence), waiting & touched.to_numpy(),
         waiting, drifting],
        ["revive", "unscheduled", "ok", "never", "drifting"], "due").astype(object)


def due_list(status: pd.DataFrame) -> pd.DataFrame:
    """Who is due now, the most overdue relative to their cadence first, closest layers first
    on ties. SOURCE: method, step 4."""
    return by_urgency(status[status["status"] == "due"].copy())


def never_list(status: pd.DataFrame) -> pd.DataFrame:
    """Sorted contacts never in touch and not yet due: closest layers first, then by name
    (the page's "start here"; the weekly plan ranks them with "whom to contact next").
    SOURCE: method, step 4."""
    rows = status[status["status"] == "never"].copy()
    rows["_priority"] = rows["layer"].map(LAYER_PRIORITY)
    return rows.sort_values(["_priority", "full_name"]).drop(columns="_priority").reset_index(
        drop=True)


def drifting_list(status: pd.DataFrame) -> pd.DataFrame:
    """Ties drifting away (overdue by more than DRIFT_RATIO of their cadence), worst first.
    SOURCE: method, step 4 (networks decay when neglected)."""
    return by_urgency(status[status["status"] == "drifting"].copy())


def revive_list(status: pd.DataFrame) -> pd.DataFrame:
    """Dormant ties, the longest silent first (never-touched ones last). SOURCE: method, step 4."""
    rows = status[status["status"] == "revive"].copy()
    return rows.sort_values(["days_since", "full_name"], ascending=[False, True],
                            na_position="last").reset_index(drop=True)


def by_urgency(rows: pd.DataFrame, layer_first: bool = False) -> pd.DataFrame:
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
        later = contacts["connected_on"] > pd.Timestamp(end)
        if "layer_set_on" in contacts.columns:  # not in their layer yet that week
            later |= contacts["layer_set_on"] > pd.Timestamp(end)
        known = contacts[~later]
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
