"""Positioning page: the guided statement, live focus feedback, versions, repeat-back test and
the card export.

`PositioningState` is the page's only writer to the profile; `PositioningPage` builds the
widgets and wires the `_on_<event>` callbacks. Live feedback is debounced: each keystroke only
records the text (and recomposes the card texts that still follow the answers); the score, the
card shown and the draft follow once typing pauses.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.charts.positioning import repeat_back_figure, score_history_figure
from workbook.domain import positioning as rules
from workbook.domain.positioning import (
    CARD_FIELDS,
    CORE_PARTS,
    STEPS,
    Card,
    FocusReport,
    Statement,
    Version,
)
from workbook.escaping import escape_html, shorten
from workbook.i18n import LANGUAGES
from workbook.io.card import card_html, card_markdown, card_text
from workbook.store import positioning as store
from workbook.ui.common import (
    PageContext,
    StatusLine,
    build_page,
    download_link,
    guarded,
    html_text,
    page_shell,
    refresh_figure,
    table_html,
)
from workbook.ui.widgets import Debouncer

DEBOUNCE_SECONDS = 0.35
QUOTE_CHARS = 240   # a pasted page quoted back stays short
LEVEL_COLOURS = {"focused": "#2e7d32", "almost": "#ef6c00", "vague": "#c62828"}
_MULTILINE_STEPS = ("problem", "deliverable", "difference")

_STYLE = """<style>
.wb-positioning-step {margin-bottom: 0.5em;}
.wb-positioning-step .wb-step-title {font-weight: 600; margin: 0.2em 0 0;}
.wb-positioning-step .wb-step-coach {color: #555; margin: 0 0 0.2em; font-size: 0.95em;}
.wb-positioning-score-box {border-left: 10px solid; padding: 0.4em 1em; background: #fafafa;}
.wb-positioning-score-value {font-size: 3.2em; font-weight: 700; line-height: 1.1;}
.wb-positioning-findings ul {padding-left: 1.1em; margin: 0.3em 0;}
.wb-positioning-findings li {margin-bottom: 0.5em;}
.wb-positioning-words {font-family: monospace; background: #fff3e0;}
.wb-positioning-download {border: 1px solid #1565c0; border-radius: 4px; padding: 3px 10px;
  color: #1565c0; text-decoration: none; display: inline-block; margin: 0.3em 0.3em 0 0;}
.wb-positioning .wb-table {border-collapse: collapse; margin: 0.4em 0; font-size: 0.92em;}
.wb-positioning .wb-table th, .wb-positioning .wb-table td {border-bottom: 1px solid #e0e0e0;
  padding: 3px 8px; text-align: left; vertical-align: top;}
.wb-positioning .wb-table td:nth-child(2), .wb-positioning .wb-table td:nth-child(n+4),
  .wb-positioning .wb-table th:nth-child(n+4) {white-space: nowrap;}
.wb-positioning-form textarea, .wb-positioning-rb-text textarea {font-family: inherit;}
.wb-positioning-compare, .wb-positioning-findings, .wb-positioning .wb-table td,
  .wb-positioning-status, .wb-positioning-rb-status, .wb-positioning-rb-delete-status
  {overflow-wrap: anywhere;}
.wb-positioning-side {padding-left: 1em; position: sticky; top: 8px; align-self: flex-start;}
</style>"""


def distinct_labels(names: list[str], taken: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """`names` made distinct for a chart's categories, where equal names would pile their bars
    up: a repeated name (the same connector asked twice) gets " (2)", " (3)"…"""
    seen = set(taken)
    labels = []
    for name in names:
        label, number = name, 1
        while label in seen:
            number += 1
            label = f"{name} ({number})"
        seen.add(label)
        labels.append(label)
    return labels


# --------------------------------------------------------------------------------------------
# State: the only writer

# The same card is analysed by the live feedback, the save and the version list: once is enough.
_analyse = functools.lru_cache(maxsize=64)(rules.analyze_card)


class PositioningState:
    """The statement being typed, its card, its report, and the saved versions.

    Card texts follow the answers until the user edits one: a card text that still equals
    what was last composed is recomposed; an edited one stays as written.
    """

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        self.versions: list[Version] = store.list_versions(ctx.conn)
        draft = store.load_draft(ctx.conn)
        if draft is not None:
            self.statement, self.card = draft
        elif self.versions:
            self.statement, self.card = self.versions[-1].statement, self.versions[-1].card
        else:
            self.statement, self.card = Statement(), Card()
        # A card text still "follows" the answers when it equals what they compose, in any
        # language (a version saved in French, reopened in English, still follows).
        self._following = {field: {getattr(rules.compose_card(self.statement, lang), field)
                                   for lang in LANGUAGES} for field in CARD_FIELDS}
        self._draft_kept = (self.statement, self.card)

    @property
    def lang(self) -> str:
        return self.ctx.lang

    @property
    def latest(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    @property
    def report(self) -> FocusReport:
        """The focus report of the card as it stands."""
        return _analyse(self.card, self.lang)

    def set_step(self, name: str, value: str) -> None:
        if name not in STEPS:
            raise ValueError(f"unknown step {name!r}")
        self.statement = replace(self.statement, **{name: value or ""})
        fresh = rules.compose_card(self.statement, self.lang)
        follows = {field: not getattr(self.card, field).strip()
                   or getattr(self.card, field) in self._following[field]
                   for field in CARD_FIELDS}
        self.card = Card(**{field: getattr(fresh if follows[field] else self.card, field)
                            for field in CARD_FIELDS})
        self._following = {field: {getattr(fresh, field)} for field in CARD_FIELDS}

    def set_card_text(self, name: str, value: str) -> None:
        if name not in CARD_FIELDS:
            raise ValueError(f"unknown card field {name!r}")
        self.card = replace(self.card, **{name: value or ""})

    def recompose(self) -> None:
        self.card = rules.compose_card(self.statement, self.lang)
        self._following = {field: {getattr(self.card, field)} for field in CARD_FIELDS}

    def keep_draft(self) -> None:
        """Write the draft to the profile when it changed since last kept."""
        if (self.statement, self.card) != self._draft_kept:
            store.save_draft(self.ctx.conn, self.statement, self.card)
            self._draft_kept = (self.statement, self.card)

    def save_version(self) -> str:
        """'saved', 'unchanged' (same as the latest version) or 'empty' (nothing to save)."""
        if self.statement.is_blank() and self.card.is_blank():
            return "empty"
        if rules.same_content(self.statement, self.card, self.latest):
            return "unchanged"
        store.save_version(self.ctx.conn, self.statement, self.card, self.lang, self.report.score)
        self.keep_draft()
        self.versions = store.list_versions(self.ctx.conn)
        return "saved"

    def score_of(self, version: Version) -> int:
        """A version's saved score, or its score now when it was saved without one."""
        if version.score is not None:
            return version.score
        return _analyse(version.card, version.lang).score

    def repeat_backs(self) -> list[dict]:
        """The repeat-backs of the latest version (store rows), in the order recorded."""
        return store.list_repeat_backs(self.ctx.conn, self.latest.id) if self.latest else []

    def repeat_back_summary(self, rows: list[dict]) -> rules.RepeatBackSummary | None:
        """What the connectors of `rows` (from `repeat_backs`) kept of the latest version."""
        if self.latest is None:
            return None
        return rules.repeat_back_summary(
            self.latest.statement, [(r["connector_name"], r["rephrasing"]) for r in rows])

    def add_repeat_back(self, name: str, rephrasing: str, contact_id: int | None,
                        today: dt.date | None = None) -> str:
        """'added', or why not: 'need_version', 'need_name', 'need_text', 'need_core'."""
        if self.latest is None:
            return "need_version"
        if not (name or "").strip():
            return "need_name"
        if not (rephrasing or "").strip():
            return "need_text"
        if not self.latest.statement.has_core():
            return "need_core"
        store.add_repeat_back(self.ctx.conn, self.latest.id, " ".join(name.split()),
                              rephrasing.strip(), (today or dt.date.today()).isoformat(),
                              contact_id)
        return "added"

    def delete_repeat_back(self, repeat_back_id: int | None) -> str:
        """'deleted', or 'delete_none' when no entry of the latest version was chosen."""
        if repeat_back_id is None or repeat_back_id not in {r["id"] for r in self.repeat_backs()}:
            return "delete_none"
        store.delete_repeat_back(self.ctx.conn, repeat_back_id)
        return "deleted"


# --------------------------------------------------------------------------------------------
# The page

class PositioningPage:
    """Widgets of the page. `view` is what the notebook displays."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        self.state = PositioningState(ctx)
        tr = ctx.tr
        self.status = StatusLine()
        self.status.add_class("wb-positioning-status")
        self._syncing = False
        self._refresh_later = Debouncer(DEBOUNCE_SECONDS, guarded(ctx, self.status)(self._on_pause))

        intro = ipw.HTML(_STYLE + html_text(tr("positioning.intro"), "p"))
        self.step_inputs: dict[str, ipw.Text | ipw.Textarea] = {}
        steps = [self._step(number, name) for number, name in enumerate(STEPS, 1)]

        self.card_inputs = {
            name: ipw.Textarea(value=getattr(self.state.card, name), rows=rows,
                               continuous_update=True, layout=ipw.Layout(width="98%"))
            for name, rows in (("one_liner", 2), ("pitch", 5), ("bio", 3))}
        card_rows = []
        for name, widget in self.card_inputs.items():
            widget.add_class(f"wb-positioning-{name.replace('_', '-')}")
            widget.observe(guarded(ctx, self.status)(self._on_card_edit), names="value")
            card_rows += [ipw.HTML(html_text(tr(f"positioning.card.{name}"), "b")), widget]
        self.length = ipw.HTML()
        self.length.add_class("wb-positioning-length")
        self.recompose = ipw.Button(description=tr("positioning.card.recompose"), icon="refresh",
                                    layout=ipw.Layout(width="auto"))
        self.recompose.add_class("wb-positioning-recompose")
        self.recompose.on_click(guarded(ctx, self.status)(self._on_recompose))
        self.save = ipw.Button(description=tr("positioning.save"), button_style="success",
                               icon="save", layout=ipw.Layout(width="auto"))
        self.save.add_class("wb-positioning-save")
        self.save.on_click(guarded(ctx, self.status)(self._on_save))
        self.last_version = ipw.HTML()
        self.last_version.add_class("wb-positioning-last-version")
        card_box = ipw.VBox([
            ipw.HTML(html_text(tr("positioning.card.title"), "h3")
                     + html_text(tr("positioning.card.hint"), "p", "wb-muted")),
            *card_rows, self.length, ipw.HBox([self.save, self.recompose]), self.status,
            self.last_version])

        self.score = ipw.HTML()
        self.score.add_class("wb-positioning-score")
        self.findings = ipw.HTML()
        self.findings.add_class("wb-positioning-findings")
        side = ipw.VBox([ipw.HTML(html_text(tr("positioning.score.title"), "h3")),
                         self.score, self.findings], layout=ipw.Layout(width="40%"))
        side.add_class("wb-positioning-side")
        form = ipw.VBox([*steps, card_box], layout=ipw.Layout(width="60%"))
        form.add_class("wb-positioning-form")

        self.history_box = ipw.VBox()
        self.history_box.add_class("wb-positioning-history")
        self.history_chart: go.FigureWidget | None = None
        self.compare_before = ipw.Dropdown(description=tr("positioning.compare.before"))
        self.compare_after = ipw.Dropdown(description=tr("positioning.compare.after"))
        self.compare_before.add_class("wb-positioning-compare-before")
        self.compare_after.add_class("wb-positioning-compare-after")
        for dropdown in (self.compare_before, self.compare_after):
            dropdown.observe(guarded(ctx, self.status)(self._on_compare), names="value")
        self.comparison = ipw.HTML()
        self.comparison.add_class("wb-positioning-compare")
        progress = ipw.VBox([self.history_box,
                             ipw.HTML(html_text(tr("positioning.compare.title"), "h4")),
                             ipw.HBox([self.compare_before, self.compare_after]), self.comparison])

        self.rb_name = ipw.Combobox(placeholder=tr("positioning.repeat.name_placeholder"),
                                    description=tr("positioning.repeat.name"), ensure_option=False)
        self.rb_name.add_class("wb-positioning-rb-name")
        self.rb_text = ipw.Textarea(placeholder=tr("positioning.repeat.text_placeholder"),
                                    description=tr("positioning.repeat.text"), rows=3,
                                    layout=ipw.Layout(width="90%"))
        self.rb_text.add_class("wb-positioning-rb-text")
        self.rb_add = ipw.Button(description=tr("positioning.repeat.add"), icon="plus",
                                 button_style="primary")
        self.rb_add.add_class("wb-positioning-rb-add")
        self.rb_status = StatusLine()
        self.rb_status.add_class("wb-positioning-rb-status")
        self.rb_add.on_click(guarded(ctx, self.rb_status)(self._on_add_repeat_back))
        self.rb_summary = ipw.HTML()
        self.rb_summary.add_class("wb-positioning-rb-summary")
        self.rb_chart_box = ipw.VBox()
        self.rb_chart_box.add_class("wb-positioning-rb-chart")
        self.rb_chart: go.FigureWidget | None = None
        self.rb_table = ipw.HTML()
        self.rb_table.add_class("wb-positioning-rb-table")
        self.rb_delete_choice = ipw.Dropdown(description=tr("positioning.repeat.delete_choice"),
                                             style={"description_width": "initial"},
                                             layout=ipw.Layout(width="auto"))
        self.rb_delete_choice.add_class("wb-positioning-rb-delete-choice")
        self.rb_delete = ipw.Button(description=tr("positioning.repeat.delete"), icon="trash")
        self.rb_delete.add_class("wb-positioning-rb-delete")
        self.rb_delete_status = StatusLine()  # next to the button: the answer is seen there
        self.rb_delete_status.add_class("wb-positioning-rb-delete-status")
        self.rb_delete.on_click(guarded(ctx, self.rb_delete_status)(self._on_delete_repeat_back))
        self.rb_delete_row = ipw.HBox([self.rb_delete_choice, self.rb_delete])
        self._contacts: dict[str, int] | None = None  # connectors, read when first needed
        repeat = ipw.VBox([ipw.HTML(html_text(tr("positioning.repeat.intro"), "p")),
                           self.rb_name, self.rb_text, self.rb_add, self.rb_status,
                           self.rb_summary, self.rb_chart_box, self.rb_table,
                           self.rb_delete_row, self.rb_delete_status,
                           ipw.HTML(html_text(tr("positioning.repeat.limits"), "p", "wb-muted"))])

        self.export_format = ipw.ToggleButtons(
            options=[(tr("positioning.export.text"), "text"),
                     (tr("positioning.export.markdown"), "markdown"),
                     (tr("positioning.export.html"), "html")], value="text",
            description=tr("positioning.export.format"))
        self.export_format.add_class("wb-positioning-export-format")
        self.export_format.observe(guarded(ctx, self.status)(self._on_export_format),
                                   names="value")
        self.export_text = ipw.Textarea(rows=10, layout=ipw.Layout(width="98%"))
        self.export_text.add_class("wb-positioning-export-text")
        self.export_links = ipw.HTML()
        self.export_links.add_class("wb-positioning-export-links")
        export = ipw.VBox([ipw.HTML(html_text(tr("positioning.export.intro"), "p")),
                           self.export_format, self.export_text, self.export_links])

        self.sections = ipw.Accordion(
            children=[progress, repeat, export], selected_index=None,
            titles=(tr("positioning.sections.progress"), tr("positioning.sections.repeat"),
                    tr("positioning.sections.export")))
        self.sections.add_class("wb-positioning-sections")
        self.sections.observe(guarded(ctx, self.status)(self._on_section), names="selected_index")

        main = ipw.HBox([form, side], layout=ipw.Layout(width="100%"))
        self.view = page_shell(ctx, "positioning", intro, main, self.sections)
        self.view.add_class("wb-positioning")
        self._show_feedback()
        self._show_last_version()

    # -- building blocks
    def _step(self, number: int, name: str) -> ipw.VBox:
        tr = self.ctx.tr
        kind = ipw.Textarea if name in _MULTILINE_STEPS else ipw.Text
        widget = kind(value=getattr(self.state.statement, name),
                      placeholder=tr(f"positioning.step.{name}.placeholder"),
                      continuous_update=True, layout=ipw.Layout(width="98%"),
                      **({"rows": 2} if kind is ipw.Textarea else {}))
        widget.add_class(f"wb-positioning-field-{name.replace('_', '-')}")
        widget.observe(guarded(self.ctx, self.status)(self._on_step_edit), names="value")
        self.step_inputs[name] = widget
        title = tr("positioning.step_label", number=number, total=len(STEPS),
                   title=tr(f"positioning.step.{name}.title"))
        box = ipw.VBox([ipw.HTML(html_text(title, "p", "wb-step-title")
                                 + html_text(tr(f"positioning.step.{name}.coach"), "p",
                                             "wb-step-coach")), widget])
        box.add_class("wb-positioning-step")
        return box

    # -- callbacks
    def _on_step_edit(self, change) -> None:
        if self._syncing:
            return
        name = next(n for n, w in self.step_inputs.items() if w is change["owner"])
        self.state.set_step(name, change["new"])
        self._refresh_later()

    def _on_card_edit(self, change) -> None:
        if self._syncing:
            return
        name = next(n for n, w in self.card_inputs.items() if w is change["owner"])
        self.state.set_card_text(name, change["new"])
        self._refresh_later()

    def _on_pause(self) -> None:
        """Typing paused: show the composed card, the score, and keep the draft."""
        if "wb-status-error" in self.status.value:  # the user is fixing it: the error is old
            self.status.clear()
        self._sync_card_inputs()
        self._show_feedback()
        self.state.keep_draft()
        if self.sections.selected_index == 2:  # the export shows the card being typed
            self._show_export()

    def _on_recompose(self, _button=None) -> None:
        self.state.recompose()
        self._sync_card_inputs()
        self._show_feedback()
        self.state.keep_draft()
        self.status.show(self.ctx.tr("positioning.card.recomposed"))

    def _on_save(self, _button=None) -> None:
        outcome = self.state.save_version()
        self._show_feedback()
        if outcome == "saved":
            self.status.show(self.ctx.tr("positioning.saved", score=self.state.report.score))
            self._show_last_version()
            self._show_section(self.sections.selected_index)
        else:
            key = "positioning.unchanged" if outcome == "unchanged" else "positioning.save_empty"
            self.status.show(self.ctx.tr(key), error=outcome == "empty")

    def _on_section(self, change) -> None:
        self._show_section(change["new"])

    def _on_compare(self, _change=None) -> None:
        self._show_comparison()

    def _on_add_repeat_back(self, _button=None) -> None:
        tr = self.ctx.tr
        name = " ".join(self.rb_name.value.split())
        outcome = self.state.add_repeat_back(name, self.rb_text.value,
                                             (self._contacts or {}).get(name))
        if outcome != "added":
            self.rb_status.show(tr(f"positioning.repeat.{outcome}"), error=True)
            return
        self.rb_text.value = ""
        self.rb_name.value = ""
        self.rb_delete_status.clear()
        summary = self._show_repeat_backs()
        kept = summary.results[-1].overall if summary and summary.results else None
        self.rb_status.show(tr("positioning.repeat.added", name=name,
                               percent=self._percent(kept or 0)))

    def _on_delete_repeat_back(self, _button=None) -> None:
        chosen = self.rb_delete_choice.value
        names = {r["id"]: r["connector_name"] for r in self.state.repeat_backs()}
        outcome = self.state.delete_repeat_back(chosen)
        self._show_repeat_backs()
        self.rb_status.clear()
        self.rb_delete_status.show(
            self.ctx.tr(f"positioning.repeat.{outcome}", name=names.get(chosen, "")),
            error=outcome != "deleted")

    def _on_export_format(self, _change=None) -> None:
        self._show_export()

    # -- views
    def _show_section(self, index: int | None) -> None:
        """Fill the open section (closed ones are filled when opened)."""
        shown = {0: self._show_progress, 1: self._show_repeat_backs, 2: self._show_export}
        if index in shown:
            shown[index]()

    def _percent(self, share: float) -> str:
        return self.ctx.tr("positioning.percent", value=round(100 * share))

    def _sync_card_inputs(self) -> None:
        self._syncing = True
        try:
            for name, widget in self.card_inputs.items():
                value = getattr(self.state.card, name)
                if widget.value != value:
                    widget.value = value
        finally:
            self._syncing = False

    def _show_feedback(self) -> None:
        tr = self.ctx.tr
        report = self.state.report
        colour = LEVEL_COLOURS[report.level]
        self.score.value = (
            f'<div class="wb-positioning-score-box wb-positioning-level-{report.level}" '
            f'style="border-color: {colour}">'
            f'<span class="wb-positioning-score-value" style="color: {colour}">'
            f"{report.score}</span>"
            f'<span class="wb-muted"> / 100</span>'
            f'<div style="color: {colour}; font-weight: 600">'
            f'{escape_html(tr(f"positioning.score.level.{report.level}"))}</div></div>')
        done = self.state.statement.answered()
        self.score.value += html_text(tr("positioning.score.steps", done=done, total=len(STEPS)),
                                      "p", "wb-muted wb-positioning-steps-done")
        self.findings.value = self._findings_html(report)
        self.length.value = html_text(
            tr("positioning.card.length", words=report.words, seconds=round(report.seconds),
               liner=report.one_liner_words), "p", "wb-muted")

    def _findings_html(self, report: FocusReport) -> str:
        tr = self.ctx.tr
        if not report.findings:
            return html_text(tr("positioning.score.no_findings"), "p")
        items = []
        for finding in report.findings:
            words = ""
            if finding.words:
                quoted = ", ".join(f'<span class="wb-positioning-words">{escape_html(w)}</span>'
                                   for w in finding.words)
                words = f"<br>{escape_html(tr('positioning.score.words_at_fault'))} {quoted}"
            items.append(
                f'<li class="wb-positioning-finding" data-code="{escape_html(finding.code)}">'
                f"<b>{escape_html(tr(f'positioning.finding.{finding.code}.label'))}</b> — "
                f"{escape_html(finding.why)}{words}<br>"
                f"<i>{escape_html(tr('positioning.score.fix'))}</i> {escape_html(finding.fix)}"
                "</li>")
        return f"<ul>{''.join(items)}</ul>"

    def _show_last_version(self) -> None:
        tr, latest = self.ctx.tr, self.state.latest
        if latest is None:
            self.last_version.value = html_text(tr("positioning.no_version"), "span", "wb-muted")
            return
        self.last_version.value = html_text(
            tr("positioning.last_version", date=latest.saved_at,
               score=self.state.score_of(latest), count=len(self.state.versions)),
            "span", "wb-muted")

    def _version_options(self) -> list[tuple[str, int]]:
        tr = self.ctx.tr
        return [(tr("positioning.compare.option", date=v.saved_at,
                    score=self.state.score_of(v)), v.id) for v in self.state.versions]

    def _show_progress(self) -> None:
        tr, versions = self.ctx.tr, self.state.versions
        figure = score_history_figure(
            versions, [self.state.score_of(v) for v in versions],
            title=tr("positioning.progress.chart_title"), x_title=tr("positioning.progress.x"),
            y_title=tr("positioning.progress.y"),
            focused_label=tr("positioning.progress.focused_line"),
            almost_label=tr("positioning.progress.almost_line"))
        if self.history_chart is None:
            self.history_chart = go.FigureWidget(figure)
            self.history_box.children = (self.history_chart,)
        else:
            refresh_figure(self.history_chart, figure)
        options = self._version_options()
        self._syncing = True
        try:
            self.compare_before.options = options
            self.compare_after.options = options
            if len(options) >= 2:
                self.compare_before.value = options[-2][1]
                self.compare_after.value = options[-1][1]
        finally:
            self._syncing = False
        self._show_comparison()

    def _show_comparison(self) -> None:
        tr = self.ctx.tr
        by_id = {v.id: v for v in self.state.versions}
        before = by_id.get(self.compare_before.value)
        after = by_id.get(self.compare_after.value)
        if len(by_id) < 2 or before is None or after is None:
            self.comparison.value = html_text(tr("positioning.compare.need_two"), "p", "wb-muted")
            return
        diff = rules.compare_versions(before, after)
        none = tr("positioning.compare.none")

        def quoted(code: str) -> str:  # "No figure" in a list must not read as "none"
            return tr("positioning.compare.quote", text=tr(f"positioning.finding.{code}.label"))

        def quote(version: Version) -> str:
            quoted = shorten(version.card.one_liner, QUOTE_CHARS)
            return escape_html(tr("positioning.compare.quote", text=quoted))

        def listing(key: str, items: list[str]) -> str:
            return f"<li>{html_text(tr(key), 'b')} {escape_html(', '.join(items) or none)}</li>"

        delta = f"{diff.score_delta:+d}"
        self.comparison.value = (
            html_text(tr("positioning.compare.score", before=diff.score_before,
                         after=diff.score_after, delta=delta), "p")
            + "<ul>"
            + listing("positioning.compare.changed",
                      [tr(f"positioning.step.{s}.title") for s in diff.changed_steps])
            + listing("positioning.compare.fixed", [quoted(c) for c in diff.fixed])
            + listing("positioning.compare.appeared", [quoted(c) for c in diff.appeared])
            + "</ul>"
            + html_text(tr("positioning.compare.words", before=diff.words_before,
                           after=diff.words_after), "p", "wb-muted")
            + f"<p>{quote(before)}<br>→ {quote(after)}</p>")

    def _show_repeat_backs(self) -> rules.RepeatBackSummary | None:
        """Show the repeat-backs of the latest version; returns their summary."""
        tr, latest = self.ctx.tr, self.state.latest
        if self._contacts is None:
            self._contacts = dict(store.connector_contacts(self.ctx.conn))
            self.rb_name.options = tuple(self._contacts)
        if latest is None:
            self.rb_summary.value = html_text(tr("positioning.repeat.need_version"), "p")
            return None
        rows = self.state.repeat_backs()
        summary = self.state.repeat_back_summary(rows)
        lines = [html_text(tr("positioning.repeat.version", date=latest.saved_at),
                           "p", "wb-muted")]
        if not summary.results:
            lines.append(html_text(tr("positioning.repeat.none"), "p"))
        elif summary.overall is None:
            lines.append(html_text(tr("positioning.repeat.need_core"), "p"))
        else:
            lines.append(html_text(tr("positioning.repeat.summary", count=len(summary.results),
                                      percent=self._percent(summary.overall)), "p"))
            lost = summary.lost_part or "none"
            lines.append(html_text(tr(f"positioning.repeat.lost.{lost}"), "p",
                                   f"wb-positioning-lost-{lost}"))
        self.rb_summary.value = "".join(lines)
        self._show_repeat_back_table(rows, summary)
        self._show_repeat_back_chart(summary)
        return summary

    def _show_repeat_back_chart(self, summary: rules.RepeatBackSummary) -> None:
        tr = self.ctx.tr
        if not summary.results:
            self.rb_chart_box.children = ()
            return
        average = tr("positioning.repeat.average")
        names = distinct_labels([r.connector for r in summary.results], taken={average})
        names.append(average)
        kept = {part: [r.kept[part] for r in summary.results] + [summary.mean_by_part[part]]
                for part in CORE_PARTS}
        figure = repeat_back_figure(
            names, kept, part_labels={p: tr(f"positioning.repeat.part.{p}") for p in CORE_PARTS},
            title=tr("positioning.repeat.chart_title"), y_title=tr("positioning.repeat.y"),
            percent_label=lambda value: tr("positioning.percent", value=value))
        if self.rb_chart is None:
            self.rb_chart = go.FigureWidget(figure)
        else:
            refresh_figure(self.rb_chart, figure)
        self.rb_chart_box.children = (self.rb_chart,)

    def _show_repeat_back_table(self, rows: list[dict],
                                summary: rules.RepeatBackSummary) -> None:
        tr = self.ctx.tr
        # A first, empty choice: nothing is removed by a click on the wrong default.
        self.rb_delete_choice.options = [(tr("positioning.repeat.delete_pick"), None)] + [
            (f"{r['connector_name']} · {r['recorded_on']}", r["id"]) for r in rows]
        self.rb_delete_choice.index = 0
        self.rb_delete_row.layout.display = None if rows else "none"
        if not rows:
            self.rb_table.value = ""
            return

        def percent(value: float | None) -> str:
            return "—" if value is None else self._percent(value)

        head = [tr("positioning.repeat.col.connector"), tr("positioning.repeat.col.date"),
                tr("positioning.repeat.col.words"),
                *(tr(f"positioning.repeat.part.{part}") for part in CORE_PARTS)]
        body = [[row["connector_name"], row["recorded_on"], row["rephrasing"],
                 *(percent(result.kept[part]) for part in CORE_PARTS)]
                for row, result in zip(rows, summary.results)]
        self.rb_table.value = table_html(head, body)

    def _show_export(self) -> None:
        tr, card = self.ctx.tr, self.state.card
        if card.is_blank():
            self.export_text.value = ""
            self.export_links.value = html_text(tr("positioning.export.empty"), "p", "wb-muted")
            return
        texts = {"text": card_text(card, tr), "markdown": card_markdown(card, tr),
                 "html": card_html(card, tr, self.ctx.lang)}
        self.export_text.value = texts[self.export_format.value]
        files = (("text", "positioning.txt", "text/plain"),
                 ("markdown", "positioning.md", "text/markdown"),
                 ("html", "positioning.html", "text/html"))
        self.export_links.value = " ".join(
            download_link(texts[kind], filename, mime,
                          tr("positioning.export.download",
                             format=tr(f"positioning.export.{kind}")),
                          css_class="wb-positioning-download")
            for kind, filename, mime in files)


def build_positioning(profile: str | None = None, lang: str | None = None) -> ipw.VBox:
    """The Positioning page for the profile served (see `open_page_context`)."""
    return build_page(lambda ctx: PositioningPage(ctx).view, profile, lang)
