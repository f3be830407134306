"""Home page: who this workbook belongs to, the way to each page, and the network at a glance."""

from __future__ import annotations

import ipywidgets as ipw
import plotly.graph_objects as go

from workbook.charts.overview import layers_by_role
from workbook.escaping import escape_html
from workbook.i18n.dates import format_date
from workbook.paths import notebooks_dir
from workbook.services.exports import PROFILE_FORMATS, download
from workbook.store.contacts import count_contacts, last_interaction_on, layer_role_counts
from workbook.store.positioning import latest_version
from workbook.store.settings import get_setting
from workbook.ui.common import (
    PAGES,
    PageContext,
    StatusLine,
    build_page,
    guarded,
    page_header,
    refresh_figure,
)
from workbook.ui.export_panel import ExportPanel


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
        self.chart = go.FigureWidget(self._figure())
        self.chart.layout.height = 360
        self.chart_box = ipw.VBox([self.chart_title, self.chart])
        self.export_box = ipw.VBox()
        self._build_export()
        self.share = ipw.VBox([_card_share(ctx, self.status).view])
        self.view = ipw.VBox([self.header, self.language, self.status, self.summary,
                              self.first_steps, self.links, self.share, self.chart_box,
                              self.export_box])
        self.view.add_class("wb-page")
        self._render_text()

    def _label(self, group: str, code: str) -> str:
        return self.ctx.tr(f"vocab.{group}.{code}")

    def _figure(self) -> go.Figure:
        return layers_by_role(layer_role_counts(self.ctx.conn), self._label)

    def _render_text(self) -> None:
        tr, conn = self.ctx.tr, self.ctx.conn
        self.header.value = page_header(self.ctx, "home").value
        name = get_setting(conn, "display_name") or self.ctx.profile
        last = format_date(last_interaction_on(conn), self.ctx.lang)
        self.summary.value = (
            f'<div class="wb-card"><b>{escape_html(tr("home.profile_label"))}</b> '
            f'{escape_html(name)}<br>'
            f'{escape_html(tr.count("home.contacts", count_contacts(conn)))} · '
            f'{escape_html(tr("home.last_logged", last=last))}</div>')
        self.first_steps.value = self._first_steps_html()
        self.links.value = self._links_html()
        self.chart_title.value = f"<h3>{escape_html(tr('home.chart_title'))}</h3>"
        # An empty profile gets its first steps, not a chart with bare axes.
        self.chart_box.layout.display = "none" if count_contacts(conn) == 0 else None

    def _first_steps_html(self) -> str:
        """What to do first, while it is not done: import contacts, write the positioning."""
        tr, conn = self.ctx.tr, self.ctx.conn
        steps = []
        if count_contacts(conn) == 0:
            steps.append(("home.first.import", "network.ipynb"))
        if latest_version(conn) is None:
            steps.append(("home.first.positioning", "positioning.ipynb"))
        if not steps:
            return ""
        items = "".join(f'<li>{escape_html(tr(key))} <a href="{notebook}">'
                        f'{escape_html(tr("home.first.link"))}</a></li>'
                        for key, notebook in steps)
        return (f'<div class="wb-card"><h3>{escape_html(tr("home.first.title"))}</h3>'
                f"<ol>{items}</ol></div>")

    def _links_html(self) -> str:
        tr, folder = self.ctx.tr, notebooks_dir()
        items = []
        for key, notebook in PAGES:
            title = escape_html(tr(f"home.page.{key}"))
            blurb = escape_html(tr(f"home.blurb.{key}"))
            if (folder / notebook).is_file():
                items.append(f'<li><a href="{notebook}"><b>{title}</b></a> — {blurb}</li>')
            else:
                items.append(f'<li><b>{title}</b> <i>({escape_html(tr("common.coming_next"))})</i>'
                             f" — {blurb}</li>")
        return f"<h3>{escape_html(tr('home.pages'))}</h3><ol>{''.join(items)}</ol>"

    def _build_export(self) -> None:
        """The whole-profile download (built again when the language changes)."""
        tr = self.ctx.tr
        panel = ExportPanel(tr, PROFILE_FORMATS, self._export, guarded(self.ctx, self.status),
                            "wb-home-export")
        self.export_box.children = [ipw.HTML(
            f"<h3>{escape_html(tr('export.page.title'))}</h3>"
            f"<p>{escape_html(tr('export.page.help'))}</p>"), panel.view]

    def _export(self, fmt: str, progress):
        tr = self.ctx.tr
        return download(self.ctx.conn, fmt, profile=self.ctx.profile, progress=progress,
                        role_label=lambda code: tr(f"vocab.role.{code}"))

    def _on_language(self, change) -> None:
        self.ctx.set_language(change["new"])
        self.share.children = [_card_share(self.ctx, self.status).view]
        self._render_text()
        self._build_export()
        refresh_figure(self.chart, self._figure())
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

