"""The app's state: which page is open and the pages built so far. A page is built on its
first visit and kept; opening it again shows it as it is, unless the profile moved since it
was drawn (another page or another program wrote to it), in which case it is refreshed first.

Each page works on its own connection to the profile, so SQLite's `data_version` on that
connection moves exactly when someone else wrote: one cheap read per visit, no re-read of
the data to find out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from workbook.i18n import Translator, normalise_language
from workbook.store.db import data_version
from workbook.store.settings import get_setting
from workbook.ui.common import PageContext
from workbook.ui.lazy import LazyViews


@dataclass
class BuiltPage:
    """A page as drawn: its context, the page object (widgets in `.view`) and the
    profile's `data_version` on the page's connection when it was last drawn."""

    ctx: PageContext
    page: object
    version: int = field(default=0)
    saved_lang: str | None = None

    @property
    def view(self):
        return self.page.view

    def moved(self) -> bool:
        return data_version(self.ctx.conn) != self.version

    def drawn(self) -> None:
        self.version = data_version(self.ctx.conn)
        self.saved_lang = get_setting(self.ctx.conn, "lang")

    def language_moved(self) -> str | None:
        """The language chosen (on the home page) since this page was drawn, if it changed."""
        saved = get_setting(self.ctx.conn, "lang")
        return normalise_language(saved) if saved and saved != self.saved_lang else None


class AppState:
    """Pages `keys`, built by `make(key, ctx)` on a context from `open_context(key)`.
    `on_built(key, built)` is told when a page's widgets are new (first visit, or built
    again), so whoever shows them can swap them in."""

    def __init__(self, keys: Sequence[str], open_context: Callable[[str], PageContext],
                 make: Callable[[str, PageContext], object],
                 on_built: Callable[[str, BuiltPage], None] = lambda key, built: None):
        self._open_context, self._make, self._on_built = open_context, make, on_built
        self.built: dict[str, BuiltPage] = {}
        self.builds: dict[str, int] = dict.fromkeys(keys, 0)      # how often each was built
        self.refreshes: dict[str, int] = dict.fromkeys(keys, 0)
        self.views = LazyViews({key: (lambda key=key: self._draw(key)) for key in keys},
                               moved=lambda key: self.built[key].moved())

    @property
    def current(self) -> str | None:
        return self.views.current

    def go(self, key: str) -> BuiltPage:
        """Open page `key`: built on its first visit, refreshed if the profile moved since
        it was drawn, else shown as it is."""
        self.views.open(key)
        return self.built[key]

    def _draw(self, key: str) -> None:
        built = self.built.get(key)
        language = built.language_moved() if built is not None else None
        if built is not None and hasattr(built.page, "reload") and not language:
            built.page.reload()
            self.refreshes[key] += 1
        else:
            ctx = built.ctx if built is not None else self._open_context(key)
            if language:
                ctx.tr = Translator(language)
            built = BuiltPage(ctx, self._make(key, ctx))
            self.builds[key] += 1
            self.built[key] = built
            self._on_built(key, built)
        built.drawn()
