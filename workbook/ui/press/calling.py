"""Press page, "A journalist is calling" tab: pick the topic sheet, a 10–15 minute countdown,
the three points in large type, the reminders; then log the call-back.

SOURCE: the method, step 3 — journalists leave five or six messages and quote the first two or
three experts who call back: take 10–15 minutes to prepare, then call back; no "off"; offer to
check your quotes, never the article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.press import PREP_MINUTES
from workbook.escaping import escape_html
from workbook.store.press import PressInputError
from workbook.ui.common import coaching, html_text, status_line
from workbook.ui.press.widgets import classed, parse_moment, run_action, typed_moment
from workbook.ui.widgets import set_options

COUNTDOWN_SECONDS = PREP_MINUTES[1] * 60
REMINDERS = ("target", "no_off", "quotes")


class CallingPanel:
    """Callbacks: `on_start(sheet_id)` (the sheet was prepared now), `on_write_new()` (open
    an empty sheet), `on_log_call(journalist_id, received_at, answered_at, sheet_id,
    interview, subject)`; `now()` gives the page's clock."""

    def __init__(self, tr, guard: Callable, *, now: Callable[[], dt.datetime],
                 on_start: Callable[[int], None], on_write_new: Callable[[], None],
                 on_log_call: Callable[..., object]):
        self.tr, self._now = tr, now
        self._on_start_cb, self._on_write_new_cb, self._on_log_cb = on_start, on_write_new, \
            on_log_call
        self._sheets: list[dict] = []
        self._target = 60
        self.sheet = classed(ipw.Dropdown(description=tr("press.calling.sheet"),
                                          layout=ipw.Layout(width="34em")),
                             "wb-press-calling-sheet")
        self.start = classed(ipw.Button(description=tr("press.calling.start"),
                                        button_style="warning", icon="phone",
                                        layout=ipw.Layout(width="auto")), "wb-press-calling-start")
        self.start.on_click(guard(self._on_start))
        self.write_new = classed(ipw.Button(description=tr("press.calling.write_new"),
                                            icon="pencil", layout=ipw.Layout(width="auto")),
                                 "wb-press-calling-new")
        self.write_new.on_click(guard(self._on_write_new))
        # The countdown ticks in the browser (Play), the kernel only redraws the label.
        self.clock = classed(ipw.Play(value=0, min=0, max=COUNTDOWN_SECONDS, step=1,
                                      interval=1000, show_repeat=False), "wb-press-clock")
        self.clock.observe(guard(self._on_tick), names="value")
        self.left = classed(ipw.HTML(), "wb-press-countdown")
        self.card = classed(ipw.HTML(), "wb-press-card")
        self.reminders = classed(ipw.HTML(), "wb-press-reminders")
        self.journalist = classed(ipw.Dropdown(description=tr("press.calling.journalist"),
                                               layout=ipw.Layout(width="30em")),
                                  "wb-press-calling-journalist")
        self.received = classed(ipw.Text(description=tr("press.calling.received"),
                                         placeholder="14:05"), "wb-press-calling-received")
        self.answered = classed(ipw.Text(description=tr("press.calling.answered"),
                                         placeholder="14:40"), "wb-press-calling-answered")
        self.interview = classed(ipw.Checkbox(description=tr("press.calling.interview"),
                                              value=True, indent=False), "wb-press-calling-itw")
        self.subject = classed(ipw.Text(description=tr("press.calling.subject"),
                                        layout=ipw.Layout(width="30em")),
                               "wb-press-calling-subject")
        self.log = classed(ipw.Button(description=tr("press.calling.log"),
                                      button_style="primary", icon="check",
                                      layout=ipw.Layout(width="auto")), "wb-press-calling-log")
        self.log.on_click(guard(self._on_log))
        self.status = status_line("wb-press-calling-status")
        self.view = ipw.VBox([
            coaching(tr("press.coach.calling")), self.sheet,
            ipw.HBox([self.start, self.write_new]), ipw.HBox([self.clock, self.left]),
            self.card, self.reminders,
            ipw.HTML(html_text(tr("press.calling.after"), "h4")), self.journalist,
            ipw.HBox([self.received, self.answered]), self.subject, self.interview, self.log,
            self.status])
        self._draw_left(COUNTDOWN_SECONDS)

    def render(self, sheets: list[dict], journalists: list[dict], target_minutes: int) -> None:
        self._sheets, self._target = sheets, target_minutes
        set_options(self.sheet, [(s["topic"], s["id"]) for s in sheets])
        set_options(self.journalist, [(_journalist_label(j), j["id"]) for j in journalists])
        self.reminders.value = "<ul>" + "".join(
            f'<li class="wb-press-reminder-{key}">'
            f'{escape_html(self.tr(f"press.calling.reminder.{key}", minutes=target_minutes))}'
            "</li>" for key in REMINDERS) + "</ul>"

    def _draw_left(self, seconds: int) -> None:
        if seconds <= 0:
            self.left.value = html_text(self.tr("press.calling.time_up"), "span",
                                        "wb-status-error")
            return
        self.left.value = html_text(self.tr("press.calling.left", time=f"{seconds // 60}:"
                                            f"{seconds % 60:02d}"), "span", "wb-press-left")

    def _draw_card(self, saved: dict | None) -> None:
        if saved is None:
            self.card.value = html_text(self.tr("press.calling.no_sheet"), "p", "wb-muted")
            return
        sheet = saved["sheet"]
        points = "".join(
            f'<li style="font-size:1.6em;margin:0.3em 0"><b>{escape_html(p.message)}</b>'
            + (f'<div style="font-size:0.6em">{escape_html(p.proof)}</div>' if p.proof else "")
            + "".join(f'<div style="font-size:0.65em"><i>«\u00a0{escape_html(q)}\u00a0»</i></div>'
                      for q in p.quotes) + "</li>"
            for p in sheet.filled_points()[:3])
        self.card.value = (
            f'<div class="wb-card"><div style="font-size:1.3em">{escape_html(sheet.umbrella)}'
            f"</div><ol>{points}</ol></div>")

    # ------------------------------------------------------------ callbacks
    def _on_start(self, _button) -> None:
        saved = next((s for s in self._sheets if s["id"] == self.sheet.value), None)
        self._draw_card(saved)
        self.received.value = typed_moment(self._now())
        self.answered.value = ""
        self.clock.playing = False
        self.clock.value = 0
        self.clock.playing = True
        self._draw_left(COUNTDOWN_SECONDS)
        if saved is not None:
            self._on_start_cb(saved["id"])
        self.status.show(self.tr("press.calling.started", minutes=self._target))

    def _on_write_new(self, _button) -> None:
        self._on_write_new_cb()

    def _on_tick(self, change) -> None:
        self._draw_left(COUNTDOWN_SECONDS - int(change["new"] or 0))

    def _on_log(self, _button) -> None:
        today = self._now().date()
        received = parse_moment(self.received.value, today)
        answered = parse_moment(self.answered.value, today) if self.answered.value.strip() \
            else self._now()

        def log() -> str:
            if received is None or answered is None:
                raise PressInputError(["bad_time"])
            self._on_log_cb(self.journalist.value, received, answered, self.sheet.value,
                            self.interview.value, self.subject.value.strip())
            minutes = int((answered - received).total_seconds() // 60)
            self.clock.playing = False
            return self.tr("press.calling.logged" if minutes <= self._target
                           else "press.calling.logged_late", minutes=minutes,
                           target=self._target)

        run_action(self.tr, self.status, log)


def _journalist_label(row: dict) -> str:
    return f"{row['name']} ({row['outlet']})" if row.get("outlet") else row["name"]
