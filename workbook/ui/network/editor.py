"""Network page, Contacts tab: the editor of one contact (every field, erase, and whom they
can introduce me to). Reads through accessors, writes through callbacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as ipw

from workbook.domain import network_terms as rules
from workbook.domain.vocabulary import LAYERS, NEEDS, ROLES
from workbook.escaping import escape_html
from workbook.ui.common import html_text
from workbook.ui.network.widgets import GuardFor, feedback, label, no_guard, required, wrap_row
from workbook.ui.widgets import Confirmation, set_options

if TYPE_CHECKING:
    import pandas as pd

DRAFTS_SHOWN = 8   # buttons to reopen a draft; a ninth draft waits its turn


class ContactEditor:
    """Every field of one contact; Save writes what changed, Erase deletes it (after a
    confirmation). Opening another person (`open`) never loses an edit in progress: the
    changes not saved are kept as a draft, listed above the editor and shown again, marked
    as such, when that person is opened, until saved or discarded.

    Accessors: `details_of(id) -> dict | None` (`store.contact_details`),
    `interaction_count(id)`. Callbacks: `on_save(id, **changes)`, `on_erase(id)`,
    `on_add_intro(id, organisation, person)`, `on_remove_intro(introduction_id)`.
    `render(introductions)` redraws the introductions of the contact being edited."""

    def __init__(self, tr, *, details_of: Callable[[int], dict | None],
                 interaction_count: Callable[[int], int], on_save: Callable[..., None],
                 on_erase: Callable[[int], None], on_add_intro: Callable[[int, str, str], None],
                 on_remove_intro: Callable[[int], None], guard_for: GuardFor = no_guard):
        self.tr = tr
        self._details_of, self._interaction_count = details_of, interaction_count
        self._save, self._erase = on_save, on_erase
        self._add_intro, self._remove_intro = on_add_intro, on_remove_intro
        self.current: int | None = None
        self._loaded: dict = {}
        # contact id -> (name as saved, the fields changed and not saved): see `open`
        self.drafts: dict[int, tuple[str, dict]] = {}
        self._introductions: pd.DataFrame | None = None     # until the first `render`
        self.status = feedback("wb-network-edit-status")
        self.intro_status = feedback("wb-network-intro-status")
        guard, intro_guard = guard_for(self.status), guard_for(self.intro_status)
        self._guard = guard
        wide = ipw.Layout(width="30em", max_width="100%")
        self.name = ipw.Text(description=tr("network.col.name"), layout=wide)
        self.name.add_class("wb-network-edit-name")
        self.organisation = ipw.Text(description=tr("network.col.organisation"), layout=wide)
        self.position = ipw.Text(description=tr("network.col.position"), layout=wide)
        self.email = ipw.Text(description=tr("network.editor.email"), layout=wide)
        self.layer = ipw.Dropdown(description=tr("network.col.layer"),
                                  options=[(label(tr, "layer", c), c) for c in LAYERS],
                                  value="unsorted")
        self.layer.add_class("wb-network-edit-layer")
        self.roles = {c: ipw.ToggleButton(description=label(tr, "role", c),
                                          layout=ipw.Layout(width="auto")) for c in ROLES}
        for code, button in self.roles.items():
            button.add_class("wb-network-edit-role")
            button.add_class(f"wb-network-edit-role-{code}")
        self.needs = {c: ipw.ToggleButton(description=label(tr, "need", c),
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
                                  layout=ipw.Layout(width="30em", max_width="100%",
                                                    height="5em"))
        self.save = ipw.Button(description=tr("common.save"), button_style="primary", icon="save")
        self.save.add_class("wb-network-edit-save")
        self.save.on_click(guard(self._on_save))
        self.erase = ipw.Button(description=tr("network.editor.erase"), button_style="danger",
                                icon="trash")
        self.erase.add_class("wb-network-edit-erase")
        self.erase.on_click(guard(self._on_erase))
        self.confirm = Confirmation(tr("network.editor.erase_confirm"), tr("common.cancel"),
                                    "wb-network-edit-erase-yes", self._erase_confirmed,
                                    guard=guard)
        # "can introduce to" (second degree)
        self.intro_org = ipw.Text(placeholder=tr("network.intro.organisation"))
        self.intro_org.add_class("wb-network-intro-org")
        self.intro_person = ipw.Text(placeholder=tr("network.intro.person"))
        self.intro_add = ipw.Button(description=tr("network.intro.add"), icon="plus")
        self.intro_add.add_class("wb-network-intro-add")
        self.intro_add.on_click(intro_guard(self._on_intro_add))
        self.intro_list = ipw.HTML()
        self.intro_choice = ipw.Dropdown(options=[], layout=ipw.Layout(width="24em",
                                                                       max_width="100%"))
        self.intro_remove = ipw.Button(description=tr("network.intro.remove"))
        self.intro_remove.add_class("wb-network-intro-remove")
        self.intro_remove.on_click(intro_guard(self._on_intro_remove))
        self.intro_remove_row = wrap_row(self.intro_choice, self.intro_remove)
        self.intro_remove_row.layout.display = "none"
        self.save_row = wrap_row(self.save, self.erase, self.status)
        self.draft_note = ipw.HTML()
        self.draft_note.add_class("wb-network-draft-note")
        self.discard = ipw.Button(description=tr("network.editor.discard"), icon="undo")
        self.discard.add_class("wb-network-draft-discard")
        self.discard.on_click(guard(self._on_discard))
        self.draft_row = wrap_row(self.draft_note, self.discard)
        self.draft_row.layout.display = "none"
        self.drafts_box = ipw.HBox(layout=ipw.Layout(flex_flow="row wrap", display="none"))
        self.drafts_box.add_class("wb-network-drafts")
        self.kept_note = ipw.HTML()      # "your changes to … are kept as a draft", on top
        self.kept_note.add_class("wb-network-draft-kept")
        self.on_open: Callable[[int], None] = lambda _contact: None   # a draft reopened
        self.fields = ipw.VBox([
            self.draft_row, self.name, self.organisation, self.position, self.email, self.layer,
            ipw.HTML(f"<b>{escape_html(tr('network.col.roles'))}</b>"),
            wrap_row(*self.roles.values()), self.tie, self.mutual,
            ipw.HTML(f"<b>{escape_html(tr('network.editor.needs'))}</b>"),
            wrap_row(*self.needs.values()), self.can_give, self.notes,
            self.save_row, self.confirm.view,
            ipw.HTML(f"<b>{escape_html(tr('network.intro.title'))}</b>"),
            wrap_row(self.intro_org, self.intro_person, self.intro_add), self.intro_list,
            self.intro_remove_row, self.intro_status])
        self.empty = ipw.HTML(html_text(tr("network.editor.pick"), "p", "wb-muted"))
        self.body = ipw.VBox([self.empty, self.status])
        self.view = ipw.VBox([self.kept_note, self.drafts_box, self.body])
        self.view.add_class("wb-network-editor")

    # ------------------------------------------------------------ load / save

    def open(self, contact_id: int | None) -> None:
        """Show another person; the changes not saved of the one shown are kept as a draft
        (said on the status line, listed above the editor)."""
        if contact_id is not None and int(contact_id) == self.current:
            return
        left = self._keep_draft()
        self.load(contact_id)
        self.status.clear()
        # said at the top of the editor, where the person just opened shows
        self.kept_note.value = "" if left is None else html_text(
            self.tr("network.editor.draft_kept", name=left), "div", "wb-warn")

    def _keep_draft(self) -> str | None:
        """Keep the fields changed and not saved of the person shown; their name if any."""
        if self.current is None:
            return None
        changes = self._changes(self._form())
        if not changes:
            self.drafts.pop(self.current, None)
            return None
        name = self._saved_name()
        self.drafts[self.current] = (name, changes)
        return name

    def _changes(self, form: dict) -> dict:
        return {field: value for field, value in form.items()
                if value != self._loaded.get(field)}

    def load(self, contact_id: int | None) -> None:
        """Show this contact's fields as saved, and over them the draft kept for them if
        any (the empty hint when it is gone or None)."""
        details = None if contact_id is None else self._details_of(contact_id)
        self.confirm.hide()
        if details is None:
            if contact_id is not None:
                self.drafts.pop(int(contact_id), None)
            self.current = None
            self.body.children = [self.empty, self.status]
            self._show_drafts()
            return
        self.current = int(contact_id)
        self._fill({"organisation": details["organisation"], "position": details["position"],
                    "email": details["email"], "layer": details["layer"],
                    "roles": list(details["roles"]), "needs": list(details["needs"]),
                    "tie_strength": details["tie_strength"],
                    "mutual_connections": details["mutual_connections"],
                    "can_give": details["can_give"], "notes": details["notes"],
                    "full_name": details["full_name"]})
        self._loaded = self._form()
        draft = self.drafts.get(self.current)
        if draft is not None:
            self._fill(self._loaded | draft[1])
        self._render_intros()
        self.body.children = [self.fields]
        self._show_drafts()

    def _fill(self, form: dict) -> None:
        """Put a form (as `_form` gives it) in the fields."""
        self.organisation.value = form["organisation"]
        self.position.value = form["position"]
        self.email.value = form["email"]
        self.layer.value = form["layer"]
        for code, button in self.roles.items():
            button.value = code in form["roles"]
        for code, button in self.needs.items():
            button.value = code in form["needs"]
        self.tie.value = form["tie_strength"] or 0
        mutual = form["mutual_connections"]
        self.mutual.value = "" if mutual is None else str(mutual)
        self.can_give.value = form["can_give"]
        self.notes.value = form["notes"]
        # The name last: the browser applies the fields in the order they are sent, so once
        # the new name shows, every other field of that person already does (a click made
        # on seeing the name is never undone by a field still on its way).
        self.name.value = form["full_name"]

    def _show_drafts(self) -> None:
        """The draft note of the person shown, and a button per other person with a draft."""
        tr = self.tr
        mine = self.drafts.get(self.current) if self.current is not None else None
        self.draft_row.layout.display = "flex" if mine else "none"
        if mine:
            self.draft_note.value = html_text(tr("network.editor.draft_shown", name=mine[0]),
                                              "span", "wb-warn")
        others = [(cid, name) for cid, (name, _c) in self.drafts.items() if cid != self.current]
        for child in self.drafts_box.children:
            child.close()
        buttons = []
        for cid, name in others[:DRAFTS_SHOWN]:
            button = ipw.Button(description=name, icon="pencil",
                                layout=ipw.Layout(width="auto"))
            button.add_class("wb-network-draft-open")
            button.on_click(self._guard(lambda _b, cid=cid: self._reopen(cid)))
            buttons.append(button)
        self.drafts_box.children = [ipw.HTML(html_text(tr("network.editor.drafts"), "b"),
                                             layout=ipw.Layout(flex="0 0 auto",
                                                               margin="0 0.6em 0 0"))
                                    ] + buttons
        self.drafts_box.layout.display = "flex" if others else "none"

    def _reopen(self, contact_id: int) -> None:
        self.open(contact_id)
        self.on_open(contact_id)

    def _on_discard(self, _button) -> None:
        name, _changes = self.drafts.pop(self.current, (self._saved_name(), {}))
        self.load(self.current)
        self.status.show(self.tr("network.editor.discarded", name=name))

    def render(self, introductions: pd.DataFrame) -> None:
        """The data moved: redraw this contact's introductions (columns of
        `store.introductions_frame`)."""
        self._introductions = introductions
        if self.current is None:
            self.body.children = [self.empty, self.status]
        else:
            self._render_intros()

    def _render_intros(self) -> None:
        intros = self._introductions
        mine = () if intros is None else intros[intros["introducer_id"] == self.current
                                                  ].itertuples(index=False)
        labels = [(r.organisation + (f" — {r.person_name}" if r.person_name else ""), int(r.id))
                  for r in mine]
        self.intro_list.value = "<ul>" + "".join(
            f"<li>{escape_html(text)}</li>" for text, _ in labels) + "</ul>" if labels else ""
        set_options(self.intro_choice, labels)
        self.intro_remove_row.layout.display = "flex" if labels else "none"

    def _on_save(self, _button) -> None:
        tr = self.tr
        name = required(self.name, self.status, tr("network.editor.name_missing"))
        if name is None:
            return
        try:
            mutual = rules.parse_optional_int(self.mutual.value, 0)
        except ValueError:
            self.status.show(tr("network.editor.mutual_invalid"), error=True)
            return
        # Only what the user changed in this form is saved: another tab may have saved this
        # contact since it was loaded here, and its edits of other fields must survive.
        form = self._form(full_name=name, mutual_connections=mutual)
        changes = self._changes(form)
        contact = self.current
        if changes:
            self._save(contact, **changes)
        self.drafts.pop(contact, None)
        self.status.show(tr("network.editor.saved", name=name))
        self.load(contact)

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

    # ------------------------------------------------------------ erase (two steps)

    def _on_erase(self, _button) -> None:
        self.status.clear()
        count = self._interaction_count(self.current)
        self.confirm.ask(self.tr("network.editor.erase_question", name=self._saved_name(),
                                 count=count))

    def _saved_name(self) -> str:
        """The contact's name as saved (the name field may hold an unsaved edit, or nothing)."""
        details = self._details_of(self.current)
        return str(details["full_name"]) if details is not None else self.name.value

    def _erase_confirmed(self) -> None:
        name, contact = self._saved_name(), self.current
        self.current = None
        self.drafts.pop(contact, None)
        self._erase(contact)
        self.body.children = [self.empty, self.status]
        self._show_drafts()
        self.status.show(self.tr("network.editor.erased", name=name))

    # ------------------------------------------------------------ can introduce to

    def _on_intro_add(self, _button) -> None:
        tr = self.tr
        organisation = required(self.intro_org, self.intro_status,
                                tr("network.intro.organisation_missing"))
        if organisation is None:
            return
        self._add_intro(self.current, organisation, self.intro_person.value)
        self.intro_org.value = self.intro_person.value = ""
        self.intro_status.show(tr("network.intro.added", name=self.name.value,
                                  organisation=organisation))

    def _on_intro_remove(self, _button) -> None:
        if self.intro_choice.value is None:
            return
        what = self.intro_choice.label
        self._remove_intro(self.intro_choice.value)
        self.intro_status.show(self.tr("network.intro.removed", what=what))
