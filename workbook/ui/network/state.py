"""The network page's state: the one object that reads and writes the profile for the page.

It keeps the contacts frame in memory (sorted by name) so filtering, searching and
re-ranking 30,000 contacts never touch the database; only edits do, and each edit
refreshes just the rows it changed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from workbook.domain import network_terms as terms
from workbook.domain.contacts_matching import FieldDifference, merge_differences
from workbook.domain.network_terms import MapOverview
from workbook.i18n import Translator
from workbook.io import ImportFileError
from workbook.services.exports import download
from workbook.store import batches as batch_store
from workbook.store import contacts as contact_store
from workbook.store import merges as merge_store
from workbook.store import network as store
from workbook.store.progress import layer_counts
from workbook.ui.common import person_label

if TYPE_CHECKING:
    import pandas as pd

    from workbook.domain.people_search import PeopleIndex


def _rules():
    """`workbook.domain.network`: its frame rules bring pandas and numpy (seconds of
    import), so the page loads them with the first frame, not when it opens."""
    from workbook.domain import network

    return network


class MergeProposal(NamedTuple):
    """Two records that may be one person (`store.contact_details` of each), why they were
    proposed (`import.merge.<reason>`) and what tells them apart."""

    first: dict
    second: dict
    reason: str
    differences: list[FieldDifference]


class NetworkState:
    """Contacts frame, current filter, and every write the page makes."""

    def __init__(self, conn: sqlite3.Connection, today: Callable[[], dt.date] = dt.date.today,
                 tr: Translator | None = None):
        self.conn = conn
        self.tr = tr or Translator("en")
        self._today = today
        self.filter = terms.ContactFilter()
        self._frame: pd.DataFrame | None = None
        self._targets: pd.DataFrame | None = None
        self._introductions: pd.DataFrame | None = None
        self._people_of: pd.DataFrame | None = None
        self._last_bulk: store.TagSnapshot | None = None
        self._people: PeopleIndex | None = None

    @property
    def today(self) -> dt.date:
        return self._today()

    # ------------------------------------------------------------ reading
    # The frame (30,000 rows read and folded for search: seconds) and the links are read
    # when first asked for, so the map's first view (`map_overview`, a few SQL counts) does
    # not wait for them.

    @property
    def frame(self) -> pd.DataFrame:
        """Contacts frame (`workbook.domain.network`), sorted by name."""
        if self._frame is None:
            self._frame = self._sorted(_rules().prepare_frame(store.contacts_frame(self.conn)))
            self.introductions     # noqa: B018 (read with the frame: see `_after_link_change`)
        return self._frame

    @property
    def targets(self) -> pd.DataFrame:
        """`store.targets_frame`."""
        if self._targets is None:
            self._targets = store.targets_frame(self.conn)
        return self._targets

    @property
    def introductions(self) -> pd.DataFrame:
        """`store.introductions_frame`."""
        if self._introductions is None:
            self._introductions = store.introductions_frame(self.conn)
        return self._introductions

    def reload(self) -> None:
        """Everything from the store (after an import, an undo, a merge, a bulk change):
        read again when next asked for."""
        self._frame = None
        self._reload_links()

    def _reload_links(self) -> None:
        self._targets = self._introductions = None
        if self._frame is not None:    # the introducers the frame was computed with
            self._introductions = store.introductions_frame(self.conn)

    def map_overview(self) -> MapOverview:
        """The map's first view, counted in SQL (the frame is not read)."""
        return MapOverview(contact_store.target_count(self.conn),
                           layer_counts(self.conn),
                           contact_store.layer_role_counts(self.conn))

    def chart_data(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """What the map's interactive charts are drawn from: frame, introductions, coverage."""
        return self.frame, self.introductions, self.coverage()

    @staticmethod
    def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.sort_values(["search_key", "id"], kind="stable").reset_index(drop=True)

    def refresh_contacts(self, ids: list[int]) -> None:
        """Re-read only these contacts (after an edit); rows gone from the store are dropped.

        Rows whose name key did not move are overwritten in place, so the common edits
        (layer, roles, ties, a bulk tag) skip re-sorting 30,000 rows.
        """
        import pandas as pd

        ids = sorted({int(i) for i in ids})
        if not ids or self._frame is None:     # not read yet: it will be read fresh
            return
        fresh = _rules().prepare_frame(store.contacts_frame_for(self.conn, ids))
        gone = set(ids) - set(fresh["id"].tolist())
        frame = self.frame[~self.frame["id"].isin(list(gone))].reset_index(drop=True) \
            if gone else self.frame
        where = pd.Index(frame["id"]).get_indexer(fresh["id"])
        known = where >= 0
        in_place = known.copy()
        in_place[known] = (frame["search_key"].to_numpy()[where[known]]
                           == fresh["search_key"].to_numpy()[known])
        if in_place.any():
            rows, updates = where[in_place], fresh[in_place]
            frame = frame.copy()
            for column in frame.columns:
                frame.iloc[rows, frame.columns.get_loc(column)] = updates[column].array
        moved = fresh[~in_place]
        if len(moved):
            frame = self._sorted(pd.concat([frame[~frame["id"].isin(moved["id"].tolist())],
                                            moved], ignore_index=True))
        self._frame = frame

    def filtered(self) -> pd.DataFrame:
        return _rules().filter_contacts(self.frame, self.filter)

    def ranking(self, top: int = 20, use_filter: bool = False) -> pd.DataFrame:
        frame = self.filtered() if use_filter else self.frame
        return _rules().rank_contacts(frame, self.today, top=top)

    def coverage(self) -> pd.DataFrame:
        return _rules().target_coverage(self.targets, self.frame, self.introductions)

    def row(self, contact_id: int) -> pd.Series | None:
        rows = self.frame[self.frame["id"] == contact_id]
        return rows.iloc[0] if len(rows) else None

    def find_people(self, text: str, limit: int) -> tuple[list[tuple[str, int]], int]:
        """(label, id) of the contacts whose name or organisation holds every word of
        `text`, best first, at most `limit`; and how many matched (`find_people`)."""
        from workbook.domain.people_search import PeopleIndex

        if self._people_of is not self.frame:    # keyed once per frame, not per keystroke
            frame = self.frame
            self._people = PeopleIndex(frame["id"], frame["full_name"], frame["organisation"])
            self._people_of = frame
        found, total = self._people.find(text, limit)
        return [(person_label(self.tr, p.name, p.organisation), p.id) for p in found], total

    def person_option(self, contact_id: int) -> tuple[str, int] | None:
        row = self.row(contact_id)
        return None if row is None else (
            person_label(self.tr, row["full_name"], row["organisation"]), int(contact_id))

    def details(self, contact_id: int) -> dict | None:
        """Every field of one contact as the editor shows it (`store.contact_details`)."""
        return store.contact_details(self.conn, contact_id)

    def interaction_count(self, contact_id: int) -> int:
        return store.interaction_count(self.conn, contact_id)

    def organisation_names(self, limit: int = 300) -> list[str]:
        return store.organisation_names(self.conn, limit=limit)

    def bright_people(self) -> list[dict]:
        return store.bright_people(self.conn)

    def intelligence_log(self, limit: int) -> list[dict]:
        return store.intelligence_log(self.conn, limit)

    def export(self, fmt: str, profile: str, progress, role_label):
        """The contacts as a download (`workbook.services.exports.download`): a read."""
        return download(self.conn, fmt, profile=profile, progress=progress,
                        role_label=role_label)

    # ------------------------------------------------------------ writing

    def new_contact(self, full_name: str) -> int:
        contact = contact_store.add_contact(self.conn, full_name.strip())
        self.refresh_contacts([contact])
        return contact

    def save_contact(self, contact_id: int, **changes) -> None:
        store.update_contact(self.conn, contact_id, **changes)
        self.refresh_contacts([contact_id])

    def erase_contact(self, contact_id: int) -> None:
        """Erase a contact with its interactions, notes, introductions and exercise entries
        (its introductions were its own: no other row of the frame changes)."""
        contact_store.delete_contact(self.conn, contact_id)
        self._reload_links()
        self.refresh_contacts([contact_id])

    def bulk_role(self, role: str) -> int:
        """Give `role` to the filtered list; the contacts it changed can be put back
        (`undo_bulk`)."""
        ids = _rules().bulk_tag_ids(self.frame, self.filter, role)
        changed, snapshot = store.bulk_add_role(self.conn, ids, role)
        self._remember_bulk(snapshot)
        return changed

    def bulk_layer(self, layer: str) -> int:
        """Move the filtered list to `layer`; undone by `undo_bulk`."""
        ids = _rules().bulk_layer_ids(self.frame, self.filter, layer)
        changed, snapshot = store.bulk_set_layer(self.conn, ids, layer)
        self._remember_bulk(snapshot)
        return changed

    def _remember_bulk(self, snapshot: store.TagSnapshot) -> None:
        """A tagging that changed no one leaves the undo as it was."""
        if snapshot.rows:
            self._last_bulk = snapshot
            self.refresh_contacts([row[0] for row in snapshot.rows])

    def undo_bulk(self) -> int | None:
        """Put back the roles and layers the last bulk tagging changed (one transaction);
        None when there is nothing to undo (none since the page opened, or undone already)."""
        snapshot, self._last_bulk = self._last_bulk, None
        if snapshot is None:
            return None
        restored = store.restore_tags(self.conn, snapshot)
        self.refresh_contacts([row[0] for row in snapshot.rows])
        return restored

    def log_contact(self, contact_id: int, kind: str) -> None:
        contact_store.log_interaction(self.conn, contact_id, self.today.isoformat(), kind)
        self.refresh_contacts([contact_id])

    def _introducers(self) -> list[int]:
        return self.introductions["introducer_id"].tolist()

    def _after_link_change(self, extra: list[int] = ()) -> None:
        """Targets and introductions changed: `at_target`/`introduces_to_target` may move."""
        if self._frame is None:            # nothing read yet: nothing to correct
            self._reload_links()
            return
        before = set(self._introducers())
        self._reload_links()
        target_orgs = self.targets["organisation_id"].tolist()
        at_target_now = self.frame["organisation_id"].isin(target_orgs).fillna(False)
        moved = self.frame.loc[at_target_now.astype(bool) != self.frame["at_target"], "id"]
        self.refresh_contacts(sorted(before | set(self._introducers()) | set(moved) | set(extra)))

    def save_target(self, name: str, **lamp) -> list[tuple[str, int]]:
        """Save the target; the differently named organisations it counts, with their
        contacts (`store.target_matches`), for the user to be told."""
        store.save_target(self.conn, name, **lamp)
        self._after_link_change()
        return store.target_matches(self.conn, name)

    def drop_target(self, organisation_id: int) -> None:
        store.drop_target(self.conn, organisation_id)
        self._after_link_change()

    def add_introduction(self, introducer_id: int, organisation: str, person: str = "") -> None:
        store.add_introduction(self.conn, introducer_id, organisation, person)
        self._after_link_change([introducer_id])

    def delete_introduction(self, introduction_id: int) -> None:
        store.delete_introduction(self.conn, introduction_id)
        self._after_link_change()

    # ------------------------------------------------------------ exercises

    def add_bright_person(self, name: str, why: str) -> str | None:
        """Add one of "the three brightest people I know"; a problem code if refused."""
        problem = terms.bright_person_problem(name, len(store.bright_people(self.conn)))
        if problem is None:
            store.add_bright_person(self.conn, name, why)
        return problem

    def delete_bright_person(self, person_id: int) -> None:
        store.delete_bright_person(self.conn, person_id)

    def log_intelligence(self, question: str, answer: str) -> None:
        store.log_intelligence(self.conn, self.today.isoformat(), question, answer)

    # ------------------------------------------------------------ imports (workbook.io)

    def import_file(self, path, file_name: str, progress=None):
        """Import one file whole: the `ImportReport`, or the `ImportFileError` that refused
        it (then nothing changed)."""
        from workbook.services.imports import import_file  # importers loaded on first use

        try:
            report = import_file(self.conn, path, progress=progress, file_name=file_name)
        except ImportFileError as problem:
            return problem
        self.reload()
        return report

    def import_batches(self) -> list[dict]:
        """Past imports, newest first (columns of `workbook.store.batches.list_batches`)."""
        return batch_store.list_batches(self.conn).to_dict("records")

    def undo_import(self, batch_id: int) -> int:
        removed = batch_store.undo_import(self.conn, batch_id)
        self.reload()
        return removed

    def merge_candidates(self) -> list[tuple[int, int, str]]:
        """Pairs (first_id, second_id, reason) that may be one person, never merged unasked."""
        return [tuple(c) for c in merge_store.merge_candidates(self.conn)]

    def merge_proposals(self, limit: int) -> list[MergeProposal]:
        """The first `limit` merge candidates whose two contacts are both still here, each
        with both records and the fields on which they differ."""
        proposals = []
        for first, second, reason in self.merge_candidates()[:limit]:
            a, b = self.details(first), self.details(second)
            if a is not None and b is not None:
                proposals.append(MergeProposal(a, b, reason, merge_differences(a, b)))
        return proposals

    def merge(self, keep_id: int, drop_id: int) -> None:
        merge_store.merge_contacts(self.conn, keep_id, drop_id)
        self._reload_links()
        self.refresh_contacts([keep_id, drop_id])

    def refuse_merge(self, first_id: int, second_id: int) -> None:
        merge_store.dismiss_merge(self.conn, first_id, second_id)
