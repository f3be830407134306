"""An import's outcome in one paragraph of the user's language (command line and page)."""

from __future__ import annotations

from collections import Counter

from workbook.domain.records import ImportFileError
from workbook.i18n import Translator
from workbook.i18n.numbers import format_list


def describe_error(error: ImportFileError, tr: Translator) -> str:
    """What is wrong with the file and what to do, in one sentence or two; for a file with
    no readable record, the reasons its rows were skipped."""
    if error.code == "nothing_readable":
        return tr("import.error.nothing_readable", reasons=_reasons(error.skipped, tr))
    return tr(f"import.error.{error.code}")


def _reasons(skipped, tr: Translator) -> str:
    """"reason (count), …", most frequent first."""
    counts = Counter(row.reason for row in skipped)
    return format_list([tr("import.summary.reason_count", count=n,
                           reason=tr(f"import.skip.{code}"))
                        for code, n in counts.most_common()], tr.lang, "unit")


def describe_report(report, tr: Translator, file_name: str) -> str:
    """One paragraph: read / added / updated / unchanged / skipped (with reasons), dates
    left empty, merge proposals, the batch number (an `ImportReport`)."""
    parts = [tr("import.summary.read", read=report.read, file=file_name,
                format=tr(f"import.format.{report.format}"), added=report.added,
                updated=report.updated, unchanged=report.unchanged,
                skipped=len(report.skipped))]
    if report.skipped:
        parts.append(tr("import.summary.skipped", reasons=_reasons(report.skipped, tr)))
    if report.warnings:
        parts.append(tr("import.summary.warnings", count=len(report.warnings)))
    if report.merge_candidates:
        parts.append(tr("import.summary.merges", count=len(report.merge_candidates)))
    if report.batch_id is None:
        parts.append(tr("import.summary.nothing_changed"))
    else:
        parts.append(tr("import.summary.batch", batch=report.batch_id))
    return " ".join(parts)


def describe_rows(report, tr: Translator) -> list[str]:
    """One line per skipped row and per warning, in file order."""
    rows = sorted([(r.line, tr(f"import.skip.{r.reason}"), r.detail) for r in report.skipped] +
                  [(r.line, tr(f"import.warn.{r.reason}"), r.detail) for r in report.warnings])
    return [tr("import.summary.line", line=line, reason=reason, detail=detail)
            for line, reason, detail in rows]
