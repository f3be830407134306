"""Positioning page state: the statement being typed, its card and report, the saved versions
and their repeat-backs. The only writer to the profile for this page; plain methods a test
can call without any widget."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from workbook.domain import positioning as rules
from workbook.domain.positioning import (
    CARD_FIELDS,
    STEPS,
    Card,
    FocusReport,
    Overlong,
    RepeatBackSummary,
    Statement,
    Version,
)
from workbook.i18n import LANGUAGES, Translator
from workbook.store import positioning as store
from workbook.store.press import load_settings as load_press_settings
from workbook.store.settings import get_setting
from workbook.ui.common import PageContext

# The same card is analysed by the live feedback, the save and the version list: once is enough.
_analyse = functools.lru_cache(maxsize=64)(rules.analyze_card)


def compose(statement: Statement, lang: str) -> Card:
    """The card composed from `statement` with the catalogue's clauses in `lang`."""
    return rules.compose_card(statement, lang, Translator(lang))


class PositioningState:
    """The statement being typed, its card, its report, and the saved versions.

    Card texts follow the answers until the user edits one: a card text that still equals
    what was last composed is recomposed; an edited one stays as written.
    """

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        self.versions: list[Version] = store.list_versions(ctx.conn)
        draft = store.load_draft(ctx.conn)
        if draft is not None:
            self.statement, self.card = draft
        elif self.versions:
            self.statement, self.card = self.versions[-1].statement, self.versions[-1].card
        else:
            self.statement, self.card = Statement(), Card()
        # A card text still "follows" the answers when it equals what they compose, in any
        # language (a version saved in French, reopened in English, still follows).
        composed = [compose(self.statement, lang) for lang in LANGUAGES]
        self._following = {field: {getattr(card, field) for card in composed}
                           for field in CARD_FIELDS}
        self._draft_kept = (self.statement, self.card)

    @property
    def lang(self) -> str:
        return self.ctx.lang

    @property
    def latest(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    @property
    def report(self) -> FocusReport:
        """The focus report of the card as it stands. A length finding on a card text the
        answers composed (not edited by hand) names the step to shorten (`rules.fit`)."""
        return rules.name_the_answers(_analyse(self.card, self.lang), self.statement,
                                      self.composed_fields())

    def composed_fields(self) -> frozenset[str]:
        """The card texts that are what the answers compose, not edited by hand."""
        composed = compose(self.statement, self.lang)
        return frozenset(field for field in CARD_FIELDS if getattr(self.card, field).strip()
                         and getattr(self.card, field) == getattr(composed, field))

    def overlong_answers(self, report: FocusReport) -> dict[str, list[Overlong]]:
        """Step -> why its answer is too long for a line the report finds too long."""
        found: dict[str, list[Overlong]] = {}
        for finding in report.findings:
            if finding.code in rules.ANSWERS_CODES:
                line = finding.code.removesuffix("_answers_too_long")
                for overlong in rules.overlong_answers(self.statement, line):
                    found.setdefault(overlong.step, []).append(overlong)
        return found

    def set_step(self, name: str, value: str) -> None:
        if name not in STEPS:
            raise ValueError(f"unknown step {name!r}")
        self.statement = replace(self.statement, **{name: value or ""})
        fresh = compose(self.statement, self.lang)
        follows = {field: not getattr(self.card, field).strip()
                   or getattr(self.card, field) in self._following[field]
                   for field in CARD_FIELDS}
        self.card = Card(**{field: getattr(fresh if follows[field] else self.card, field)
                            for field in CARD_FIELDS})
        self._following = {field: {getattr(fresh, field)} for field in CARD_FIELDS}

    def set_card_text(self, name: str, value: str) -> None:
        if name not in CARD_FIELDS:
            raise ValueError(f"unknown card field {name!r}")
        self.card = replace(self.card, **{name: value or ""})

    def recompose(self) -> None:
        self.card = compose(self.statement, self.lang)
        self._following = {field: {getattr(self.card, field)} for field in CARD_FIELDS}

    def keep_draft(self) -> None:
        """Write the draft to the profile when it changed since last kept."""
        if (self.statement, self.card) != self._draft_kept:
            store.save_draft(self.ctx.conn, self.statement, self.card)
            self._draft_kept = (self.statement, self.card)

    def save_version(self) -> str:
        """'saved', 'unchanged' (same as the latest version) or 'empty' (nothing to save)."""
        if self.statement.is_blank() and self.card.is_blank():
            return "empty"
        if rules.same_content(self.statement, self.card, self.latest):
            return "unchanged"
        store.save_version(self.ctx.conn, self.statement, self.card, self.lang, self.report.score)
        self.keep_draft()
        self.versions = store.list_versions(self.ctx.conn)
        return "saved"

    def score_of(self, version: Version) -> int:
        """A version's saved score, or its score now when it was saved without one."""
        if version.score is not None:
            return version.score
        return _analyse(version.card, version.lang).score

    def scores(self) -> list[int]:
        """The score of every version, oldest first."""
        return [self.score_of(v) for v in self.versions]

    def repeat_backs(self) -> list[dict]:
        """The repeat-backs of the latest version (store rows), in the order recorded."""
        return store.list_repeat_backs(self.ctx.conn, self.latest.id) if self.latest else []

    def repeat_back_summary(self, rows: list[dict]) -> RepeatBackSummary | None:
        """What the connectors of `rows` (from `repeat_backs`) kept of the latest version."""
        if self.latest is None:
            return None
        return rules.repeat_back_summary(
            self.latest.statement, [(r["connector_name"], r["rephrasing"]) for r in rows],
            self.latest.lang)

    def connector_contacts(self) -> dict[str, int]:
        """Contacts who should hear the pitch (connectors, prescribers): name -> id."""
        return dict(store.connector_contacts(self.ctx.conn))

    def add_repeat_back(self, name: str, rephrasing: str, contact_id: int | None,
                        today: dt.date | None = None) -> str:
        """'added', or why not: 'need_version', 'need_name', 'need_text', 'need_core'."""
        if self.latest is None:
            return "need_version"
        if not (name or "").strip():
            return "need_name"
        if not (rephrasing or "").strip():
            return "need_text"
        if not self.latest.statement.has_core():
            return "need_core"
        store.add_repeat_back(self.ctx.conn, self.latest.id, " ".join(name.split()),
                              rephrasing.strip(), (today or dt.date.today()).isoformat(),
                              contact_id)
        return "added"

    def delete_repeat_back(self, repeat_back_id: int | None) -> str:
        """'deleted', or 'delete_none' when no entry of the latest version was chosen."""
        if repeat_back_id is None or repeat_back_id not in {r["id"] for r in self.repeat_backs()}:
            return "delete_none"
        store.delete_repeat_back(self.ctx.conn, repeat_back_id)
        return "deleted"

    def reach(self) -> list[tuple[str, str]]:
        """How to reach the user, as the press page saved it: (label, value) lines."""
        tr, settings = self.ctx.tr, load_press_settings(self.ctx.conn)
        return [(tr("positioning.printcard.phone"), settings.phone),
                (tr("positioning.printcard.email"), settings.email)]

    def printable_card(self, reach: list[tuple[str, str]]) -> str:
        """The card as a page to print: the statement, three key points, how to reach you
        (`reach()`, read once by the caller)."""
        # Imported when asked for: workbook.io brings pandas, which the page's first view
        # does not need (see tests/unit/test_page_imports.py).
        from workbook.io.card import pitch_card_html

        name = get_setting(self.ctx.conn, "display_name") or ""
        return pitch_card_html(self.card, rules.key_points(self.statement), reach, name,
                               self.ctx.tr, self.lang)
