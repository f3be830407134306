"""What erasing a person must reach besides the rows that point at them (right to erasure,
GDPR art. 17: the data about a person goes everywhere it was kept).

Two rules the store applies after deleting the rows linked to the contact:
- the weekly plan's check-offs name a contact or an outreach in their key
  (`workbook.domain.routines.PlanItem.key`: `touch:<contact>`, `follow_up:<outreach>`…):
  `checkoff_keys` lists those of the people erased;
- free text elsewhere (notes about other people, intelligence answers, a repeat-back
  typed by hand) can name them: `mention_terms` says which strings identify the person
  and `redact` replaces each whole-word occurrence with `REDACTED`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Plan items keyed by a contact id, and by an outreach id (`domain.routines.weekly_plan`).
CONTACT_ITEM_KINDS = ("touch", "revive", "birthday", "card")
OUTREACH_ITEM_KINDS = ("follow_up", "try_another")
REDACTED = "[…]"
# A one-word name ("Marie") would also erase every other Marie from the notes.
MIN_NAME_WORDS = 2
MIN_PHONE_DIGITS = 6


def checkoff_keys(contact_ids: Iterable[int], outreach_ids: Iterable[int] = ()) -> list[str]:
    """Keys of the weekly-plan lines about these contacts and their outreach."""
    return ([f"{kind}:{c}" for c in contact_ids for kind in CONTACT_ITEM_KINDS]
            + [f"{kind}:{o}" for o in outreach_ids for kind in OUTREACH_ITEM_KINDS])


def mention_terms(full_name: str, email: str = "", phone: str = "",
                  profile_url: str = "") -> list[str]:
    """The strings that identify a person in free text: the full name (two words at least),
    the e-mail address, the phone number (six digits at least) and the profile address —
    longest first, so a name inside an e-mail is not cut out of it first."""
    terms = []
    name = " ".join((full_name or "").split())
    if len(name.split()) >= MIN_NAME_WORDS:
        terms.append(name)
    if "@" in (email or ""):
        terms.append(email.strip())
    if sum(ch.isdigit() for ch in phone or "") >= MIN_PHONE_DIGITS:
        terms.append(phone.strip())
    if len((profile_url or "").strip()) >= 10:
        terms.append(profile_url.strip())
    return sorted(dict.fromkeys(terms), key=len, reverse=True)


def mention_pattern(terms: list[str]) -> re.Pattern | None:
    """One case-insensitive pattern for the terms, each as a whole word (not "Ann Lee"
    inside "Joann Leeds"); None when there is nothing to look for."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def redact(text: str, pattern: re.Pattern | None) -> tuple[str, int]:
    """`text` with every mention replaced by `REDACTED`, and how many there were."""
    if pattern is None or not text:
        return text, 0
    return pattern.subn(REDACTED, text)


_ASCII_RUN = re.compile(r"[A-Za-z0-9]{3,}")


def search_needles(terms: list[str]) -> list[str]:
    """One plain ASCII piece of each term (its longest run of letters and digits), for a
    fast case-insensitive pre-search; [] when a term has none (then every text is searched
    with the full pattern)."""
    needles = []
    for term in terms:
        runs = _ASCII_RUN.findall(term)
        if not runs:
            return []
        needles.append(max(runs, key=len))
    return needles
