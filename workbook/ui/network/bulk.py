"""Network page, Contacts tab: tag the whole filtered list at once (a role, a layer), asked
first since it touches many contacts."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from workbook.domain.vocabulary import LAYERS, ROLES
from workbook.ui.common import html_text
from workbook.ui.network.widgets import GuardFor, feedback, label, no_guard, wrap_row
from workbook.ui.widgets import Confirmation


class BulkPanel:
    """Callbacks: `on_role(role) -> contacts changed`, `on_layer(layer) -> contacts
    changed`, both acting on the page's filtered list; `on_undo() -> contacts put back, or
    None when there is nothing to undo`. `render(total)` says how many contacts the filtered
    list holds (the count each question and answer uses)."""

    def __init__(self, tr, *, on_role: Callable[[str], int], on_layer: Callable[[str], int],
                 on_undo: Callable[[], int | None], guard_for: GuardFor = no_guard):
        self.tr = tr
        self._role, self._layer, self._undo = on_role, on_layer, on_undo
        self.total = 0
        self.status = feedback("wb-network-bulk-status")
        guard = guard_for(self.status)
        self.role_choice = ipw.Dropdown(options=[(label(tr, "role", c), c) for c in ROLES],
                                        value="connector", layout=ipw.Layout(width="14em"))
        self.role_choice.add_class("wb-network-bulk-role")
        self.role_button = ipw.Button(description=tr("network.bulk.add_role"), icon="tag",
                                      layout=ipw.Layout(width="auto"))
        self.role_button.add_class("wb-network-bulk-role-apply")
        self.role_button.on_click(guard(self._on_role))
        self.layer_choice = ipw.Dropdown(options=[(label(tr, "layer", c), c) for c in LAYERS],
                                         value="active", layout=ipw.Layout(width="14em"))
        self.layer_button = ipw.Button(description=tr("network.bulk.set_layer"),
                                       layout=ipw.Layout(width="auto"))
        self.layer_button.add_class("wb-network-bulk-layer-apply")
        self.layer_button.on_click(guard(self._on_layer))
        self.undo = ipw.Button(description=tr("network.bulk.undo"), icon="undo",
                               layout=ipw.Layout(width="auto"))
        self.undo.add_class("wb-network-bulk-undo")
        self.undo.on_click(guard(self._on_undo))
        self.scope = ipw.HTML()
        self._pending: Callable[[], None] | None = None
        self.confirm = Confirmation(tr("network.bulk.confirm"), tr("common.cancel"),
                                    "wb-network-bulk-yes", self._confirmed, guard=guard)
        self.view = ipw.VBox([self.scope, wrap_row(self.role_choice, self.role_button),
                              wrap_row(self.layer_choice, self.layer_button),
                              self.confirm.view, wrap_row(self.undo, self.status)])
        self.view.add_class("wb-network-bulk")

    def render(self, total: int) -> None:
        self.total = total
        self.scope.value = html_text(self.tr.count("network.bulk.scope", total))

    def forget(self) -> None:
        """The filtered list changed: a question asked about the previous one goes."""
        self.confirm.hide()
        self._pending = None

    def _on_role(self, _button) -> None:
        role = self.role_choice.value
        name = label(self.tr, "role", role)
        self._ask("network.bulk.role_question", {"role": name},
                  lambda: self._done("network.bulk.role_done", self._role(role), role=name))

    def _on_layer(self, _button) -> None:
        layer = self.layer_choice.value
        name = label(self.tr, "layer", layer)
        self._ask("network.bulk.layer_question", {"layer": name},
                  lambda: self._done("network.bulk.layer_done", self._layer(layer), layer=name))

    def _ask(self, question_key: str, names: dict, action: Callable[[], None]) -> None:
        """Ask before a bulk change (nothing to do on an empty list: say so instead)."""
        self.status.clear()
        if self.total == 0:
            self.forget()
            self.status.show(self.tr("network.bulk.nothing"), error=True)
            return
        self._pending = action
        self.confirm.ask(self.tr.count(question_key, self.total, **names))

    def _confirmed(self) -> None:
        action, self._pending = self._pending, None
        if action is not None:
            action()

    def _done(self, message_key: str, changed: int, **names: str) -> None:
        self.status.show(self.tr.count(message_key, changed, **names))

    def _on_undo(self, _button) -> None:
        self.forget()
        restored = self._undo()
        if restored is None:
            self.status.show(self.tr("network.bulk.nothing_to_undo"), error=True)
        else:
            self.status.show(self.tr.count("network.bulk.undone", restored))
