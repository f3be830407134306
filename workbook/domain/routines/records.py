"""Records the routine rules and pages exchange: a row of the profile that could not be read."""

from __future__ import annotations

from dataclasses import dataclass

SKIP_REASONS = ("bad_date",)


@dataclass(frozen=True)
class SkippedRow:
    """A stored row left out of the routine because it cannot be read (e.g. an exchange dated
    0026-03-10, typed with a two-digit year by an earlier version): `table`, its `row_id`,
    a `reason` code (SKIP_REASONS), the raw `value`, and the person's `name` if any."""

    table: str
    row_id: int
    reason: str
    value: str
    name: str = ""
