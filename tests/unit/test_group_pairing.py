"""Pairing rounds: no pair repeats before every pair has met; absences, odd counts, avoid
lists, history, and the bad inputs a coach can produce."""

from collections import Counter
from itertools import combinations

import pytest

from workbook.domain.group import (
    GroupError,
    circle_schedule,
    met_counts,
    pairing_rounds,
    unmet_pairs,
)


def _pairs(round_):
    return [frozenset(p) for g in round_ for p in combinations(g, 2)]


def _everyone_once(round_, people):
    return sorted(p for g in round_ for p in g) == sorted(people)


def _partitions(people, trio):
    """Every way to seat `people` in pairs (plus one trio when `trio`): the test's oracle."""
    if not people:
        yield []
        return
    first, rest = people[0], people[1:]
    for i, other in enumerate(rest):
        remaining = rest[:i] + rest[i + 1:]
        for tail in _partitions(remaining, trio and len(remaining) % 2 == 1):
            yield [(first, other), *tail]
    if trio:
        for a, b in combinations(rest, 2):
            remaining = [p for p in rest if p not in (a, b)]
            for tail in _partitions(remaining, False):
                yield [(first, a, b), *tail]


@pytest.mark.parametrize("n", range(2, 17, 2))
def test_an_even_group_meets_every_pair_exactly_once_in_n_minus_1_rounds(n):
    people = list(range(n))
    rounds = pairing_rounds(people, n - 1)
    met = Counter(p for r in rounds for p in _pairs(r))
    assert all(_everyone_once(r, people) for r in rounds)
    assert len(met) == n * (n - 1) // 2 and set(met.values()) == {1}
    # the next cycle starts over without repeating within itself
    again = pairing_rounds(people, n - 1, history=rounds)
    assert Counter(p for r in again for p in _pairs(r)) == met


@pytest.mark.parametrize("n", range(3, 17, 2))
def test_an_odd_group_sitting_out_meets_every_pair_once_in_n_rounds(n):
    people = list(range(n))
    rounds = pairing_rounds(people, n, odd="sit_out")
    met = Counter(p for r in rounds for p in _pairs(r))
    assert len(met) == n * (n - 1) // 2 and set(met.values()) == {1}
    sitters = [g[0] for r in rounds for g in r if len(g) == 1]
    assert sorted(sitters) == people     # each sits out once
    assert all(a != b for a, b in zip(sitters, sitters[1:]))


@pytest.mark.parametrize("n", range(3, 17, 2))
def test_an_odd_group_with_a_trio_repeats_a_pair_only_when_no_new_round_exists(n):
    people = list(range(n))
    rounds = pairing_rounds(people, n)
    history = []
    for round_ in rounds:
        assert _everyone_once(round_, people)
        assert sorted(len(g) for g in round_)[-1] == 3 and [len(g) for g in round_].count(3) == 1
        met = met_counts(history)
        if len(met) == n * (n - 1) // 2:
            break      # every pair has met: repeats are expected from here
        repeats = [p for p in _pairs(round_) if met[p]]
        if repeats and n <= 9:
            assert not any(all(not met[p] for p in _pairs(option))
                           for option in _partitions(people, True)), (n, round_, repeats)
        history.append(round_)
    assert not unmet_pairs(people, history + [round_]) or len(history) < n


@pytest.mark.parametrize("n, odd", [(n, "trio") for n in range(6, 17, 2)]
                         + [(n, "sit_out") for n in range(5, 17, 2)])
def test_continuing_from_history_never_repeats_while_new_pairs_remain(n, odd):
    people = list(range(n))
    first = pairing_rounds(people, 2, seed=3, odd=odd)
    later = pairing_rounds(people, 2, history=first, seed=3, odd=odd)
    seen = set(p for r in first for p in _pairs(r))
    assert not seen & set(p for r in later for p in _pairs(r))
    # a different seed, or history made by hand, is still honoured
    by_hand = [[tuple(people[i:i + 2]) for i in range(0, n - 1, 2)]]
    nxt = pairing_rounds(people, 1, history=by_hand, seed=11)[0]
    assert not set(_pairs(nxt)) & set(_pairs(by_hand[0]))


def test_absent_people_are_left_out_and_everyone_else_is_seated():
    people = list(range(10))
    rounds = pairing_rounds(people, 3, absent={2, 7})
    for r in rounds:
        assert _everyone_once(r, [p for p in people if p not in (2, 7)])
    assert len(set(p for r in rounds for p in _pairs(r))) == 3 * 4


def test_an_absence_in_a_later_session_still_avoids_repeats():
    people = list(range(8))
    history = pairing_rounds(people, 3)
    nxt = pairing_rounds(people, 1, history=history, absent={5})[0]
    assert _everyone_once(nxt, [p for p in people if p != 5])
    met = met_counts(history)
    assert not [p for p in _pairs(nxt) if met[p]]


def test_the_same_person_never_sits_out_twice_in_a_row_even_across_sessions():
    people = list(range(7))
    history = []
    for _ in range(12):
        history += pairing_rounds(people, 1, history=history, odd="sit_out",
                                  absent={0} if len(history) % 3 == 0 else set())
    sitters = [next((g[0] for g in r if len(g) == 1), None) for r in history]
    assert all(a is None or a != b for a, b in zip(sitters, sitters[1:]))


def test_avoid_pairs_are_never_seated_together():
    people = list(range(8))
    avoid = [(0, 1), (2, 3), (0, 4)]
    rounds = pairing_rounds(people, 12, avoid=avoid)
    together = set(p for r in rounds for p in _pairs(r))
    assert not together & {frozenset(a) for a in avoid}
    assert all(_everyone_once(r, people) for r in rounds)


def test_an_avoid_list_that_makes_every_round_impossible_says_so():
    with pytest.raises(GroupError) as problem:
        pairing_rounds([1, 2, 3, 4], 1, avoid=[(1, 2), (1, 3), (1, 4)])
    assert problem.value.code == "avoid_impossible"
    with pytest.raises(GroupError) as problem:
        pairing_rounds(["a", "b"], 1, avoid=[("a", "b")])
    assert problem.value.code == "avoid_impossible"
    # a trio makes the only arrangement of three impossible too
    with pytest.raises(GroupError):
        pairing_rounds([1, 2, 3], 1, avoid=[(1, 2)])


@pytest.mark.parametrize("people, code", [
    ([], "no_participants"), ([7], "one_participant"), ([1, 2, 2, 3], "duplicate_participant"),
    (list(range(61)), "too_many")])
def test_bad_rosters_give_one_code_each(people, code):
    with pytest.raises(GroupError) as problem:
        pairing_rounds(people, 1)
    assert problem.value.code == code


def test_everyone_absent_or_all_but_one_absent_is_explained():
    with pytest.raises(GroupError, match="no_participants"):
        pairing_rounds([1, 2], 1, absent={1, 2})
    with pytest.raises(GroupError, match="one_participant"):
        pairing_rounds([1, 2, 3], 1, absent={1, 2})


def test_forty_participants_are_paired_quickly_and_deterministically():
    people = [f"P{i:02d}" for i in range(40)]
    rounds = pairing_rounds(people, 3, seed=5)
    assert rounds == pairing_rounds(people, 3, seed=5)
    assert rounds != pairing_rounds(people, 3, seed=6)
    assert all(_everyone_once(r, people) for r in rounds)
    assert len(set(p for r in rounds for p in _pairs(r))) == 60


def test_a_participant_removed_mid_history_is_ignored_in_it():
    history = pairing_rounds([1, 2, 3, 4, 5, 6], 2)
    rounds = pairing_rounds([1, 2, 3, 4, 5], 2, history=history)   # 6 left the group
    assert all(6 not in g for r in rounds for g in r)
    assert all(_everyone_once(r, [1, 2, 3, 4, 5]) for r in rounds)


def test_the_circle_schedule_is_a_round_robin():
    for n in range(2, 12):
        schedule = circle_schedule(list(range(n)))
        pairs = Counter(frozenset(p) for r in schedule for p in r if None not in p)
        assert len(pairs) == n * (n - 1) // 2 and set(pairs.values()) == {1}


def test_whoever_sat_out_last_round_does_not_sit_out_again_even_with_the_fewest_sit_outs():
    history = [[("x", "z"), ("y",)], [("x", "y"), ("z",)], [("x", "z"), ("y",)],
               [("x", "y"), ("z",)], [("y", "z"), ("x",)]]
    nxt = pairing_rounds(["x", "y", "z"], 1, history=history, odd="sit_out")[0]
    assert ("x",) not in nxt and _everyone_once(nxt, ["x", "y", "z"])
