"""Running the action plan without the Django admin (/beheer/actieplan/): the workflow
views (overview, the filtered action list, snapshot, progress, proposals). Plans,
challenges, actions, initiatives, spearheads, activities, first priorities, evaluations
and conclusions are declared in `manage.py`.

Every view: `management_view` (signed in, a management role, TOTP where required), then a
rules permission on the object, then one service call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Model, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sterk.accounts.types import AuthenticatedRequest
from sterk.core import versioned
from sterk.core.access import management_view, require_perm
from sterk.core.forms import apply_errors
from sterk.core.once import once_per_token
from sterk.core.paging import kept_page, paginate
from sterk.core.params import parse_id
from sterk.core.templatetags.sterk import tr_label_tag

from . import selectors, services
from .forms import (
    DecisionForm,
    ProgressForm,
    ProposalForm,
)
from .models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    Initiative,
    Origin,
    ProgressUpdate,
    ProposalStatus,
    Spearhead,
    SpearheadActivity,
    Status,
)
from .types import ProposalData

PAGE_SIZE = 50


def _save_form(
    request: AuthenticatedRequest,
    form: Any,
    save: Callable[[dict[str, Any]], Model],
    success: str,
    next_url: Callable[[Model], str],
) -> HttpResponse | None:
    """Validate, call the service, report. Returns a redirect on success, else None."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        obj = save(form.service_data())
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
    messages.success(request, success)
    return redirect(next_url(obj))


def _form_page(
    request: AuthenticatedRequest,
    *,
    title: str,
    title_obj: Any = None,
    context_title: str = "",
    context_obj: Any = None,
    **context: Any,
) -> HttpResponse:
    """A hand-written form on the shared manage/form.html."""
    return render(
        request,
        "manage/form.html",
        {
            "title": title,
            "heading": tr_label_tag(title_obj, title),
            "parent_name": tr_label_tag(context_obj, context_title) if context_title else "",
            "once": True,
            **context,
        },
    )


def _page(request: AuthenticatedRequest, qs: Any) -> Any:
    return paginate(request, qs, PAGE_SIZE)


# --- dashboard -------------------------------------------------------------------------


@management_view
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "actionplan.access_management")
    plan = selectors.current_plan()
    context: dict[str, Any] = {"plan": plan}
    proposals = selectors.proposals_for(request.user)
    context["open_proposals"] = list(proposals.open()[:20])
    context["open_proposal_count"] = proposals.open().count()
    if plan is not None:
        actions = Action.objects.of_plan(plan)
        context["summary"] = selectors.StatusSummary.of(actions.only("status", "progress"))
        context["counts"] = {
            "challenges": plan.challenges.count(),
            "initiatives": Initiative.objects.filter(action__challenge__plan=plan).count(),
            "spearheads": plan.spearheads.count(),
            "evaluations": plan.evaluations.count(),
        }
    if request.user.has_perm("actionplan.list_own_work"):
        context["my_actions"] = list(
            selectors.actions_postable_by(request.user)
            .select_related("challenge")
            .in_plan_order()[:PAGE_SIZE]
        )
        context["my_activities"] = list(
            selectors.activities_postable_by(request.user).select_related("spearhead")
        )
    return render(request, "actionplan/manage/dashboard.html", context)


# --- actions and initiatives -----------------------------------------------------------


@management_view
def action_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    challenge = request.GET.get("uitdaging", "")
    status = request.GET.get("status", "")
    origin = request.GET.get("herkomst", "")
    search = request.GET.get("q", "").strip()
    challenge_id = parse_id(challenge)
    # Everyone who manages the plan sees the same actions: the page is read once per
    # data version and filter (#14), and with it the plan and its challenges (the filter).
    filters = (
        challenge_id,
        status if status in Status.values else "",
        origin if origin in Origin.values else "",
        search,
    )
    page = kept_page(
        request,
        "actionplan.manage_actions",
        filters,
        lambda: _managed_actions(*filters),
        per_page=PAGE_SIZE,
    )
    return render(
        request,
        "actionplan/manage/action_list.html",
        {
            "page": page,
            "challenges": versioned.per_data_version(
                "actionplan.manage_challenges", None, _current_challenges
            ),
            "statuses": Status.choices,
            "origins": Origin.choices,
            "selected": {"challenge": challenge, "status": status, "origin": origin, "q": search},
        },
    )


def _managed_actions(challenge_id: int | None, status: str, origin: str, search: str) -> Any:
    """The management list's actions: the current plan's (every plan's when there is none)."""
    plan = selectors.current_plan()
    actions = Action.objects.select_related("challenge", "origin_region").annotate(
        initiative_count=Count("initiatives")
    )
    if plan is not None:
        actions = actions.of_plan(plan)
    if challenge_id is not None:
        actions = actions.filter(challenge_id=challenge_id)
    if status:
        actions = actions.filter(status=status)
    if origin:
        actions = actions.filter(origin=origin)
    if search:
        actions = actions.filter(Q(title__icontains=search) | Q(title_nl__icontains=search))
    return actions.in_plan_order()


def _current_challenges() -> list[Challenge]:
    plan = selectors.current_plan()
    return list(plan.challenges.all()) if plan is not None else []


# --- evaluations -----------------------------------------------------------------------


@management_view
@require_POST
def evaluation_snapshot(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    evaluation = get_object_or_404(Evaluation, pk=pk)
    try:
        services.evaluation_snapshot_take(actor=request.user, evaluation=evaluation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The snapshot was taken. It stays as it is, whatever is posted later.")
        )
    return redirect("actionplan_manage:evaluation_edit", pk=pk)


# --- progress --------------------------------------------------------------------------

TARGETS: dict[str, Any] = {
    "actie": Action.objects.select_related("challenge").prefetch_related(
        "carrier_regions", "carrier_organisations", "initiatives"
    ),
    "initiatief": Initiative.objects.select_related("action__challenge"),
    "activiteit": SpearheadActivity.objects.select_related(
        "spearhead__lead_organisation"
    ).prefetch_related("partners", "spearhead__partners"),
}


@management_view
def progress_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "actionplan.view_progress_area")
    search = request.GET.get("q", "").strip()
    actions = (
        selectors.actions_postable_by(request.user)
        .select_related("challenge")
        .prefetch_related("carrier_regions", "carrier_organisations")
        .in_plan_order()
    )
    if search:
        actions = actions.filter(Q(title__icontains=search) | Q(title_nl__icontains=search))
    activities = selectors.activities_postable_by(request.user).select_related("spearhead")
    return render(
        request,
        "actionplan/manage/progress_list.html",
        {
            "page": _page(request, actions),
            "activities": activities.order_by("spearhead__number", "order", "id"),
            "q": search,
        },
    )


@management_view
def progress_post(request: AuthenticatedRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in TARGETS:
        raise Http404
    target = get_object_or_404(TARGETS[kind], pk=pk)
    require_perm(request, "actionplan.post_progress", target)
    form = ProgressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_record(actor=request.user, target=target, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Your update was posted."))
            return redirect("actionplan_manage:progress_post", kind=kind, pk=pk)
    else:
        form.initial.setdefault("status", target.status)
        form.initial.setdefault("progress", target.progress)
    history = target.updates.for_display().latest_first()
    return render(
        request,
        "actionplan/manage/progress_post.html",
        {
            "form": form,
            "target": target,
            "kind": kind,
            "history": history,
            "initiatives": list(target.initiatives.all()) if kind == "actie" else [],
            "can_delete": request.user.has_perm("actionplan.delete_progress"),
        },
    )


@management_view
def progress_spearhead(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    spearhead = get_object_or_404(
        Spearhead.objects.select_related("lead_organisation").prefetch_related("partners"), pk=pk
    )
    require_perm(request, "actionplan.post_progress", spearhead)
    return render(
        request,
        "actionplan/manage/progress_spearhead.html",
        {"spearhead": spearhead, "activities": list(spearhead.activities.all())},
    )


@management_view
def progress_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_perm(request, "actionplan.delete_progress")
    update = get_object_or_404(ProgressUpdate.objects.for_display(), pk=pk)
    target = update.target
    if target is None:
        raise Http404
    kind = {Action: "actie", Initiative: "initiatief", SpearheadActivity: "activiteit"}[
        type(target)
    ]
    back = reverse("actionplan_manage:progress_post", kwargs={"kind": kind, "pk": target.pk})
    if request.method == "POST":
        services.progress_delete(actor=request.user, update=update)
        messages.success(request, _("The update was removed."))
        return redirect(back)
    name = tr_label_tag(update, str(update))
    return render(
        request,
        "manage/confirm_delete.html",
        {
            "object": update,
            "title": _("Remove “%(name)s”?") % {"name": str(update)},
            "heading": mark_safe(  # noqa: S308 - the text is escaped, the name is a safe tag
                conditional_escape(_("Remove “%(name)s”?")) % {"name": name}
            ),
            "note": _("This cannot be undone. The removal is recorded in the audit trail."),
            "submit_label": _("Remove"),
            "cancel_url": back,
        },
    )


# --- regional proposals ----------------------------------------------------------------


@management_view
def proposal_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "actionplan.view_proposals")
    proposals = selectors.proposals_for(request.user)
    status = request.GET.get("status", "open")
    if status == "open":
        proposals = proposals.open()
    elif status in ProposalStatus.values:
        proposals = proposals.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "actionplan/manage/proposal_list.html",
        {
            "page": _page(request, proposals),
            "status": status,
            "statuses": ProposalStatus.choices,
            "can_propose": request.user.has_perm("actionplan.propose_action"),
        },
    )


@management_view
@once_per_token
def proposal_create(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "actionplan.propose_action")
    form = ProposalForm(request.POST or None, user=request.user, choose_region=True)

    def save(data: dict[str, Any]) -> Model:
        region = data.pop("region")
        if not request.user.has_perm("actionplan.propose_action_for_region", region):
            raise PermissionDenied
        return services.proposal_submit(
            actor=request.user, region=region, data=cast(ProposalData, data)
        )

    done = _save_form(
        request,
        form,
        save,
        _("Your proposal was sent to the steering group."),
        lambda obj: reverse("actionplan_manage:proposal_detail", kwargs={"pk": obj.pk}),
    )
    return done or _form_page(
        request,
        form=form,
        title=_("Propose a new action"),
        intro=_(
            "The steering group or a coordinator reads your proposal. You receive an e-mail "
            "when they approve it, ask for changes or decline it."
        ),
        cancel_url=reverse("actionplan_manage:proposal_list"),
        submit_label=_("Send the proposal"),
    )


@management_view
def proposal_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        ActionProposal.objects.for_list().prefetch_related(
            "krachtlijnen", "functions", "carrier_regions", "carrier_organisations"
        ),
        pk=pk,
    )
    require_perm(request, "actionplan.view_proposal", proposal)
    can_decide = request.user.has_perm("actionplan.decide_proposal", proposal)
    form = DecisionForm(request.POST or None) if can_decide else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
            try:
                if decision == DecisionForm.APPROVE:
                    services.proposal_approve(
                        actor=request.user, proposal=proposal, message=message
                    )
                    messages.success(request, _("Approved: the action is now part of the plan."))
                elif decision == DecisionForm.CHANGES:
                    services.proposal_request_changes(
                        actor=request.user, proposal=proposal, message=message
                    )
                    messages.success(request, _("The chair was asked for changes."))
                else:
                    services.proposal_decline(actor=request.user, proposal=proposal, reason=message)
                    messages.success(request, _("The proposal was declined."))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                return redirect("actionplan_manage:proposal_detail", pk=pk)
    return render(
        request,
        "actionplan/manage/proposal_detail.html",
        {
            "proposal": proposal,
            "form": form,
            "can_change": request.user.has_perm("actionplan.change_proposal", proposal),
        },
    )


@management_view
def proposal_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(ActionProposal.objects.select_related("region"), pk=pk)
    require_perm(request, "actionplan.change_proposal", proposal)
    form = ProposalForm(request.POST or None, instance=proposal, user=request.user)
    done = _save_form(
        request,
        form,
        lambda data: services.proposal_update(
            actor=request.user, proposal=proposal, data=cast(ProposalData, data)
        ),
        _("The proposal was saved.")
        if proposal.status == ProposalStatus.SUBMITTED
        else _("The new version was sent to the steering group."),
        lambda obj: reverse("actionplan_manage:proposal_detail", kwargs={"pk": obj.pk}),
    )
    return done or _form_page(
        request,
        form=form,
        title=_("Edit the proposal"),
        context_title=str(proposal.region),
        context_obj=proposal.region,
        intro=proposal.decision_message,
        cancel_url=reverse("actionplan_manage:proposal_detail", kwargs={"pk": pk}),
        submit_label=_("Send the new version")
        if proposal.status == ProposalStatus.CHANGES_REQUESTED
        else _("Save"),
    )
