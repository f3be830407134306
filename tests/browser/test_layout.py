"""Every page in a narrow window (a phone held upright, 400×800) and a small laptop
(1366×768): nothing wider than the window, every tab label readable, every chart inside the
window. Each tab of each page is opened in turn. Screenshots go to tests/browser/artifacts/
for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import open_page
from workbook.paths import notebooks_dir

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
VIEWPORTS = {"narrow": (400, 800), "laptop": (1366, 768)}
NOTEBOOKS = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
# Pages whose first view holds a chart drawn wider than a narrow window (none now: the
# network map opens on HTML bars; its 1,020 px plotly overview, charts.network.
# network_overview, only appears when asked for and does not shrink yet).
FIXED_WIDTH_CHARTS: set[tuple[str, str]] = set()

# What sticks out of the window: elements of the page whose right edge passes the window's,
# unless a box between them and the page scrolls (a wide table in its own scrolling box is
# usable; a page that scrolls sideways is not).
_MEASURE = """() => {
  const width = window.innerWidth;
  const scrollsAlone = (el) => {
    for (let up = el.parentElement; up && !up.classList.contains('wb-page'); up = up.parentElement) {
      const x = getComputedStyle(up).overflowX;
      if ((x === 'auto' || x === 'scroll' || x === 'hidden') && up.getBoundingClientRect().right <= width + 2) return true;
    }
    return false;
  };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const out = [];
  for (const el of document.querySelectorAll('.wb-page *')) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 2 && !scrollsAlone(el)) {
      out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
    }
  }
  const tabs = [...document.querySelectorAll('.wb-page .lm-TabBar-tabLabel')].filter(visible)
    .filter(l => l.scrollWidth > l.clientWidth + 1).map(l => l.textContent);
  const charts = [...document.querySelectorAll('.wb-page .main-svg')].filter(visible)
    .map(s => s.getBoundingClientRect()).filter(r => r.right > width + 2 || r.left < -2)
    .map(r => Math.round(r.width));
  const scroller = document.scrollingElement;
  const inner = [...document.querySelectorAll('#rendered_cells, .jp-Notebook, body, html')]
    .filter(el => el.scrollWidth > el.clientWidth + 2 && getComputedStyle(el).overflowX !== 'visible')
    .map(el => `${el.tagName}#${el.id} ${el.scrollWidth}>${el.clientWidth}`);
  return {documentWidth: scroller.scrollWidth, width, sticking: out.slice(0, 8),
          cutTabs: tabs, wideCharts: charts, innerScroll: inner};
}"""


def _check(page, where: str, charts_fit: bool = True) -> None:
    found = page.evaluate(_MEASURE)
    assert found["documentWidth"] <= found["width"] + 2, f"{where}: the page scrolls sideways {found}"
    assert not found["innerScroll"], f"{where}: a page container scrolls sideways {found}"
    assert not found["sticking"], f"{where}: wider than the window {found['sticking']}"
    assert not found["cutTabs"], f"{where}: tab labels cut {found['cutTabs']}"
    if charts_fit:
        assert not found["wideCharts"], \
            f"{where}: charts wider than the window {found['wideCharts']}"
    elif not found["wideCharts"]:
        pytest.fail(f"{where}: the charts fit now: drop FIXED_WIDTH_CHARTS' entry")


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_page_fits_the_window(browser, server, notebook, size):
    width, height = VIEWPORTS[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(90_000)
    tab = context.new_page()
    try:
        open_page(tab, server, notebook)
        tab.wait_for_timeout(2500)              # charts draw after the widgets
        ARTIFACTS.mkdir(exist_ok=True)
        stem = f"{notebook.removesuffix('.ipynb')}-{size}"
        fits = (notebook, size) not in FIXED_WIDTH_CHARTS
        _check(tab, f"{notebook} at {width}px", fits)
        tab.set_viewport_size({"width": width, "height": 2400})
        tab.screenshot(path=str(ARTIFACTS / f"{stem}.png"))
        tab.set_viewport_size({"width": width, "height": height})
        labels = tab.locator(".wb-page .lm-TabBar").first.locator(".lm-TabBar-tab")
        for index in range(1, labels.count()):
            labels.nth(index).click()
            tab.wait_for_timeout(1500)
            _check(tab, f"{notebook} tab {index} at {width}px", charts_fit=True)
            if size == "narrow":
                tab.set_viewport_size({"width": width, "height": 2400})
                tab.screenshot(path=str(ARTIFACTS / f"{stem}-tab{index}.png"))
                tab.set_viewport_size({"width": width, "height": height})
    finally:
        tab.close(run_before_unload=True)
        context.close()


# Field labels drawn with an ellipsis ("Rappeler sous (m…"): a label's text wider than its box.
_CUT_LABELS = """() => [...document.querySelectorAll('.wb-page .widget-label')]
  .filter(l => { const r = l.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
  .filter(l => l.scrollWidth > l.clientWidth).map(l => l.textContent)"""


@pytest.fixture(scope="module")
def server_fr(tmp_path_factory):
    """The demo in French: the language whose labels run longest."""
    from tests.browser.conftest import serving

    with serving(tmp_path_factory.mktemp("workbook-home-fr"), "--demo", "--lang", "fr") as running:
        yield running


@pytest.mark.parametrize("size", VIEWPORTS)
def test_no_press_label_is_cut_in_french(browser, server_fr, size):
    width, height = VIEWPORTS[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(90_000)
    tab = context.new_page()
    try:
        open_page(tab, server_fr, "press.ipynb")
        tab.wait_for_timeout(1500)
        labels = tab.locator(".wb-page .lm-TabBar").first.locator(".lm-TabBar-tab")
        cut = {}
        for index in range(labels.count()):
            labels.nth(index).click()
            tab.wait_for_timeout(1200)
            found = tab.evaluate(_CUT_LABELS)
            if found:
                cut[index] = found
            ARTIFACTS.mkdir(exist_ok=True)
            tab.set_viewport_size({"width": width, "height": 2400})
            tab.screenshot(path=str(ARTIFACTS / f"press-fr-{size}-tab{index}.png"))
            tab.set_viewport_size({"width": width, "height": height})
        assert not cut, f"labels cut at {width}px: {cut}"
        hint = tab.locator(".wb-press-hours-hint")
        labels.nth(0).click()
        assert "heures" in hint.inner_text()
    finally:
        tab.close(run_before_unload=True)
        context.close()
