"""Chart pieces shared by several pages (the network charts take the role colours from here)."""

from __future__ import annotations

from workbook.charts.colours import ROLE_COLOURS

__all__ = ["ROLE_COLOURS"]
