"""Group page, Cards tab: import progress cards (file, pasted text, drop folder), see
everyone's progress side by side and over sessions, and who has not sent a card."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as ipw

from workbook.domain.progress_card import ProgressCard, routine_adherence
from workbook.i18n.dates import format_date
from workbook.i18n.numbers import format_list, format_percent
from workbook.ui.common import Markup, StatusLine, html_text, table_html
from workbook.ui.glossary import glossed_coaching
from workbook.ui.group.widgets import button

CONNECTOR_ROLES = ("connector", "prescriber")
SHOWN_LINES = 50       # result lines and file names listed; past that, how many more


def card_summary(card: ProgressCard) -> dict:
    """The figures a coach compares: focus score, contacts, connectors and prescribers,
    routine adherence (0–1), press level, targets and introductions (None when not shared)."""
    sections = card.sections
    positioning = sections.get("positioning", {})
    network = sections.get("network", {})
    roles = network.get("by_role", {})
    routine = sections.get("routine")
    return {
        "one_liner": positioning.get("one_liner"),
        "focus": positioning.get("focus_score"),
        "contacts": network.get("total"),
        "connectors": sum(roles.get(r, 0) for r in CONNECTOR_ROLES) if network else None,
        "adherence": routine_adherence(routine.get("weeks", [])) if routine else None,
        "press": sections.get("press", {}).get("level"),
        "targets": sections.get("targets"),
        "introductions": sections.get("introductions"),
    }


def _pct(value: float | None, lang: str) -> str:
    return "—" if value is None else format_percent(value, lang)


def _value(value) -> str:
    return "—" if value is None else str(value)


class CardsPanel:
    """Import cards, say who sent the ones the roster does not know yet, compare them."""

    def __init__(self, tr, lang: str, *,
                 on_import: Callable[[list[tuple[bytes | str, str]]], None],
                 on_look_in_drop: Callable[[], None] | None,
                 on_import_dropped: Callable[[], None] | None,
                 on_place: Callable[[int, object], None], on_skip: Callable[[int], None]):
        self.tr, self.lang = tr, lang
        self._on_place, self._on_skip = on_place, on_skip
        self.status = StatusLine()
        self.status.add_class("wb-group-cards-status")
        self.results = ipw.HTML()
        self.results.add_class("wb-group-card-results")
        self.waiting = ipw.VBox()
        self.waiting.add_class("wb-group-waiting")
        self.upload = ipw.FileUpload(accept=".json,.txt", multiple=True,
                                     description=tr("group.cards.choose"),
                                     layout=ipw.Layout(width="auto"))
        self.upload.add_class("wb-group-card-upload")
        self.upload.observe(lambda c: self._on_upload(c["new"], on_import), names="value")
        self.paste = ipw.Textarea(placeholder=tr("group.cards.paste_placeholder"),
                                  layout=ipw.Layout(width="95%", height="6em"))
        self.paste.add_class("wb-group-card-paste")
        paste_button = button(tr("group.cards.import_pasted"), "wb-group-card-paste-import",
                               lambda: self._on_paste(on_import))
        drop_parts: list[ipw.Widget] = []
        self.dropped = ipw.HTML()
        self.dropped.add_class("wb-group-dropped")
        if on_look_in_drop is not None:
            drop_parts = [
                ipw.HTML(f"<h4>{html_text(tr('group.cards.drop_title'))}</h4>"),
                ipw.HBox([button(tr("group.cards.drop_look"), "wb-group-drop-look",
                                  on_look_in_drop),
                          button(tr("group.cards.drop_import"), "wb-group-drop-import",
                                  on_import_dropped, "primary")]), self.dropped]
        self.missing = ipw.HTML()
        self.missing.add_class("wb-group-missing")
        self.side_by_side = ipw.HTML()
        self.side_by_side.add_class("wb-group-side-by-side")
        self.over_time = ipw.HTML()
        self.over_time.add_class("wb-group-over-time")
        self.view = ipw.VBox([
            glossed_coaching(tr, tr("group.cards.coaching"), ("one_liner",)),
            ipw.HTML(html_text(tr("group.cards.help"), "p")),
            self.upload, self.paste, paste_button, self.status, self.results, self.waiting,
            *drop_parts, self.missing,
            ipw.HTML(f"<h4>{html_text(tr('group.cards.side_title'))}</h4>"), self.side_by_side,
            ipw.HTML(f"<h4>{html_text(tr('group.cards.over_title'))}</h4>"), self.over_time])

    def _on_upload(self, files, on_import) -> None:
        if not files:
            return
        try:     # every file picked at once is one import with one result line per file
            on_import([(bytes(upload["content"]), str(upload["name"])) for upload in files])
        finally:
            self.upload.value = ()

    def _on_paste(self, on_import) -> None:
        text = self.paste.value
        on_import([(text, self.tr("group.cards.pasted"))])
        self.paste.value = ""

    def show_results(self, lines: Sequence[tuple[str, str, bool]]) -> None:
        """One line per file: (its name, what happened, whether it was refused); past
        SHOWN_LINES lines, only how many more were refused."""
        shown = [f'<li class="{"wb-status-error" if refused else "wb-status-info"}">'
                 f"{html_text(source, 'b')} — {html_text(text)}</li>"
                 for source, text, refused in lines[:SHOWN_LINES]]
        more = len(lines) - SHOWN_LINES
        if more > 0:
            shown.append(html_text(self.tr.count("group.cards.more_lines", more), "li"))
        self.results.value = f'<ul class="wb-card-results">{"".join(shown)}</ul>' \
            if shown else ""

    def show_dropped(self, names: Sequence[str]) -> None:
        tr = self.tr
        listed = "".join(html_text(n, "li") for n in names[:SHOWN_LINES])
        if len(names) > SHOWN_LINES:
            listed += html_text(tr.count("group.cards.more_files", len(names) - SHOWN_LINES),
                                "li")
        self.dropped.value = html_text(tr.count("group.cards.drop_found", len(names)), "p") \
            + (f"<ul>{listed}</ul>" if names else "")

    def show_pending(self, pending: Sequence, names: dict[int, str],
                     roster: list[dict]) -> None:
        """A row per card waiting for the coach: who it says it is from, the choice of
        member (close names first, then a new member, then everyone else), and its
        buttons."""
        tr = self.tr
        for old in self.waiting.children:
            old.close()
        rows: list[ipw.Widget] = []
        if pending:
            rows.append(ipw.HTML(f"<h4>{html_text(tr('group.cards.waiting_title'))}</h4>"
                                 + html_text(tr("group.cards.waiting_help"), "p", "wb-muted")))
        for index, waiting in enumerate(pending):
            rows.append(self._pending_row(index, waiting, names, roster))
        self.waiting.children = rows

    def _pending_row(self, index: int, waiting, names: dict[int, str],
                     roster: list[dict]) -> ipw.Widget:
        tr = self.tr
        name = waiting.card.participant
        if waiting.code == "card_id_taken":
            holder = waiting.holder["display_name"]
            said = tr("group.cards.waiting_taken", name=name, holder=holder)
            options = [(tr("group.cards.choice_holder", name=holder), waiting.holder["id"])]
        else:
            said = tr("group.cards.waiting_unknown", name=name)
            close = [pid for pid in waiting.suggestions if pid in names]
            others = [p["id"] for p in roster if p["id"] not in close]
            options = [(tr("group.cards.choice_close", name=names[pid]), pid) for pid in close]
            options.append((tr("group.cards.choice_new", name=name), "new"))
            options += [(names[pid], pid) for pid in others]
        if waiting.sender:
            said += " " + tr("group.cards.waiting_sender", user=waiting.sender)
        text = ipw.HTML(f"{html_text(waiting.source, 'b')} — {html_text(said)}")
        text.add_class("wb-group-waiting-text")
        choice = ipw.Dropdown(options=options, value=options[0][1],
                              description=tr("group.cards.choice"),
                              style={"description_width": "initial"},
                              layout=ipw.Layout(width="auto", max_width="100%"))
        choice.add_class("wb-group-waiting-choice")
        place = button(tr("group.cards.place"), "wb-group-waiting-place",
                        lambda: self._on_place(index, None if choice.value == "new"
                                               else choice.value), "primary")
        skip = button(tr("group.cards.skip"), "wb-group-waiting-skip",
                       lambda: self._on_skip(index))
        row = ipw.VBox([text, ipw.HBox([choice, place, skip])])
        row.add_class("wb-group-waiting-row")
        return row

    def show(self, names: dict[int, str], roster: list[dict], missing: list[int],
             latest: dict[int, ProgressCard], history: list[tuple[dict, ProgressCard]],
             sessions: list[dict]) -> None:
        tr = self.tr
        self.missing.value = html_text(
            tr("group.cards.missing", names=format_list([names[p] for p in missing], self.lang))
            if missing else tr("group.cards.none_missing"), "p", "wb-muted")
        rows = []
        for person in roster:
            card = latest.get(person["id"])
            if card is None:
                continue
            s = card_summary(card)
            rows.append((person["display_name"], _value(s["focus"]), s["one_liner"] or "—",
                         _value(s["contacts"]), _value(s["connectors"]),
                         _pct(s["adherence"], self.lang),
                         tr(f"group.press.{s['press']}") if s["press"] else "—",
                         format_list(s["targets"], self.lang) or "—",
                         format_list(s["introductions"], self.lang) or "—",
                         format_date(card.created, self.lang)))
        self.side_by_side.value = table_html(
            [tr("group.cards.col_name"), tr("group.cards.col_focus"),
             tr("group.cards.col_one_liner"), tr("group.cards.col_contacts"),
             tr("group.cards.col_connectors"), tr("group.cards.col_routine"),
             tr("group.cards.col_press"), tr("group.cards.col_targets"),
             tr("group.cards.col_introductions"), tr("group.cards.col_date")], rows) \
            if rows else html_text(tr("group.cards.none_yet"), "p", "wb-muted")
        self.over_time.value = self._over_time(names, roster, history, sessions)

    def _over_time(self, names, roster, history, sessions) -> str:
        """Focus score and routine adherence per session, one row per participant."""
        tr = self.tr
        by_cell = {}
        for row, card in history:
            s = card_summary(card)
            by_cell[(row["participant_id"], row["session_id"])] = Markup(
                html_text(f"{_value(s['focus'])} · {_pct(s['adherence'], self.lang)}"))
        if not by_cell:
            return html_text(tr("group.cards.none_yet"), "p", "wb-muted")
        heads = [tr("group.cards.col_name")] + [format_date(s["held_on"], self.lang)
                                                for s in sessions]
        rows = [[p["display_name"]] + [by_cell.get((p["id"], s["id"]), "·") for s in sessions]
                for p in roster]
        return html_text(tr("group.cards.over_legend"), "p", "wb-muted") + table_html(heads, rows)
