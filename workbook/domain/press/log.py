"""The media log and the good-client record computed from it (and from nothing else).

SOURCE: the method, step 3 (docs/architecture.md) — journalists work in a hurry: for each story they
leave five or six messages and quote the first two or three experts who call back. Be
reachable fast and become a "good client": then you get called again.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

KINDS = ("request", "pitch", "interview", "published", "follow_up")
MEDIA = ("press", "radio", "tv", "web", "podcast", "newsletter")
CALLBACK_TARGET_MINUTES = 60


@dataclass(frozen=True)
class LogEntry:
    """One line of the media log. For a request, `received_at` is when the journalist asked
    and `answered_at` when the user called back; for a pitch or a follow-up, `received_at` is
    when it was sent and `answered_at` when the journalist replied."""

    id: int
    journalist_id: int | None
    journalist_name: str
    kind: str
    received_at: dt.datetime
    answered_at: dt.datetime | None = None
    subject: str = ""
    sheet_id: int | None = None
    off_record: bool = False
    asked_not_to_quote: bool = False
    asked_to_reread: bool = False
    qa_interview: bool = False
    published: bool = False
    quoted: bool = False
    link: str = ""
    draft: str = ""
    notes: str = ""
    outlet: str = ""
    medium: str = ""

    @property
    def response_minutes(self) -> int | None:
        if self.answered_at is None:
            return None
        return int((self.answered_at - self.received_at).total_seconds() // 60)


def entry_problems(kind: str, received_at: dt.datetime | None, answered_at: dt.datetime | None,
                   now: dt.datetime, journalist: bool = True) -> list[str]:
    """Why a new log entry cannot be saved as typed (codes `press.log.problem.<code>`): a log
    records what happened, so nothing after `now`, and an answer cannot precede the request."""
    problems = []
    if not journalist:
        problems.append("no_journalist")
    if kind not in KINDS:
        problems.append("bad_kind")
    if received_at is None:
        problems.append("no_received_at")
        return problems
    if received_at > now:
        problems.append("received_in_future")
    if answered_at is not None:
        if answered_at < received_at:
            problems.append("answered_before_received")
        elif answered_at > now:
            problems.append("answered_in_future")
    return problems


@dataclass(frozen=True)
class GoodClientRecord:
    """How good a "client" the user is, for one journalist or overall."""

    requests: int            # requests from journalists
    answered: int            # of which answered (a call-back time is known)
    within_target: int       # answered within the target
    target_minutes: int
    median_minutes: float | None
    interviews: int
    quoted: int              # interviews (or publications) that quoted the user
    last_contact: dt.datetime | None

    @property
    def share_within_target(self) -> float | None:
        """Share of the requests due by now that were answered in time (None: no request)."""
        return self.within_target / self.requests if self.requests else None

    @property
    def quote_rate(self) -> float | None:
        return self.quoted / self.interviews if self.interviews else None


def good_client_record(entries: list[LogEntry],
                       target_minutes: int = CALLBACK_TARGET_MINUTES) -> GoodClientRecord:
    """Share of requests answered within the target (default 1 h), median call-back time,
    how often quoted after an interview, last contact. SOURCE: the method, step 3 —
    journalists quote the first who call back; a good client gets called again."""
    requests = [e for e in entries if e.kind == "request"]
    times = [e.response_minutes for e in requests if e.response_minutes is not None]
    interviews = [e for e in entries if e.kind == "interview"]
    quoted_subjects = {(e.journalist_id, e.journalist_name, e.subject)
                       for e in entries if e.kind == "published" and e.quoted}
    quoted = sum(1 for e in interviews
                 if e.quoted or (e.journalist_id, e.journalist_name, e.subject) in quoted_subjects)
    moments = [m for e in entries for m in (e.received_at, e.answered_at) if m is not None]
    return GoodClientRecord(
        requests=len(requests), answered=len(times),
        within_target=sum(1 for t in times if t <= target_minutes),
        target_minutes=target_minutes,
        median_minutes=float(statistics.median(times)) if times else None,
        interviews=len(interviews), quoted=quoted,
        last_contact=max(moments) if moments else None)


def records_by_journalist(entries: list[LogEntry], target_minutes: int =
                          CALLBACK_TARGET_MINUTES) -> dict[tuple[int | None, str],
                                                           GoodClientRecord]:
    """The record per journalist, keyed by (id, name): an entry whose journalist was erased
    keeps its own line under the name it carries."""
    groups: dict[tuple[int | None, str], list[LogEntry]] = {}
    for entry in entries:
        key = (entry.journalist_id, entry.journalist_name if entry.journalist_id is None else "")
        groups.setdefault(key, []).append(entry)
    return {(key[0], group[-1].journalist_name): good_client_record(group, target_minutes)
            for key, group in groups.items()}


def quotes_by_month(entries: list[LogEntry]) -> list[tuple[str, int, int]]:
    """(YYYY-MM, interviews, quoted) per month, oldest first."""
    months: dict[str, list[int]] = {}
    for e in entries:
        if e.kind in ("interview", "published"):
            bucket = months.setdefault(e.received_at.strftime("%Y-%m"), [0, 0])
            bucket[0] += e.kind == "interview"
            bucket[1] += bool(e.quoted)
    return [(month, counts[0], counts[1]) for month, counts in sorted(months.items())]
