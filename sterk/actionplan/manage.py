"""What the action plan manages in /beheer/actieplan/ (imported by sterk.manage at
start-up): its navigation entries, its dashboard panel, and plans, challenges,
initiatives, activities, first priorities, evaluations and conclusions as declarations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sterk.accounts.models import User
from sterk.core.managed import (
    Column,
    Managed,
    Nav,
    Panel,
    Parent,
    by_roles,
    register,
    register_nav,
    register_panel,
)
from sterk.core.params import parse_id

from . import selectors, services
from .forms import (
    ActionForm,
    ActivityForm,
    ChallengeForm,
    ConclusionForm,
    EvaluationForm,
    FirstPriorityForm,
    InitiativeForm,
    PlanForm,
    SpearheadForm,
)
from .models import (
    Action,
    Challenge,
    Evaluation,
    EvaluationConclusion,
    FirstPriority,
    Initiative,
    Plan,
    Spearhead,
    SpearheadActivity,
)
from .types import ConclusionData

AREA = "actionplan_manage"

register_nav(
    Nav(
        _("Action plan"),
        f"{AREA}:dashboard",
        "actionplan.access_management",
        30,
        section=AREA,
        sub_label=_("Action plan management"),
    ),
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
        shared_by=by_roles,
    )
)


# --- declarations -----------------------------------------------------------------------

PERM = "actionplan.manage_plan"


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"{AREA}:{name}", kwargs=kwargs)


def _initial_numbered(related: str) -> Callable[[HttpRequest, Any, Any], dict[str, Any]]:
    """A new challenge or spearhead starts in the current plan with the next number."""

    def kwargs(request: HttpRequest, parent: Any, obj: Any) -> dict[str, Any]:
        if obj is None and (plan := selectors.current_plan()):
            return {"initial": {"plan": plan, "number": getattr(plan, related).count() + 1}}
        return {}

    return kwargs


def _initial_plan(request: HttpRequest, parent: Any, obj: Any) -> dict[str, Any]:
    if obj is None and (plan := selectors.current_plan()):
        return {"initial": {"plan": plan}}
    return {}


def _initial_priority(request: HttpRequest, parent: Any, obj: Any) -> dict[str, Any]:
    if obj is None and (plan := selectors.current_plan()):
        return {"initial": {"plan": plan, "year": plan.start_year}}
    return {}


def _with_user(request: HttpRequest, parent: Any, obj: Any) -> dict[str, Any]:
    return {"user": request.user}


def _with_user_numbered(request: HttpRequest, parent: Any, obj: Any) -> dict[str, Any]:
    return {**_initial_numbered("spearheads")(request, parent, obj), "user": request.user}


def _conclusion_kwargs(request: HttpRequest, evaluation: Any, obj: Any) -> dict[str, Any]:
    initial = {}
    for name in ("challenge", "action", "spearhead"):
        value = parse_id(request.GET.get(name, ""))
        if value:
            initial[name] = value
    return {"evaluation": evaluation, "initial": initial}


def _conclusion_create(*, actor: User, evaluation: Evaluation, data: ConclusionData) -> Any:
    return services.conclusion_save(actor=actor, evaluation=evaluation, data=data)


def _conclusion_update(
    *, actor: User, conclusion: EvaluationConclusion, data: ConclusionData
) -> Any:
    # Once made, a conclusion keeps its subject: only the texts change.
    texts = cast(ConclusionData, {k: v for k, v in data.items() if k.startswith("text_")})
    return services.conclusion_save(
        actor=actor, evaluation=conclusion.evaluation, data=texts, conclusion=conclusion
    )


def _public(request: HttpRequest, obj: Any, parent: Any) -> dict[str, Any]:
    return {"public_url": obj.get_absolute_url() if obj else ""}


_REMOVE = {
    "delete": _("Remove “%(name)s”?"),
    "delete_note": _("This cannot be undone. The removal is recorded in the audit trail."),
    "delete_button": _("Remove"),
    "delete_link": _("Remove…"),
}

register(
    Managed(
        namespace=AREA,
        name="plan",
        model=Plan,
        form=PlanForm,
        perm=PERM,
        path="plannen/",
        views=("list", "create", "edit"),
        rows=lambda request, parent: Plan.objects.annotate(challenge_count=Count("challenges")),
        create=services.plan_create,
        update=services.plan_update,
        object_arg="plan",
        columns=[
            Column(_("Plan"), "title", link=True, header=True),
            Column(_("Period"), "period"),
            Column(_("Challenges"), "challenge_count", numeric=True),
            Column(_("Current"), "is_current", format="yesno"),
        ],
        row_actions=False,
        titles={"list": _("Plans"), "create": _("New plan"), "edit": _("Edit the plan")},
        caption=_("Action plans"),
        add_label=_("New plan"),
        empty=_("No plans yet."),
        messages={"saved": _("The plan was saved.")},
        context={"count_attr": "challenge_count"},
    ),
    Managed(
        namespace=AREA,
        name="challenge",
        model=Challenge,
        form=ChallengeForm,
        perm=PERM,
        path="uitdagingen/",
        views=("list", "create", "edit"),
        rows=lambda request, parent: (
            Challenge.objects.select_related("plan")
            .annotate(action_count=Count("actions"))
            .order_by("-plan__is_current", "plan_id", "number")
        ),
        create=services.challenge_create,
        update=services.challenge_update,
        object_arg="challenge",
        form_kwargs=_initial_numbered("challenges"),
        edit_context=_public,
        columns=[
            Column(_("Number"), "number"),
            Column(_("Challenge"), "title", link=True, header=True),
            Column(_("Plan"), "plan.period"),
            Column(_("Actions"), template="actionplan/manage/_cells.html#actions", numeric=True),
        ],
        row_actions=False,
        titles={"list": _("Challenges"), "create": _("New challenge")},
        caption=_("Societal challenges"),
        add_label=_("New challenge"),
        empty=_("No challenges yet."),
        messages={"saved": _("The challenge was saved.")},
    ),
    Managed(
        namespace=AREA,
        name="action",
        model=Action,
        form=ActionForm,
        perm=PERM,
        path="acties/",
        views=("create", "edit", "delete"),
        object_queryset=lambda: Action.objects.select_related("challenge"),
        create=services.action_create,
        update=services.action_update,
        delete=services.action_delete,
        object_arg="action",
        form_kwargs=_with_user,
        edit_context=lambda request, obj, parent: {
            "initiatives": list(obj.initiatives.all()) if obj else []
        },
        titles={"create": _("New action"), **_REMOVE},
        title_field="",
        messages={"saved": _("The action was saved."), "deleted": _("The action was removed.")},
        success_url=lambda obj, parent: _url("action_edit", pk=obj.pk),
        back_url=lambda obj, parent: _url("action_edit", pk=obj.pk) if obj else _url("action_list"),
        after_delete=lambda obj, parent: _url("action_list"),
        templates={"form": "actionplan/manage/action_edit.html"},
        once=False,
    ),
    Managed(
        namespace=AREA,
        name="initiative",
        model=Initiative,
        form=InitiativeForm,
        perm=PERM,
        path="initiatieven/",
        parent=Parent(model=Action, kwarg="action_pk", arg="action", show_name=True),
        views=("create", "edit", "delete"),
        paths={"create": "acties/<int:action_pk>/initiatieven/nieuw/"},
        create=services.initiative_create,
        update=services.initiative_update,
        delete=services.initiative_delete,
        object_arg="initiative",
        titles={"create": _("New initiative"), **_REMOVE},
        title_field="",
        messages={
            "saved": _("The initiative was saved."),
            "deleted": _("The initiative was removed."),
        },
        success_url=lambda obj, action: _url("action_edit", pk=action.pk),
        back_url=lambda obj, action: _url("action_edit", pk=action.pk),
    ),
    Managed(
        namespace=AREA,
        name="spearhead",
        model=Spearhead,
        form=SpearheadForm,
        perm=PERM,
        path="speerpunten/",
        views=("list", "create", "edit"),
        rows=lambda request, parent: (
            Spearhead.objects.select_related("plan", "lead_organisation")
            .annotate(activity_count=Count("activities"))
            .order_by("-plan__is_current", "plan_id", "number")
        ),
        create=services.spearhead_create,
        update=services.spearhead_update,
        object_arg="spearhead",
        form_kwargs=_with_user_numbered,
        edit_context=lambda request, obj, parent: {
            "activities": list(obj.activities.all()) if obj else []
        },
        columns=[
            Column(_("Number"), "number"),
            Column(_("Spearhead"), "title", link=True, header=True),
            Column(_("Period"), "period"),
            Column(_("Lead organisation"), "lead_organisation.name"),
            Column(_("Activities"), "activity_count", numeric=True),
        ],
        row_actions=False,
        titles={"list": _("Spearheads"), "create": _("New spearhead"), "edit": "%(title)s"},
        add_label=_("New spearhead"),
        empty=_("No spearheads yet."),
        messages={"saved": _("The spearhead was saved.")},
        success_url=lambda obj, parent: _url("spearhead_edit", pk=obj.pk),
        templates={"form": "actionplan/manage/spearhead_edit.html"},
        once=False,
    ),
    Managed(
        namespace=AREA,
        name="activity",
        model=SpearheadActivity,
        form=ActivityForm,
        perm=PERM,
        path="activiteiten/",
        parent=Parent(model=Spearhead, kwarg="spearhead_pk", arg="spearhead", show_name=True),
        views=("create", "edit"),
        paths={"create": "speerpunten/<int:spearhead_pk>/activiteiten/nieuw/"},
        create=services.activity_create,
        update=services.activity_update,
        object_arg="activity",
        form_kwargs=_with_user,
        titles={"create": _("New activity")},
        title_field="",
        messages={"saved": _("The activity was saved.")},
        success_url=lambda obj, spearhead: _url("spearhead_edit", pk=spearhead.pk),
        back_url=lambda obj, spearhead: _url("spearhead_edit", pk=spearhead.pk),
    ),
    Managed(
        namespace=AREA,
        name="priority",
        model=FirstPriority,
        form=FirstPriorityForm,
        perm=PERM,
        path="prioriteiten/",
        rows=lambda request, parent: FirstPriority.objects.select_related("plan").prefetch_related(
            "challenges"
        ),
        create=services.first_priority_create,
        update=services.first_priority_update,
        delete=services.first_priority_delete,
        object_arg="priority",
        form_kwargs=_initial_priority,
        columns=[
            Column(_("Year"), "year"),
            Column(_("Priority"), "title", link=True, header=True),
            Column(_("Related challenges"), template="actionplan/manage/_cells.html#challenges"),
        ],
        row_actions=False,
        titles={"list": _("First priorities"), "create": _("New first priority"), **_REMOVE},
        title_field="",
        add_label=_("New first priority"),
        empty=_("No first priorities yet."),
        messages={
            "saved": _("The priority was saved."),
            "deleted": _("The priority was removed."),
        },
    ),
    Managed(
        namespace=AREA,
        name="evaluation",
        model=Evaluation,
        form=EvaluationForm,
        perm=PERM,
        path="evaluaties/",
        views=("list", "create", "edit"),
        rows=lambda request, parent: Evaluation.objects.select_related("plan").annotate(
            conclusion_count=Count("conclusions")
        ),
        create=services.evaluation_create,
        update=services.evaluation_update,
        object_arg="evaluation",
        form_kwargs=_initial_plan,
        edit_context=lambda request, obj, parent: {
            "conclusions": list(
                obj.conclusions.select_related("challenge", "action", "spearhead").order_by(
                    "challenge__number", "action__challenge__number", "spearhead__number", "id"
                )
            )
            if obj
            else []
        },
        columns=[
            Column(_("Date"), "date", format="j M Y"),
            Column(_("Evaluation"), "title", link=True, header=True),
            Column(_("Snapshot"), template="actionplan/manage/_cells.html#snapshot"),
            Column(_("Conclusions"), "conclusion_count", numeric=True),
        ],
        row_actions=False,
        titles={"list": _("Evaluations"), "create": _("New evaluation"), "edit": "%(title)s"},
        caption=_("Evaluation moments"),
        add_label=_("New evaluation"),
        empty=_("No evaluations yet."),
        messages={"saved": _("The evaluation was saved.")},
        success_url=lambda obj, parent: _url("evaluation_edit", pk=obj.pk),
        templates={"form": "actionplan/manage/evaluation_edit.html"},
        once=False,
    ),
    Managed(
        namespace=AREA,
        name="conclusion",
        model=EvaluationConclusion,
        form=ConclusionForm,
        perm=PERM,
        path="conclusies/",
        parent=Parent(model=Evaluation, kwarg="evaluation_pk", arg="evaluation", show_name=True),
        views=("create", "edit", "delete"),
        paths={"create": "evaluaties/<int:evaluation_pk>/conclusies/nieuw/"},
        create=_conclusion_create,
        update=_conclusion_update,
        delete=services.conclusion_delete,
        object_arg="conclusion",
        form_kwargs=_conclusion_kwargs,
        titles={
            "create": _("Conclusion"),
            "edit": lambda obj: f"{gettext('Conclusion')}: {obj.subject}",
            **_REMOVE,
        },
        title_field="",
        messages={
            "saved": _("The conclusion was saved."),
            "deleted": _("The conclusion was removed."),
        },
        success_url=lambda obj, evaluation: _url("evaluation_edit", pk=evaluation.pk),
        back_url=lambda obj, evaluation: _url("evaluation_edit", pk=evaluation.pk),
    ),
)
