"""Importers and exporters: contact files (LinkedIn, Google, Outlook, vCard, generic CSV) in;
CSV, vCard (`vcard_export`), xlsx (`xlsx_export`) and whole-profile archives (`archive`) out.
The flows the pages and commands share are in `workbook.services` (imports, exports,
profiles); this package's own API:

- `read_contacts(path, fmt="auto") -> ReadResult` — read only, the profile is untouched.
- `import_file(conn, path, fmt="auto", progress=None, file_name=None) -> ImportReport` —
  read and store in one transaction (all or nothing).
- `export_contacts(conn, path) -> int` — every contact to a UTF-8 CSV Excel opens.
- `ImportFileError(code, detail)` — a file that cannot be read at all; the page shows
  `tr("import.error.<code>")`.
"""

from __future__ import annotations

from workbook.domain.records import (
    CONTACT_COLUMNS,
    ERROR_CODES,
    FORMATS,
    ImportFileError,
    ReadResult,
    SkippedRow,
)
from workbook.io.reader import read_contacts

__all__ = ["CONTACT_COLUMNS", "ERROR_CODES", "FORMATS", "ImportFileError", "ReadResult",
           "SkippedRow", "read_contacts", "import_file", "export_contacts"]


def __getattr__(name: str):
    # import_file/export_contacts need the store; loaded on first use only
    if name == "import_file":
        from workbook.io.importer import import_file
        return import_file
    if name == "export_contacts":
        from workbook.io.export import export_contacts
        return export_contacts
    raise AttributeError(name)
