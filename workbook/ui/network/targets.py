"""Network page, Targets tab (LAMP list and coverage) and Whom-next tab (explained ranking)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as ipw

from workbook.domain import network_terms as rules
from workbook.domain.vocabulary import INTERACTION_KINDS
from workbook.escaping import escape_html
from workbook.i18n.numbers import format_list
from workbook.ui.common import Markup, html_text, table_html
from workbook.ui.glossary import glossed, glossed_coaching
from workbook.ui.network.widgets import GuardFor, feedback, label, no_guard, required, wrap_row
from workbook.ui.widgets import set_options

NAMES_SHOWN = 3
RANKED_ROWS = 20
RULE_KEYS = ("score", "role", "layer", "tie", "target", "recency")

if TYPE_CHECKING:
    import pandas as pd


def _score_options(tr) -> list[tuple[str, int]]:
    return [(tr("network.targets.unknown"), -1)] + [(str(i), i) for i in rules.LAMP_SCORES]


class TargetsPanel:
    """Target organisations in LAMP order, and who gets me into each.

    Callbacks: `on_save(name, motivation=, posting=, advocacy=, notes=)`,
    `on_remove(organisation_id)`. `render(coverage, frame, introductions, organisations)`
    draws the table from `target_coverage`, the contacts frame and the introductions;
    `organisations` are the names the name box suggests."""

    def __init__(self, tr, *, on_save: Callable[..., None], on_remove: Callable[[int], None],
                 guard_for: GuardFor = no_guard):
        self.tr = tr
        self._save, self._remove = on_save, on_remove
        self.status = feedback("wb-network-target-status")
        self.remove_status = feedback("wb-network-target-remove-status")
        guard, remove_guard = guard_for(self.status), guard_for(self.remove_status)
        self.name = ipw.Combobox(placeholder=tr("network.targets.name_placeholder"),
                                 ensure_option=False, layout=ipw.Layout(width="20em"))
        self.name.add_class("wb-network-target-name")
        self.motivation = ipw.Dropdown(description=tr("network.targets.motivation"),
                                       options=_score_options(tr), value=-1)
        self.posting = ipw.Dropdown(description=tr("network.targets.posting"),
                                    options=_score_options(tr), value=-1)
        self.advocacy = ipw.Dropdown(description=tr("network.targets.advocacy"),
                                     options=_score_options(tr), value=-1)
        self.notes = ipw.Text(placeholder=tr("network.targets.notes"),
                              layout=ipw.Layout(width="30em", max_width="100%"))
        self.save = ipw.Button(description=tr("network.targets.save"), button_style="primary",
                               icon="bullseye")
        self.save.add_class("wb-network-target-save")
        self.save.on_click(guard(self._on_save))
        self.table = ipw.HTML()
        self.table.add_class("wb-network-coverage")
        self.remove_choice = ipw.Dropdown(options=[], layout=ipw.Layout(width="20em"))
        self.remove = ipw.Button(description=tr("network.targets.remove"))
        self.remove.add_class("wb-network-target-remove")
        self.remove.on_click(remove_guard(self._on_remove))
        self.view = ipw.VBox([
            glossed_coaching(tr, tr("network.coach.targets"), ("second_degree",)),
            ipw.HTML(glossed(tr, tr("network.targets.lamp_help"), ("lamp",), "p")),
            wrap_row(self.name, self.notes),
            wrap_row(self.motivation, self.posting, self.advocacy),
            wrap_row(self.save, self.status),
            self.table, wrap_row(self.remove_choice, self.remove, self.remove_status)])

    def render(self, coverage: pd.DataFrame, frame: pd.DataFrame,
               introductions: pd.DataFrame, organisations: list[str]) -> None:
        import pandas as pd  # loaded with the frame drawn here

        tr = self.tr
        self.name.options = organisations
        at_target = frame[frame["at_target"]]
        names = at_target.groupby("organisation_id")["full_name"].apply(
            lambda s: list(s.head(NAMES_SHOWN))) if len(at_target) else pd.Series(dtype=object)
        rows = []
        for r in coverage.itertuples(index=False):
            inside_names = names.get(r.organisation_id, [])
            inside = format_list(inside_names, tr.lang, "unit")
            via = introductions[introductions["organisation_id"] == r.organisation_id].head(
                NAMES_SHOWN)
            via_names = format_list(
                [f"{x.introducer} → {x.person_name}" if x.person_name else x.introducer
                 for x in via.itertuples(index=False)], tr.lang, "unit")
            rows.append([r.name, _score(r.motivation), _score(r.posting), _score(r.advocacy),
                         _people(tr, r.first_degree, inside, len(inside_names)),
                         _people(tr, r.second_degree, via_names, len(via)),
                         tr(f"network.coverage.status.{r.status}")])
        self.table.value = table_html(
            [tr("network.targets.organisation"), tr("network.targets.motivation"),
             tr("network.targets.posting"), tr("network.targets.advocacy"),
             tr("network.coverage.first"), tr("network.coverage.second"),
             tr("network.coverage.status")], rows) if rows else \
            html_text(tr("network.targets.none"), "p", "wb-muted")
        set_options(self.remove_choice, [(r.name, int(r.organisation_id))
                                         for r in coverage.itertuples(index=False)])

    def _on_save(self, _button) -> None:
        tr = self.tr
        name = required(self.name, self.status, tr("network.targets.name_missing"))
        if name is None:
            return
        lamp = dict(motivation=_value(self.motivation.value), posting=_value(self.posting.value),
                    advocacy=_value(self.advocacy.value), notes=self.notes.value.strip())
        matched = self._save(name, **lamp) or []
        self.name.value = self.notes.value = ""
        self.motivation.value = self.posting.value = self.advocacy.value = -1
        message = tr("network.targets.saved", name=name)
        if matched:
            count = sum(contacts for _name, contacts in matched)
            message += " " + tr.count("network.targets.matched", count,
                                       names=format_list([n for n, _c in matched], tr.lang))
        self.status.show(message)

    def _on_remove(self, _button) -> None:
        if self.remove_choice.value is None:
            return
        name = self.remove_choice.label
        self._remove(self.remove_choice.value)
        self.remove_status.show(self.tr("network.targets.removed", name=name))


def _value(choice: int) -> int | None:
    return None if choice < 0 else choice


def _score(value: float) -> str:
    """A LAMP score as shown: '' when unknown."""
    return "" if _missing(value) else str(int(value))


def _missing(value) -> bool:
    import pandas as pd  # loaded with the frames drawn here

    return bool(pd.isna(value))


class NextPanel:
    """Whom to contact next: the ranked list with its reasons, and a quick "done" log.

    `rank(use_filter) -> ranked frame` (`rank_contacts`, the first rows) is read when the
    panel is drawn (`refresh`); `on_log(contact_id, kind)` logs an exchange of today."""

    def __init__(self, tr, *, rank: Callable[[bool], pd.DataFrame],
                 on_log: Callable[[int, str], None], guard_for: GuardFor = no_guard):
        self.tr = tr
        self._rank, self._log = rank, on_log
        self.status = feedback("wb-network-next-status")
        guard = guard_for(self.status)
        self.use_filter = ipw.Checkbox(description=tr("network.next.use_filter"), indent=False)
        self.use_filter.add_class("wb-network-next-filter")
        self.use_filter.observe(guard(self._on_rerank), names="value")
        self.table = ipw.HTML()
        self.table.add_class("wb-network-ranking")
        self.who = ipw.Dropdown(options=[], layout=ipw.Layout(width="20em"))
        self.who.add_class("wb-network-next-who")
        self.kind = ipw.Dropdown(options=[(label(tr, "kind", k), k) for k in INTERACTION_KINDS],
                                 value="message", layout=ipw.Layout(width="12em"))
        self.log = ipw.Button(description=tr("network.next.log"), icon="check")
        self.log.add_class("wb-network-next-log")
        self.log.on_click(guard(self._on_log))
        rules_html = "".join(f"<li>{escape_html(tr('network.rules.' + key))}</li>"
                             for key in RULE_KEYS)
        how = ipw.Accordion(children=[ipw.HTML(f"<ul>{rules_html}</ul>")],
                            titles=(tr("network.next.how"),), selected_index=None)
        how.add_class("wb-network-rules")
        self.view = ipw.VBox([glossed_coaching(tr, tr("network.coach.next"), ("weak_ties",)),
                              self.use_filter, self.table,
                              wrap_row(self.who, self.kind, self.log, self.status), how])

    def refresh(self) -> None:
        tr = self.tr
        ranked = self._rank(self.use_filter.value)
        rows = [(i, r.full_name, r.organisation, f"{r.score:.0f}", self._reasons_html(r))
                for i, r in enumerate(ranked.itertuples(index=False), start=1)]
        head = ("#", tr("network.col.name"), tr("network.col.organisation"),
                tr("network.next.score"), tr("network.next.reasons"))
        self.table.value = table_html(head, rows, "wb-network-ranking-table") if rows else \
            html_text(tr("network.next.empty"), "p", "wb-muted")
        options = [(r.full_name, int(r.id)) for r in ranked.itertuples(index=False)]
        self.who.options = options
        self.who.value = options[0][1] if options else None     # the one to contact next

    def _reasons_html(self, r) -> Markup:
        from workbook.domain.network import NEGATIVE_REASONS

        tr = self.tr
        days = "" if math.isnan(r.days_since_contact) else int(r.days_since_contact)
        mutual = "" if _missing(r.mutual_connections) else int(r.mutual_connections)
        parts = []
        for code in r.reasons:
            negative = code in NEGATIVE_REASONS
            key = f"network.reason.{code}"
            if tr.has(f"{key}.one"):   # a reason that counts something follows the plural rule
                text = tr.count(key, int(r.introduces_to_target), days=days, mutual=mutual)
            else:
                text = tr(key, days=days, mutual=mutual, count=r.introduces_to_target)
            parts.append(f'<span class="{"wb-minus" if negative else "wb-plus"}">'
                         f'{"−" if negative else "+"} {escape_html(text)}</span>')
        return Markup("<br>".join(parts))

    def _on_rerank(self, change) -> None:
        self.refresh()

    def _on_log(self, _button) -> None:
        if self.who.value is None:
            return
        name = self.who.label
        self._log(self.who.value, self.kind.value)
        self.status.show(self.tr("network.next.logged", name=name))


def _people(tr, count: int, names: str, named: int) -> str:
    """A coverage cell: how many people, then the first `named` of them
    ("9: Cyril Ollivier, Étienne Nguyen, Farida Bertin, …")."""
    if not names:
        return str(count)
    return tr("network.targets.people", count=count,
              names=names + (", …" if count > named else ""))
