"""Group page, Projector tab: the screens read from the back of the room (this round's pairs,
the speaking order, the intelligence questions), and the projector view itself — only the
screen's content, in the largest type that fits the wall, with a full-screen switch and a
way back to the page.

The projector view is a few lines of front end (`ProjectorStage`, an anywidget): the browser's
Fullscreen API only answers a click handled in the page, never one that went through the
kernel, and fitting the type to the screen needs the screen's size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import anywidget
import ipywidgets as ipw
import traitlets

from workbook.escaping import escape_html
from workbook.ui.common import html_text
from workbook.ui.group.pairs import group_label

PROJECTOR_SCREENS = ("pairs", "pitch", "questions")

_PREVIEW_STYLE = """<style>
.wb-projector {font-size: clamp(30px, 3.2vw, 64px); line-height: 1.35; padding: 0.4em 0.6em;
  background: #fff; color: #111;}
.wb-projector h1 {font-size: 1.5em; margin: 0.2em 0 0.5em 0;}
.wb-projector ol, .wb-projector ul {margin: 0; padding-left: 1.4em;}
.wb-projector li {margin: 0.25em 0;}
.wb-projector .wb-projector-aside {color: #555; font-size: 0.8em;}
</style>"""

# The stage is appended to the document's body (above Voilà's page, its header and tabs),
# so its style is global; everything is scoped under .wb-projector-stage.
_STAGE_CSS = """
.wb-projector-stage {position: fixed; inset: 0; z-index: 100000; background: #fff;
  color: #111; display: flex; flex-direction: column; overscroll-behavior: contain;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;}
.wb-projector-stage .wb-projector-fit {flex: 1 1 auto; min-height: 0; overflow: hidden;
  padding: 2vh 3vw 0 3vw; box-sizing: border-box; line-height: 1.25;}
.wb-projector-stage .wb-projector {font-size: inherit; padding: 0; background: transparent;
  line-height: inherit;}
.wb-projector-stage .wb-projector h1 {font-size: 1.25em; margin: 0 0 0.35em 0;
  line-height: 1.15;}
.wb-projector-stage ol, .wb-projector-stage ul {margin: 0; padding-left: 1.6em;
  display: grid; grid-auto-flow: column; justify-content: start; column-gap: 3em;
  grid-template-rows: repeat(var(--wb-rows, 1), auto);}
.wb-projector-stage li {display: list-item; margin: 0 0 0.2em 0;}
.wb-projector-stage ol li {white-space: nowrap;}
.wb-projector-stage .wb-projector-aside {color: #555; font-size: 0.55em; margin: 0.6em 0 0 0;}
.wb-projector-stage .wb-projector-bar {flex: 0 0 auto; display: flex; gap: 6px;
  justify-content: flex-end; flex-wrap: wrap; padding: 4px 8px; opacity: 0.55;
  font-size: 14px;}
.wb-projector-stage .wb-projector-bar:hover, .wb-projector-stage .wb-projector-bar:focus-within
  {opacity: 1;}
.wb-projector-stage .wb-projector-bar button {font: inherit; padding: 3px 10px;
  border: 1px solid #bbb; border-radius: 4px; background: #f5f5f5; color: #222;
  cursor: pointer;}
.wb-projector-stage .wb-projector-bar button.wb-on {background: #1565c0; color: #fff;
  border-color: #1565c0;}
.wb-projector-open {margin: 0.4em 0;}
"""

_STAGE_ESM = r"""
function fits(box) {
  return box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth;
}

// The largest type at which the screen's content fits without scrolling: for 1, 2 then 3
// columns of list (filled down, then across), a search on the font size; more columns
// only when the type gets clearly larger.
function fit(box) {
  if (!box.isConnected || box.clientHeight === 0) return;
  let best = null;
  const items = box.querySelector("ol, ul")?.children.length || 1;
  for (const columns of [1, 2, 3]) {
    box.style.setProperty("--wb-rows", Math.ceil(items / columns));
    let low = 10, high = 240;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      box.style.fontSize = middle + "px";
      if (fits(box)) low = middle; else high = middle;
    }
    if (!best || low > best.size * 1.15) best = {columns, size: low};
  }
  box.style.setProperty("--wb-rows", Math.ceil(items / best.columns));
  box.style.fontSize = best.size + "px";
}

function button(label, css, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.className = css;
  b.addEventListener("click", onClick);
  return b;
}

function render({ model, el }) {
  const labels = () => model.get("labels");
  const open = button(labels().show, "wb-projector-open jupyter-widgets jupyter-button " +
                      "widget-button mod-primary", () => show());
  el.appendChild(open);
  let stage = null;

  function draw() {
    if (!stage) return;
    const screens = model.get("screens");
    const current = screens.find((s) => s.key === model.get("screen")) || screens[0];
    if (!current) return;
    stage.fit.innerHTML = current.html;     // escaped by the kernel
    for (const b of stage.tabs) b.classList.toggle("wb-on", b.dataset.key === current.key);
    stage.full.textContent = document.fullscreenElement === stage.root
      ? labels().exit_fullscreen : labels().fullscreen;
    fit(stage.fit);
  }

  function choose(key) {
    model.set("screen", key);
    model.save_changes();
    draw();
  }

  function onKey(event) {
    if (!stage) return;
    const keys = model.get("screens").map((s) => s.key);
    const at = keys.indexOf(model.get("screen"));
    if (event.key === "Escape" && !document.fullscreenElement) hide();
    else if (event.key === "ArrowRight") choose(keys[(at + 1) % keys.length]);
    else if (event.key === "ArrowLeft") choose(keys[(at + keys.length - 1) % keys.length]);
  }

  function show() {
    if (stage) return;
    const root = document.createElement("div");
    root.className = "wb-projector-stage";
    root.setAttribute("role", "dialog");
    const fitBox = document.createElement("div");
    fitBox.className = "wb-projector-fit";
    const bar = document.createElement("div");
    bar.className = "wb-projector-bar";
    const tabs = model.get("screens").map((s) => {
      const b = button(s.label, "wb-projector-screen", () => choose(s.key));
      b.dataset.key = s.key;
      return b;
    });
    const full = button(labels().fullscreen, "wb-projector-fullscreen", () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else root.requestFullscreen().catch(() => {});
    });
    const back = button(labels().back, "wb-projector-back", () => hide());
    bar.append(...tabs, full, back);
    root.append(fitBox, bar);
    document.body.appendChild(root);
    const resized = new ResizeObserver(() => fit(fitBox));
    resized.observe(root);
    document.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", draw);
    stage = {root, fit: fitBox, tabs, full, resized};
    draw();
    back.focus();
  }

  function hide() {
    if (!stage) return;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    stage.resized.disconnect();
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("fullscreenchange", draw);
    stage.root.remove();
    stage = null;
    open.focus();
  }

  model.on("change:screens", draw);
  model.on("change:screen", draw);
  model.on("change:labels", () => { open.textContent = labels().show; draw(); });
  return () => hide();
}

export default { render };
"""


class ProjectorStage(anywidget.AnyWidget):
    """The "Show on the projector" button and the view it opens (see the module's
    docstring). `screens`: one dict per screen — key, label, html (already escaped)."""

    _esm = traitlets.Unicode(_STAGE_ESM).tag(sync=True)
    _css = traitlets.Unicode(_STAGE_CSS).tag(sync=True)
    screens = traitlets.List(traitlets.Dict()).tag(sync=True)
    screen = traitlets.Unicode(PROJECTOR_SCREENS[0]).tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)


class ProjectorPanel:
    """A preview of each large-type screen, and the button that projects them."""

    def __init__(self, tr, *, on_screen: Callable[[str], None]):
        self.tr = tr
        self.screen = ipw.ToggleButtons(
            options=[(tr(f"group.projector.{s}"), s) for s in PROJECTOR_SCREENS])
        self.screen.add_class("wb-group-projector-choice")
        self.screen.observe(lambda c: on_screen(c["new"]), names="value")
        self.stage = ProjectorStage(labels={
            key: tr(f"group.projector.{key}")
            for key in ("show", "fullscreen", "exit_fullscreen", "back")})
        self.stage.add_class("wb-group-projector-stage")
        # The screen chosen on the wall and in the tab is one choice.
        ipw.link((self.screen, "value"), (self.stage, "screen"))
        self.board = ipw.HTML()
        self.board.add_class("wb-group-projector")
        self.view = ipw.VBox([ipw.HTML(_PREVIEW_STYLE),
                              ipw.HBox([self.screen, self.stage]), self.board])

    def show(self, names: dict[int, str], current: dict | None, pitch_order: list[int],
             questions: Sequence[str]) -> None:
        screens = [{"key": key, "label": self.tr(f"group.projector.{key}"),
                    "html": self._screen_html(key, names, current, pitch_order, questions)}
                   for key in PROJECTOR_SCREENS]
        self.stage.screens = screens
        self.board.value = next(s["html"] for s in screens if s["key"] == self.screen.value)

    def _screen_html(self, screen: str, names: dict[int, str], current: dict | None,
                     pitch_order: list[int], questions: Sequence[str]) -> str:
        tr = self.tr
        if screen == "pairs":
            title = tr("group.projector.pairs_title")
            if current:
                items = [(tr("group.projector.sits_out", name=names.get(g[0], "?"))
                          if len(g) == 1 else group_label(g, names)) for g in current["groups"]]
                body = "<ol>" + "".join(html_text(i, "li") for i in items) + "</ol>"
            else:
                body = html_text(tr("group.pairs.no_round"), "p", "wb-projector-aside")
        elif screen == "pitch":
            title = tr("group.projector.pitch_title")
            body = "<ol>" + "".join(html_text(names.get(p, "?"), "li") for p in pitch_order) \
                + "</ol>" + html_text(tr("group.projector.pitch_aside"), "p",
                                      "wb-projector-aside")
        else:
            title = tr("group.projector.questions_title")
            body = "<ul>" + "".join(html_text(q, "li") for q in questions) + "</ul>"
        return f'<div class="wb-projector"><h1>{escape_html(title)}</h1>{body}</div>'
