"""A table whose rows open something when clicked: one small widget (an anywidget: its
script ships with it, nothing is fetched) holding the HTML of `common.table_html(...,
keys=...)`. A click, or Enter on a row reached with Tab, sends the row's key to Python.

One widget whatever the number of rows, so a page keeps its bounded table (`TABLE_ROWS`) as
fast as the plain HTML it replaces; plain `ipywidgets.HTML` cannot say which row was clicked.
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  const draw = () => { el.innerHTML = model.get("value"); };
  draw();
  model.on("change:value", draw);
  const pick = (event) => {
    const row = event.target.closest("tr[data-key]");
    if (!row || !el.contains(row)) return;
    event.preventDefault();
    el.querySelectorAll("tr.wb-row-picked").forEach((r) => r.classList.remove("wb-row-picked"));
    row.classList.add("wb-row-picked");
    model.send({ picked: row.dataset.key });
  };
  el.addEventListener("click", pick);
  el.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") pick(event);
  });
}
export default { render };
"""

_CSS = """
.wb-row-table tr[data-key] {cursor: pointer;}
.wb-row-table tr[data-key]:hover, .wb-row-table tr[data-key]:focus {background: #e8f0fe;
  outline: none;}
.wb-row-table tr.wb-row-picked {background: #d2e3fc;}
.wb-row-table tr[data-key] td:first-child {color: #0b57d0; text-decoration: underline;}
"""


class RowTable(anywidget.AnyWidget):
    """`value`: a table from `table_html(..., keys=...)`. `on_pick(key)` is called with the
    key (a string, as written in the row) of the row clicked."""

    _esm = _ESM
    _css = _CSS
    value = traitlets.Unicode("").tag(sync=True)

    def __init__(self, on_pick: Callable[[str], None], **kwargs):
        super().__init__(**kwargs)
        self.add_class("wb-row-table")
        self._on_pick = on_pick
        self.on_msg(self._message)

    def _message(self, _widget, content, _buffers) -> None:
        key = content.get("picked") if isinstance(content, dict) else None
        if isinstance(key, str) and len(key) <= 40:      # from the browser: checked
            self._on_pick(key)

    def pick(self, key: object) -> None:
        """What a click on the row of `key` does (for tests and keyboard-free callers)."""
        self._message(self, {"picked": str(key)}, [])
