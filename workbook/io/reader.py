"""`read_contacts`: any supported export file in, contacts and skipped rows out."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbook.domain.records import FORMATS, ImportFileError, ReadResult, contacts_frame
from workbook.io.decoding import check_is_text, decode, read_bytes
from workbook.io.tables import read_table
from workbook.io.vcard import looks_like_vcard, read_vcards


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read or stored: a 30,000-row export
    creates hundreds of thousands of lists and tuples that all live until the end, and the
    collector would walk them again and again for nothing (a tenth of the import's time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_text(path: str | Path) -> tuple[str, str, bytes]:
    """`(text, encoding, raw bytes)` of an export, or `ImportFileError` for a file that is
    missing, empty, too large, zipped, Excel, UTF-16, binary or undecodable."""
    data = read_bytes(path)
    check_is_text(data)
    text, encoding = decode(data)
    return text, encoding, data


def parse_text(text: str, fmt: str = "auto", encoding: str = "utf-8") -> ReadResult:
    """Contacts of an already decoded export (see `read_contacts`)."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected auto or one of {FORMATS}")
    if fmt == "vcard" or fmt == "auto" and looks_like_vcard(text):
        found, collected = "vcard", read_vcards(text)
    else:
        if looks_like_vcard(text):
            raise ImportFileError("wrong_columns", f"this is a vCard file, not {fmt}")
        found, collected = read_table(text, fmt)
    if not collected.columns["full_name"]:
        if not collected.skipped:
            raise ImportFileError("no_rows", "column names but no contact under them")
        raise ImportFileError("nothing_readable", f"{len(collected.skipped)} rows skipped",
                              tuple(collected.skipped))
    return ReadResult(format=found, contacts=contacts_frame(collected.columns),
                      skipped=collected.skipped, warnings=collected.warnings,
                      encoding=encoding)


def read_contacts(path: str | Path, fmt: str = "auto") -> ReadResult:
    """Read a contact export without touching any profile.

    `fmt`: "auto" (recognised from the content, not the file name) or one of
    linkedin | google | outlook | vcard | csv. Returns a `ReadResult`: `format`, `contacts`
    (DataFrame, columns full_name, first_name, last_name, email, phone, profile_url,
    organisation, position, connected_on, birthday, notes — text, '' when absent, except
    `connected_on`: ISO date string or None), `skipped` (list of `SkippedRow(line, reason,
    detail)`) and `warnings` (rows kept with e.g. an unreadable date left empty).

    Raises `ImportFileError(code, detail)` when the file cannot be read at all; show
    `tr(f"import.error.{code}")` (codes in `workbook.domain.records.ERROR_CODES`).
    """
    with gc_paused():
        text, encoding, _ = read_text(path)
        return parse_text(text, fmt, encoding)
