"""Network map page: the map (charts), import, contacts, targets, whom next, exercises.

A thin composer. `NetworkState` (network_state.py) is the only writer; each tab is a panel
(network_map, _import, _contacts with _bulk and _editor, _targets, _exercises) given the
data it shows and `on_*` callbacks, and answering on its own status lines next to its
buttons. A panel is drawn when its tab is opened, and again after a change of the data
(hidden tabs cost nothing until looked at).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as ipw

from workbook.io import ImportFileError
from workbook.ui.common import PageContext, StatusLine, build_page, guarded, page_shell
from workbook.ui.lazy import LazyTabs
from workbook.ui.network.bulk import BulkPanel
from workbook.ui.network.contacts import ContactsPanel
from workbook.ui.network.editor import ContactEditor
from workbook.ui.network.exercises import LOG_ROWS, ExercisesPanel
from workbook.ui.network.imports import MERGES_SHOWN, ImportPanel
from workbook.ui.network.map import MapPanel
from workbook.ui.network.state import NetworkState
from workbook.ui.network.targets import RANKED_ROWS, NextPanel, TargetsPanel

TABS = ("map", "import", "contacts", "targets", "next", "exercises")


_STYLE = """<style>
.wb-warn {color: #8d4b00; font-weight: 600;}
.wb-network-table {max-height: 24em; overflow-y: auto; border: 1px solid #eee;}
.wb-network-table .wb-table {margin: 0; width: 100%;}
.wb-network-table th {position: sticky; top: 0;}
.wb-plus {color: #1b5e20;} .wb-minus {color: #b71c1c;}
.wb-network-tabs {--jp-widgets-inline-label-width: 9em;}
.wb-network-tabs .jupyter-button {width: auto; min-width: 5em; padding: 0 0.9em;
  flex: 0 0 auto;}
.wb-network-tabs .widget-checkbox {width: auto; margin-left: 1em;}
.wb-network-tabs .widget-toggle-button.mod-active {background: #c8e6c9; font-weight: 600;}
</style>"""


class NetworkPage:
    """The page: context, state, tabs; each panel gets its data, its callbacks (a state
    write followed by a redraw) and its own status lines."""

    def __init__(self, ctx: PageContext, today: Callable[[], dt.date] = dt.date.today):
        self.ctx, self.tr = ctx, ctx.tr
        tr = self.tr
        self.status = StatusLine()       # page-wide problems (opening a tab); actions
        self.status.add_class("wb-network-status")   # answer next to their buttons
        self.state = state = NetworkState(ctx.conn, today, ctx.tr)
        changes, guard_for = self._changes, self._guard_for
        self.map = MapPanel(tr, chart_data=state.chart_data, guard_for=guard_for)
        self.importer = ImportPanel(
            tr, on_import=self._import, on_merge=changes(state.merge),
            on_refuse=self._redraws("import", state.refuse_merge),
            on_undo=changes(state.undo_import), guard_for=guard_for)
        editor = ContactEditor(
            tr, details_of=state.details, interaction_count=state.interaction_count,
            on_save=changes(state.save_contact), on_erase=changes(state.erase_contact),
            on_add_intro=changes(state.add_introduction),
            on_remove_intro=changes(state.delete_introduction), guard_for=guard_for)
        bulk = BulkPanel(tr, on_role=changes(state.bulk_role),
                         on_layer=changes(state.bulk_layer), on_undo=changes(state.undo_bulk),
                         guard_for=guard_for)
        self.contacts = ContactsPanel(
            tr, bulk=bulk, editor=editor, find_people=state.find_people,
            person_option=state.person_option, on_filter=self._on_filter,
            on_new=changes(state.new_contact), on_export=self._export, guard_for=guard_for)
        self.targets = TargetsPanel(tr, on_save=changes(state.save_target),
                                    on_remove=changes(state.drop_target), guard_for=guard_for)
        self.next = NextPanel(tr, rank=lambda use_filter: state.ranking(
            top=RANKED_ROWS, use_filter=use_filter), on_log=changes(state.log_contact),
            guard_for=guard_for)
        self.exercises = ExercisesPanel(
            tr, on_add_bright=self._redraws("exercises", state.add_bright_person),
            on_delete_bright=self._redraws("exercises", state.delete_bright_person),
            on_log=self._redraws("exercises", state.log_intelligence), guard_for=guard_for)
        self._draw = {
            "map": lambda: self.map.render(state.map_overview()),
            "import": lambda: self.importer.render(state.import_batches(),
                                                   state.merge_proposals(MERGES_SHOWN)),
            "contacts": lambda: self.contacts.render(state.filtered(), state.introductions),
            "targets": lambda: self.targets.render(state.coverage(), state.frame,
                                                   state.introductions,
                                                   state.organisation_names()),
            "next": self.next.refresh,
            "exercises": lambda: self.exercises.render(state.bright_people(),
                                                       state.intelligence_log(LOG_ROWS)),
        }
        panels = (self.map, self.importer, self.contacts, self.targets, self.next,
                  self.exercises)
        self.tabs = ipw.Tab(children=[p.view for p in panels],
                            titles=[tr(f"network.tab.{key}") for key in TABS])
        self.tabs.add_class("wb-network-tabs")
        # The map's first view is drawn now (from SQL counts: the contacts frame is read
        # when a tab or chart that needs it is opened); the other tabs when first opened.
        # A message about another tab would only puzzle: cleared before the tab draws.
        self.tabs.observe(lambda _change: self.status.clear(), names="selected_index")
        self.lazy = LazyTabs(self.tabs, TABS, self._draw, guard=self._guard_for(self.status))
        self.lazy.open("map")
        if not self.map.overview.contacts:
            self.lazy.open("import")
        self.view = page_shell(ctx, "network", ipw.HTML(_STYLE), self.tabs, status=self.status)

    # ------------------------------------------------------------ plumbing

    def _guard_for(self, line: StatusLine) -> Callable[[Callable], Callable]:
        return guarded(self.ctx, line)

    def _changes(self, write: Callable) -> Callable:
        """A state write, then every tab follows (the visible one now)."""
        def run(*args, **kwargs):
            result = write(*args, **kwargs)
            self.changed()
            return result

        return run

    def _redraws(self, tab: str, write: Callable) -> Callable:
        """A state write that only `tab` shows."""
        def run(*args, **kwargs):
            result = write(*args, **kwargs)
            self._draw[tab]()
            return result

        return run

    def changed(self) -> None:
        """The data moved: the visible tab redraws now, the others when they are opened
        (a hidden chart or table costs nothing until someone looks at it)."""
        self.lazy.mark_stale()

    def mark_stale(self, *tabs: str) -> None:
        """These tabs redraw when next opened (the open one now)."""
        self.lazy.mark_stale(*tabs)

    def show(self, tab: str) -> None:
        """Open tab `tab` (a key of `TABS`), redrawn if the data moved since."""
        self.lazy.open(tab)

    # ------------------------------------------------------------ callbacks

    def _import(self, path, file_name: str, progress):
        outcome = self.state.import_file(path, file_name, progress)
        if not isinstance(outcome, ImportFileError):      # refused: nothing changed
            self.changed()
        return outcome

    def _on_filter(self, contact_filter) -> None:
        self.state.filter = contact_filter
        self._draw["contacts"]()
        if self.next.use_filter.value:
            self.mark_stale("next")

    def _export(self, fmt: str, progress):
        return self.state.export(fmt, self.ctx.profile, progress,
                                 role_label=lambda code: self.tr(f"vocab.role.{code}"))


def build_network(profile: str | None = None, lang: str | None = None) -> ipw.Widget:
    """The network map page for the current profile (see `open_page_context`)."""
    return build_page(lambda ctx: NetworkPage(ctx).view, profile, lang)
