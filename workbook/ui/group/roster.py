"""Group page, Roster and Session tabs: the group, its participants (display names only),
the session's date, agenda, notes and attendance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.group import ODD_MODES
from workbook.i18n.dates import format_date
from workbook.ui.common import StatusLine, coaching, html_text, table_html
from workbook.ui.group.widgets import button
from workbook.ui.widgets import Confirmation, set_options


class RosterPanel:
    """Choose or create a group; add, rename, remove participants."""

    def __init__(self, tr, *, on_select_group: Callable[[int], None],
                 on_create_group: Callable[[str], None], on_odd_mode: Callable[[str], None],
                 on_add: Callable[[str], None], on_rename: Callable[[int, str], None],
                 on_active: Callable[[int, bool], None],
                 on_merge: Callable[[int, int], None] | None = None):
        self.tr = tr
        self.status = StatusLine()
        self.status.add_class("wb-group-roster-status")
        self.group = ipw.Dropdown(description=tr("group.roster.group"),
                                  layout=ipw.Layout(width="auto", min_width="22em"))
        self.group.add_class("wb-group-choice")
        self._quiet = False
        self.group.observe(lambda c: not self._quiet and c["new"] is not None
                           and on_select_group(c["new"]), names="value")
        self.new_group = ipw.Text(placeholder=tr("group.roster.new_group_placeholder"))
        self.new_group.add_class("wb-group-new-name")
        create = button(tr("group.roster.create"), "wb-group-create",
                         lambda: on_create_group(self.new_group.value))
        self.odd = ipw.ToggleButtons(options=[(tr(f"group.odd.{m}"), m) for m in ODD_MODES],
                                     description=tr("group.roster.odd"))
        self.odd.observe(lambda c: not self._quiet and on_odd_mode(c["new"]), names="value")
        self.name = ipw.Text(placeholder=tr("group.roster.name_placeholder"))
        self.name.add_class("wb-group-participant-name")
        add = button(tr("group.roster.add"), "wb-group-add",
                      lambda: on_add(self.name.value), "primary")
        self.who = ipw.Dropdown(description=tr("group.roster.participant"))
        self.who.add_class("wb-group-roster-who")
        self.rename_to = ipw.Text(placeholder=tr("group.roster.rename_placeholder"))
        rename = button(tr("group.roster.rename"), "wb-group-rename",
                         lambda: self.who.value and on_rename(self.who.value,
                                                              self.rename_to.value))
        remove = button(tr("group.roster.remove"), "wb-group-remove",
                         lambda: self.who.value and on_active(self.who.value, False))
        restore = button(tr("group.roster.restore"), "wb-group-restore",
                          lambda: self.who.value and on_active(self.who.value, True))
        self.table = ipw.HTML()
        self.table.add_class("wb-group-roster")
        # One person entered twice (a card under another spelling): merge them into one.
        self.merge_into = ipw.Dropdown(description=tr("group.roster.merge_into"))
        self.merge_into.add_class("wb-group-merge-into")
        merge = button(tr("group.roster.merge"), "wb-group-merge", self._ask_merge)
        self._on_merge = on_merge
        self.confirm_merge = Confirmation(tr("group.roster.merge_yes"), tr("common.cancel"),
                                          "wb-group-merge-yes", self._merge)
        self.view = ipw.VBox([
            coaching(tr("group.roster.coaching")),
            ipw.HBox([self.group, self.new_group, create]), self.odd,
            ipw.HBox([self.name, add]), self.status,
            ipw.HBox([self.who, self.rename_to, rename, remove, restore]),
            ipw.HBox([self.merge_into, merge]), self.confirm_merge.view, self.table])

    def _ask_merge(self) -> None:
        other, keep = self.who.value, self.merge_into.value
        if other is None or keep is None:
            return
        if other == keep:
            self.status.show(self.tr("group.conflict.same_person"), error=True)
            return
        names = dict((value, label) for label, value in self.who.options)
        self.confirm_merge.ask(self.tr("group.roster.merge_question", other=names[other],
                                       keep=names[keep]))

    def _merge(self) -> None:
        if self._on_merge is not None and self.who.value is not None:
            self._on_merge(self.who.value, self.merge_into.value)

    def show(self, groups: list[dict], group: dict | None, roster: list[dict],
             card_counts: dict[int, int], size_warning: str | None) -> None:
        self._quiet = True
        set_options(self.group, [(g["name"], g["id"]) for g in groups])
        if group:
            self.group.value = group["id"]
            self.odd.value = group["odd_mode"]
        self._quiet = False
        people = [(p["display_name"] + ("" if p["active"] else
                                        f" ({self.tr('group.roster.removed')})"), p["id"])
                  for p in roster]
        set_options(self.who, people)
        set_options(self.merge_into, people)
        tr = self.tr
        rows = [(p["display_name"], card_counts.get(p["id"], 0),
                 tr("group.roster.active") if p["active"] else tr("group.roster.removed"))
                for p in roster]
        warning = html_text(tr(f"group.roster.size_{size_warning}", count=len(
            [p for p in roster if p["active"]])), "p", "wb-muted") if size_warning else ""
        self.table.value = warning + (table_html(
            [tr("group.roster.col_name"), tr("group.roster.col_cards"),
             tr("group.roster.col_status")], rows) if rows else
            html_text(tr("group.roster.empty"), "p", "wb-muted"))


class SessionPanel:
    """The session: date, agenda, notes, attendance."""

    def __init__(self, tr, lang: str, *, on_start: Callable[[dt.date], None],
                 on_select: Callable[[int], None], on_save: Callable[[str, str], None],
                 on_present: Callable[[int, bool], None]):
        self.tr, self.lang = tr, lang
        self._on_present = on_present
        self.status = StatusLine()
        self.status.add_class("wb-group-session-status")
        self.choice = ipw.Dropdown(description=tr("group.session.session"))
        self.choice.add_class("wb-group-session-choice")
        self._quiet = False
        self.choice.observe(lambda c: not self._quiet and c["new"] is not None
                            and on_select(c["new"]), names="value")
        self.day = ipw.DatePicker(description=tr("group.session.date"), value=dt.date.today())
        start = button(tr("group.session.start"), "wb-group-session-start",
                        lambda: on_start(self.day.value or dt.date.today()), "primary")
        self.agenda = ipw.Textarea(description=tr("group.session.agenda"),
                                   layout=ipw.Layout(width="95%", height="6em"))
        self.notes = ipw.Textarea(description=tr("group.session.notes"),
                                  layout=ipw.Layout(width="95%", height="6em"))
        save = button(tr("common.save"), "wb-group-session-save",
                       lambda: on_save(self.agenda.value, self.notes.value))
        self.attendance = ipw.VBox()
        self.attendance.add_class("wb-group-attendance")
        # "Saved: 9 of 10 present", above the boxes: in sight while ticking a long list
        self.attendance_status = StatusLine()
        self.attendance_status.add_class("wb-group-attendance-status")
        self._drawn: tuple | None = None
        self.view = ipw.VBox([
            coaching(tr("group.session.coaching")), ipw.HBox([self.choice, self.day, start]),
            self.status, self.agenda, self.notes, save,
            ipw.HTML(f"<h4>{html_text(tr('group.session.attendance'))}</h4>"),
            self.attendance_status, self.attendance])

    def show(self, sessions: list[dict], session: dict | None, roster: list[dict],
             absent: set[int]) -> None:
        self._quiet = True
        set_options(self.choice, [(format_date(s["held_on"], self.lang), s["id"])
                                  for s in reversed(sessions)])
        if session:
            self.choice.value = session["id"]
        self._quiet = False
        self.agenda.value = session["agenda"] if session else ""
        self.notes.value = session["notes"] if session else ""
        key = (session and session["id"], tuple((p["id"], p["display_name"]) for p in roster))
        if key == self._drawn:          # same people: tick the boxes, keep the widgets
            for person, box in zip(roster, self.attendance.children):
                box.value = person["id"] not in absent
            return
        self._drawn = key
        for old in self.attendance.children:   # redrawn boxes replace, never pile up
            old.close()
        boxes = []
        for person in roster:
            box = ipw.Checkbox(value=person["id"] not in absent, description=person["display_name"],
                               indent=False, disabled=session is None)
            box.observe(lambda c, pid=person["id"]: self._on_present(pid, c["new"]),
                        names="value")
            boxes.append(box)
        self.attendance.children = boxes or [ipw.HTML(html_text(
            self.tr("group.roster.empty"), "p", "wb-muted"))]
