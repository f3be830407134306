"""Numbers, percentages and lists as people read them in their language (Babel, CLDR data).

One formatter per need, for every page and command, beside `dates`: `format_percent`
("42 %" with a narrow no-break space in French, "42%" in English), `format_decimal`
("1 234,5" / "1,234.5"), `format_list` ("A, B et C" / "A, B and C"). Text joined in code
(`", ".join`, `f"{x}%"`) reads right in one language only.
"""

from __future__ import annotations

from collections.abc import Iterable

from babel import Locale
from babel.lists import format_list as _babel_list
from babel.numbers import format_decimal as _babel_decimal
from babel.numbers import format_percent as _babel_percent

from workbook.i18n.dates import LOCALES


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["en"])


def format_percent(share: float, lang: str, digits: int = 0) -> str:
    """A share (0.42) as a percentage: "42 %" in French, "42%" in English; `digits` decimals."""
    locale = Locale.parse(_locale(lang))
    pattern = locale.percent_formats[None].pattern      # the language's own, e.g. "#,##0 %"
    last = pattern.rfind("0")
    if digits and last >= 0:
        pattern = pattern[:last + 1] + "." + "0" * digits + pattern[last + 1:]
    return _babel_percent(share, format=pattern, locale=locale)


def format_decimal(number: float, lang: str, digits: int | None = None) -> str:
    """A number with the language's separators ("1 234,5" / "1,234.5"); `digits` fixes the
    decimals shown (None: as many as the number has, up to three)."""
    if digits is None:
        return _babel_decimal(number, locale=_locale(lang))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _babel_decimal(number, format=pattern, locale=_locale(lang))


def format_list(items: Iterable[str] | None, lang: str, style: str = "standard") -> str:
    """Items joined the language's way: "A, B et C" / "A, B and C" ("standard"); "unit"
    ("A, B, C") for lists of values that are not a sentence's items. Empty items (and None)
    are left out."""
    kept = [str(item) for item in items or () if item is not None and str(item).strip()]
    if not kept:
        return ""
    return _babel_list(kept, style=style, locale=_locale(lang))
