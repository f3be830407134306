"""The progress card: what a participant chooses to share with their group's coach.

A card holds counts, scores, the participant's own one-liner and, only when ticked,
organisation names — never a contact's name, e-mail, phone, notes or interactions (the
builder never reads them). SOURCE: docs/architecture.md "Who sees what"; the method, step 5.

Format (version 1): a JSON object `{"format", "version", "card_id", "participant", "group",
"created", "sections", "checksum"}` where `checksum` is the SHA-256 of the canonical JSON of
everything else, so a card edited by hand, truncated in a copy-paste, or written by another
program is recognised. The text form wraps the same bytes in base64 between two marker lines,
to paste into a chat or an e-mail. Pure: bytes and text in and out, no files. A card comes
back from outside through `workbook.io.progress_card.read_card`, which checks every field.

The checksum is a plain SHA-256 that anyone can recompute: it detects damage (a card cut
short or edited by mistake), not forgery. Who sent a card is decided at the coach's end (the
card id the coach already knows, the drop folder file's owner, the coach's own choice).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbook.domain.errors import CodedError

FORMAT = "workbook-progress-card"
VERSION = 1
BEGIN = "-----BEGIN WORKBOOK PROGRESS CARD-----"
END = "-----END WORKBOOK PROGRESS CARD-----"
MAX_CARD_BYTES = 256 * 1024   # a card is a few kilobytes; anything far larger is not one
MAX_NAMES = 50                # organisation names per list
MAX_TEXT = 400                # characters of the one-liner and core parts kept

# Sections in preview order. `counts` and `positioning` are the core; the others can be
# unticked; `targets` and `introductions` are opt-in (unticked until the participant ticks).
SECTIONS = ("positioning", "network", "routine", "press", "targets", "introductions")
OPT_IN_SECTIONS = ("targets", "introductions")

MAX_COUNT = 1_000_000         # any count or minutes a card holds stays under this
MAX_NAME = 80                 # characters of a participant's display name
MAX_WEEKS = 53                # routine weeks a card may carry
MAX_DEPTH = 6                 # nesting of JSON objects and lists in a well-formed card

READ_ERRORS = ("empty", "too_large", "truncated", "foreign", "too_new", "tampered",
               "other_group", "bad_field", "too_deep")


class CardError(CodedError, ValueError):
    """A card that cannot be accepted; `code` is one of READ_ERRORS."""

    catalogue = "group.card_error"


@dataclass(frozen=True)
class ProgressCard:
    """One participant's shared progress. `sections` maps a SECTIONS code to plain JSON data
    (see `workbook.services.card.build_card` for each section's shape)."""

    card_id: str
    participant: str
    group: str
    created: str                       # ISO date
    sections: dict[str, Any] = field(hash=False)
    version: int = VERSION

    def without(self, *names: str) -> ProgressCard:
        """The same card with these sections left out."""
        return ProgressCard(self.card_id, self.participant, self.group, self.created,
                            {k: v for k, v in self.sections.items() if k not in names},
                            self.version)


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _payload(card: ProgressCard) -> dict:
    return {"format": FORMAT, "version": card.version, "card_id": card.card_id,
            "participant": card.participant, "group": card.group, "created": card.created,
            "sections": card.sections}


def card_bytes(card: ProgressCard) -> bytes:
    """The card file: readable JSON (indented), with its checksum."""
    payload = _payload(card)
    payload["checksum"] = hashlib.sha256(_canonical(payload)).hexdigest()
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8") \
        + b"\n"


def card_text(card: ProgressCard, readable: Sequence[str] = (),
              after: Sequence[str] = ()) -> str:
    """The copy-paste form: the card in plain words first (`readable`, e.g. the preview's
    sentences, for the person to read before sending), then the card's bytes in base64
    between marker lines — what the coach's workbook reads (it ignores the words) — then
    `after`, words closing the block in the person's language (the marker lines are the
    reader's, the same in every language)."""
    encoded = base64.b64encode(card_bytes(card)).decode("ascii")
    lines = [encoded[i:i + 64] for i in range(0, len(encoded), 64)]
    # a one-liner holding a marker line must not make the reader start in the words
    words = [line.replace(BEGIN, "").replace(END, "") for line in readable]
    closing = [line.replace(BEGIN, "").replace(END, "") for line in after]
    return "\n".join([*words, BEGIN, *lines, END, *closing]) + "\n"


def check_group(card: ProgressCard, group_slug: str) -> None:
    """A card addressed to another group is refused (`other_group`); one addressed to no
    group (made without a drop folder) is accepted by any."""
    if card.group and card.group != group_slug:
        raise CardError("other_group", card.group)


# --------------------------------------------------------------------- what a card says

def routine_adherence(weeks: list[dict]) -> float | None:
    """Share (0–1) of the planned time actually spent over the card's weeks, maintain and
    expand together (capped at 1 per week so a big week does not hide an empty one); None
    when nothing was planned. SOURCE: the method, step 4 (a weekly time budget)."""
    shares = []
    for week in weeks:
        planned = week.get("planned_maintain", 0) + week.get("planned_expand", 0)
        done = week.get("done_maintain", 0) + week.get("done_expand", 0)
        if planned > 0:
            shares.append(min(done / planned, 1.0))
    return sum(shares) / len(shares) if shares else None


# Readiness levels for journalists. SOURCE: the method, step 3 — a media list, three key
# points ready to say in 10–15 minutes, then pitching and being called back.
PRESS_LEVELS = ("not_started", "preparing", "ready", "in_contact")


def press_readiness(journalists: int, key_messages: int, pitched: int, called_back: int) -> str:
    """'in_contact' once a journalist called back or an interview happened; 'ready' with at
    least one journalist and three key messages; 'preparing' with either; else 'not_started'.
    SOURCE: the method, step 3 (≤ 3 key messages, prepared before the call)."""
    if called_back:
        return "in_contact"
    if journalists and key_messages >= 3:
        return "ready"
    if journalists or key_messages or pitched:
        return "preparing"
    return "not_started"
