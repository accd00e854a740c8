"""What the open data shows in the management area (imported by sterk.manage at start-up):
a dashboard panel for the coordinator with the downloads' build time and a rebuild button."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sterk.core.managed import Panel, register_panel

from . import opendata


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    return {"open_data": opendata.current()}


register_panel(
    Panel("api/_dashboard_panel.html", dashboard_panel, "api.rebuild_open_data", order=90)
)
