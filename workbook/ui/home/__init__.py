"""Home page: who this workbook belongs to, the way to each page, and the network at a glance."""

from __future__ import annotations

import ipywidgets as ipw

from workbook.escaping import escape_html
from workbook.i18n.dates import format_date
from workbook.paths import notebooks_dir
from workbook.services.exports import PROFILE_FORMATS, download
from workbook.store.contacts import (
    last_interaction_on,
    layer_role_counts,
)
from workbook.store.positioning import latest_version
from workbook.store.progress import layer_counts
from workbook.store.settings import get_setting
from workbook.ui.common import (
    PAGES,
    PageContext,
    StatusLine,
    build_page,
    guarded,
    page_header,
    page_link,
)
from workbook.ui.export_panel import ExportPanel
from workbook.ui.glossary import glossary_html, glossed
from workbook.ui.home.chart import layers_by_role_html
from workbook.ui.home.restore import RestorePanel

# The method's words each home text may use, explained where they first appear.
_TERMS = ("connector", "prescriber", "layers", "key_points", "maintain_expand")


class HomePage:
    """The home page's state: its context, and the widgets that follow the language."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        self.status = StatusLine()
        self.header = ipw.HTML()
        self.summary = ipw.HTML()
        self.summary.add_class("wb-home-summary")
        self.first_steps = ipw.HTML()
        self.first_steps.add_class("wb-home-first-steps")
        self.links = ipw.HTML()
        self.links.add_class("wb-home-links")
        self.chart_title = ipw.HTML()
        self.language = ipw.ToggleButtons(options=[("Français", "fr"), ("English", "en")],
                                          value=ctx.lang, style={"button_width": "7em"})
        self.language.add_class("wb-home-language")
        self.language.observe(guarded(ctx, self.status)(self._on_language), names="value")
        # Drawn in HTML with the first view (see ui/home_chart.py), not with plotly.
        self.chart = ipw.HTML()
        self.chart.add_class("wb-home-chart")
        self.chart_box = ipw.VBox([self.chart_title, self.chart])
        self.export_box = ipw.VBox()
        self.glossary = ipw.HTML()
        self.glossary.add_class("wb-glossary-box")
        self._build_export()
        self.share = ipw.VBox([_card_share(ctx, self.status).view])
        self.view = ipw.VBox([self.header, self.language, self.status, self.summary,
                              self.first_steps, self.links, self.share, self.chart_box,
                              self.export_box, self.glossary])
        self.view.add_class("wb-page")
        self._render_text()

    def _render_chart(self, layers: dict[str, int]) -> None:
        tr = self.ctx.tr
        self.chart.value = layers_by_role_html(layer_role_counts(self.ctx.conn), layers, tr,
                                               tr("home.chart_title"))

    def _render_text(self) -> None:
        tr, conn = self.ctx.tr, self.ctx.conn
        self.header.value = page_header(self.ctx, "home").value
        name = get_setting(conn, "display_name") or self.ctx.profile
        last = format_date(last_interaction_on(conn), self.ctx.lang)
        layers = layer_counts(conn)      # every contact is in one layer
        contacts = sum(layers.values())
        self.summary.value = (
            f'<div class="wb-card"><b>{escape_html(tr("home.profile_label"))}</b> '
            f'{escape_html(name)}<br>'
            f'{escape_html(tr.count("home.contacts", contacts))} · '
            f'{escape_html(tr("home.last_logged", last=last))}</div>')
        seen: set[str] = set()
        self.first_steps.value = self._first_steps_html(seen, contacts)
        self.links.value = self._links_html(seen)
        self.glossary.value = glossary_html(tr)
        self.chart_title.value = f"<h3>{escape_html(tr('home.chart_title'))}</h3>"
        self._render_chart(layers)
        # An empty profile gets its first steps, not a chart with bare axes.
        self.chart_box.layout.display = "none" if contacts == 0 else None

    def reload(self) -> None:
        """Another page wrote to the profile: the summary, first steps and chart follow."""
        self._render_text()

    def _first_steps_html(self, seen: set[str], contacts: int) -> str:
        """What to do first, while it is not done: import contacts, write the positioning."""
        tr, conn = self.ctx.tr, self.ctx.conn
        steps = []
        if contacts == 0:
            steps.append(("home.first.import", "network"))
        if latest_version(conn) is None:
            steps.append(("home.first.positioning", "positioning"))
        if not steps:
            return ""
        items = "".join(f'<li>{glossed(tr, tr(key), _TERMS, seen=seen)} '
                        f'<a href="{page_link(page)}">{escape_html(tr("home.first.link"))}</a>'
                        "</li>" for key, page in steps)
        return (f'<div class="wb-card"><h3>{escape_html(tr("home.first.title"))}</h3>'
                f"<ol>{items}</ol></div>")

    def _links_html(self, seen: set[str]) -> str:
        tr, folder = self.ctx.tr, notebooks_dir()
        items = []
        for key, notebook in PAGES:
            title = escape_html(tr(f"home.page.{key}"))
            blurb = glossed(tr, tr(f"home.blurb.{key}"), _TERMS, seen=seen)
            if (folder / notebook).is_file():
                items.append(f'<li><a href="{page_link(key)}"><b>{title}</b></a> — {blurb}</li>')
            else:
                items.append(f'<li><b>{title}</b> <i>({escape_html(tr("common.coming_next"))})</i>'
                             f" — {blurb}</li>")
        return f"<h3>{escape_html(tr('home.pages'))}</h3><ol>{''.join(items)}</ol>"

    def _build_export(self) -> None:
        """The whole-profile download (built again when the language changes)."""
        tr = self.ctx.tr
        panel = ExportPanel(tr, PROFILE_FORMATS, self._export, guarded(self.ctx, self.status),
                            "wb-home-export")
        self.restore = RestorePanel(tr, guarded(self.ctx, self.status))
        self.export_box.children = [ipw.HTML(
            f"<h3>{escape_html(tr('export.page.title'))}</h3>"
            f"<p>{escape_html(tr('export.page.help'))}</p>"), panel.view,
            self.restore.view]

    def _export(self, fmt: str, progress):
        tr = self.ctx.tr
        return download(self.ctx.conn, fmt, profile=self.ctx.profile, progress=progress,
                        role_label=lambda code: tr(f"vocab.role.{code}"))

    def _on_language(self, change) -> None:
        self.ctx.set_language(change["new"])
        self.share.children = [_card_share(self.ctx, self.status).view]
        self._render_text()
        self._build_export()
        self.status.show(self.ctx.tr("home.language_saved"))


def _card_share(ctx: PageContext, status: StatusLine):
    """"Share my progress card" (see ui/card_share.py), on this profile."""
    from workbook.services.card_drop import drop_root
    from workbook.ui.card_share import CardSharePanel, CardShareState

    return CardSharePanel(ctx.tr, CardShareState(ctx.conn, ctx.profile, drop_root=drop_root()),
                          guarded(ctx, status))


def build_home(profile: str | None = None, lang: str | None = None) -> ipw.Widget:
    """The home page for the profile served (see `open_page_context`)."""
    return build_page(lambda ctx: HomePage(ctx).view, profile, lang)

