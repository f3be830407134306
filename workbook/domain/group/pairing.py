"""Pairing rounds and the club's size.

SOURCE: the method, step 5 (docs/architecture.md) — pairs for lunches and coffees rotate so that
everyone meets someone new each time; a club works best with 8–15 members.

Pure: participants are any hashable, orderable values (the page passes ids). Errors are a
`GroupError` carrying a stable code the page translates (`group.error.<code>`).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from workbook.domain.errors import CodedError

# A club works best with 8–15 members (the method, step 5); the page still pairs up to this many.
MAX_PARTICIPANTS = 60
CLUB_SIZE = (8, 15)
ODD_MODES = ("trio", "sit_out")
# How many arrangements the search tries per round before keeping the best one found: enough
# to prove an avoid list impossible for a club, bounded for a 60-person company lunch.
SEARCH_LIMIT = 20_000
QUICK_LIMIT = 100   # per circle round tried before the full search

ERROR_CODES = ("no_participants", "one_participant", "too_many", "duplicate_participant",
               "avoid_impossible", "bad_odd_mode")


class GroupError(CodedError, ValueError):
    """A request the rules cannot honour; `code` is one of ERROR_CODES."""

    catalogue = "group.error"


def _pair(a, b) -> frozenset:
    return frozenset((a, b))


def met_counts(history: Iterable[Iterable[Sequence]]) -> Counter:
    """How often each pair (a frozenset) has sat together in `history` (rounds of groups)."""
    counts: Counter = Counter()
    for round_ in history:
        for group in round_:
            for a, b in combinations(group, 2):
                counts[_pair(a, b)] += 1
    return counts


def circle_schedule(people: Sequence) -> list[list[tuple]]:
    """The round-robin "circle" schedule: one person stays put, the others turn; n-1 rounds
    (n rounds for an odd count, where a `None` partner marks the one left out) in which every
    pair meets exactly once. SOURCE: the classic round-robin tournament construction."""
    ring = list(people) + ([None] if len(people) % 2 else [])
    if len(ring) < 2:
        return []
    rounds = []
    for _ in range(len(ring) - 1):
        half = len(ring) // 2
        rounds.append([(ring[i], ring[-1 - i]) for i in range(half)])
        ring = [ring[0], ring[-1], *ring[1:-1]]
    return rounds


@dataclass
class _Search:
    """Depth-first search for the round with the fewest already-met pairs (then the fewest
    meetings in total), most constrained person first, within SEARCH_LIMIT steps."""

    met: Counter
    forbidden: set
    rank: dict
    trio: bool
    limit: int = 0
    steps: int = 0
    best: list | None = None
    best_cost: tuple = (10**9, 10**9)

    base: int = 0   # pairs met this many times count as new (a fresh cycle once all have met)

    def cost_of(self, group: Sequence) -> tuple[int, int]:
        counts = [self.met[_pair(a, b)] for a, b in combinations(group, 2)]
        return sum(1 for c in counts if c > self.base), sum(counts)

    def allowed(self, group: Sequence) -> bool:
        return not any(_pair(a, b) in self.forbidden for a, b in combinations(group, 2))

    def run(self, people: list, fixed: list | None = None) -> list | None:
        fixed = fixed or []
        cost = (0, 0)
        for group in fixed:
            c = self.cost_of(group)
            cost = (cost[0] + c[0], cost[1] + c[1])
        self._dfs(sorted(people, key=self.rank.get), fixed, cost,
                  bool(self.trio and len(people) % 2))
        return self.best

    def _dfs(self, left: list, chosen: list, cost: tuple, need_trio: bool) -> None:
        self.steps += 1
        if cost >= self.best_cost or self.steps > self.limit or self.best_cost[0] == 0:
            return
        if not left:
            self.best, self.best_cost = list(chosen), cost
            return
        # most constrained first: the person with the fewest allowed partners
        person = min(left, key=lambda p: (sum(1 for q in left if q != p and
                                              _pair(p, q) not in self.forbidden), self.rank[p]))
        others = [q for q in left if q != person]
        options = [(person, q) for q in others]
        if need_trio:
            options += [(person, q, r) for q, r in combinations(others, 2)]
        options = [g for g in options if self.allowed(g)]
        options.sort(key=lambda g: (self.cost_of(g), len(g), [self.rank[p] for p in g]))
        for group in options:
            if self.steps > self.limit or self.best_cost[0] == 0:
                return
            c = self.cost_of(group)
            total = (cost[0] + c[0], cost[1] + c[1])
            if total >= self.best_cost:
                continue
            rest = [p for p in left if p not in group]
            self._dfs(rest, chosen + [group], total,
                      need_trio and len(group) == 2)


def _order(participants: Sequence, seed: int) -> list:
    people = list(participants)
    random.Random(seed).shuffle(people)
    return people


def _check(participants: Sequence, odd: str) -> None:
    if odd not in ODD_MODES:
        raise GroupError("bad_odd_mode", odd)
    if len(set(participants)) != len(participants):
        dupes = sorted(str(p) for p, n in Counter(participants).items() if n > 1)
        raise GroupError("duplicate_participant", ", ".join(dupes))
    if len(participants) > MAX_PARTICIPANTS:
        raise GroupError("too_many", len(participants))


def pairing_rounds(participants: Sequence[Hashable], rounds: int, *,
                   history: Sequence[Sequence[Sequence]] = (), absent: Iterable = (),
                   avoid: Iterable[Sequence] = (), odd: str = "trio",
                   seed: int = 0) -> list[list[tuple]]:
    """`rounds` rounds of pairs (and one trio, or one person sitting out, for an odd count).

    - Base: the round-robin circle schedule over the whole roster (seeded order), so a fresh
      group of n meets every pair exactly once in n-1 rounds (n for an odd count sitting out).
    - History-aware: `history` holds past rounds (oldest first; each a list of groups, a
      1-tuple being someone who sat out). A round is made only of pairs that have never met
      whenever such a round exists; otherwise it uses as few already-met pairs as it can.
      People missing from `participants` (removed since) are ignored in the history.
    - `absent` people are left out of every round asked for (one call = one session).
    - `avoid` pairs never sit together; when they leave no possible round the function raises
      `GroupError("avoid_impossible")` rather than break one.
    - `odd="trio"`: one group of three; `odd="sit_out"`: one person sits out (a 1-tuple), the
      one who sat out least, never the one who sat out in the round before.

    Deterministic for given arguments and `seed`. SOURCE: the method, step 5 (rotating pairs
    so that everyone meets someone new each time).
    """
    participants = list(participants)
    _check(participants, odd)
    absent = set(absent)
    present = [p for p in participants if p not in absent]
    if not participants or not present:
        raise GroupError("no_participants")
    if len(present) == 1:
        raise GroupError("one_participant")
    known = set(participants)
    forbidden = {_pair(a, b) for a, b in (tuple(x) for x in avoid) if a in known and b in known
                 and a != b}
    order = _order(participants, seed)
    rank = {p: i for i, p in enumerate(order)}
    schedule = circle_schedule(order)
    past = [[tuple(p for p in g if p in known) for g in r] for r in history]
    result: list[list[tuple]] = []
    for _ in range(rounds):
        done = past + result
        round_ = _one_round(present, schedule, done, forbidden, rank, odd)
        result.append(round_)
    return result


def _sit_out_order(present: list, done: list, rank: dict) -> list:
    """Who should sit out: fewest sit-outs so far, never the last round's, then seeded order."""
    sat = Counter(g[0] for r in done for g in r if len(g) == 1)
    last = {g[0] for g in done[-1] if len(g) == 1} if done else set()
    fresh = [p for p in present if p not in last]
    return sorted(fresh or present, key=lambda p: (sat[p], rank[p]))


def _one_round(present: list, schedule: list, done: list, forbidden: set, rank: dict,
               odd: str) -> list[tuple]:
    met = met_counts(done)
    here = set(present)
    # once every allowed pair has met n times, the next cycle starts: n counts as new
    base = min((met[_pair(a, b)] for a, b in combinations(present, 2)
                if _pair(a, b) not in forbidden), default=0)
    sitters = _sit_out_order(present, done, rank) if odd == "sit_out" and len(present) % 2 \
        else [None]
    trio = odd == "trio"
    # 1. a round of the circle schedule (starting after the rounds already held), the pairs it
    #    cannot use re-matched among those left, all of them new pairs; the circle's own
    #    sitter first (so a fresh odd group sits each person out once in n rounds)
    start = len(done) % len(schedule) if schedule else 0
    circles = [schedule[(start + k) % len(schedule)] for k in range(len(schedule))]
    tries = [(c, _circle_sitter(c, here, sitters)) for c in circles]
    tries += [(circles[0], s) for s in sitters if (circles[0], s) not in tries]
    for circle, sitter in tries:
        if sitter is False:
            continue
        fixed = [pair for pair in circle if pair[0] in here and pair[1] in here
                 and sitter not in pair and met[_pair(*pair)] <= base
                 and _pair(*pair) not in forbidden]
        left = [p for p in present if p != sitter and not any(p in g for g in fixed)]
        search = _Search(met, forbidden, rank, trio=trio, limit=QUICK_LIMIT, base=base)
        found = search.run(left, fixed)
        if found is not None and search.best_cost[0] == 0:
            return _tidy(found, sitter, rank)
    # 2. for a trio: the best sit-out round, the one left out joining the pair they have met
    #    least (searching every trio of a large group costs seconds for little gain)
    if trio and len(present) % 2:
        joined = _join_sitter(_one_round(present, schedule, done, forbidden, rank, "sit_out"),
                              met, forbidden, rank)
        if joined is not None:
            return joined
    # 3. the whole round searched, fewest repeats first
    best, best_cost = None, None
    for sitter in sitters:
        search = _Search(met, forbidden, rank, trio=trio, limit=SEARCH_LIMIT // len(sitters),
                         base=base)
        found = search.run([p for p in present if p != sitter])
        if found is not None and (best_cost is None or search.best_cost < best_cost):
            best, best_cost = _tidy(found, sitter, rank), search.best_cost
            if best_cost[0] == 0:
                break
    if best is None:
        raise GroupError("avoid_impossible")
    return best


def _join_sitter(round_: list[tuple], met: Counter, forbidden: set, rank: dict):
    """The sit-out round turned into one with a trio: the person sitting out joins the pair
    with whom they have met least (None when the avoid list forbids every pair)."""
    sitter = next((g[0] for g in round_ if len(g) == 1), None)
    pairs = [g for g in round_ if len(g) == 2]
    options = [g for g in pairs if _pair(sitter, g[0]) not in forbidden
               and _pair(sitter, g[1]) not in forbidden]
    if sitter is None or not options:
        return None
    host = min(options, key=lambda g: (met[_pair(sitter, g[0])] + met[_pair(sitter, g[1])],
                                       [rank[p] for p in g]))
    return _tidy([g + (sitter,) if g == host else g for g in pairs], None, rank)


def _circle_sitter(circle: list, here: set, sitters: list):
    """The person the circle round leaves out, when they may sit out; False otherwise."""
    if sitters == [None]:
        return None
    for pair in circle:
        if None in pair:
            bye = pair[0] if pair[1] is None else pair[1]
            return bye if bye in here and bye in sitters else False
    return False


def _tidy(groups: list, sitter, rank: dict) -> list[tuple]:
    tidy = [tuple(sorted(g, key=rank.get)) for g in groups]
    tidy.sort(key=lambda g: rank[g[0]])
    return tidy + ([(sitter,)] if sitter is not None else [])


def unmet_pairs(participants: Sequence, history: Sequence[Sequence[Sequence]]) -> list[tuple]:
    """The pairs of `participants` who have not yet sat together in `history`."""
    met = met_counts(history)
    return [(a, b) for a, b in combinations(participants, 2) if not met[_pair(a, b)]]


def club_size_warning(count: int) -> str | None:
    """'small' or 'large' when a roster is outside the 8–15 a club works best with
    (method, step 5), else None."""
    if count < CLUB_SIZE[0]:
        return "small"
    if count > CLUB_SIZE[1]:
        return "large"
    return None
