"""Views drawn when first opened, marked stale when the data they show moves, and redrawn
only while open: what a page's tabs and the app's pages share. A hidden chart or table costs
nothing until someone looks at it, and coming back to a view that did not change is instant."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import ipywidgets as ipw


class LazyViews:
    """The open view among `draw`'s keys. `draw[key]()` draws view `key` (the first time and
    every time it is stale); `moved(key)`, when given, says whether the data under a drawn
    view moved since it was drawn (asked only when the view is opened again)."""

    def __init__(self, draw: Mapping[str, Callable[[], object]],
                 moved: Callable[[str], bool] | None = None):
        self._draw = dict(draw)
        self._moved = moved
        self._drawn: set[str] = set()
        self._stale: set[str] = set()
        self.current: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self._draw)

    def is_drawn(self, key: str) -> bool:
        return key in self._drawn

    def open(self, key: str) -> bool:
        """Make `key` the open view, drawing it if it never was or if it is stale. True
        when it was drawn now."""
        if key not in self._draw:
            raise KeyError(key)
        self.current = key
        return self._draw_if_needed(key)

    def mark_stale(self, *keys: str) -> None:
        """These views (all, if none named) show data that moved: the open one is redrawn
        now, the others when next opened."""
        self._stale.update(keys or self._draw)
        if self.current is not None:
            self._draw_if_needed(self.current)

    def forget(self, key: str) -> None:
        """`key` is drawn from scratch when next opened (its widgets were let go)."""
        self._drawn.discard(key)
        self._stale.discard(key)

    def _draw_if_needed(self, key: str) -> bool:
        if key in self._drawn and key not in self._stale and not (
                self._moved is not None and self._moved(key)):
            return False
        self._stale.discard(key)
        self._draw[key]()
        self._drawn.add(key)
        return True


class LazyTabs(LazyViews):
    """`LazyViews` over an `ipw.Tab` whose children are in `keys`' order: opening a tab
    (by a click or by `open`) draws it if needed."""

    def __init__(self, tabs: ipw.Tab, keys: Sequence[str],
                 draw: Mapping[str, Callable[[], object]],
                 moved: Callable[[str], bool] | None = None,
                 guard: Callable[[Callable], Callable] = lambda callback: callback):
        super().__init__({key: draw[key] for key in keys}, moved)
        self.tabs = tabs
        self._order = list(keys)
        tabs.observe(guard(self._on_tab), names="selected_index")

    def open(self, key: str) -> bool:
        index = self._order.index(key)
        if self.tabs.selected_index != index:
            self.tabs.selected_index = index     # draws through `_on_tab`
            return True
        return super().open(key)

    def _on_tab(self, change) -> None:
        if change["new"] is not None:
            super().open(self._order[change["new"]])
