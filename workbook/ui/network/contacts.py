"""Network page, Contacts tab: filters and search, a short list, a new contact, the export;
it places the bulk tagging (`network_bulk`) and the editor (`network_editor`) it is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as ipw

from workbook.domain import network_terms as rules
from workbook.domain.vocabulary import LAYERS, ROLES
from workbook.escaping import escape_html
from workbook.i18n.dates import format_date
from workbook.services.exports import CONTACT_FORMATS
from workbook.ui.common import coaching, html_text, person_label, table_html
from workbook.ui.export_panel import ExportPanel, MakeExport
from workbook.ui.network.bulk import BulkPanel
from workbook.ui.network.editor import ContactEditor
from workbook.ui.network.widgets import (
    GuardFor,
    feedback,
    label,
    no_guard,
    required,
    wrap_row,
)
from workbook.ui.row_table import RowTable
from workbook.ui.widgets import TABLE_ROWS, PersonPicker

NO_ROLE = "__none__"

if TYPE_CHECKING:
    import pandas as pd


class ContactsPanel:
    """Filter → list (first 50) → click a row (or pick one) → edit; or act on the whole
    filtered set.

    The person picker lists the filtered contacts, or searches all of them as one types:
    `find_people(text, limit)`, `person_option(id)` (see `widgets.PersonPicker`).
    Callbacks: `on_filter(ContactFilter)`
    (the page redraws this panel with `render`), `on_new(full_name) -> id`,
    `on_export(fmt, progress)` (an `ExportPanel` maker)."""

    def __init__(self, tr, *, bulk: BulkPanel, editor: ContactEditor,
                 find_people: Callable[[str, int], tuple[list, int]],
                 person_option: Callable[[int], tuple[str, int] | None],
                 on_filter: Callable[[rules.ContactFilter], None],
                 on_new: Callable[[str], int], on_export: MakeExport,
                 guard_for: GuardFor = no_guard):
        self.tr, self.bulk, self.editor = tr, bulk, editor
        editor.on_open = lambda contact: self.picker.reset(None, contact)
        self._filter, self._new = on_filter, on_new
        self.status = feedback("wb-network-contacts-status")
        self.new_status = feedback("wb-network-new-status")
        guard = guard_for(self.status)
        # -- filters (search fires on Enter or leaving the field: no lag while typing)
        self.search = ipw.Text(placeholder=tr("network.contacts.search_placeholder"),
                               continuous_update=False,
                               layout=ipw.Layout(width="22em", max_width="100%"))
        self.search.add_class("wb-network-search")
        self.layer = ipw.Dropdown(options=[(tr("network.contacts.all_layers"), "")]
                                  + [(label(tr, "layer", c), c) for c in LAYERS], value="",
                                  layout=ipw.Layout(width="14em"))
        self.layer.add_class("wb-network-filter-layer")
        self.role = ipw.Dropdown(options=[(tr("network.contacts.all_roles"), "")]
                                 + [(label(tr, "role", c), c) for c in ROLES]
                                 + [(label(tr, "role", ""), NO_ROLE)], value="",
                                 layout=ipw.Layout(width="14em"))
        self.role.add_class("wb-network-filter-role")
        self.target_only = ipw.Checkbox(description=tr("network.contacts.target_only"),
                                        indent=False)
        for widget in (self.search, self.layer, self.role, self.target_only):
            widget.observe(guard(self._on_filter), names="value")
        self.count = ipw.HTML()
        self.count.add_class("wb-network-count")
        self.table = RowTable(guard(self._on_row))
        self.table.add_class("wb-network-table")
        self.table_hint = ipw.HTML(html_text(tr("network.contacts.click_hint"), "div",
                                             "wb-muted"))
        self.picker = PersonPicker(tr, find=find_people, label_of=person_option,
                                   css="wb-network-picker", rows=8,
                                   on_pick=guard(self._on_pick))
        # -- a new contact
        self.new_name = ipw.Text(placeholder=tr("network.editor.new_placeholder"))
        self.new_name.add_class("wb-network-new-name")
        self.new_button = ipw.Button(description=tr("network.editor.new"), icon="user-plus")
        self.new_button.add_class("wb-network-new")
        self.new_button.on_click(guard_for(self.new_status)(self._on_new))
        self.new_box = ipw.VBox([self.new_name, self.new_button, self.new_status])
        self.view = ipw.VBox([
            coaching(tr("network.coach.contacts")),
            wrap_row(self.search, self.layer, self.role, self.target_only), self.status,
            self.count, self.table_hint, self.table,
            ipw.HTML(f"<h4>{escape_html(tr('network.editor.title'))}</h4>"),
            wrap_row(self.picker.view, self.new_box), editor.view,
            ipw.HTML(f"<h4>{escape_html(tr('network.bulk.title'))}</h4>"), bulk.view,
            ipw.HTML(f"<h4>{escape_html(tr('export.page.contacts_help'))}</h4>"),
            ExportPanel(tr, CONTACT_FORMATS, on_export, guard, "wb-network-export").view])

    # ------------------------------------------------------------ filter and list

    def current_filter(self) -> rules.ContactFilter:
        role = self.role.value
        return rules.ContactFilter(
            query=self.search.value, layers=(self.layer.value,) if self.layer.value else (),
            roles=(role,) if role and role != NO_ROLE else (), untagged_only=role == NO_ROLE,
            target_only=self.target_only.value)

    def _on_filter(self, change) -> None:
        self.bulk.forget()     # its question counted the previous list
        self._filter(self.current_filter())

    def render(self, matched: pd.DataFrame, introductions: pd.DataFrame) -> None:
        """Redraw the count, the first rows and the picker from the filtered contacts
        (the frame of `workbook.domain.network`); the editor gets the introductions."""
        tr = self.tr
        shown = matched.head(TABLE_ROWS)
        total = len(matched)
        self.count.value = html_text(tr(_count_key(total, len(shown)), count=total,
                                        shown=len(shown)))
        self.table.value = table_html(
            [tr("network.col.name"), tr("network.col.organisation"), tr("network.col.position"),
             tr("network.col.layer"), tr("network.col.roles"), tr("network.col.tie"),
             tr("network.col.last_contact")],
            (_row(tr, r) for r in shown.itertuples(index=False)), "wb-network-contacts",
            keys=(int(r.id) for r in shown.itertuples(index=False)))
        # The listed contacts, and the one being edited even when the filter hides it.
        self.picker.reset([(person_label(self.tr, r.full_name, r.organisation), int(r.id))
                           for r in shown.itertuples(index=False)],
                          self.editor.current)
        self.bulk.render(total)
        self.editor.render(introductions)

    def _on_pick(self, contact: int | None) -> None:
        if contact is not None and contact != self.editor.current:
            self.editor.open(int(contact))

    def _on_row(self, key: str) -> None:
        """A row of the table was clicked: that person in the editor (and the picker)."""
        if not key.isdigit():
            return
        contact = int(key)
        self.editor.open(contact)
        if self.editor.current == contact:
            self.picker.reset(None, contact)

    def _on_new(self, _button) -> None:
        name = required(self.new_name, self.new_status, self.tr("network.editor.name_missing"))
        if name is None:
            return
        contact = self._new(name)
        self.new_name.value = ""
        self.editor.open(contact)
        self.picker.reset(None, contact)
        self.new_status.show(self.tr("network.editor.created", name=name))


def _row(tr, row) -> list[str]:
    import pandas as pd  # loaded with the frame the rows come from

    roles = ", ".join(label(tr, "role", r) for r in rules.role_codes(row.roles))
    tie = "" if pd.isna(row.tie_strength) else str(int(row.tie_strength))
    last = "" if pd.isna(row.last_contact) else format_date(row.last_contact, tr.lang)
    return [row.full_name, row.organisation, row.position, label(tr, "layer", row.layer), roles,
            tie, last]


def _count_key(total: int, shown: int) -> str:
    """How many contacts match: none (say what to do), one, all of them shown, or only
    the first `shown` of them."""
    if total == 0:
        return "network.contacts.count_none"
    if total == 1:
        return "network.contacts.count_one"
    return "network.contacts.count_all" if total <= shown else "network.contacts.count"
