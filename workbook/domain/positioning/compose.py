"""Composing the card (one-liner, 30-second pitch, bio line) from the guided structure.

The clauses are user-facing text: they live in the i18n catalogue (`positioning.compose.*`)
and reach this module through `phrases`, a callable `phrases(key, **values) -> str` bound to
the user's language (the UI passes its translator). This module only orders and joins them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbook.domain.positioning.lengths import BIO_MAX_CHARS, ONE_LINER_MAX_WORDS, count_words
from workbook.domain.positioning.role_phrase import pitch_role_key, with_article
from workbook.domain.positioning.statement import Card, Statement

Phrases = Callable[..., str]


def _decap(text: str) -> str:
    """'Les DAF' -> 'les DAF' inside a sentence; 'PME', 'B2B', 'SaaS' and 'I' are left alone."""
    first_word = text.split(" ", 1)[0]
    if len(first_word) > 1 and first_word[0].isupper() and first_word[1:].islower():
        return _first_letter(text, str.lower)
    return text


def _cap(text: str) -> str:
    return _first_letter(text, str.upper)


def _first_letter(text: str, change) -> str:
    """`text` with its first letter's case changed, unless that would change its length ("ß"
    becomes "SS", "İ" two characters): the composed lines are measured against the limits
    the answers were advised for."""
    first = change(text[:1])
    return first + text[1:] if len(first) == len(text[:1]) else text


_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")


def _unbracketed(text: str) -> str:
    """'l'industrie (ETI et grands groupes)' -> 'l'industrie, ETI et grands groupes': an
    answer the line puts between brackets must not open brackets of its own (no "(a (b))")."""
    while _BRACKETED.search(text):
        text = _BRACKETED.sub(lambda m: ", " + m.group(1).strip() if m.group(1).strip() else "",
                              text)
    return text.replace("(", "").replace(")", "").strip(" ,")


def _end(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def compose_one_liner(statement: Statement, phrases: Phrases) -> str:
    """The one line a connector repeats: role, for whom, in what kind of organisation, and what
    you deliver ("Payroll controller for mid-size manufacturers (food): close in 5 days").
    SOURCE: the method, step 1 — precise specialty and deliverable, nothing else."""
    s = statement.cleaned()

    def line(*names: str) -> str:
        values = {name: value for name in names if (value := getattr(s, name))}
        if "sector" in values:                      # the sector goes between brackets
            values["sector"] = _unbracketed(values["sector"])
        text = "".join(
            phrases(f"positioning.compose.one_liner.{name}",
                    value=_decap(value) if name != "target_role" else value)
            for name, value in values.items() if value)
        return _end(_cap(text.strip().lstrip(":").strip()))

    # The sector only goes in when the line stays short enough to be repeated (the shorter
    # form is role, audience and deliverable: what a connector must repeat).
    with_sector = line("target_role", "audience", "sector", "deliverable")
    if count_words(with_sector) <= ONE_LINER_MAX_WORDS:
        return with_sector
    return line("target_role", "audience", "deliverable")


def compose_pitch(statement: Statement, lang: str, phrases: Phrases) -> str:
    """A 30-second pitch in the first person, one short sentence per filled step.
    SOURCE: the method, step 1 (specialty, expertise, difference)."""
    s = statement.cleaned()
    sentences = []
    if s.target_role:
        # A job title follows "I am" ("I am a marketing manager"); a field follows "I work in"
        # ("I work in marketing"), never "I am a marketing".
        role = _decap(s.target_role)
        key = pitch_role_key(role, lang)
        value = with_article(role, lang) if key == "target_role" else role
        sentences.append(phrases(f"positioning.compose.pitch.{key}", value=value))
    if s.sector:
        sentences.append(phrases("positioning.compose.pitch.sector", value=_decap(s.sector)))
    if s.audience and s.problem:
        sentences.append(phrases("positioning.compose.pitch.audience_problem",
                                 audience=_decap(s.audience), problem=_decap(s.problem)))
    elif s.audience:
        sentences.append(phrases("positioning.compose.pitch.audience", value=_decap(s.audience)))
    elif s.problem:
        sentences.append(phrases("positioning.compose.pitch.problem", value=_decap(s.problem)))
    for name in ("deliverable", "difference"):
        value = getattr(s, name)
        if value:
            sentences.append(phrases(f"positioning.compose.pitch.{name}", value=_decap(value)))
    return " ".join(_end(sentence) for sentence in sentences)


def compose_bio(statement: Statement, phrases: Phrases) -> str:
    """A headline-style bio line for LinkedIn or the top of a CV: "role for whom | result |
    difference"; the difference is left out when the line would pass LinkedIn's headline
    length (`BIO_MAX_CHARS`): role, audience and result are what a reader must keep.
    SOURCE: the method, step 1."""
    s = statement.cleaned()
    head = s.target_role
    if s.audience:
        head += phrases("positioning.compose.one_liner.audience", value=_decap(s.audience))

    def line(*parts: str) -> str:
        return " | ".join(part for part in parts if part)

    whole = line(head.strip(), _cap(s.deliverable), _cap(s.difference))
    if len(whole) <= BIO_MAX_CHARS:
        return whole
    return line(head.strip(), _cap(s.deliverable))


def compose_card(statement: Statement, lang: str, phrases: Phrases) -> Card:
    """One-liner, pitch and bio composed from the guided structure; `phrases` looks the
    clauses up in language `lang` (which decides how the role is introduced: see
    `role_phrase`)."""
    return Card(compose_one_liner(statement, phrases), compose_pitch(statement, lang, phrases),
                compose_bio(statement, phrases))
