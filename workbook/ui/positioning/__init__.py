"""Positioning page: the guided statement, live focus feedback, versions, repeat-back test and
the card export.

A thin composer: `PositioningState` (ui/positioning_state.py) is the only writer; each panel
(form, feedback, progress, repeat-back, export) receives the data it shows and `on_*`
callbacks. Live feedback is debounced: each keystroke only records the text (and recomposes
the card texts that still follow the answers); the score, the card shown and the draft follow
once typing pauses.
"""

from __future__ import annotations

import ipywidgets as ipw

from workbook.domain.positioning import STEPS, Version, is_warm, warm_up
from workbook.ui.common import PageContext, StatusLine, build_page, guarded, page_shell
from workbook.ui.glossary import glossed
from workbook.ui.positioning.export import ExportPanel
from workbook.ui.positioning.feedback import FeedbackPanel
from workbook.ui.positioning.form import StatementForm
from workbook.ui.positioning.format import moment_label
from workbook.ui.positioning.progress import ProgressPanel
from workbook.ui.positioning.repeat import RepeatBackPanel
from workbook.ui.positioning.state import PositioningState
from workbook.ui.widgets import Debouncer, in_background

DEBOUNCE_SECONDS = 0.35
PROGRESS, REPEAT, EXPORT = range(3)  # the sections, in order

_STYLE = """<style>
.wb-positioning-step {margin-bottom: 0.5em;}
.wb-positioning-step .wb-step-title {font-weight: 600; margin: 0.2em 0 0;}
.wb-positioning-step .wb-step-coach {color: #555; margin: 0 0 0.2em; font-size: 0.95em;}
.wb-positioning-step-advice .wb-warn {color: #8d4b00; font-weight: 600; font-size: 0.95em;}
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

class PositioningPage:
    """The page put together. `view` is what the notebook displays."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        tr = ctx.tr
        self.state = PositioningState(ctx)

        def guard(status: StatusLine):
            return guarded(ctx, status)

        self.form = StatementForm(
            tr, self.state.statement, self.state.card, guard=guard,
            on_step=self._on_step, on_card_text=self._on_card_text,
            on_recompose=self._on_recompose, on_save=self._on_save)
        self._refresh_later = Debouncer(DEBOUNCE_SECONDS, guard(self.form.status)(self._on_pause))
        self.feedback = FeedbackPanel(tr)
        self.progress = ProgressPanel(tr, guard(self.form.status))
        self.repeat = RepeatBackPanel(tr, guard=guard, on_add=self._on_add_repeat_back,
                                      on_delete=self._on_delete_repeat_back)
        self.export = ExportPanel(tr, ctx.lang, guard(self.form.status), self._keep_name)
        self._contacts_shown = False

        self.sections = ipw.Accordion(
            children=[self.progress.view, self.repeat.view, self.export.view],
            selected_index=None,
            titles=(tr("positioning.sections.progress"), tr("positioning.sections.repeat"),
                    tr("positioning.sections.export")))
        self.sections.add_class("wb-positioning-sections")
        self.sections.observe(guard(self.form.status)(self._on_section), names="selected_index")

        intro = ipw.HTML(_STYLE + glossed(tr, tr("positioning.intro"), ("connector", "prescriber"),
                                          "p"))
        # Side by side on a wide window; the score goes under the form on a narrow one.
        main = ipw.HBox([self.form.view, self.feedback.view],
                        layout=ipw.Layout(width="100%", flex_flow="row wrap"))
        self.view = page_shell(ctx, "positioning", intro, main, self.sections)
        self.view.add_class("wb-positioning")
        self._show_last_version()
        # The word lists the analysis needs take ~1 s to load: in a kernel they load on a
        # worker thread while the page travels to the browser, and the score follows; the
        # first keystroke never waits for them (it would wait for the same load at most).
        if is_warm(ctx.lang) or not in_background(
                lambda: warm_up(ctx.lang), guard(self.form.status)(self._show_feedback)):
            warm_up(ctx.lang)
            self._show_feedback()
        else:
            self.feedback.show_pending()

    # -- callbacks
    def _on_step(self, name: str, text: str) -> None:
        self.state.set_step(name, text)
        self._refresh_later()

    def _on_card_text(self, name: str, text: str) -> None:
        self.state.set_card_text(name, text)
        self._refresh_later()

    def _on_pause(self) -> None:
        """Typing paused: show the composed card, the score, and keep the draft."""
        if "wb-status-error" in self.form.status.value:  # the user is fixing it: the error is old
            self.form.status.clear()
        self.form.show_card(self.state.card)
        self._show_feedback()
        self.state.keep_draft()
        if self.sections.selected_index == EXPORT:  # the export shows the card being typed
            self._show_export()

    def _on_recompose(self) -> None:
        self.state.recompose()
        self.form.show_card(self.state.card)
        self._show_feedback()
        self.state.keep_draft()
        self.form.status.show(self.ctx.tr("positioning.card.recomposed"))

    def _on_save(self) -> None:
        outcome = self.state.save_version()
        self._show_feedback()
        if outcome == "saved":
            self.form.status.show(self.ctx.tr("positioning.saved", score=self.state.report.score))
            self._show_last_version()
            self._show_section(self.sections.selected_index)
        else:
            key = "positioning.unchanged" if outcome == "unchanged" else "positioning.save_empty"
            self.form.status.show(self.ctx.tr(key), error=outcome == "empty")

    def _on_section(self, change) -> None:
        self._show_section(change["new"])

    def _on_add_repeat_back(self, name: str, text: str, contact_id: int | None) -> str:
        outcome = self.state.add_repeat_back(name, text, contact_id)
        if outcome == "added":
            self._show_repeat_backs()
        return outcome

    def _on_delete_repeat_back(self, repeat_back_id: int | None) -> str:
        outcome = self.state.delete_repeat_back(repeat_back_id)
        self._show_repeat_backs()
        return outcome

    # -- views
    def _saved(self, version: Version) -> str:
        return moment_label(version.saved_on, version.saved_at, self.ctx.tr)

    def _show_section(self, index: int | None) -> None:
        """Fill the open section (closed ones are filled when opened)."""
        shown = {PROGRESS: self._show_progress, REPEAT: self._show_repeat_backs,
                 EXPORT: self._show_export}
        if index in shown:
            shown[index]()

    def _keep_name(self, name: str) -> None:
        """The name typed for the printed card, kept for every card (a blank one is not)."""
        from workbook.services.card import set_name

        if set_name(self.state.ctx.conn, name):
            self._show_export()

    def _show_export(self) -> None:
        card = self.state.card
        if card.is_blank():              # nothing to print yet: the section says so
            self.export.show(card)
            return
        reach = self.state.reach()
        if not self.export.name.value:
            from workbook.services.card import saved_name

            self.export.name.value = saved_name(self.state.ctx.conn)
        self.export.show(card, self.state.printable_card(reach),
                         any(value.strip() for _, value in reach))

    def _show_feedback(self) -> None:
        report = self.state.report
        self.feedback.show(report, self.state.statement.answered(), len(STEPS))
        self.form.show_length(report)
        self.form.show_step_advice(self.state.overlong_answers(report))

    def _show_last_version(self) -> None:
        latest = self.state.latest
        self.form.show_last_version(
            self._saved(latest) if latest else None,
            self.state.score_of(latest) if latest else None, len(self.state.versions))

    def _show_progress(self) -> None:
        versions = self.state.versions
        self.progress.show(versions, self.state.scores(), [self._saved(v) for v in versions])

    def _show_repeat_backs(self) -> None:
        if not self._contacts_shown:  # read once, when the section is first opened
            self.repeat.show_contacts(self.state.connector_contacts())
            self._contacts_shown = True
        latest = self.state.latest
        rows = self.state.repeat_backs()
        self.repeat.show(self._saved(latest) if latest else None, rows,
                         self.state.repeat_back_summary(rows))


def build_positioning(profile: str | None = None, lang: str | None = None) -> ipw.VBox:
    """The Positioning page for the profile served (see `open_page_context`)."""
    return build_page(lambda ctx: PositioningPage(ctx).view, profile, lang)
