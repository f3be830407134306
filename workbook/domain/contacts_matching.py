"""When two contact records are the same person: the keys an import matches on.

Method, step 2 (docs/architecture.md): the map is only useful if each person appears once, whatever
the export they came from. An import *updates* a contact it recognises from the same source
(a newer export of the same network) and *proposes* a merge for look-alikes across sources;
it never merges silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

from workbook.domain.names import fold, organisation_key

# Reason codes of a merge proposal, strongest first (i18n: `import.merge.<code>`).
MERGE_REASONS = ("same_url", "same_email", "similar_name")

_ASCII_NAME = re.compile(r"[^a-z0-9]+")


# scheme, then a short first label (`www.`, `fr.`) when a dotted host follows, then the
# address up to its query or fragment
_URL_KEY = re.compile(r"(?:https?://)?(?:[^./?#]{0,3}\.(?=[^/?#]*\.))?([^?#]*)")


def profile_url_key(url: str) -> str:
    """Key of a profile address: scheme, `www.`/country sub-domain, query, fragment and
    trailing slash dropped, case folded — LinkedIn writes one profile as
    `https://www.linkedin.com/in/jane-doe-1a2b3c` and `http://fr.linkedin.com/in/Jane-Doe-1a2b3c/`.
    """
    return _URL_KEY.match(url.strip().casefold())[1].rstrip("/") if url else ""


# What LinkedIn's own exports write; `https://www.` is what `_URL_KEY` drops from it.
_LINKEDIN = "https://www.linkedin.com/"


def profile_url_keys(urls: Iterable[str]) -> list[str]:
    """`profile_url_key` of each address (one pass over a column). An address as LinkedIn
    exports it, without query or fragment, is keyed by slicing, without the regex."""
    match = _URL_KEY.match
    keys = []
    for url in urls:
        if not url:
            keys.append("")
            continue
        text = url.strip().casefold()
        if text.startswith(_LINKEDIN) and "?" not in text and "#" not in text:
            keys.append(text[12:].rstrip("/"))
        else:
            keys.append(match(text)[1].rstrip("/"))
    return keys


def email_key(email: str) -> str:
    """Key of an e-mail address: trimmed and case folded (providers ignore case in practice,
    RFC 5321 notwithstanding; exports write the same address in several cases)."""
    return (email or "").strip().casefold()


def email_keys(emails: Iterable[str]) -> list[str]:
    """`email_key` of each address (one pass over a column)."""
    return [email.strip().casefold() if email else "" for email in emails]


@lru_cache(maxsize=65536)
def person_name_key(full_name: str) -> str:
    """Key under which two spellings of a person's name are "near-identical": case, accents,
    punctuation and word order ignored ("DUPONT, Marie-Hélène" = "Marie Helene Dupont"), since
    address books file people as "Last, First" and LinkedIn as "First Last"."""
    text = full_name or ""
    if text.isascii():                       # fast path: most names in most exports
        words = _ASCII_NAME.sub(" ", text.casefold()).split()
    else:
        words = fold(text).replace("_", " ").split()
    return " ".join(sorted(words))


def name_org_key(full_name: str, organisation: str) -> str:
    """Match key of a person at an organisation: both keys joined; '' when either is blank
    (a name alone is too weak a reason to call two records one person)."""
    person = person_name_key(full_name)
    org = organisation_key(organisation or "")
    return f"{person}@{org}" if person and org else ""


# The keys an import looks a row up by, strongest first (see `match_keys`).
MATCH_ORDER = ("url", "email", "name_org")


def match_keys(url_key: str, email_key: str, full_name: str, organisation: str
               ) -> Iterator[tuple[str, str]]:
    """`(kind, key)` under which a row of an import is looked up among the stored contacts
    of the same source, strongest first (`MATCH_ORDER`): its profile address, then its
    e-mail, then its name at its organisation. The first key that finds a contact decides,
    so a row whose address matches one contact and e-mail another updates the first. Blank
    keys are left out; the name key is only built when nothing stronger matched.

    Method, step 2 (docs/architecture.md): each person appears once on the map, whatever export they
    came from — and a profile address is the one identifier an exporter never reformats,
    where an e-mail can be shared (info@…) and a name is only a name at one organisation.
    `url_key`, `email_key`: `profile_url_key`, `email_key` of the row's values.
    """
    if url_key:
        yield "url", url_key
    if email_key:
        yield "email", email_key
    key = name_org_key(full_name, organisation)
    if key:
        yield "name_org", key


# What a person weighing a merge proposal compares, in the order shown (i18n:
# `network.merge.field.<code>`).
MERGE_FIELDS = ("full_name", "organisation", "position", "email", "phone", "profile_url",
                "connected_on", "layer", "roles", "source")


class FieldDifference(NamedTuple):
    """One field on which two records of a merge proposal differ: its code (one of
    `MERGE_FIELDS`) and each record's value as stored ('' or None when blank)."""

    field: str
    first: object
    second: object


def merge_differences(first: Mapping[str, object], second: Mapping[str, object],
                      fields: Iterable[str] = MERGE_FIELDS) -> list[FieldDifference]:
    """The fields on which two contact records differ, so the user decides a merge on what
    tells them apart rather than on two identical-looking names (clerical review in record
    linkage: the reviewer sees the compared fields side by side — Fellegi & Sunter, 1969).

    Blank and missing are the same; text is compared without surrounding spaces; e-mails
    and profile addresses by their match keys (case, `www.`, trailing slash); roles as a
    set. Fields absent from both records are skipped."""
    differences = []
    for field in fields:
        a, b = first.get(field), second.get(field)
        if _comparable(field, a) != _comparable(field, b):
            differences.append(FieldDifference(field, a, b))
    return differences


def _comparable(field: str, value: object) -> object:
    if value is None or value != value:        # None, NaN
        return ""
    if field == "roles":
        codes = value.split() if isinstance(value, str) else list(value)
        return frozenset(codes)
    text = str(value).strip()
    if field == "email":
        return email_key(text)
    if field == "profile_url":
        return profile_url_key(text) if text else ""
    return text


# Words after an employer's name that say where or in what legal form it trades, not who it
# is: "Auto Trader UK", "Renault Group", "Capgemini France SA".
_ORGANISATION_SUFFIXES = frozenset((
    "sa", "sas", "sasu", "sarl", "eurl", "inc", "ltd", "limited", "llc", "gmbh", "ag", "plc",
    "corp", "co", "group", "groupe", "holding", "uk", "gb", "france", "fr", "usa", "us",
    "europe", "emea", "international", "deutschland", "germany", "espana", "spain", "italia",
    "italy", "belgique", "belgium", "suisse", "switzerland", "ireland", "canada", "nederland"))


def _organisation_words(name: str) -> list[str]:
    words = fold(name or "").split()
    end = len(words)
    while end > 1 and words[end - 1] in _ORGANISATION_SUFFIXES:
        end -= 1
    return words[:end]


def target_matches_organisation(target: str, organisation: str) -> bool:
    """Whether a contact at `organisation` works at the target organisation the user typed.

    The target's words (legal and country suffixes dropped: UK, France, SA, Ltd, Group…)
    must be the leading words of the organisation's name: "Auto Trader" is "Auto Trader UK"
    and "Auto Trader Group plc", "Renault" is "Renault Group", but "Trader" is not
    "Auto Trader UK". Case, accents and punctuation are ignored.

    SOURCE: the method, step 2 (LAMP list of target organisations): a target is an employer,
    and LinkedIn profiles write the employer's name as each person's entity shows it (country
    subsidiary, legal form), while the job seeker writes the brand.
    """
    wanted = _organisation_words(target)
    words = fold(organisation or "").split()
    return bool(wanted) and words[:len(wanted)] == wanted
