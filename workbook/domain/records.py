"""Records that cross layers on the way in and out of a profile: what a reader returns (the
contacts it read, the rows it could not take, with reasons) and what an import did.

Plain frozen dataclasses and codes; the pages and the command line translate the codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:    # the importers read into pandas; the pages that only name an error do not
    import pandas as pd

FORMATS = ("linkedin", "google", "outlook", "vcard", "csv")

# Columns of `ReadResult.contacts`, in order. All text ('' when absent) except
# `connected_on`, an ISO date string or None, and `mutual_connections`, an int or None.
CONTACT_COLUMNS = ("full_name", "first_name", "last_name", "email", "phone", "profile_url",
                   "organisation", "position", "connected_on", "birthday", "notes",
                   "mutual_connections")
_NOT_TEXT = ("connected_on", "mutual_connections")

# Why a whole file is refused (i18n: `import.error.<code>`): what is wrong and what to do.
ERROR_CODES = ("not_found", "empty", "too_large", "binary", "zip", "excel", "utf16", "encoding",
               "no_header", "wrong_columns", "broken_quoting", "field_too_long", "no_rows",
               "not_vcard", "nothing_readable", "profile_archive", "not_a_file", "busy",
               "disk_full", "read_only")

# Why one row was skipped (`import.skip.<code>`), or kept with a warning (`import.warn.<code>`).
SKIP_REASONS = ("no_name", "extra_fields", "field_too_long", "duplicate_row", "broken_card",
                "bad_number")
WARNING_REASONS = ("bad_date",)


class ImportFileError(Exception):
    """A file that cannot be read at all. `code` is one of `ERROR_CODES` (the page shows
    `tr("import.error.<code>")`); `detail` is a short technical hint (a line number, a
    column name) in English, for the log or the command line. `skipped`: for
    `nothing_readable`, every row of the file and why it could not be taken."""

    def __init__(self, code: str, detail: str = "", skipped: tuple[SkippedRow, ...] = ()):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.skipped = tuple(skipped)


@dataclass(frozen=True)
class SkippedRow:
    """One row not imported (or imported with a warning): `line` is the 1-based line of the
    file where the row starts, `reason` a code (`SKIP_REASONS`/`WARNING_REASONS`), `detail`
    what was found (the column, the value, cut to 80 characters)."""

    line: int
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class ReadResult:
    """What `workbook.io.read_contacts` read.

    - `format`: linkedin | google | outlook | vcard | csv
    - `contacts`: one row per contact, columns `CONTACT_COLUMNS` (text, '' when absent;
      `connected_on` an ISO date or None; `birthday` 'YYYY-MM-DD', 'MM-DD' or '';
      `mutual_connections` a whole number or None).
    - `skipped`: rows not taken, with the reason.
    - `warnings`: rows taken with something left out (e.g. `bad_date`: the row is kept, the
      unreadable date left empty).
    - `encoding`: how the file was decoded (utf-8-sig, utf-8, cp1252, …).
    """

    format: str
    contacts: pd.DataFrame
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[SkippedRow] = field(default_factory=list)
    encoding: str = "utf-8"


def contacts_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The contacts table of a `ReadResult` from one list per column of `CONTACT_COLUMNS`."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series(columns[name], dtype=object if name in _NOT_TEXT
                                         else "str") for name in CONTACT_COLUMNS})


class MergeCandidate(NamedTuple):
    """Two contacts that may be one person: `first_id` < `second_id`, `reason` one of
    `workbook.domain.contacts_matching.MERGE_REASONS`."""

    first_id: int
    second_id: int
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did. `batch_id` is None when nothing changed (a re-import of the same
    file). `read` counts the file's contact rows, so read = added + updated + unchanged +
    len(skipped). `warnings` lists rows kept with something left out (e.g. `bad_date`).
    `merge_candidates` are look-alikes involving the contacts this import added or updated."""

    batch_id: int | None
    read: int
    added: int
    updated: int
    unchanged: int
    skipped: list[SkippedRow] = field(default_factory=list)
    merge_candidates: list[MergeCandidate] = field(default_factory=list)
    warnings: list[SkippedRow] = field(default_factory=list)
    format: str = ""
