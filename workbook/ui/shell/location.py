"""Keeps the address's fragment (`#network`) and the app's open page in step, so that a page
has an address: a link or a bookmark opens the app on it, a reload stays on it, and the
browser's back and forward buttons move between pages.

A link to `#key` changes the fragment; the browser adds a history entry, and the widget tells
the kernel the page asked for. The kernel opening a page itself sets `page`, and the widget
puts it in the address. Links to an anchor inside a page (the glossary's) scroll to it
without touching the address, so a reload after reading the glossary stays on the page."""

from __future__ import annotations

import anywidget
import traitlets

_ESM = r"""
function wanted(pages) {
  const key = decodeURIComponent(window.location.hash.slice(1));
  return pages.includes(key) ? key : null;
}

function render({ model, el }) {
  const pages = model.get("pages");
  el.classList.add("wb-app-location");
  const busy = () => {
    const waiting = model.get("page") !== model.get("shown");
    el.textContent = waiting ? model.get("loading") : "";
    el.classList.toggle("wb-app-busy", waiting);
  };
  const ask = (key) => {
    if (key && key !== model.get("page")) {
      model.set("page", key);
      model.save_changes();
    }
    busy();
  };
  // The address wins: a deep link or a reload opens its page.
  const start = wanted(pages);
  if (start) {
    ask(start);
  } else {
    const key = model.get("page") || pages[0];
    window.history.replaceState(window.history.state, "", "#" + key);
    ask(key);
  }
  const onHash = () => ask(wanted(pages));
  const onPage = () => {
    const key = model.get("page");
    if (key && wanted(pages) !== key) window.location.hash = key;
    busy();
  };
  const onShown = () => {
    busy();
    const title = model.get("title");
    if (title) document.title = title;
    // the page's language, so that screen readers, hyphenation and spell checkers read
    // French pages as French (the template's <html lang> cannot know the profile's)
    const lang = model.get("lang");
    if (lang) document.documentElement.lang = lang;
  };
  const onClick = (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) return;
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    if (pages.includes(id)) return;              // a page: the fragment changes
    const target = Array.from(document.querySelectorAll("[id]")).find(
      (node) => node.id === id && node.closest(".wb-app-page")?.style.display !== "none");
    if (!target) return;
    event.preventDefault();
    const details = target.closest("details");
    if (details) details.open = true;
    target.scrollIntoView();
  };
  window.addEventListener("hashchange", onHash);
  document.addEventListener("click", onClick, true);
  model.on("change:page", onPage);
  model.on("change:shown", onShown);
  onShown();
  return () => {
    window.removeEventListener("hashchange", onHash);
    document.removeEventListener("click", onClick, true);
    model.off("change:page", onPage);
    model.off("change:shown", onShown);
    model.off("change:lang", onShown);
  };
}

export default { render };
"""


class Location(anywidget.AnyWidget):
    """The open page (`page`, as in the address), the page on screen (`shown`), the page
    keys an address may name, the words shown while a page is on its way, the tab's
    title and the language of the page on screen (the document's `lang`)."""

    _esm = _ESM
    page = traitlets.Unicode("").tag(sync=True)
    shown = traitlets.Unicode("").tag(sync=True)
    pages = traitlets.List(traitlets.Unicode()).tag(sync=True)
    loading = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    lang = traitlets.Unicode("").tag(sync=True)
