"""Guards on what the user sends or logs. Each says why — when it allows as much as when it
warns — so nothing is silently let through or silently blocked.

SOURCE: the method, step 3 (docs/architecture.md) — never harass the journalists of your field to be
interviewed (they should find you through your network and visibility); never ask to re-read
the article, only offer to check the quotes attributed to you, unless it is a Q&A interview;
avoid "off", and if you go off, ask explicitly that it not be used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workbook.domain.press.log import LogEntry
from workbook.domain.press.words import fold_same_length


@dataclass(frozen=True)
class Guard:
    """A guard's answer: `ok` False means "do not send / fix this entry"; `code` names the
    reason (`press.guard.<code>`), `words` the words at fault, `day` a date it mentions."""

    code: str
    ok: bool
    words: tuple[str, ...] = ()
    day: dt.date | None = None


# ------------------------------------------------------------------------ re-reading
_READ_VERBS = (r"relire|relecture|relu|valider|validation|approuver|approbation|voir|lire|"
               r"recevoir|envoyer|transmettre|verifier|soumettre|review|approve|approval|see|"
               r"read|re-read|reread|proofread|check|send|sign off on|vet|preview")
_ARTICLE_NOUNS = (r"article|papier|texte|sujet|reportage|portrait|brouillon|piece|story|"
                  r"draft|copy|write-up|feature")
_QUOTE_NOUNS = re.compile(r"\b(?:citations?|propos|quotes?|quotations?|verbatim)\b")
_REREAD = re.compile(
    rf"\b(?:{_READ_VERBS})\b(?P<between>(?:\W+\w+){{0,6}}?)\W+(?:{_ARTICLE_NOUNS})s?\b")
_BEFORE_PUBLICATION = re.compile(
    r"\b(?:relire|relecture|review|read|see|approve|valider)\b[^.?!]{0,60}"
    r"\b(?:avant (?:publication|parution|diffusion)|before (?:it is |it's )?"
    r"(?:publication|published|it runs|going to print|airing))")


def reread_guard(text: str, qa_interview: bool = False) -> Guard | None:
    """Asking to re-read or approve the article is flagged; offering to check one's own
    quotes is fine; a Q&A interview is the exception (the text is the user's own words).
    SOURCE: the method, step 3 — never ask to re-read the article, only offer to check the
    quotes attributed to you, unless it is a Q&A interview. None: nothing about re-reading."""
    folded = fold_same_length(text or "")
    asks = [m for m in _REREAD.finditer(folded) if not _QUOTE_NOUNS.search(m.group("between"))]
    if not asks:
        whole = _BEFORE_PUBLICATION.search(folded)
        if whole and not _QUOTE_NOUNS.search(whole.group(0)):
            asks = [whole]
    if asks:
        words = tuple(text[m.start():m.end()] for m in asks[:2])
        return Guard("reread_qa", True, words) if qa_interview else \
            Guard("reread_article", False, words)
    if _QUOTE_NOUNS.search(folded):
        return Guard("quotes_only", True)
    return None


# ------------------------------------------------------------------------ pitches
@dataclass(frozen=True)
class PitchPolicy:
    """How often the user may write to a journalist unasked. SOURCE: the method, step 3 —
    never harass the journalists of your field; default: one unsolicited pitch per journalist
    per 8 weeks, no follow-up before they reply, and at most one follow-up."""

    pitches: int = 1
    weeks: int = 8
    follow_ups: int = 1


def _replied_after(entries: list[LogEntry], since: dt.datetime) -> bool:
    """The journalist answered a pitch, or asked the user something, after `since`."""
    return any((e.kind in ("pitch", "follow_up") and e.answered_at is not None
                and e.answered_at >= since)
               or (e.kind in ("request", "interview") and e.received_at >= since)
               for e in entries)


def outreach_guard(kind: str, entries: list[LogEntry], now: dt.datetime,
                   policy: PitchPolicy = PitchPolicy()) -> Guard:
    """May the user send this `kind` (pitch or follow_up) to this journalist now?
    `entries`: the log of that journalist only. Requests, interviews and publications come
    from the journalist and are always fine."""
    if kind not in ("pitch", "follow_up"):
        return Guard("not_unsolicited", True)
    pitches = sorted((e for e in entries if e.kind == "pitch"), key=lambda e: e.received_at)
    if kind == "pitch":
        window = now - dt.timedelta(weeks=policy.weeks)
        recent = [e for e in pitches if e.received_at > window]
        if len(recent) >= policy.pitches:
            oldest = recent[-policy.pitches].received_at
            return Guard("pitch_cap", False, day=(oldest + dt.timedelta(weeks=policy.weeks)).date())
        return Guard("pitch_ok", True)
    if not pitches:
        return Guard("follow_up_without_pitch", False)
    last = pitches[-1]
    follow_ups = [e for e in entries if e.kind == "follow_up" and e.received_at >= last.received_at]
    if len(follow_ups) >= policy.follow_ups:
        return Guard("follow_up_cap", False, day=follow_ups[-1].received_at.date())
    if not _replied_after(entries, last.received_at):
        return Guard("follow_up_before_reply", False, day=last.received_at.date())
    return Guard("follow_up_ok", True)


# ------------------------------------------------------------------------ logged entries
def off_record_guard(entry: LogEntry) -> Guard | None:
    """An interview where the user went "off" without asking that it not be used gets a
    warning. SOURCE: the method, step 3 — avoid "off"; if you go off, ask explicitly that it
    not be used."""
    if not entry.off_record:
        return None
    if entry.asked_not_to_quote:
        return Guard("off_asked", True)
    return Guard("off_not_asked", False)


def entry_guards(entry: LogEntry) -> list[Guard]:
    """What the log tab says about one entry: off the record, a re-read asked or drafted."""
    found = []
    off = off_record_guard(entry)
    if off:
        found.append(off)
    if entry.asked_to_reread and not entry.qa_interview:
        found.append(Guard("reread_logged", False))
    drafted = reread_guard(entry.draft, entry.qa_interview) if entry.draft else None
    if drafted and drafted.code == "reread_article":
        found.append(Guard("reread_caught", True, drafted.words))
    return found
