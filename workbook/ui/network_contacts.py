"""Network page, Contacts tab: filters and search, a short list, bulk tagging, the editor."""

from __future__ import annotations

import ipywidgets as ipw
import pandas as pd

from workbook.domain import network as rules
from workbook.domain.vocabulary import LAYERS, NEEDS, ROLES
from workbook.escaping import escape_html
from workbook.services.exports import CONTACT_FORMATS, download
from workbook.store.network import contact_details, interaction_count
from workbook.ui.common import coaching, html_text, table_html
from workbook.ui.export_panel import ExportPanel
from workbook.ui.widgets import TABLE_ROWS, Confirmation, set_options

NO_ROLE = "__none__"


class ContactsPanel:
    """Filter → list (first 50) → pick one → edit; or act on the whole filtered set."""

    def __init__(self, page):
        self.page = page
        tr, guard = page.tr, page.guard
        self.current: int | None = None
        self._redrawing = False
        # -- filters (search fires on Enter or leaving the field: no lag while typing)
        self.search = ipw.Text(placeholder=tr("network.contacts.search_placeholder"),
                               continuous_update=False,
                               layout=ipw.Layout(width="22em"))
        self.search.add_class("wb-network-search")
        self.layer = ipw.Dropdown(options=[(tr("network.contacts.all_layers"), "")]
                                  + [(page.label("layer", c), c) for c in LAYERS], value="",
                                  layout=ipw.Layout(width="14em"))
        self.layer.add_class("wb-network-filter-layer")
        self.role = ipw.Dropdown(options=[(tr("network.contacts.all_roles"), "")]
                                 + [(page.label("role", c), c) for c in ROLES]
                                 + [(page.label("role", ""), NO_ROLE)], value="",
                                 layout=ipw.Layout(width="14em"))
        self.role.add_class("wb-network-filter-role")
        self.target_only = ipw.Checkbox(description=tr("network.contacts.target_only"),
                                        indent=False)
        for widget in (self.search, self.layer, self.role, self.target_only):
            widget.observe(guard(self._on_filter), names="value")
        self.count = ipw.HTML()
        self.count.add_class("wb-network-count")
        self.table = ipw.HTML()
        self.table.add_class("wb-network-table")
        self.picker = ipw.Select(options=[], rows=8, layout=ipw.Layout(width="32em"))
        self.picker.add_class("wb-network-picker")
        self.picker.observe(guard(self._on_pick), names="value")
        # -- bulk actions on the filtered set
        self.bulk_role_choice = ipw.Dropdown(options=[(page.label("role", c), c) for c in ROLES],
                                             value="connector", layout=ipw.Layout(width="14em"))
        self.bulk_role_choice.add_class("wb-network-bulk-role")
        self.bulk_role_button = ipw.Button(description=tr("network.bulk.add_role"),
                                           icon="tag", layout=ipw.Layout(width="auto"))
        self.bulk_role_button.add_class("wb-network-bulk-role-apply")
        self.bulk_role_button.on_click(guard(self._on_bulk_role))
        self.bulk_layer_choice = ipw.Dropdown(options=[(page.label("layer", c), c)
                                                       for c in LAYERS], value="active",
                                              layout=ipw.Layout(width="14em"))
        self.bulk_layer_button = ipw.Button(description=tr("network.bulk.set_layer"),
                                            layout=ipw.Layout(width="auto"))
        self.bulk_layer_button.add_class("wb-network-bulk-layer-apply")
        self.bulk_layer_button.on_click(guard(self._on_bulk_layer))
        self.bulk_label = ipw.HTML()
        # A bulk change touches many contacts and has no undo: it is asked first.
        self._bulk_pending = None
        self.bulk_confirm = Confirmation(tr("network.bulk.confirm"), tr("common.cancel"),
                                         "wb-network-bulk-yes", self._bulk_confirmed,
                                         guard=page.guard)
        bulk = ipw.VBox([self.bulk_label,
                         ipw.HBox([self.bulk_role_choice, self.bulk_role_button]),
                         ipw.HBox([self.bulk_layer_choice, self.bulk_layer_button]),
                         self.bulk_confirm.view])
        bulk.add_class("wb-network-bulk")
        self.editor = ContactEditor(page, self)
        self.view = ipw.VBox([
            coaching(tr("network.coach.contacts")),
            ipw.HBox([self.search, self.layer, self.role, self.target_only]),
            self.count, self.table,
            ipw.HTML(f"<h4>{escape_html(tr('network.bulk.title'))}</h4>"), bulk,
            ipw.HTML(f"<h4>{escape_html(tr('network.editor.title'))}</h4>"),
            ipw.HBox([self.picker, self.editor.new_box]), self.editor.view,
            ipw.HTML(f"<h4>{escape_html(tr('export.page.contacts_help'))}</h4>"),
            ExportPanel(tr, CONTACT_FORMATS, self._export, guard,
                        "wb-network-export").view])

    def _export(self, fmt: str, progress):
        """The contacts as a download (read only: the page state stays the only writer)."""
        ctx, tr = self.page.ctx, self.page.tr
        return download(ctx.conn, fmt, profile=ctx.profile, progress=progress,
                        role_label=lambda code: tr(f"vocab.role.{code}"))

    # ------------------------------------------------------------ filter and list

    def current_filter(self) -> rules.ContactFilter:
        role = self.role.value
        return rules.ContactFilter(
            query=self.search.value, layers=(self.layer.value,) if self.layer.value else (),
            roles=(role,) if role and role != NO_ROLE else (), untagged_only=role == NO_ROLE,
            target_only=self.target_only.value)

    def _on_filter(self, change) -> None:
        self.bulk_confirm.hide()     # its question counted the previous list
        self.page.state.filter = self.current_filter()
        self.refresh()
        if self.page.next.use_filter.value:
            self.page.mark_stale("next")

    def refresh(self) -> None:
        """Redraw the count, the first rows and the picker from the filtered frame."""
        page, tr = self.page, self.page.tr
        matched = page.state.filtered()
        shown = matched.head(TABLE_ROWS)
        total = len(matched)
        self.count.value = html_text(tr(_count_key(total, len(shown)), count=total,
                                        shown=len(shown)))
        self.table.value = table_html(
            [tr("network.col.name"), tr("network.col.organisation"), tr("network.col.position"),
             tr("network.col.layer"), tr("network.col.roles"), tr("network.col.tie"),
             tr("network.col.last_contact")],
            (_row(page, r) for r in shown.itertuples(index=False)), "wb-network-contacts")
        options = [(_option_label(r), int(r.id)) for r in shown.itertuples(index=False)]
        if self.current is not None and self.current not in {v for _, v in options}:
            row = page.state.row(self.current)
            if row is not None:
                options.insert(0, (_option_label(row), int(self.current)))
        self._redrawing = True     # options changing is not the user picking
        try:
            self.picker.options = options
            self.picker.value = self.current if self.current in {v for _, v in options} else None
        finally:
            self._redrawing = False
        self.bulk_label.value = html_text(tr("network.bulk.scope", count=total))
        self.editor.refresh()

    def _on_pick(self, change) -> None:
        if change["new"] is not None and not self._redrawing:
            self.current = int(change["new"])
            self.editor.load(self.current)

    # ------------------------------------------------------------ bulk

    def _on_bulk_role(self, _button) -> None:
        role = self.bulk_role_choice.value
        name = self.page.label("role", role)
        self._ask_bulk("network.bulk.role_question", {"role": name}, lambda: self._bulk_done(
            "network.bulk.role_done", self.page.state.bulk_role(role), role=name))

    def _on_bulk_layer(self, _button) -> None:
        layer = self.bulk_layer_choice.value
        name = self.page.label("layer", layer)
        self._ask_bulk("network.bulk.layer_question", {"layer": name}, lambda: self._bulk_done(
            "network.bulk.layer_done", self.page.state.bulk_layer(layer), layer=name))

    def _ask_bulk(self, question_key: str, names: dict, action) -> None:
        """Ask before a bulk change (nothing to do on an empty list: say so instead)."""
        count = len(self.page.state.filtered())
        if count == 0:
            self.bulk_confirm.hide()
            self.page.status.show(self.page.tr("network.bulk.nothing"), error=True)
            return
        self._bulk_pending = action
        self.bulk_confirm.ask(self.page.tr(question_key, count=count, **names))

    def _bulk_confirmed(self) -> None:
        action, self._bulk_pending = self._bulk_pending, None
        if action is not None:
            action()

    def _bulk_done(self, message_key: str, changed: int, **names: str) -> None:
        self.page.status.show(self.page.tr(message_key, count=changed, **names))
        self.page.changed()


def _option_label(row) -> str:
    return f"{row.full_name} — {row.organisation}" if row.organisation else row.full_name


def _row(page, row) -> list[str]:
    roles = ", ".join(page.label("role", r) for r in rules.role_codes(row.roles))
    tie = "" if pd.isna(row.tie_strength) else str(int(row.tie_strength))
    last = "" if pd.isna(row.last_contact) else row.last_contact.date().isoformat()
    return [row.full_name, row.organisation, row.position, page.label("layer", row.layer), roles,
            tie, last]


class ContactEditor:
    """Every field of one contact; Save writes it, Erase deletes it (after a confirmation)."""

    def __init__(self, page, panel: ContactsPanel):
        self.page, self.panel = page, panel
        tr, guard = page.tr, page.guard
        wide = ipw.Layout(width="30em")
        self.name = ipw.Text(description=tr("network.col.name"), layout=wide)
        self.name.add_class("wb-network-edit-name")
        self.organisation = ipw.Text(description=tr("network.col.organisation"), layout=wide)
        self.position = ipw.Text(description=tr("network.col.position"), layout=wide)
        self.email = ipw.Text(description=tr("network.editor.email"), layout=wide)
        self.layer = ipw.Dropdown(description=tr("network.col.layer"),
                                  options=[(page.label("layer", c), c) for c in LAYERS],
                                  value="unsorted")
        self.layer.add_class("wb-network-edit-layer")
        self.roles = {c: ipw.ToggleButton(description=page.label("role", c),
                                          layout=ipw.Layout(width="auto")) for c in ROLES}
        for code, button in self.roles.items():
            button.add_class("wb-network-edit-role")
            button.add_class(f"wb-network-edit-role-{code}")
        self.needs = {c: ipw.ToggleButton(description=page.label("need", c),
                                          layout=ipw.Layout(width="auto")) for c in NEEDS}
        self.tie = ipw.Dropdown(description=tr("network.col.tie"),
                                options=[(tr("network.editor.unknown"), 0)]
                                + [(tr(f"network.tie.{i}"), i) for i in rules.TIE_STRENGTHS],
                                value=0)
        self.mutual = ipw.Text(description=tr("network.editor.mutual"),
                               placeholder=tr("network.editor.mutual_hint"))
        self.can_give = ipw.Text(description=tr("network.editor.can_give"), layout=wide,
                                 placeholder=tr("network.editor.can_give_hint"))
        self.notes = ipw.Textarea(description=tr("network.editor.notes"),
                                  layout=ipw.Layout(width="30em", height="5em"))
        self.save = ipw.Button(description=tr("common.save"), button_style="primary", icon="save")
        self.save.add_class("wb-network-edit-save")
        self.save.on_click(guard(self._on_save))
        self.erase = ipw.Button(description=tr("network.editor.erase"), button_style="danger",
                                icon="trash")
        self.erase.add_class("wb-network-edit-erase")
        self.erase.on_click(guard(self._on_erase))
        self.confirm = Confirmation(tr("network.editor.erase_confirm"), tr("common.cancel"),
                                    "wb-network-edit-erase-yes", self._erase_confirmed,
                                    guard=page.guard)
        # "can introduce to" (second degree)
        self.intro_org = ipw.Text(placeholder=tr("network.intro.organisation"))
        self.intro_org.add_class("wb-network-intro-org")
        self.intro_person = ipw.Text(placeholder=tr("network.intro.person"))
        self.intro_add = ipw.Button(description=tr("network.intro.add"), icon="plus")
        self.intro_add.add_class("wb-network-intro-add")
        self.intro_add.on_click(guard(self._on_intro_add))
        self.intro_list = ipw.HTML()
        self.intro_choice = ipw.Dropdown(options=[], layout=ipw.Layout(width="24em"))
        self.intro_remove = ipw.Button(description=tr("network.intro.remove"))
        self.intro_remove.add_class("wb-network-intro-remove")
        self.intro_remove.on_click(guard(self._on_intro_remove))
        self.intro_remove_row = ipw.HBox([self.intro_choice, self.intro_remove],
                                         layout=ipw.Layout(display="none"))
        # a new contact
        self.new_name = ipw.Text(placeholder=tr("network.editor.new_placeholder"))
        self.new_name.add_class("wb-network-new-name")
        self.new_button = ipw.Button(description=tr("network.editor.new"), icon="user-plus")
        self.new_button.add_class("wb-network-new")
        self.new_button.on_click(guard(self._on_new))
        self.new_box = ipw.VBox([self.new_name, self.new_button])
        self.fields = ipw.VBox([
            self.name, self.organisation, self.position, self.email, self.layer,
            ipw.HTML(f"<b>{escape_html(tr('network.col.roles'))}</b>"),
            ipw.HBox(list(self.roles.values()), layout=ipw.Layout(flex_flow="row wrap")),
            self.tie, self.mutual,
            ipw.HTML(f"<b>{escape_html(tr('network.editor.needs'))}</b>"),
            ipw.HBox(list(self.needs.values()), layout=ipw.Layout(flex_flow="row wrap")),
            self.can_give, self.notes,
            ipw.HBox([self.save, self.erase]), self.confirm.view,
            ipw.HTML(f"<b>{escape_html(tr('network.intro.title'))}</b>"),
            ipw.HBox([self.intro_org, self.intro_person, self.intro_add]), self.intro_list,
            self.intro_remove_row])
        self.empty = ipw.HTML(html_text(tr("network.editor.pick"), "p", "wb-muted"))
        self.view = ipw.VBox([self.empty])
        self.view.add_class("wb-network-editor")

    # ------------------------------------------------------------ load / save

    def load(self, contact_id: int) -> None:
        details = contact_details(self.page.state.conn, contact_id)
        self.confirm.hide()
        if details is None:
            self.panel.current = None
            self.view.children = [self.empty]
            return
        self.name.value = details["full_name"]
        self.organisation.value = details["organisation"]
        self.position.value = details["position"]
        self.email.value = details["email"]
        self.layer.value = details["layer"]
        for code, button in self.roles.items():
            button.value = code in details["roles"]
        for code, button in self.needs.items():
            button.value = code in details["needs"]
        self.tie.value = details["tie_strength"] or 0
        mutual = details["mutual_connections"]
        self.mutual.value = "" if mutual is None else str(mutual)
        self.can_give.value = details["can_give"]
        self.notes.value = details["notes"]
        self._loaded = self._form()
        self._render_intros()
        self.view.children = [self.fields]

    def refresh(self) -> None:
        if self.panel.current is None:
            self.view.children = [self.empty]
        else:
            self._render_intros()

    def _render_intros(self) -> None:
        intros = self.page.state.introductions
        mine = intros[intros["introducer_id"] == self.panel.current]
        labels = [(r.organisation + (f" — {r.person_name}" if r.person_name else ""), int(r.id))
                  for r in mine.itertuples(index=False)]
        self.intro_list.value = "<ul>" + "".join(
            f"<li>{escape_html(label)}</li>" for label, _ in labels) + "</ul>" if labels else ""
        set_options(self.intro_choice, labels)
        self.intro_remove_row.layout.display = "flex" if labels else "none"

    def _on_save(self, _button) -> None:
        tr = self.page.tr
        name = self.page.required(self.name, "network.editor.name_missing")
        if name is None:
            return
        try:
            mutual = rules.parse_optional_int(self.mutual.value, 0)
        except ValueError:
            self.page.status.show(tr("network.editor.mutual_invalid"), error=True)
            return
        # Only what the user changed in this form is saved: another tab may have saved this
        # contact since it was loaded here, and its edits of other fields must survive.
        form = self._form(full_name=name, mutual_connections=mutual)
        changes = {field: value for field, value in form.items()
                   if value != self._loaded.get(field)}
        if changes:
            self.page.state.save_contact(self.panel.current, **changes)
        self.page.status.show(tr("network.editor.saved", name=name))
        self.page.changed()
        self.load(self.panel.current)

    def _form(self, **parsed) -> dict:
        """The editor's fields as `update_contact` takes them (`parsed` overrides the raw
        text of fields already checked)."""
        mutual = self.mutual.value.strip()
        return {
            "full_name": self.name.value.strip(), "organisation": self.organisation.value,
            "position": self.position.value.strip(), "email": self.email.value.strip(),
            "layer": self.layer.value, "tie_strength": self.tie.value or None,
            "mutual_connections": int(mutual) if mutual.isdigit() else mutual or None,
            "can_give": self.can_give.value.strip(), "notes": self.notes.value,
            "roles": [c for c, b in self.roles.items() if b.value],
            "needs": [c for c, b in self.needs.items() if b.value],
        } | parsed

    def _on_new(self, _button) -> None:
        name = self.page.required(self.new_name, "network.editor.name_missing")
        if name is None:
            return
        self.panel.current = self.page.state.new_contact(name)
        self.new_name.value = ""
        self.page.status.show(self.page.tr("network.editor.created", name=name))
        self.page.changed()
        self.load(self.panel.current)

    # ------------------------------------------------------------ erase (two steps)

    def _on_erase(self, _button) -> None:
        count = interaction_count(self.page.state.conn, self.panel.current)
        self.confirm.ask(self.page.tr("network.editor.erase_question", name=self._saved_name(),
                                      count=count))

    def _saved_name(self) -> str:
        """The contact's name as saved (the name field may hold an unsaved edit, or nothing)."""
        row = self.page.state.row(self.panel.current)
        return str(row["full_name"]) if row is not None else self.name.value

    def _erase_confirmed(self) -> None:
        name = self._saved_name()
        self.page.state.erase_contact(self.panel.current)
        self.panel.current = None
        self.page.status.show(self.page.tr("network.editor.erased", name=name))
        self.page.changed()

    # ------------------------------------------------------------ can introduce to

    def _on_intro_add(self, _button) -> None:
        tr = self.page.tr
        organisation = self.page.required(self.intro_org, "network.intro.organisation_missing")
        if organisation is None:
            return
        self.page.state.add_introduction(self.panel.current, organisation,
                                         self.intro_person.value)
        self.intro_org.value = self.intro_person.value = ""
        self.page.status.show(tr("network.intro.added", name=self.name.value,
                                 organisation=organisation))
        self.page.changed()

    def _on_intro_remove(self, _button) -> None:
        if self.intro_choice.value is None:
            return
        label = self.intro_choice.label
        self.page.state.delete_introduction(self.intro_choice.value)
        self.page.status.show(self.page.tr("network.intro.removed", what=label))
        self.page.changed()


def _count_key(total: int, shown: int) -> str:
    """How many contacts match: none (say what to do), one, all of them shown, or only
    the first `shown` of them."""
    if total == 0:
        return "network.contacts.count_none"
    if total == 1:
        return "network.contacts.count_one"
    return "network.contacts.count_all" if total <= shown else "network.contacts.count"
