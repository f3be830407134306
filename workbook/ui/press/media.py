"""Press page, Media list tab: the journalists of the user's field, their record with the user,
and a check before writing to one of them (never harass; never ask to re-read)."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.press import MEDIA, GoodClientRecord, Guard
from workbook.escaping import escape_html
from workbook.i18n.numbers import format_percent
from workbook.ui.common import coaching, html_text, person_label, status_line, table_html
from workbook.ui.press.widgets import classed, run_action, show_day
from workbook.ui.widgets import TABLE_ROWS, Confirmation, PersonPicker, set_options

FIELDS = ("outlet", "beat", "language", "channels", "found_via", "notes")


def record_cells(tr, record: GoodClientRecord | None, lang: str) -> list[str]:
    """Requests, share within target, median call-back, quoted, last contact."""
    if record is None:
        return ["0", "—", "—", "—", "—"]
    share = record.share_within_target
    median = record.median_minutes
    return [str(record.requests),
            "—" if share is None else format_percent(share, lang),
            "—" if median is None else tr("press.record.minutes", minutes=round(median)),
            f"{record.quoted}/{record.interviews}" if record.interviews else "—",
            show_day(record.last_contact, lang)]


def guard_html(tr, guards: list[Guard], lang: str) -> str:
    items = []
    for g in guards:
        words = (" «\u00a0" + "\u00a0», «\u00a0".join(g.words) + "\u00a0»") if g.words else ""
        text = tr(f"press.guard.{g.code}", day=show_day(g.day, lang))
        css = "wb-status-info" if g.ok else "wb-warn"
        items.append(f'<li class="{css}" data-code="{escape_html(g.code)}">'
                     f"{'✓' if g.ok else '⚠'} {escape_html(text)}{escape_html(words)}</li>")
    return f"<ul>{''.join(items)}</ul>"


class MediaPanel:
    """Callbacks: `on_add(name, medium, **fields)`, `on_add_contact(contact_id)`,
    `log_count(journalist_id)`, `on_delete(journalist_id, erase_log) -> erased`,
    `on_check(journalist_id, kind, draft) -> guards`."""

    def __init__(self, tr, guard: Callable, *, on_add: Callable, on_add_contact: Callable,
                 log_count: Callable[[int], int], on_delete: Callable,
                 on_check: Callable[[int, str, str], list[Guard]]):
        self.tr = tr
        self._on_add_cb, self._on_contact_cb = on_add, on_add_contact
        self._log_count, self._on_delete_cb, self._on_check_cb = log_count, on_delete, on_check
        self.name = classed(ipw.Text(description=tr("press.media.name")), "wb-press-media-name")
        self.medium = ipw.Dropdown(description=tr("press.media.medium"), options=[
            (tr(f"press.medium.{m}"), m) for m in MEDIA], value="press")
        self.fields = {key: classed(ipw.Text(description=tr(f"press.media.{key}")),
                                    f"wb-press-media-{key}") for key in FIELDS}
        self.add = classed(ipw.Button(description=tr("press.media.add"), button_style="primary",
                                      icon="plus"), "wb-press-media-add")
        self.add.on_click(guard(self._on_add))
        # Journalists among the network's contacts: a search, not a list of thousands.
        self._contact_options: list[tuple[str, int]] = []
        self._contacts: list = []
        self._people = None           # the search's index, built at the first search
        self.contact = PersonPicker(tr, find=self._find_contact, label_of=self._contact_option,
                                    css="wb-press-media-contact",
                                    description=tr("press.media.from_contact"))
        self.add_contact = classed(ipw.Button(description=tr("press.media.add_contact"),
                                              icon="user-plus", layout=ipw.Layout(width="auto")),
                                   "wb-press-media-add-contact")
        self.add_contact.on_click(guard(self._on_add_contact))
        self.status = status_line("wb-press-media-status")
        self.table = classed(ipw.HTML(), "wb-press-media-table")
        self.who = classed(ipw.Dropdown(description=tr("press.media.journalist"),
                                        layout=ipw.Layout(width="30em")), "wb-press-media-who")
        self.erase_log = classed(ipw.Checkbox(description=tr("press.media.erase_log"),
                                              indent=False), "wb-press-media-erase-log")
        self.delete = classed(ipw.Button(description=tr("press.media.delete"), icon="trash"),
                              "wb-press-media-delete")
        self.delete.on_click(guard(self._on_delete_asked))
        self.confirm = Confirmation(tr("press.common.yes"), tr("press.common.cancel"),
                                    "wb-press-media-delete-yes", self._on_delete_confirmed, guard)
        self.delete_status = status_line("wb-press-media-delete-status")
        self.kind = classed(ipw.ToggleButtons(options=[(tr("press.kind.pitch"), "pitch"),
                                                       (tr("press.kind.follow_up"), "follow_up")],
                                              value="pitch"), "wb-press-check-kind")
        self.draft = classed(ipw.Textarea(placeholder=tr("press.media.draft_placeholder"),
                                          layout=ipw.Layout(width="46em", height="6em")),
                             "wb-press-check-draft")
        self.check = classed(ipw.Button(description=tr("press.media.check"), icon="search",
                                        layout=ipw.Layout(width="auto")), "wb-press-check")
        self.check.on_click(guard(self._on_check))
        self.verdict = classed(ipw.HTML(), "wb-press-check-verdict")
        self.view = ipw.VBox([
            coaching(tr("press.coach.media")), self.table,
            ipw.HTML(html_text(tr("press.media.add_title"), "h4")),
            ipw.HBox([self.name, self.medium]),
            ipw.HBox([self.fields["outlet"], self.fields["beat"]]),
            ipw.HBox([self.fields["language"], self.fields["channels"]]),
            ipw.HBox([self.fields["found_via"], self.fields["notes"]]), self.add,
            ipw.HBox([self.contact.view, self.add_contact],
                     layout=ipw.Layout(flex_flow="row wrap", align_items="flex-start")),
            self.status,
            ipw.HTML(html_text(tr("press.media.write_title"), "h4")),
            coaching(tr("press.coach.write")), self.who, self.kind, self.draft, self.check,
            self.verdict,
            ipw.HTML(html_text(tr("press.media.delete_title"), "h4")),
            ipw.HBox([self.erase_log, self.delete]), self.confirm.view, self.delete_status])

    def render(self, journalists: list[dict], contacts: list[dict],
               records: dict, lang: str) -> None:
        tr = self.tr
        by_id = {key[0]: record for key, record in records.items() if key[0] is not None}
        rows = [[j["name"], j["outlet"], tr(f"press.medium.{j['medium'] or 'none'}"), j["beat"],
                 j["found_via"], *record_cells(tr, by_id.get(j["id"]), lang)]
                for j in journalists[:TABLE_ROWS]]
        head = [tr("press.media.name"), tr("press.media.outlet"), tr("press.media.medium"),
                tr("press.media.beat"), tr("press.media.found_via"), tr("press.record.requests"),
                tr("press.record.within"), tr("press.record.median"), tr("press.record.quoted"),
                tr("press.record.last")]
        self.table.value = table_html(head, rows) if rows else \
            html_text(tr("press.media.empty"), "p", "wb-muted")
        set_options(self.who, [(j["name"], j["id"]) for j in journalists])
        self._contact_options = [(person_label(tr, c["full_name"], c["organisation"]), c["id"])
                                 for c in contacts]
        self._contacts, self._people = contacts, None
        chosen = self.contact.value
        self.contact.reset(self._contact_options, chosen if self._contact_option(chosen)
                           else None)
        self.add_contact.disabled = not contacts

    def _find_contact(self, text: str, limit: int) -> tuple[list[tuple[str, int]], int]:
        # The search brings pandas: loaded at the first search, not with the page's first view.
        from workbook.domain.people_search import PeopleIndex

        if self._people is None:
            self._people = PeopleIndex([c["id"] for c in self._contacts],
                                       [c["full_name"] for c in self._contacts],
                                       [c["organisation"] for c in self._contacts])
        found, total = self._people.find(text, limit)
        return [(person_label(self.tr, p.name, p.organisation), p.id) for p in found], total

    def _contact_option(self, contact_id) -> tuple[str, int] | None:
        return next((o for o in self._contact_options if o[1] == contact_id), None)

    # ------------------------------------------------------------ callbacks
    def _on_add(self, _button) -> None:
        name = self.name.value.strip()

        def add() -> str:
            self._on_add_cb(name, medium=self.medium.value,
                            **{k: w.value.strip() for k, w in self.fields.items()})
            self.name.value = ""
            for widget in self.fields.values():
                widget.value = ""
            return self.tr("press.media.added", name=name)

        run_action(self.tr, self.status, add)

    def _on_add_contact(self, _button) -> None:
        if self.contact.value is None:
            return
        label = self.contact.label
        run_action(self.tr, self.status, lambda: (self._on_contact_cb(self.contact.value),
                                                  self.tr("press.media.added", name=label))[1])

    def _on_delete_asked(self, _button) -> None:
        if self.who.value is None:
            self.delete_status.show(self.tr("press.media.nobody"), error=True)
            return
        count = self._log_count(self.who.value)
        key = "press.media.confirm_erase" if self.erase_log.value else "press.media.confirm_keep"
        self.confirm.ask(self.tr(key, name=self.who.label, count=count))

    def _on_delete_confirmed(self) -> None:
        name = self.who.label
        erased = self._on_delete_cb(self.who.value, self.erase_log.value)
        self.delete_status.show(
            self.tr.count("press.media.deleted_erased", erased, name=name)
            if self.erase_log.value else self.tr("press.media.deleted", name=name))
        self.erase_log.value = False

    def _on_check(self, _button) -> None:
        if self.who.value is None:
            self.verdict.value = html_text(self.tr("press.media.nobody"), "p", "wb-status-error")
            return
        guards = self._on_check_cb(self.who.value, self.kind.value, self.draft.value)
        self.verdict.value = guard_html(self.tr, guards, self.tr.lang)
