"""What the action plan manages in /beheer/actieplan/ (imported by sterk.manage at
start-up): its navigation entries, its dashboard panel, and plans, challenges,
initiatives, activities, first priorities, evaluations and conclusions as declarations."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sterk.manage.registry import Nav, Panel, register_nav, register_panel

from . import selectors

AREA = "actionplan_manage"

register_nav(
    Nav(_("Action plan"), f"{AREA}:dashboard", "actionplan.access_management", 30, section=AREA),
    Nav(_("Overview"), f"{AREA}:dashboard", None, 0, area=AREA),
    Nav(_("Progress"), f"{AREA}:progress_list", "actionplan.view_progress_area", 10, area=AREA),
    Nav(_("Proposals"), f"{AREA}:proposal_list", "actionplan.view_proposals", 20, area=AREA),
    Nav(_("Plans"), f"{AREA}:plan_list", "actionplan.manage_plan", 30, area=AREA),
    Nav(_("Challenges"), f"{AREA}:challenge_list", "actionplan.manage_plan", 40, area=AREA),
    Nav(_("Actions"), f"{AREA}:action_list", "actionplan.manage_plan", 50, area=AREA),
    Nav(_("Spearheads"), f"{AREA}:spearhead_list", "actionplan.manage_plan", 60, area=AREA),
    Nav(_("First priorities"), f"{AREA}:priority_list", "actionplan.manage_plan", 70, area=AREA),
    Nav(_("Evaluations"), f"{AREA}:evaluation_list", "actionplan.manage_plan", 80, area=AREA),
    Nav(_("Public pages"), "actionplan:overview", None, 90, area=AREA, external=True),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    return {"open_proposals": selectors.proposals_for(request.user).open().count()}


register_panel(
    Panel(
        "actionplan/manage/_dashboard_proposals.html",
        dashboard_panel,
        "actionplan.view_proposals",
        order=30,
    )
)
