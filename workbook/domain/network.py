"""The network map's rules: layers and their capacities, filters, bulk tagging, the
"whom to contact next" ranking, the coverage of target organisations, chart aggregates.

Pure functions over one pandas frame of contacts, the *contacts frame*. Its columns
(built by `workbook.store.network.contacts_frame`, completed by `prepare_frame`):

=====================  ===========  =====================================================
column                 dtype        meaning
=====================  ===========  =====================================================
id                     int64        contact id
full_name              str          display name
email                  str          '' when unknown
organisation_id        Int64        <NA> when none
organisation           str          organisation name, '' when none
sector                 str          organisation sector, '' when unknown
position               str          job title
layer                  str          a code of `vocabulary.LAYERS`
tie_strength           float64      1 (acquaintance) … 5 (very close); NaN unknown
mutual_connections     float64      number of shared connections; NaN unknown
can_give               str          what I can give them (free text)
roles                  str          role codes (`vocabulary.ROLES`), space-separated
needs                  str          what they seek (`vocabulary.NEEDS`), space-separated
last_contact           datetime64   last interaction; NaT if never
at_target              bool         works at one of my target organisations
introduces_to_target   int64        target organisations they can introduce me to
source                 str          'manual', 'linkedin', …
-- added by prepare_frame --
role_<code>            bool         one column per role
search_key             str          folded name, organisation, position, email
=====================  ===========  =====================================================
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbook.domain.names import fold
from workbook.domain.vocabulary import DUNBAR_CAPACITY, LAYERS, NEEDS, ROLES

FRAME_COLUMNS = ("id", "full_name", "email", "organisation_id", "organisation", "sector",
                 "position", "layer", "tie_strength", "mutual_connections", "can_give", "roles",
                 "needs", "last_contact", "at_target", "introduces_to_target", "source")

# Network-intelligence questions to put to contacts and groups (method, step 5).
INTELLIGENCE_QUESTIONS = ("new_entrants", "competitors", "key_players", "client_sentiment",
                          "most_interesting_person")

# "The three brightest people I know" (the method, step 4: keep adding new connections by
# asking the brightest people you know whom they find bright).
BRIGHT_PEOPLE_MAX = 3


# Tie strength as the user rates it: 1 (acquaintance) … 5 (very close).
TIE_STRENGTHS = (1, 2, 3, 4, 5)
# LAMP scores of a target organisation, 0–3 (Dalton, The 2-Hour Job Search).
LAMP_SCORES = (0, 1, 2, 3)


# ---------------------------------------------------------------- frame preparation

def empty_frame() -> pd.DataFrame:
    """A contacts frame with no rows and every documented column."""
    frame = pd.DataFrame({name: pd.Series(dtype="str") for name in FRAME_COLUMNS})
    frame = frame.astype({"id": "int64", "organisation_id": "Int64", "tie_strength": "float64",
                          "mutual_connections": "float64", "last_contact": "datetime64[ns]",
                          "at_target": "bool", "introduces_to_target": "int64"})
    return prepare_frame(frame)


def fold_series(values: pd.Series) -> pd.Series:
    """`names.fold` for a whole column at once (accents off, casefolded, punctuation → space):
    the same result in about half the time on 30,000 rows, as search keys are built at load."""
    text = values.fillna("").astype(str).str.normalize("NFKD")
    text = text.str.replace(r"[\u0300-\u036f]", "", regex=True).str.casefold()
    return text.str.replace(r"[^\w]+", " ", regex=True).str.strip()


def prepare_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns (`role_<code>` booleans, `search_key`) used by filters and ranking.

    Done once when the frame is loaded, so filtering and ranking 30,000 rows stay vectorised.
    """
    frame = frame.copy()
    padded = " " + frame["roles"].fillna("").astype(str) + " "
    for role in ROLES:
        frame[f"role_{role}"] = padded.str.contains(f" {role} ", regex=False)
    frame["search_key"] = fold_series(frame["full_name"] + " " + frame["organisation"] + " "
                                      + frame["position"] + " " + frame["email"])
    return frame.reset_index(drop=True)


def role_codes(roles: str) -> tuple[str, ...]:
    """Role codes of one contact, in vocabulary order."""
    present = set((roles or "").split())
    return tuple(r for r in ROLES if r in present)


def need_codes(needs: str) -> tuple[str, ...]:
    """Need codes of one contact, in vocabulary order."""
    present = set((needs or "").split())
    return tuple(n for n in NEEDS if n in present)


# ---------------------------------------------------------------- layers (Dunbar)

@dataclass(frozen=True)
class LayerOverflow:
    """Layer `layer`'s circle holds `count` people, more than Dunbar's `capacity`."""

    layer: str
    count: int
    capacity: int


def layer_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Contacts per layer code (every code of `LAYERS`, zeros included)."""
    counts = frame["layer"].value_counts()
    return {layer: int(counts.get(layer, 0)) for layer in LAYERS}


def layer_overflows(counts: Mapping[str, int]) -> list[LayerOverflow]:
    """The layers holding more contacts than their capacity (`vocabulary.DUNBAR_CAPACITY`).

    SOURCE: Dunbar, "How Many Friends Does One Person Need?" (2010); Zhou, Sornette, Hill &
    Dunbar, Proc. R. Soc. B 2005: people keep about 5, 15, 50 and 150 ties at decreasing
    closeness. Each layer of the workbook is compared with its own figure, as the method sizes
    the layers (inner 5, close 15, active 50, target 150). Dunbar's circles are nested, so these
    per-layer caps are the generous reading: a warning here is a real overflow. Dormant and
    unsorted contacts have no capacity.
    """
    return [LayerOverflow(layer, int(counts.get(layer, 0)), capacity)
            for layer, capacity in DUNBAR_CAPACITY.items() if int(counts.get(layer, 0)) > capacity]


# ---------------------------------------------------------------- filters and bulk tagging

@dataclass(frozen=True)
class ContactFilter:
    """What the user narrowed the contact list to. Empty fields do not filter."""

    query: str = ""
    layers: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    untagged_only: bool = False      # contacts without any role yet
    target_only: bool = False        # at a target organisation or able to introduce to one

    @property
    def is_empty(self) -> bool:
        return self == ContactFilter()


def filter_mask(frame: pd.DataFrame, chosen: ContactFilter) -> pd.Series:
    """Boolean mask of the contacts matching `chosen`.

    The query matches accent- and case-insensitively, every word somewhere in the name,
    organisation, position or e-mail ("chasseur tetes" finds "Chasseur de têtes"); a query of
    symbols only matches them as typed.
    Roles match any of the chosen roles.
    """
    mask = pd.Series(True, index=frame.index)
    words = fold(chosen.query).split()
    for word in words:
        mask &= frame["search_key"].str.contains(word, regex=False)
    typed = chosen.query.strip().casefold()
    if typed and not words:
        # Only symbols or emoji ("🌱", "%", "'"): folding drops them, and an empty search
        # would match everyone. Look for them as typed instead.
        raw = (frame["full_name"] + " " + frame["organisation"] + " " + frame["position"]
               + " " + frame["email"]).str.casefold()
        mask &= raw.str.contains(typed, regex=False)
    if chosen.layers:
        mask &= frame["layer"].isin(chosen.layers)
    if chosen.roles:
        mask &= frame[[f"role_{r}" for r in chosen.roles]].any(axis=1)
    if chosen.untagged_only:
        mask &= frame["roles"].str.len() == 0
    if chosen.target_only:
        mask &= frame["at_target"] | (frame["introduces_to_target"] > 0)
    return mask


def filter_contacts(frame: pd.DataFrame, chosen: ContactFilter) -> pd.DataFrame:
    return frame[filter_mask(frame, chosen)] if not chosen.is_empty else frame


def bulk_tag_ids(frame: pd.DataFrame, chosen: ContactFilter, role: str) -> list[int]:
    """Ids of filtered contacts that do not carry `role` yet: what a bulk tag will change.

    Method, step 2 (map connectors and prescribers): e.g. every "Chasseur de têtes" is a
    prescriber; tagging by filter sorts an imported network in minutes instead of hours.
    """
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    matched = filter_contacts(frame, chosen)
    return matched.loc[~matched[f"role_{role}"], "id"].astype(int).tolist()


def bulk_layer_ids(frame: pd.DataFrame, chosen: ContactFilter, layer: str) -> list[int]:
    """Ids of filtered contacts not yet in `layer`."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}")
    matched = filter_contacts(frame, chosen)
    return matched.loc[matched["layer"] != layer, "id"].astype(int).tolist()


# ---------------------------------------------------------------- "whom to contact next"

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


# ---------------------------------------------------------------- targets (LAMP) and coverage

def lamp_order(targets: pd.DataFrame) -> pd.DataFrame:
    """Target organisations in LAMP order: Motivation, then Posting, then Advocacy, descending.

    SOURCE: Steve Dalton, The 2-Hour Job Search (2012), LAMP — List, Alumni/Advocacy,
    Motivation, Posting; the list is sorted by motivation first (unknown scores count as 0).
    """
    keys = targets[["motivation", "posting", "advocacy"]].fillna(0)
    ordered = targets.assign(_m=keys["motivation"], _p=keys["posting"], _a=keys["advocacy"])
    ordered = ordered.sort_values(["_m", "_p", "_a", "name"], ascending=[False, False, False, True],
                                  kind="stable")
    return ordered.drop(columns=["_m", "_p", "_a"]).reset_index(drop=True)


def target_coverage(targets: pd.DataFrame, frame: pd.DataFrame,
                    introductions: pd.DataFrame) -> pd.DataFrame:
    """Who gets me into each target organisation.

    First degree: contacts who work there. Second degree: contacts recorded as able to
    introduce me to someone there ("can introduce to"); those tagged connector or prescriber
    are counted apart, as the method expects the door to open through them.
    SOURCE: the method, step 2 ("the real power is in the second degree") and step 5
    (members cross-introduce each other at target organisations); LAMP's A column (advocacy).

    `introductions` columns: introducer_id, organisation_id. Returns `targets` in LAMP order
    plus first_degree, second_degree, second_degree_connectors (ints) and status
    ('first' | 'second' | 'none').
    """
    ordered = lamp_order(targets)
    first = frame.groupby("organisation_id")["id"].count() if len(frame) else pd.Series(dtype=int)
    key_people = set(frame.loc[frame["role_connector"] | frame["role_prescriber"], "id"].tolist())
    intros = introductions.drop_duplicates(["introducer_id", "organisation_id"])
    second = intros.groupby("organisation_id")["introducer_id"].count()
    key_second = (intros[intros["introducer_id"].isin(key_people)]
                  .groupby("organisation_id")["introducer_id"].count())
    org = ordered["organisation_id"]
    ordered["first_degree"] = org.map(first).fillna(0).astype(int).to_numpy()
    ordered["second_degree"] = org.map(second).fillna(0).astype(int).to_numpy()
    ordered["second_degree_connectors"] = org.map(key_second).fillna(0).astype(int).to_numpy()
    ordered["status"] = np.select([ordered["first_degree"] > 0, ordered["second_degree"] > 0],
                                  ["first", "second"], "none")
    return ordered


# ---------------------------------------------------------------- chart aggregates

def layer_role_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Contacts per (layer, role): a contact with several roles counts once per role, one with
    none under role ''. Columns: layer, role, contacts (zero rows dropped), in `LAYERS` order.

    The same figures as `store.contacts.layer_role_counts` (home page), counted on the frame
    the page already holds, so a redraw of the map sends no query.
    """
    rows = []
    for layer, group in frame.groupby("layer", sort=False):
        untagged = int((group["roles"].str.len() == 0).sum())
        if untagged:
            rows.append((layer, "", untagged))
        for role in ROLES:
            count = int(group[f"role_{role}"].sum())
            if count:
                rows.append((layer, role, count))
    counts = pd.DataFrame(rows, columns=["layer", "role", "contacts"])
    order = {code: i for i, code in enumerate(LAYERS)}
    return counts.sort_values("layer", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True)


def top_groups(frame: pd.DataFrame, column: str, top: int = 15) -> pd.DataFrame:
    """Contacts per value of `column` (organisation or sector): the `top` largest, then one
    row '' for all the others and the blanks. Columns: name, contacts, is_other."""
    values = frame[column].fillna("")
    counts = values[values != ""].value_counts()
    head = counts.head(top)
    rest = int(len(values) - head.sum())
    names = [*head.index.tolist(), *([""] if rest else [])]
    return pd.DataFrame({"name": names, "contacts": [*head.astype(int).tolist(),
                                                     *([rest] if rest else [])],
                         "is_other": [False] * len(head) + ([True] if rest else [])})


def introduction_graph(introductions: pd.DataFrame, frame: pd.DataFrame,
                       limit: int = 60) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Who introduces whom, aggregated for drawing: at most `limit` introducer→organisation edges.

    `introductions` columns: introducer_id, organisation_id, organisation, is_target.
    Returns (nodes, edges). nodes: key, label, kind ('person' | 'organisation'), is_target,
    weight (number of edges). edges: source, target (node keys), people (introductions
    summed over names). Edges to target organisations are kept first.
    """
    names = frame.set_index("id")["full_name"] if len(frame) else pd.Series(dtype=str)
    edges = (introductions.groupby(["introducer_id", "organisation_id"], as_index=False)
             .agg(people=("introducer_id", "size"), organisation=("organisation", "first"),
                  is_target=("is_target", "max")))
    edges = edges.sort_values(["is_target", "people", "introducer_id"],
                              ascending=[False, False, True], kind="stable").head(limit)
    people = edges["introducer_id"].drop_duplicates()
    orgs = edges.drop_duplicates("organisation_id")
    nodes = pd.concat([
        pd.DataFrame({"key": "p" + people.astype(str),
                      "label": people.map(names).fillna("").to_numpy(),
                      "kind": "person", "is_target": False,
                      "weight": people.map(edges["introducer_id"].value_counts()).to_numpy()}),
        pd.DataFrame({"key": "o" + orgs["organisation_id"].astype(str),
                      "label": orgs["organisation"].to_numpy(), "kind": "organisation",
                      "is_target": orgs["is_target"].astype(bool).to_numpy(),
                      "weight": orgs["organisation_id"].map(
                          edges["organisation_id"].value_counts()).to_numpy()}),
    ], ignore_index=True)
    links = pd.DataFrame({"source": "p" + edges["introducer_id"].astype(str),
                          "target": "o" + edges["organisation_id"].astype(str),
                          "people": edges["people"].to_numpy()})
    return nodes, links


# ---------------------------------------------------------------- exercises of the method

def bright_person_problem(name: str, existing: int) -> str | None:
    """Why a "brightest people I know" entry cannot be added (a code), or None.

    SOURCE: the method, step 4 (keep adding new connections): name the three brightest
    people you know outside your organisation, then ask each whom *they* find brightest.
    """
    if not name.strip():
        return "name_missing"
    if existing >= BRIGHT_PEOPLE_MAX:
        return "three_already"
    return None


def parse_optional_int(text: str, low: int, high: int | None = None) -> int | None:
    """An optional whole number typed by the user: '' → None; raises ValueError if invalid."""
    text = (text or "").strip()
    if not text:
        return None
    value = int(text)
    if value < low or (high is not None and value > high):
        raise ValueError(text)
    return value
