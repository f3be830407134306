"""Colours shared by every chart, in plotly or in HTML (no plotly import here)."""

from __future__ import annotations

from workbook.domain.vocabulary import ROLES

# One colour per role, kept across pages so a role always looks the same.
ROLE_COLOURS = dict(zip((*ROLES, ""), (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#c7c7c7")))
