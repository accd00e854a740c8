"""What the practice library manages in /beheer/praktijken/ (imported by sterk.manage at
start-up): its navigation entries, its dashboard panel and the calls for practices."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sterk.manage.registry import Nav, Panel, register_nav, register_panel

from . import selectors

AREA = "practices_manage"

register_nav(
    Nav(_("Practices"), f"{AREA}:queue", "practices.view_queue", order=10, section=AREA),
    Nav(_("Moderation"), f"{AREA}:queue", None, order=10, area=AREA),
    Nav(_("Calls"), f"{AREA}:call_list", "practices.view_calls", order=20, area=AREA),
    Nav(_("Public library"), "practices:library", None, order=90, area=AREA, external=True),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    return {"practices_open": selectors.moderation_open_count(request.user)}


register_panel(
    Panel("practices/_dashboard_panel.html", dashboard_panel, "practices.view_queue", order=10)
)
