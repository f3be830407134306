"""A progress card from outside is untrusted input: every field is checked (type, range,
length, date, nesting, size) and an odd card is refused with one reason naming the field —
even when whoever forged it recomputed the checksum, which anyone can do."""

import datetime as dt
import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.domain.progress_card import (
    MAX_CARD_BYTES,
    CardError,
    ProgressCard,
    card_bytes,
    card_text,
    routine_adherence,
)
from workbook.i18n import Translator
from workbook.io.progress_card import read_card
from workbook.services.card import describe_card
from workbook.ui.group.cards import card_summary

TODAY = dt.date(2026, 11, 30)
# The number of examples comes from the hypothesis profile: a few dozen in `make test`,
# thousands in `make fuzz` (tests/unit/conftest.py).


def _sample() -> ProgressCard:
    return ProgressCard("abc123", "Lina B.", "club-mardi", "2026-11-30", {
        "positioning": {"one_liner": "Supply chain lead for solar farms.", "focus_score": 72,
                        "core": {"target_role": "Supply chain lead", "audience": "solar",
                                 "deliverable": "sites on time"}},
        "network": {"total": 40, "by_layer": {"close": 30, "target": 10},
                    "by_role": {"connector": 3}},
        "routine": {"weeks": [{"week": "2026-11-23", "planned_maintain": 60,
                               "done_maintain": 30, "planned_expand": 60, "done_expand": 90,
                               "planned_new": 2, "new_people": 1}]},
        "press": {"journalists": 2, "key_messages": 3, "pitched": 2, "called_back": 10,
                  "level": "in_contact"},
        "targets": ["Helio Parc Énergies"], "introductions": ["Groupe Vaubanne"]})


def _forged(change) -> bytes:
    """The sample card changed by `change(payload)`, its checksum recomputed as a forger
    would: only the field checks can refuse it."""
    payload = json.loads(card_bytes(_sample()))
    del payload["checksum"]
    change(payload)
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":")).encode()
    payload["checksum"] = hashlib.sha256(canonical).hexdigest()
    return json.dumps(payload, ensure_ascii=False).encode()


def _set(path: str, value):
    def change(payload):
        *parents, last = path.split(".")
        target = payload
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return change


def test_the_sample_card_reads_back_whole():
    assert read_card(card_bytes(_sample()), TODAY) == _sample()
    assert read_card(card_text(_sample()), TODAY) == _sample()


@pytest.mark.parametrize("path, value, field", [
    ("sections.network", "abc", "sections.network"),
    ("sections.network.total", "many", "sections.network.total"),
    ("sections.network.total", 10**30, "sections.network.total"),
    ("sections.network.total", [1], "sections.network.total"),
    ("sections.network.total", -1, "sections.network.total"),
    ("sections.network.total", 3.5, "sections.network.total"),
    ("sections.network.total", True, "sections.network.total"),
    ("sections.network.by_layer", {"<img src=x>": 1}, "sections.network.by_layer.<img src=x>"),
    ("sections.routine.weeks", "abc", "sections.routine.weeks"),
    ("sections.routine.weeks", [{"week": "2026-11-23", "done_maintain": 1}] * 54,
     "sections.routine.weeks"),
    ("sections.routine.weeks.0.week", "last week", "sections.routine.weeks[0].week"),
    ("sections.routine.weeks.0.done_expand", None, "sections.routine.weeks[0].done_expand"),
    ("sections.positioning.one_liner", "x" * 401, "sections.positioning.one_liner"),
    ("sections.positioning.one_liner", "", "sections.positioning.one_liner"),
    ("sections.positioning.focus_score", 101, "sections.positioning.focus_score"),
    ("sections.positioning.focus_score", -5, "sections.positioning.focus_score"),
    ("sections.positioning.focus_score", 72.0, "sections.positioning.focus_score"),
    ("sections.positioning.core", {"salary": "secret"}, "sections.positioning.core.salary"),
    ("sections.press.level", "boss", "sections.press.level"),
    ("sections.press.pitched", "2", "sections.press.pitched"),
    ("sections.targets", ["Helio"] * 51, "sections.targets"),
    ("sections.targets", [{"name": "Helio"}], "sections.targets[0]"),
    ("sections.introductions", "Vaubanne", "sections.introductions"),
    ("sections.contacts", [{"email": "x@y.z"}], "sections.contacts"),
    ("sections", [], "sections"),
    ("created", "2027-01-01", "created"),
    ("created", "30/11/2026", "created"),
    ("created", "1999-12-31", "created"),
    ("participant", "", "participant"),
    ("participant", "L" * 81, "participant"),
    ("participant", "Lina\x00B.", "participant"),
    ("card_id", "../../etc/passwd", "card_id"),
    ("group", "../other", "group"),
    ("extra", {"x": 1}, "extra"),
    ("version", 0, "version"),
])
def test_an_odd_field_is_refused_and_named(path, value, field):
    with pytest.raises(CardError) as problem:
        read_card(_forged(_set(path, value)), TODAY)
    assert (problem.value.code, problem.value.detail) == ("bad_field", field)


@pytest.mark.parametrize("literal", ["Infinity", "-Infinity", "NaN", "1" + "0" * 5000])
def test_infinity_nan_and_endless_numbers_are_refused(literal):
    text = card_bytes(_sample()).decode().replace('"total": 40', f'"total": {literal}')
    with pytest.raises(CardError) as problem:
        read_card(text, TODAY)
    assert problem.value.code == "bad_field"


def test_deep_nesting_is_refused_before_it_reaches_the_parser():
    for deep in ("[" * 100_000 + "]" * 100_000,
                 _forged(_set("sections.network.by_layer", {"a": [[[[[[1]]]]]]})).decode()):
        with pytest.raises(CardError) as problem:
            read_card(deep, TODAY)
        assert problem.value.code == "too_deep"


def test_a_card_dated_tomorrow_passes_a_card_dated_next_week_does_not():
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert read_card(_forged(_set("created", tomorrow)), TODAY).created == tomorrow
    with pytest.raises(CardError):
        read_card(_forged(_set("created", (TODAY + dt.timedelta(days=7)).isoformat())), TODAY)


def test_a_huge_file_is_refused_by_its_size():
    with pytest.raises(CardError) as problem:
        read_card(b" " * (MAX_CARD_BYTES + 1), TODAY)
    assert problem.value.code == "too_large"


# ------------------------------------------------------------------ property tests

def _paths(value, prefix=""):
    """Every place in a card's JSON where a forger could put something else."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, f"{prefix}.{index}")


PATHS = [p for p in _paths({k: v for k, v in json.loads(card_bytes(_sample())).items()
                            if k != "checksum"}) if p]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**40, max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=600),
    lambda children: st.lists(children, max_size=6)
    | st.dictionaries(st.text(max_size=12), children, max_size=6), max_leaves=25)


def _usable(card: ProgressCard) -> None:
    """What the coach's page and the participant's preview do with an accepted card."""
    assert read_card(card_bytes(card), TODAY) == card
    card_summary(card)
    routine_adherence(card.sections.get("routine", {}).get("weeks", []))
    for lang in ("fr", "en"):
        describe_card(card, Translator(lang))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), value=JSON)
def test_any_value_anywhere_is_refused_with_a_reason_or_gives_a_usable_card(path, value):
    try:
        card = read_card(_forged(_set(path, value)), TODAY)
    except CardError as problem:
        assert problem.code in ("bad_field", "too_deep", "foreign", "too_new", "truncated")
        return
    _usable(card)


@settings(deadline=None)
@given(data=st.binary(max_size=2000) | st.text(max_size=2000))
def test_any_bytes_or_text_are_refused_with_a_reason_or_read(data):
    try:
        card = read_card(data, TODAY)
    except CardError:
        return
    _usable(card)


@settings(deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000))
def test_a_card_cut_anywhere_is_refused_or_whole(cut):
    data = card_text(_sample())
    try:
        assert read_card(data[:cut], TODAY) == _sample()
    except CardError as problem:
        assert problem.code in ("empty", "truncated", "tampered")
