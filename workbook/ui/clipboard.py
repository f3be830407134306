"""A "Copy" button: what Python cannot do from the kernel — put a text on the person's own
clipboard — done by a few lines in the browser.

`navigator.clipboard` exists only in a secure context (https, or the loopback address
`workbook serve` prints); elsewhere (a cohort server over plain http) the button falls back
to selecting a hidden copy of the text and `document.execCommand("copy")`. If both fail, it
says so and the text stays in the box beside it to select by hand.
"""

from __future__ import annotations

import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  const button = document.createElement("button");
  button.className = "jupyter-button wb-copy-button mod-info";
  const said = document.createElement("span");
  said.className = "wb-copy-said";
  said.setAttribute("role", "status");
  const label = () => { button.textContent = model.get("label"); };
  label();

  function fallback(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    area.remove();
    return done;
  }

  let timer = null;
  function tell(ok) {
    said.textContent = ok ? model.get("done_label") : model.get("failed_label");
    said.classList.toggle("wb-copy-failed", !ok);
    clearTimeout(timer);
    timer = setTimeout(() => { said.textContent = ""; }, 4000);
    model.set("copies", model.get("copies") + (ok ? 1 : 0));
    model.save_changes();
  }

  button.addEventListener("click", async () => {
    const text = model.get("text");
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); tell(true); return; }
      catch (e) { /* refused: try the older way */ }
    }
    tell(fallback(text));
  });
  model.on("change:label", label);
  el.append(button, said);
  return () => clearTimeout(timer);
}
export default { render };
"""

_CSS = """
.wb-copy-said {margin-left: 0.6em; color: #1b5e20; font-weight: 600;}
.wb-copy-said.wb-copy-failed {color: #b71c1c;}
.wb-copy-button {width: auto; padding: 0 1em;}
"""


class CopyButton(anywidget.AnyWidget):
    """A button that copies `text` to the clipboard and says so beside it; `copies` counts
    the copies made (the page can tell a copy happened)."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    _css = traitlets.Unicode(_CSS).tag(sync=True)
    text = traitlets.Unicode("").tag(sync=True)
    label = traitlets.Unicode("Copy").tag(sync=True)
    done_label = traitlets.Unicode("Copied").tag(sync=True)
    failed_label = traitlets.Unicode("").tag(sync=True)
    copies = traitlets.Int(0).tag(sync=True)
