"""What the agenda manages in /beheer/agenda/ (imported by sterk.manage at start-up): its
navigation entries, its dashboard panel, series, and an event's questions and sessions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sterk.manage.registry import Nav, Panel, register_nav, register_panel

from . import selectors

AREA = "events_manage"

register_nav(
    Nav(_("Agenda"), f"{AREA}:event_list", "events.access_management", order=20, section=AREA),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    return {"cadence": selectors.stakeholder_cadence()}


register_panel(
    Panel("events/_stakeholder_cadence.html", dashboard_panel, "events.view_cadence", order=20)
)
