"""Keeping up versus expanding: the one rule that tells them apart, on its edges, as
properties over any profile, and as the Log tab, the weekly balance and the progress card
show it from a real profile."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.domain import routines as r
from workbook.domain.vocabulary import LAYERS, PURPOSES
from workbook.services.card import build_card
from workbook.store import open_profile
from workbook.store.contacts import add_contact
from workbook.ui.common import open_page_context
from workbook.ui.routines import RoutinesPage

TODAY = dt.date(2026, 11, 23)  # a Monday
CONNECTED = pd.Timestamp("2026-10-01")


# ----------------------------------------------------------------- the rule, on its edges

@pytest.mark.parametrize("layer, connected, on, earlier, logged, expected", [
    # someone she placed in an existing-network layer: keeping up, even the first exchange
    ("inner", None, TODAY, False, None, ("maintain", "existing_layer")),
    ("close", CONNECTED, CONNECTED, False, None, ("maintain", "existing_layer")),
    ("active", CONNECTED, CONNECTED, False, "expand", ("maintain", "existing_layer")),
    ("dormant", None, TODAY, False, "expand", ("maintain", "existing_layer")),
    # the network she wants to join: expanding, even when logged as keeping up
    ("target", None, TODAY, True, "maintain", ("expand", "target_layer")),
    # a connection of the last weeks: from its day to day 30 included
    ("unsorted", CONNECTED, CONNECTED, True, "maintain", ("expand", "new_connection")),
    ("unsorted", CONNECTED, CONNECTED + pd.Timedelta(days=30), True, None,
     ("expand", "new_connection")),
    ("unsorted", CONNECTED, CONNECTED + pd.Timedelta(days=31), True, None,
     ("maintain", "known")),
    ("unsorted", CONNECTED, CONNECTED - pd.Timedelta(days=1), True, None, ("maintain", "known")),
    # not sorted, connected long ago: what she logged, else new when nothing is logged yet
    ("unsorted", None, TODAY, True, "expand", ("expand", "logged")),
    ("unsorted", None, TODAY, False, "maintain", ("maintain", "logged")),
    ("unsorted", None, TODAY, False, None, ("expand", "first_exchange")),
    ("unsorted", None, TODAY, True, None, ("maintain", "known")),
])
def test_the_purpose_rule_on_its_edges(layer, connected, on, earlier, logged, expected):
    row = r.exchange_purposes(pd.Series([layer]), pd.Series([pd.Timestamp(on)]),
                              pd.Series([connected], dtype="datetime64[ns]"),
                              pd.Series([earlier]), pd.Series([logged], dtype=object)).iloc[0]
    assert (row["purpose"], row["reason"]) == expected
    if logged is None:
        assert tuple(r.suggested_purpose(layer, connected, earlier, on)) == expected
    else:
        assert r.is_expansion(logged, layer, on, connected) is (expected[0] == "expand")


def test_the_coffee_with_her_inner_circle_friend_is_suggested_as_keeping_up():
    suggestion = r.suggested_purpose("inner", None, False, TODAY)
    assert suggestion == r.PurposeSuggestion("maintain", "existing_layer")


# ----------------------------------------------------------------- properties

DAYS = st.integers(min_value=-120, max_value=120)


@st.composite
def profiles(draw):
    """Any profile: people in any layer, connected any day (or never said), and exchanges
    with any of them on any day, logged with either purpose."""
    size = draw(st.integers(min_value=1, max_value=8))
    layers = draw(st.lists(st.sampled_from(LAYERS), min_size=size, max_size=size))
    connected = draw(st.lists(st.one_of(st.none(), DAYS), min_size=size, max_size=size))
    contacts = pd.DataFrame({
        "contact_id": range(1, size + 1), "full_name": [f"P{i}" for i in range(size)],
        "layer": layers,
        "connected_on": pd.to_datetime([None if d is None else pd.Timestamp(TODAY)
                                        + pd.Timedelta(days=d) for d in connected])})
    rows = draw(st.lists(st.tuples(st.integers(1, size), st.integers(-80, 0),
                                   st.sampled_from(("message", "coffee", "lunch")),
                                   st.sampled_from(PURPOSES)), min_size=0, max_size=20))
    log = pd.DataFrame({
        "interaction_id": range(len(rows)), "contact_id": [x[0] for x in rows],
        "occurred_on": pd.to_datetime([pd.Timestamp(TODAY) + pd.Timedelta(days=x[1])
                                       for x in rows]),
        "kind": [x[2] for x in rows], "direction": "out", "purpose": [x[3] for x in rows],
        "notes": ""}) if rows else pd.DataFrame({
            "interaction_id": pd.Series(dtype=int), "contact_id": pd.Series(dtype=int),
            "occurred_on": pd.Series(dtype="datetime64[ns]"), "kind": pd.Series(dtype=str),
            "direction": pd.Series(dtype=str), "purpose": pd.Series(dtype=str),
            "notes": pd.Series(dtype=str)})
    return contacts, log


@settings(max_examples=150, deadline=None)
@given(profiles())
def test_no_exchange_with_someone_she_already_knows_is_ever_counted_as_expanding(profile):
    contacts, log = profile
    known = set(contacts.loc[contacts["layer"].isin(r.EXISTING_NETWORK_LAYERS), "contact_id"])
    expands = r.expanding_exchanges(log, contacts)
    assert not expands[log["contact_id"].isin(known)].any()
    # the week's balance and its "new people" count say the same
    weekly = r.weekly_actuals(log, contacts, TODAY, weeks=12)
    in_weeks = log[log["occurred_on"] >= pd.Timestamp(weekly["week_start"].iloc[0])]
    assert weekly["expand_touches"].sum() == int(expands[in_weeks.index].sum())
    first_week_of = {}
    for row in in_weeks.sort_values("occurred_on").itertuples():
        first_week_of.setdefault(row.contact_id, row.occurred_on)
    assert weekly["new_people"].sum() <= len(set(in_weeks["contact_id"]) - known)
    # and the target network is always expanding
    target = set(contacts.loc[contacts["layer"] == "target", "contact_id"])
    assert expands[log["contact_id"].isin(target)].all()


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(LAYERS), st.one_of(st.none(), DAYS), st.booleans(), DAYS)
def test_the_suggestion_is_what_the_balance_then_counts(layer, connected, earlier, day):
    """Whatever the person and the day, logging the suggested purpose counts the exchange
    under that purpose; and nobody in an existing-network layer is suggested as expanding."""
    on = TODAY + dt.timedelta(days=day)
    connected_on = None if connected is None else pd.Timestamp(TODAY) + pd.Timedelta(
        days=connected)
    suggestion = r.suggested_purpose(layer, connected_on, earlier, on)
    assert r.is_expansion(suggestion.purpose, layer, on, connected_on) is (
        suggestion.purpose == "expand")
    if layer in r.EXISTING_NETWORK_LAYERS:
        assert suggestion == ("maintain", "existing_layer")


# ----------------------------------------------------------------- the page, a real profile

@pytest.fixture
def fresh_import(tmp_path, monkeypatch):
    """Claire's profile after a LinkedIn import and her first sorting: nothing logged with
    anyone; Caroline placed in her inner circle, Nadia in the target network, Marc not yet
    sorted (connected years ago)."""
    monkeypatch.setenv("WORKBOOK_HOME", str(tmp_path))
    conn = open_profile("claire")
    add_contact(conn, "Caroline Moreau", layer="inner", organisation="Boiron",
                connected_on="2019-03-02")
    add_contact(conn, "Nadia Benali", layer="target", organisation="Solaris",
                connected_on="2018-05-01")
    add_contact(conn, "Marc Petit", organisation="SNCF", connected_on="2017-01-09")
    conn.close()
    return tmp_path


def _page(lang):
    return RoutinesPage(open_page_context("claire", lang), today=TODAY)


@pytest.mark.parametrize("lang, why, keeping", [
    ("en", "Keeping up: Caroline Moreau is in your inner circle.", "Maintain"),
    ("fr", "Entretenir : Caroline Moreau fait partie de votre premier cercle.", "Entretenir")])
def test_the_coffee_with_her_inner_circle_contact_counts_as_keeping_up(fresh_import, lang,
                                                                        why, keeping):
    page = _page(lang)
    try:
        page.open("log")
        page.log.contact.value = 1                 # Caroline, nothing logged with her yet
        assert page.log.purpose.value == "maintain"
        assert why in page.log.why.value
        page.log.kind.value = "coffee"
        page.log.save.click()
        done = page.state.weekly().iloc[-1]
        assert (done["maintain_minutes"], done["expand_minutes"]) == (60, 0)
        assert done["new_people"] == 0
        assert keeping in page.log.recent.children[1].children[1].value
        card = build_card(page.ctx.conn, "claire", TODAY, name="Claire M.")
        week = card.sections["routine"]["weeks"][-1]
        assert (week["done_maintain"], week["done_expand"], week["new_people"]) == (60, 0, 0)
    finally:
        page.ctx.conn.close()


def test_the_log_says_why_it_suggests_expanding_and_when_the_layer_decides(fresh_import):
    page = _page("en")
    try:
        page.open("log")
        page.log.contact.value = 2
        assert page.log.purpose.value == "expand"
        assert "Nadia Benali is one of the people you want to meet" in page.log.why.value
        page.log.purpose.value = "maintain"      # she disagrees: told how it is counted
        assert "counted as “Expand” all the same" in page.log.why.value
        page.log.contact.value = 3               # not sorted, nothing logged: someone new
        assert page.log.purpose.value == "expand"
        assert "nothing is logged with Marc Petit yet" in page.log.why.value
        page.log.purpose.value = "maintain"      # her choice counts for someone not sorted
        assert "all the same" not in page.log.why.value
        page.log.save.click()
        assert page.state.weekly().iloc[-1]["expand_touches"] == 0
    finally:
        page.ctx.conn.close()


def test_an_exchange_logged_as_expanding_with_her_inner_circle_counts_as_keeping_up(
        fresh_import):
    """Exchanges logged before the rule looked at layers are counted by it all the same."""
    page = _page("en")
    try:
        page.state.log(1, TODAY, "coffee", "out", "expand", "")
        done = page.state.weekly().iloc[-1]
        assert (done["maintain_minutes"], done["expand_minutes"], done["new_people"]) == (
            60, 0, 0)
        assert page.state.recent()["purpose"].tolist() == ["maintain"]
    finally:
        page.ctx.conn.close()
