"""The network map's rules: layers and their capacities, filters, bulk tagging, the
"whom to contact next" ranking (in `network_ranking`, re-exported here), the coverage of
target organisations, chart aggregates.

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

import numpy as np
import pandas as pd

from workbook.domain.names import fold
from workbook.domain.network_ranking import (  # noqa: F401  (one place to import from)
    FACTOR_WEIGHTS,
    LAYER_WEIGHT,
    LONG_SILENCE_DAYS,
    MUTUAL_PEAK,
    NEGATIVE_REASONS,
    NO_ROLE_WEIGHT,
    REASONS,
    RECENT_DAYS,
    ROLE_WEIGHT,
    TIE_WEIGHT,
    UNKNOWN_TIE_WEIGHT,
    RankingFactors,
    days_since,
    layer_factor,
    mutual_weight,
    rank_contacts,
    ranking_factors,
    reasons_for,
    recency_factor,
    role_factor,
    target_factor,
    tie_factor,
)
from workbook.domain.network_terms import ContactFilter
from workbook.domain.people_search import fold_series, search_keys  # noqa: F401  (fold_series: one place to import from)
from workbook.domain.vocabulary import LAYERS, ROLES

FRAME_COLUMNS = ("id", "full_name", "email", "organisation_id", "organisation", "sector",
                 "position", "layer", "tie_strength", "mutual_connections", "can_give", "roles",
                 "needs", "last_contact", "at_target", "introduces_to_target", "source")

# ---------------------------------------------------------------- frame preparation

def empty_frame() -> pd.DataFrame:
    """A contacts frame with no rows and every documented column."""
    frame = pd.DataFrame({name: pd.Series(dtype="str") for name in FRAME_COLUMNS})
    frame = frame.astype({"id": "int64", "organisation_id": "Int64", "tie_strength": "float64",
                          "mutual_connections": "float64", "last_contact": "datetime64[ns]",
                          "at_target": "bool", "introduces_to_target": "int64"})
    return prepare_frame(frame)


def prepare_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns (`role_<code>` booleans, `search_key`) used by filters and ranking.

    Done once when the frame is loaded, so filtering and ranking 30,000 rows stay vectorised.
    """
    frame = with_role_columns(frame.copy())
    frame["search_key"] = search_keys(frame["full_name"] + " " + frame["organisation"] + " "
                                      + frame["position"] + " " + frame["email"])
    return frame.reset_index(drop=True)


def with_role_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (changed in place and returned) with a `role_<code>` boolean per role, from
    its `roles` column (codes separated by spaces): what the ranking reads."""
    roles = frame["roles"].fillna("").astype(str)
    tagged = (roles != "").to_numpy()               # most contacts have no role: skip them
    padded = " " + roles[tagged] + " "
    for role in ROLES:
        column = np.zeros(len(frame), dtype=bool)
        column[tagged] = padded.str.contains(f" {role} ", regex=False).to_numpy(dtype=bool)
        frame[f"role_{role}"] = column
    return frame


# ---------------------------------------------------------------- layers (Dunbar)

# ---------------------------------------------------------------- filters and bulk tagging

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
