"""Positioning page, the live feedback: the focus score and each finding explained, with its
fix, in the user's language (the domain gives codes and values; the catalogue the words)."""

from __future__ import annotations

import ipywidgets as ipw

from workbook.domain.positioning import STEPS, Finding, FocusReport
from workbook.escaping import escape_html
from workbook.i18n.numbers import format_list
from workbook.ui.common import html_text

LEVEL_COLOURS = {"focused": "#2e7d32", "almost": "#ef6c00", "vague": "#c62828"}


def finding_texts(finding: Finding, tr) -> tuple[str, str, str]:
    """(label, why, fix) of a finding from the catalogue, its values filled in."""
    values = dict(finding.values)
    if finding.steps:  # a line composed from answers too long: which steps to shorten
        values["steps"] = format_list(
            [tr("positioning.step_number", number=STEPS.index(step) + 1)
             for step in finding.steps], tr.lang)
    return (tr(finding.label_key), tr(finding.why_key, **values), tr(finding.fix_key, **values))


def findings_html(report: FocusReport, tr) -> str:
    """One list item per finding: label, why, the words at fault (as typed), the fix."""
    if not report.findings:
        return html_text(tr("positioning.score.no_findings"), "p")
    items = []
    for finding in report.findings:
        label, why, fix = finding_texts(finding, tr)
        words = ""
        if finding.words:
            quoted = ", ".join(f'<span class="wb-positioning-words">{escape_html(w)}</span>'
                               for w in finding.words)
            words = f"<br>{escape_html(tr('positioning.score.words_at_fault'))} {quoted}"
        # A cliché finding explains each family of clichés found, with its own fix.
        details = "".join(
            f'<br><span class="wb-positioning-detail" data-detail="{escape_html(detail)}">'
            f"{escape_html(tr(key))}</span>"
            for detail, key in zip(finding.details, finding.detail_keys))
        items.append(
            f'<li class="wb-positioning-finding" data-code="{escape_html(finding.code)}">'
            f"<b>{escape_html(label)}</b> — {escape_html(why)}{words}{details}<br>"
            f"<i>{escape_html(tr('positioning.score.fix'))}</i> {escape_html(fix)}</li>")
    return f"<ul>{''.join(items)}</ul>"


class FeedbackPanel:
    """The score box and the findings; `show` draws a report."""

    def __init__(self, tr):
        self.tr = tr
        self.score = ipw.HTML()
        self.score.add_class("wb-positioning-score")
        self.findings = ipw.HTML()
        self.findings.add_class("wb-positioning-findings")
        self.view = ipw.VBox([ipw.HTML(html_text(tr("positioning.score.title"), "h3")),
                              self.score, self.findings],
                             layout=ipw.Layout(flex="2 1 16em", min_width="0"))
        self.view.add_class("wb-positioning-side")

    def show_pending(self) -> None:
        """While the word lists load (the page's first second): a line instead of a score."""
        self.score.value = html_text(self.tr("positioning.score.reading"), "div",
                                     "wb-muted wb-positioning-score-pending")
        self.findings.value = ""

    def show(self, report: FocusReport, answered: int, steps: int) -> None:
        tr = self.tr
        colour = LEVEL_COLOURS[report.level]
        self.score.value = (
            f'<div class="wb-positioning-score-box wb-positioning-level-{report.level}" '
            f'style="border-color: {colour}">'
            f'<span class="wb-positioning-score-value" style="color: {colour}">'
            f"{report.score}</span>"
            f'<span class="wb-muted"> / 100</span>'
            f'<div style="color: {colour}; font-weight: 600">'
            f'{escape_html(tr(f"positioning.score.level.{report.level}"))}</div></div>'
            + html_text(tr("positioning.score.steps", done=answered, total=steps),
                        "p", "wb-muted wb-positioning-steps-done"))
        self.findings.value = findings_html(report, tr)
