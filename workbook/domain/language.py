"""The languages the workbook speaks, and how a preference such as `fr_FR` or `en-GB` maps to
one of them. A rule every layer needs (the store reads the profile's language to pick
regional defaults), so it lives in domain; `workbook.i18n` re-exports it."""

from __future__ import annotations

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"   # most of the workbook's users are French-speaking


def normalise_language(lang: str | None) -> str:
    """`fr`/`en` from anything like `fr_FR`, `EN`, `en-GB`; the default otherwise."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE
