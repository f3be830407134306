"""The network map's "whom to contact next" ranking: each contact's factors (role, layer,
tie strength and mutual connections, link to a target organisation, time since the last
exchange), their weighted score and the reasons shown with it. Sources are named on each
weight below (the method, Granovetter 1973, Rajkumar et al. 2022, Dunbar).

Pure functions over the contacts frame described in `workbook.domain.network`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

# Each weight is one documented rule; the score is their weighted sum, 0–100.
ROLE_WEIGHT = {"connector": 1.0, "prescriber": 1.0, "decision_maker": 0.8, "alumni": 0.7,
               "ex_colleague": 0.7, "expert": 0.5, "peer": 0.5, "journalist": 0.3}
NO_ROLE_WEIGHT = 0.3
LAYER_WEIGHT = {"active": 1.0, "target": 0.9, "close": 0.8, "dormant": 0.75, "inner": 0.4,
                "unsorted": 0.5}
TIE_WEIGHT = {1: 0.6, 2: 1.0, 3: 0.85, 4: 0.5, 5: 0.3}
UNKNOWN_TIE_WEIGHT = 0.6
MUTUAL_PEAK = 10
FACTOR_WEIGHTS = {"role": 0.25, "layer": 0.15, "tie": 0.20, "target": 0.25, "recency": 0.15}
RECENT_DAYS = 14          # contacted less than two weeks ago: let them answer first
LONG_SILENCE_DAYS = 90

# Reason codes (UI key `network.reason.<code>`); those in NEGATIVE lower the score.
REASONS = ("introduces_to_target", "works_at_target", "key_role", "decision_maker",
           "close_history", "moderate_tie", "about_ten_mutual", "dormant_tie", "never_contacted",
           "long_silence", "strong_tie", "inner_circle", "recent_contact", "journalist")
NEGATIVE_REASONS = frozenset({"strong_tie", "inner_circle", "recent_contact", "journalist"})


def role_factor(frame: pd.DataFrame) -> np.ndarray:
    """The best role weight of each contact.

    SOURCE: the method, step 2 — connectors and prescribers are those who can recommend you,
    so they come first; decision-makers next; alumni and ex-colleagues are the close network
    that knows your work. Journalists have their own page and rules (method, step 3).
    """
    best = np.zeros(len(frame))
    for role, weight in ROLE_WEIGHT.items():
        has = frame[f"role_{role}"].to_numpy(dtype=bool)
        best = np.where(has, np.maximum(best, weight), best)
    best[best == 0] = NO_ROLE_WEIGHT
    return best


def layer_factor(frame: pd.DataFrame) -> np.ndarray:
    """Weight of each contact's layer.

    SOURCE: Dunbar's layers (method, step 2) and Granovetter 1973 — the inner circle already
    knows you are looking and shares your information, so the active and target layers carry
    new leads; dormant ties are worth reviving (Levin, Walter & Murnighan, Organization
    Science 2011: reconnected dormant ties give fresher advice than current ones).
    """
    return frame["layer"].map(LAYER_WEIGHT).fillna(LAYER_WEIGHT["unsorted"]).to_numpy(float)


def mutual_weight(mutual: np.ndarray) -> np.ndarray:
    """Inverted U peaking at ~10 mutual connections: (m/10)·e^(1−m/10); NaN → 0.5.

    SOURCE: Rajkumar, Saint-Jacques, Bojinov, Brynjolfsson & Aral, "A causal test of the
    strength of weak ties", Science 2022 — on LinkedIn, moderately weak ties (around ten
    mutual connections) produced the most job mobility; the strongest and the weakest less.
    """
    m = np.asarray(mutual, dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):
        curve = (m / MUTUAL_PEAK) * np.exp(1 - m / MUTUAL_PEAK)
    return np.where(np.isnan(m), 0.5, curve)


def tie_factor(frame: pd.DataFrame) -> np.ndarray:
    """Moderately weak ties first: the mean of the tie-strength weight and the mutual weight.

    SOURCE: Granovetter, "The Strength of Weak Ties", AJS 1973 (acquaintances bridge to
    information the close circle does not have); Rajkumar et al., Science 2022 (inverted U:
    moderately weak ties beat both the weakest and the strongest).
    """
    tie = frame["tie_strength"].map(TIE_WEIGHT).fillna(UNKNOWN_TIE_WEIGHT).to_numpy(float)
    mutual = mutual_weight(frame["mutual_connections"].to_numpy(dtype=float, na_value=np.nan))
    known = ~np.isnan(frame["mutual_connections"].to_numpy(dtype=float, na_value=np.nan))
    return np.where(known, (tie + mutual) / 2, tie)


def target_factor(frame: pd.DataFrame) -> np.ndarray:
    """1 for who can introduce me to a target organisation, 0.8 for who works at one, else 0.

    SOURCE: the method, step 2 — "the real power is in the second degree": a connector who
    knows someone at a target opens a door a cold application does not; LAMP (Dalton, The
    2-Hour Job Search) puts the target list first and works it through advocates.
    """
    second = frame["introduces_to_target"].to_numpy() > 0
    first = frame["at_target"].to_numpy(dtype=bool)
    return np.where(second, 1.0, np.where(first, 0.8, 0.0))


def days_since(frame: pd.DataFrame, today: dt.date) -> np.ndarray:
    """Days since the last interaction; NaN when never contacted."""
    last = pd.to_datetime(frame["last_contact"])
    delta = (pd.Timestamp(today) - last).dt.days
    return delta.to_numpy(dtype=float, na_value=np.nan)


def recency_factor(days: np.ndarray) -> np.ndarray:
    """Time since last contact: recently contacted → wait; long silence → time to reach out.

    SOURCE: the method, step 4 — keep ties alive with regular touches, networks decay; and
    The 2-Hour Job Search's 3B7 rule — give people time to answer before the next nudge.
    < 14 days: 0; < 30: 0.3; < 90: 0.6; ≥ 90: 1; never contacted: 0.8.
    """
    d = np.asarray(days, dtype=float)
    steps = np.select([d < RECENT_DAYS, d < 30, d < LONG_SILENCE_DAYS], [0.0, 0.3, 0.6], 1.0)
    return np.where(np.isnan(d), 0.8, steps)


@dataclass(frozen=True)
class RankingFactors:
    """The five factors of every contact, each in 0–1, and the days since last contact."""

    role: np.ndarray
    layer: np.ndarray
    tie: np.ndarray
    target: np.ndarray
    recency: np.ndarray
    days: np.ndarray = field(repr=False)

    def score(self) -> np.ndarray:
        """Weighted sum of the factors, 0–100; halved for whoever was contacted less than
        `RECENT_DAYS` ago (3B7, The 2-Hour Job Search: give people time to answer before
        the next nudge — they drop below everyone still waiting for a first message)."""
        w = FACTOR_WEIGHTS
        total = (w["role"] * self.role + w["layer"] * self.layer + w["tie"] * self.tie
                 + w["target"] * self.target + w["recency"] * self.recency)
        waiting = ~np.isnan(self.days) & (self.days < RECENT_DAYS)
        return np.round(100 * np.where(waiting, total / 2, total), 1)


def ranking_factors(frame: pd.DataFrame, today: dt.date) -> RankingFactors:
    days = days_since(frame, today)
    return RankingFactors(role_factor(frame), layer_factor(frame), tie_factor(frame),
                          target_factor(frame), recency_factor(days), days)


def rank_contacts(frame: pd.DataFrame, today: dt.date, top: int | None = 20) -> pd.DataFrame:
    """Whom to contact next: the `top` best-scored contacts (all if None), best first.

    score = 100 × (0.25 role + 0.15 layer + 0.20 tie + 0.25 target + 0.15 recency), each factor
    in 0–1 and documented with its source in `role_factor`, `layer_factor`, `tie_factor`,
    `target_factor`, `recency_factor`; halved when contacted under 14 days ago
    (`RankingFactors.score`). Ties in score go to the lower id (stable order).

    Returns columns: id, full_name, organisation, score, days_since_contact (NaN if never),
    mutual_connections, introduces_to_target, reasons (tuple of `REASONS` codes, those that
    raise the score first, then those in `NEGATIVE_REASONS`).
    """
    columns = ["id", "full_name", "organisation", "score", "days_since_contact",
               "mutual_connections", "introduces_to_target", "reasons"]
    if frame.empty:
        return pd.DataFrame({c: [] for c in columns})
    factors = ranking_factors(frame, today)
    scores = factors.score()
    order = np.lexsort((frame["id"].to_numpy(), -scores))
    if top is not None:
        order = order[:top]
    chosen = frame.iloc[order]
    ranked = pd.DataFrame({
        "id": chosen["id"].to_numpy(),
        "full_name": chosen["full_name"].to_numpy(),
        "organisation": chosen["organisation"].to_numpy(),
        "score": scores[order],
        "days_since_contact": factors.days[order],
        "mutual_connections": chosen["mutual_connections"].to_numpy(),
        "introduces_to_target": chosen["introduces_to_target"].to_numpy(),
    })
    ranked["reasons"] = [reasons_for(row, days) for row, days
                         in zip(chosen.itertuples(index=False), factors.days[order])]
    return ranked


def reasons_for(row, days: float) -> tuple[str, ...]:
    """Reason codes explaining one contact's score (a row of the contacts frame)."""
    found = []
    if row.introduces_to_target > 0:
        found.append("introduces_to_target")
    elif row.at_target:
        found.append("works_at_target")
    if row.role_connector or row.role_prescriber:
        found.append("key_role")
    elif row.role_decision_maker:
        found.append("decision_maker")
    elif row.role_alumni or row.role_ex_colleague:
        found.append("close_history")
    tie = row.tie_strength
    if tie in (2, 3):
        found.append("moderate_tie")
    mutual = row.mutual_connections
    if not math.isnan(mutual) and 5 <= mutual <= 20:
        found.append("about_ten_mutual")
    if row.layer == "dormant":
        found.append("dormant_tie")
    if math.isnan(days):
        found.append("never_contacted")
    elif days >= LONG_SILENCE_DAYS:
        found.append("long_silence")
    if tie in (4, 5):
        found.append("strong_tie")
    if row.layer == "inner":
        found.append("inner_circle")
    if not math.isnan(days) and days < RECENT_DAYS:
        found.append("recent_contact")
    if row.role_journalist and not (row.role_connector or row.role_prescriber):
        found.append("journalist")
    return tuple(found)


