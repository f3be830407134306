"""What every page shares: its context (profile, language), a header, a status line,
and the guard that turns a callback's exception into a sentence for the user."""

from __future__ import annotations

import base64
import functools
import logging
import os
import sqlite3
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.domain.errors import CodedError
from workbook.escaping import escape_html
from workbook.i18n import Translator, choose_language, normalise_language
from workbook.paths import DEFAULT_PROFILE, data_home
from workbook.store import NewerSchemaError, is_busy, open_profile
from workbook.store.settings import get_setting, set_setting
from workbook.ui.glossary import glossary_link, glossary_section

log = logging.getLogger("workbook.ui")
callback_log = logging.getLogger("workbook.ui.callbacks")   # a button or field that failed

# Pages in menu order: (key, notebook file). Inside the app a page's address is `#key`
# (`page_link`); its notebook opens the app on it.
PAGES = (
    ("positioning", "positioning.ipynb"),
    ("network", "network.ipynb"),
    ("press", "press.ipynb"),
    ("routines", "routines.ipynb"),
    ("group", "group.ipynb"),
)

_STYLE = """<style>
.wb-page {max-width: 1100px; margin: 0 auto; font-size: 15px;}
.wb-header h2 {margin: 0.2em 0; font-size: 1.6em;}
.wb-nav {display: flex; flex-wrap: wrap; gap: 0.2em 1.1em; padding-bottom: 0.35em;
  border-bottom: 1px solid #e0e0e0;}
.wb-nav .wb-nav-here {color: #222; border-bottom: 3px solid #1565c0;}
.wb-nav .wb-glossary-link {margin-left: auto;}
.wb-page a[href] {color: #1565c0; text-decoration: underline; font-weight: 600;}
.wb-page a[href]:hover {color: #0d47a1;}
.wb-status-info {color: #1b5e20;} .wb-status-error {color: #b71c1c; font-weight: 600;}
.wb-table {border-collapse: collapse; margin: 0.4em 0; font-size: 0.92em;}
.wb-table th, .wb-table td {border-bottom: 1px solid #e0e0e0; padding: 3px 8px; text-align: left;
  vertical-align: top;}
.wb-table th {background: #f5f5f5;}
.wb-coaching {background: #f1f8e9; border-left: 4px solid #7cb342; padding: 0.4em 0.8em;
  margin: 0.4em 0 0.8em 0;}
.wb-muted {color: #666;} .wb-card {border: 1px solid #ddd; border-radius: 6px; padding: 0.6em 1em;}
.wb-page a.wb-term-help {display: inline-block; min-width: 1.2em; height: 1.2em; line-height: 1.2em;
  margin-left: 0.15em; border-radius: 50%; background: #e3f2fd; color: #1565c0;
  text-decoration: none; font-size: 0.72em; font-weight: 700; text-align: center;
  vertical-align: super; cursor: help;}
.wb-glossary {margin-top: 1.5em; border-top: 1px solid #ddd; padding-top: 0.5em;}
.wb-glossary summary {cursor: pointer; font-weight: 600;}
.wb-glossary dt {font-weight: 700; margin-top: 0.6em;} .wb-glossary dd {margin: 0.1em 0 0 1em;}
/* Narrow windows: rows wrap, nothing is wider than the page, tables scroll in their own box,
   tab labels wrap onto a second line instead of being cut. */
.wb-page {min-width: 0;}
.wb-page .widget-hbox {flex-wrap: wrap;}
.wb-page .widget-hbox > .widget-html {flex: 1 1 12em; min-width: 0;}
.wb-page .jupyter-widgets {max-width: 100%;}
.wb-page .widget-inline-hbox {min-width: 0;}
.wb-page .widget-inline-hbox .widget-label {flex-shrink: 1; min-width: 0;}
.wb-page table {display: block; max-width: 100%; overflow-x: auto;}
.wb-page .widget-html-content {max-width: 100%; overflow-wrap: anywhere;}
.wb-page th, .wb-page td {overflow-wrap: normal; min-width: 3em;}
.wb-page .widget-tab > .lm-TabBar .lm-TabBar-content {flex-wrap: wrap;}
.wb-page .widget-tab > .lm-TabBar .lm-TabBar-tab {flex: 0 0 auto; min-width: 0; max-width: none;}
.wb-page .widget-tab > .lm-TabBar .lm-TabBar-tabLabel {overflow: visible; text-overflow: clip;}
.wb-page .js-plotly-plot, .wb-page .plot-container {max-width: 100%;}
/* The page is never wider than the window: a field of a fixed width (a 32em text box)
   is cut at the edge of its tab instead of pushing the tab bar, the links and every line
   beside it out of a phone's screen. */
.wb-page {max-width: min(1100px, 100%);}
@media (max-width: 600px) {
  .wb-page {font-size: 14px;}
  .wb-page .jupyter-widgets {--jp-widgets-inline-label-width: 100%;}
  .wb-page .widget-inline-hbox {flex-wrap: wrap; height: auto;}  /* a label above its field */
  .wb-page .widget-inline-hbox > .widget-label {text-align: left;}
}
</style>"""


@dataclass
class PageContext:
    """One page's view of one profile, in one language. Built once per kernel."""

    profile: str
    conn: sqlite3.Connection
    tr: Translator

    @property
    def lang(self) -> str:
        return self.tr.lang

    def set_language(self, lang: str) -> None:
        """Remember the choice in the profile, so every page opens in it."""
        set_setting(self.conn, "lang", normalise_language(lang))
        self.tr = Translator(lang)


def open_page_context(profile: str | None = None, lang: str | None = None) -> PageContext:
    """Profile from `WORKBOOK_PROFILE` (set by `workbook serve`), language from the profile's
    saved choice, else `WORKBOOK_LANG`, else French."""
    profile = profile or os.environ.get("WORKBOOK_PROFILE") or DEFAULT_PROFILE
    conn = open_profile(profile)
    return PageContext(profile=profile, conn=conn,
                       tr=Translator(choose_language(lang, get_setting(conn, "lang"))))


def build_page(make_view: Callable[[PageContext], ipw.Widget], profile: str | None = None,
               lang: str | None = None) -> ipw.Widget:
    """Open the served profile and build a page on it. A profile that cannot be opened (written
    by a newer workbook, or not a profile at all) gives the user a sentence, never a failed cell;
    the file is left untouched."""
    try:
        ctx = open_page_context(profile, lang)
    except NewerSchemaError:
        key = "common.error_newer_schema"
    except sqlite3.DatabaseError as problem:
        log.exception("profile could not be opened")
        key = "common.error_profile_busy" if is_busy(problem) else "common.error_profile_unreadable"
    else:
        return make_view(ctx)
    tr = Translator(choose_language(lang))
    return ipw.HTML(html_text(tr(key), "p", "wb-status-error"))


def html_text(text: object, tag: str = "span", css_class: str = "") -> str:
    """User text wrapped in one tag, escaped."""
    cls = f' class="{escape_html(css_class)}"' if css_class else ""
    return f"<{tag}{cls}>{escape_html(text)}</{tag}>"


class Markup(str):
    """Text that is already HTML, built with `escape_html` around every user part."""


def table_html(headers: Sequence[str], rows: Iterable[Sequence[object]], css: str = "",
               keys: Iterable[object] | None = None) -> str:
    """An HTML table; every cell is escaped unless it is `Markup`. With `keys` (one per
    row), each row carries its key (`data-key`) and can be reached with the keyboard: a
    `RowTable` shows such a table and says which row was clicked."""
    def cell(value: object) -> str:
        return value if isinstance(value, Markup) else escape_html(value)

    def opening(key: object) -> str:
        return "<tr>" if key is None else f'<tr data-key="{escape_html(key)}" tabindex="0">'

    head = "".join(f"<th>{escape_html(h)}</th>" for h in headers)
    rows = list(rows)
    keys = [None] * len(rows) if keys is None else list(keys)
    body = "".join(opening(key) + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>"
                   for key, row in zip(keys, rows))
    return (f'<table class="wb-table {escape_html(css)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def download_link(content: bytes | str, filename: str, mime: str, label: str,
                  css_class: str = "wb-download") -> str:
    """An `<a download>` carrying the file in a data: URL (base64: nothing to escape), so a
    page offers a file without any server endpoint."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    payload = base64.b64encode(data).decode("ascii")
    return (f'<a class="{escape_html(css_class)}" download="{escape_html(filename)}" '
            f'href="data:{escape_html(mime)};charset=utf-8;base64,{payload}">'
            f"{escape_html(label)}</a>")


def coaching(text: str, *classes: str) -> ipw.HTML:
    """One coaching sentence from the method, set apart at the top of a tab or section."""
    box = ipw.HTML(html_text(text, "div", "wb-coaching"))
    for css in classes:
        box.add_class(css)
    return box


class StatusLine(ipw.HTML):
    """One line that says what just happened, or what went wrong and what to do."""

    def show(self, message: str, error: bool = False) -> None:
        self.value = html_text(message, "div", "wb-status-error" if error else "wb-status-info")

    def clear(self) -> None:
        self.value = ""


def status_line(*classes: str) -> StatusLine:
    """A status line with these CSS classes, to place right beside a group of buttons: what
    the user pressed answers where they are looking, even at the bottom of a long tab."""
    line = StatusLine()
    for css in classes:
        line.add_class(css)
    return line


def error_sentence(tr: Translator, problem: CodedError) -> str:
    """What a refused action says: the catalogue's sentence for each of its codes."""
    values = {"detail": problem.detail, **problem.values}
    return " ".join(tr(key, **values) for key in problem.keys)


def act(status: StatusLine, tr: Translator, action: Callable[..., str | None], *args,
        message_key: str = "common.error_generic") -> bool:
    """Run what a button or a field asked for and answer beside it: the action's message (or
    nothing); the sentence of a `CodedError` it raised (nothing was written); for anything
    unexpected, a generic sentence while the traceback goes to the log, never to the user.
    True when the action went through."""
    try:
        message = action(*args)
    except Exception as problem:
        _refuse(tr, status, problem, getattr(action, "__name__", "action"), message_key)
        return False
    if message:
        status.show(message)
    else:
        status.clear()
    return True


def guarded(ctx: PageContext, status: StatusLine, message_key: str = "common.error_generic"):
    """Decorate a callback that answers on its own: a refusal or a failure becomes a sentence
    on `status` as in `act`, never a traceback; what it showed when it went through stays."""

    def decorate(callback: Callable) -> Callable:
        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            try:
                return callback(*args, **kwargs)
            except Exception as problem:
                _refuse(ctx.tr, status, problem, callback.__name__, message_key)
                return None

        return wrapper

    return decorate


def _refuse(tr: Translator, status: StatusLine, problem: Exception, what: str,
            message_key: str) -> None:
    if isinstance(problem, CodedError):
        status.show(error_sentence(tr, problem), error=True)
        return
    log_failure(what)
    busy = isinstance(problem, sqlite3.DatabaseError) and is_busy(problem)
    status.show(tr("common.error_busy" if busy else message_key), error=True)


def log_failure(what: str) -> None:
    """Log the exception being handled, with its traceback, and keep it in the profile's log
    file for whoever helps the user; the page shows only a sentence."""
    callback_log.exception("%s failed", what)
    try:
        folder = data_home() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "workbook.log", "a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc() + "\n")
    except OSError:
        pass


def page_link(key: str) -> str:
    """The address of page `key` inside the app: its fragment (the app opens it, the
    browser's back button comes back)."""
    return f"#{key}"


def _page_links(tr: Translator, page_key: str) -> str:
    """Home and every page, the open one marked (not a link): the app's menu."""
    links = []
    for key in ("home", *(key for key, _notebook in PAGES)):
        label = escape_html(tr("common.home") if key == "home" else tr(f"home.page.{key}"))
        links.append(f'<b class="wb-nav-here" aria-current="page">{label}</b>' if key == page_key
                     else f'<a href="{page_link(key)}">{label}</a>')
    return "".join(links)


def page_header(ctx: PageContext, page_key: str, home_link: bool = True) -> ipw.HTML:
    """Title, subtitle, a way back home and to the glossary; `page_key` names
    `<page>.title`/`<page>.subtitle`."""
    tr = ctx.tr
    nav = f'<nav class="wb-nav">{_page_links(tr, page_key) if home_link else ""}' \
          f'{glossary_link(tr)}</nav>'
    return ipw.HTML(
        _STYLE + f'<div class="wb-header">{nav}<h2>{escape_html(tr(page_key + ".title"))}</h2>'
        f'<p class="wb-muted">{escape_html(tr(page_key + ".subtitle"))}</p></div>')


def page_shell(ctx: PageContext, page_key: str, *body: ipw.Widget,
               status: StatusLine | None = None, home_link: bool = True) -> ipw.VBox:
    """The page: header, status line, body and the glossary — in one box the notebook displays."""
    parts = ([page_header(ctx, page_key, home_link)] + ([status] if status else []) + list(body)
             + [glossary_section(ctx.tr)])
    box = ipw.VBox(parts)
    box.add_class("wb-page")
    return box


def refresh_figure(widget: go.FigureWidget, fresh: go.Figure) -> None:
    """Update a drawn chart in place from a freshly built figure: only the trace properties
    that changed, plus the layout's title, height and annotations (re-validating a whole
    layout, template included, costs ~100 ms per chart). A different number of traces
    replaces them all."""
    with widget.batch_update():
        if len(widget.data) != len(fresh.data):
            widget.data = ()
            widget.add_traces(fresh.data)
        else:
            for live, new in zip(widget.data, fresh.data):
                current = live.to_plotly_json()
                changed = {key: value for key, value in new.to_plotly_json().items()
                           if key not in ("type", "uid") and not _same(current.get(key), value)}
                if changed:
                    live.update(changed, overwrite=True)
        widget.layout.title.text = fresh.layout.title.text
        widget.layout.height = fresh.layout.height
        for live, new in zip(widget.layout.annotations, fresh.layout.annotations):
            live.text = new.text


def _same(old: object, new: object) -> bool:
    try:
        if isinstance(new, dict):     # a nested property (marker, line): compare its values
            return isinstance(old, dict) and old.keys() == new.keys() and all(
                _same(old[key], new[key]) for key in new)
        return bool(old == new) if not hasattr(new, "__len__") or isinstance(new, str) \
            else list(old) == list(new)
    except (TypeError, ValueError):
        return False


def person_label(tr: Translator, name: object, organisation: object = "") -> str:
    """A person as pickers and lists show them: "Name — Organisation", or the name alone."""
    name, organisation = str(name or ""), str(organisation or "")
    return tr("common.person_label", name=name, organisation=organisation) if organisation \
        else name
