"""FR and EN catalogues for every user-visible string.

Each page has one JSON file per language (`en/<page>.json`, `fr/<page>.json`); keys are
`<page>.<name>`. Placeholders use `str.format` names: `"{count} contacts"`.

Plurals: a text that depends on a number has one key per CLDR plural category,
`<key>.one` and `<key>.other` (French says "0 contact", English "0 contacts");
`Translator.count(key, n)` picks the one the language's plural rule (Babel) asks for.
Dates and times: `workbook.i18n.dates`.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from importlib import resources
from numbers import Integral  # not `import numbers`: the package has its own `numbers`

from workbook.domain.language import DEFAULT_LANGUAGE, LANGUAGES, normalise_language

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "normalise_language", "Translator", "translate",
           "catalogue", "choose_language", "MissingTranslation"]


class MissingTranslation(KeyError):
    """A key absent from a catalogue: a bug, caught by the completeness test."""


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every key of language `lang`, merged from its per-page files."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    merged: dict[str, str] = {}
    for entry in sorted(resources.files(__name__).joinpath(lang).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            page = json.loads(entry.read_text(encoding="utf-8"))
            clash = merged.keys() & page.keys()
            if clash:
                raise ValueError(f"keys defined twice in {lang}: {sorted(clash)}")
            merged.update(page)
    return merged



def choose_language(*preferences: str | None) -> str:
    """The first preference given (e.g. a `--lang` flag, then the profile's saved choice),
    else `WORKBOOK_LANG`, else French — the language of most of the workbook's users."""
    for preference in (*preferences, os.environ.get("WORKBOOK_LANG")):
        if preference:
            return normalise_language(preference)
    return DEFAULT_LANGUAGE


# Placeholders that hold a quantity of things: their whole numbers are grouped by thousands
# the language's way ("30,000 contacts", "30 000 contacts"). Others (a year, a port, an
# import's number) are written as they are.
QUANTITIES = frozenset({"count", "shown", "total", "contacts", "rows", "read", "added",
                        "updated", "unchanged", "skipped", "done", "planned", "redacted",
                        "capacity", "limit"})


def grouped(lang: str, number: int) -> str:
    """A whole number with the language's thousands separator (Babel, CLDR data)."""
    from babel.numbers import format_decimal

    return format_decimal(number, locale=lang)


# French drops the vowel of "de", "que"… before a word starting with a vowel: "la fiche
# d'Alexandre", "plus qu'Anne", never "de Alexandre". A placeholder can hold any name, so the
# catalogue writes "de {name}" and the elision is made once the name is known. Names starting
# with "h" or "y" are left alone ("de Hugues", "de Yann": usage varies, both read right).
_ELIDABLE = re.compile(r"(?<![\w'’])([Dd]e|[Qq]ue|[Jj]usque|[Ll]orsque|[Pp]uisque) \{(\w+)\}")
_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")


def elide(lang: str, text: str, values: dict) -> str:
    """`text` (a catalogue template) with "de {name}" made "d'{name}" in French when the
    value given for `name` starts with a vowel."""
    if lang != "fr" or "{" not in text:
        return text

    def apply(match: re.Match) -> str:
        value = values.get(match.group(2))
        if isinstance(value, str) and value[:1] in _VOWELS:
            return f"{match.group(1)[:-1]}'{{{match.group(2)}}}"
        return match.group(0)

    return _ELIDABLE.sub(apply, text)


def translate(lang: str, key: str, **values: object) -> str:
    try:
        text = elide(lang, catalogue(lang)[key], values)
    except KeyError:
        raise MissingTranslation(f"{lang}:{key}") from None
    for name in QUANTITIES.intersection(values):
        number = values[name]
        if isinstance(number, Integral) and not isinstance(number, bool) \
                and abs(number) >= 1000:
            values[name] = grouped(lang, number)
    return text.format(**values) if values else text


def plural_category(lang: str, count: int) -> str:
    """'one' or 'other': the CLDR plural category of `count` in `lang` (French puts 0 and 1
    under 'one', English only 1). The catalogues carry these two categories."""
    from babel import Locale

    return "one" if Locale.parse(lang).plural_form(abs(count)) == "one" else "other"


class Translator:
    """`tr = Translator("fr"); tr("home.title")` — bound to one language."""

    def __init__(self, lang: str):
        self.lang = normalise_language(lang)

    def __call__(self, key: str, **values: object) -> str:
        return translate(self.lang, key, **values)

    def count(self, key: str, count: int, **values: object) -> str:
        """`<key>.one` or `<key>.other` by the language's plural rule, `{count}` filled."""
        return translate(self.lang, f"{key}.{plural_category(self.lang, count)}",
                         count=count, **values)

    def has(self, key: str) -> bool:
        return key in catalogue(self.lang)
