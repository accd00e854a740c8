"""Running the action plan without the Django admin (/beheer/actieplan/).

Every view: `management_view` (signed in, a management role, TOTP where required), then a
rules permission on the object, then one service call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Model, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sterk.core.access import management_view, require_perm
from sterk.core.forms import apply_errors
from sterk.core.once import once_per_token
from sterk.core.params import parse_id
from sterk.core.roles import roles_of

from . import selectors, services
from .forms import (
    ActionForm,
    ActivityForm,
    ChallengeForm,
    ConclusionForm,
    DecisionForm,
    EvaluationForm,
    FirstPriorityForm,
    InitiativeForm,
    PlanForm,
    ProgressForm,
    ProposalForm,
    SpearheadForm,
)
from .models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    EvaluationConclusion,
    FirstPriority,
    Initiative,
    Origin,
    Plan,
    ProgressUpdate,
    ProposalStatus,
    Spearhead,
    SpearheadActivity,
    Status,
)

PAGE_SIZE = 50


def _save_form(
    request: HttpRequest,
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


def _form_page(request: HttpRequest, **context: Any) -> HttpResponse:
    return render(request, "actionplan/manage/form.html", context)


def _page(request: HttpRequest, qs: Any) -> Any:
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))


# --- dashboard -------------------------------------------------------------------------


@management_view
def dashboard(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.access_management")
    roles = roles_of(request.user)
    plan = selectors.current_plan()
    context: dict[str, Any] = {"roles": roles, "plan": plan}
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
    postable = selectors.actions_postable_by(request.user)
    if not roles.coordinator:
        context["my_actions"] = list(
            postable.select_related("challenge").in_plan_order()[:PAGE_SIZE]
        )
        context["my_activities"] = list(
            selectors.activities_postable_by(request.user).select_related("spearhead")
        )
    return render(request, "actionplan/manage/dashboard.html", context)


# --- plans -----------------------------------------------------------------------------


@management_view
def plan_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    plans = Plan.objects.annotate(challenge_count=Count("challenges"))
    return render(request, "actionplan/manage/plan_list.html", {"plans": plans})


@management_view
@once_per_token
def plan_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    plan = get_object_or_404(Plan, pk=pk) if pk else None
    form = PlanForm(request.POST or None, instance=plan)
    done = _save_form(
        request,
        form,
        lambda data: (
            services.plan_update(actor=request.user, plan=plan, data=data)
            if plan
            else services.plan_create(actor=request.user, data=data)
        ),
        _("The plan was saved."),
        lambda obj: reverse("actionplan_manage:plan_list"),
    )
    return done or _form_page(
        request,
        form=form,
        title=_("Edit the plan") if plan else _("New plan"),
        cancel_url=reverse("actionplan_manage:plan_list"),
    )


# --- challenges ------------------------------------------------------------------------


@management_view
def challenge_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    challenges = (
        Challenge.objects.select_related("plan")
        .annotate(action_count=Count("actions"))
        .order_by("-plan__is_current", "plan_id", "number")
    )
    return render(request, "actionplan/manage/challenge_list.html", {"challenges": challenges})


@management_view
@once_per_token
def challenge_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    challenge = get_object_or_404(Challenge, pk=pk) if pk else None
    initial = {}
    if challenge is None and (plan := selectors.current_plan()):
        initial = {"plan": plan, "number": plan.challenges.count() + 1}
    form = ChallengeForm(request.POST or None, instance=challenge, initial=initial)
    done = _save_form(
        request,
        form,
        lambda data: (
            services.challenge_update(actor=request.user, challenge=challenge, data=data)
            if challenge
            else services.challenge_create(actor=request.user, data=data)
        ),
        _("The challenge was saved."),
        lambda obj: reverse("actionplan_manage:challenge_list"),
    )
    return done or _form_page(
        request,
        form=form,
        title=str(challenge) if challenge else _("New challenge"),
        title_obj=challenge,
        cancel_url=reverse("actionplan_manage:challenge_list"),
        public_url=challenge.get_absolute_url() if challenge else "",
    )


# --- actions and initiatives -----------------------------------------------------------


@management_view
def action_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    plan = selectors.current_plan()
    actions = Action.objects.select_related("challenge", "origin_region").annotate(
        initiative_count=Count("initiatives")
    )
    if plan is not None:
        actions = actions.of_plan(plan)
    challenge = request.GET.get("uitdaging", "")
    status = request.GET.get("status", "")
    origin = request.GET.get("herkomst", "")
    search = request.GET.get("q", "").strip()
    challenge_id = parse_id(challenge)
    if challenge_id is not None:
        actions = actions.filter(challenge_id=challenge_id)
    if status in Status.values:
        actions = actions.filter(status=status)
    if origin in Origin.values:
        actions = actions.filter(origin=origin)
    if search:
        actions = actions.filter(Q(title__icontains=search) | Q(title_nl__icontains=search))
    return render(
        request,
        "actionplan/manage/action_list.html",
        {
            "page": _page(request, actions.in_plan_order()),
            "challenges": plan.challenges.all() if plan else Challenge.objects.none(),
            "statuses": Status.choices,
            "origins": Origin.choices,
            "selected": {"challenge": challenge, "status": status, "origin": origin, "q": search},
        },
    )


@management_view
def action_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    action = get_object_or_404(Action.objects.select_related("challenge"), pk=pk) if pk else None
    form = ActionForm(request.POST or None, instance=action, user=request.user)
    done = _save_form(
        request,
        form,
        lambda data: (
            services.action_update(actor=request.user, action=action, data=data)
            if action
            else services.action_create(actor=request.user, data=data)
        ),
        _("The action was saved."),
        lambda obj: reverse("actionplan_manage:action_edit", kwargs={"pk": obj.pk}),
    )
    if done:
        return done
    return render(
        request,
        "actionplan/manage/action_edit.html",
        {
            "form": form,
            "action": action,
            "initiatives": list(action.initiatives.all()) if action else [],
        },
    )


@management_view
def action_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    action = get_object_or_404(Action, pk=pk)
    if request.method == "POST":
        try:
            services.action_delete(actor=request.user, action=action)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("actionplan_manage:action_edit", pk=pk)
        messages.success(request, _("The action was removed."))
        return redirect("actionplan_manage:action_list")
    return render(
        request,
        "actionplan/manage/confirm_delete.html",
        {"object": action, "cancel_url": reverse("actionplan_manage:action_edit", args=[pk])},
    )


@management_view
@once_per_token
def initiative_edit(
    request: HttpRequest, action_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    initiative = (
        get_object_or_404(Initiative.objects.select_related("action"), pk=pk) if pk else None
    )
    action = initiative.action if initiative else get_object_or_404(Action, pk=action_pk)
    form = InitiativeForm(request.POST or None, instance=initiative)
    done = _save_form(
        request,
        form,
        lambda data: (
            services.initiative_update(actor=request.user, initiative=initiative, data=data)
            if initiative
            else services.initiative_create(actor=request.user, action=action, data=data)
        ),
        _("The initiative was saved."),
        lambda obj: reverse("actionplan_manage:action_edit", kwargs={"pk": action.pk}),
    )
    return done or _form_page(
        request,
        form=form,
        title=str(initiative) if initiative else _("New initiative"),
        title_obj=initiative,
        context_title=str(action),
        context_obj=action,
        cancel_url=reverse("actionplan_manage:action_edit", kwargs={"pk": action.pk}),
        delete_url=reverse("actionplan_manage:initiative_delete", kwargs={"pk": initiative.pk})
        if initiative
        else "",
    )


@management_view
def initiative_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    initiative = get_object_or_404(Initiative.objects.select_related("action"), pk=pk)
    back = reverse("actionplan_manage:action_edit", kwargs={"pk": initiative.action_id})
    if request.method == "POST":
        try:
            services.initiative_delete(actor=request.user, initiative=initiative)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The initiative was removed."))
        return redirect(back)
    return render(
        request, "actionplan/manage/confirm_delete.html", {"object": initiative, "cancel_url": back}
    )


# --- spearheads ------------------------------------------------------------------------


@management_view
def spearhead_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    spearheads = (
        Spearhead.objects.select_related("plan", "lead_organisation")
        .annotate(activity_count=Count("activities"))
        .order_by("-plan__is_current", "plan_id", "number")
    )
    return render(request, "actionplan/manage/spearhead_list.html", {"spearheads": spearheads})


@management_view
def spearhead_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    spearhead = get_object_or_404(Spearhead, pk=pk) if pk else None
    initial = {}
    if spearhead is None and (plan := selectors.current_plan()):
        initial = {"plan": plan, "number": plan.spearheads.count() + 1}
    form = SpearheadForm(
        request.POST or None, instance=spearhead, initial=initial, user=request.user
    )
    done = _save_form(
        request,
        form,
        lambda data: (
            services.spearhead_update(actor=request.user, spearhead=spearhead, data=data)
            if spearhead
            else services.spearhead_create(actor=request.user, data=data)
        ),
        _("The spearhead was saved."),
        lambda obj: reverse("actionplan_manage:spearhead_edit", kwargs={"pk": obj.pk}),
    )
    if done:
        return done
    return render(
        request,
        "actionplan/manage/spearhead_edit.html",
        {
            "form": form,
            "spearhead": spearhead,
            "activities": list(spearhead.activities.all()) if spearhead else [],
        },
    )


@management_view
@once_per_token
def activity_edit(
    request: HttpRequest, spearhead_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    activity = (
        get_object_or_404(SpearheadActivity.objects.select_related("spearhead"), pk=pk)
        if pk
        else None
    )
    spearhead = activity.spearhead if activity else get_object_or_404(Spearhead, pk=spearhead_pk)
    form = ActivityForm(request.POST or None, instance=activity, user=request.user)
    back = reverse("actionplan_manage:spearhead_edit", kwargs={"pk": spearhead.pk})
    done = _save_form(
        request,
        form,
        lambda data: (
            services.activity_update(actor=request.user, activity=activity, data=data)
            if activity
            else services.activity_create(actor=request.user, spearhead=spearhead, data=data)
        ),
        _("The activity was saved."),
        lambda obj: back,
    )
    return done or _form_page(
        request,
        form=form,
        title=str(activity) if activity else _("New activity"),
        title_obj=activity,
        context_title=str(spearhead),
        context_obj=spearhead,
        cancel_url=back,
    )


# --- first priorities ------------------------------------------------------------------


@management_view
def priority_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    priorities = FirstPriority.objects.select_related("plan").prefetch_related("challenges")
    return render(request, "actionplan/manage/priority_list.html", {"priorities": priorities})


@management_view
@once_per_token
def priority_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    priority = get_object_or_404(FirstPriority, pk=pk) if pk else None
    initial = {}
    if priority is None and (plan := selectors.current_plan()):
        initial = {"plan": plan, "year": plan.start_year}
    form = FirstPriorityForm(request.POST or None, instance=priority, initial=initial)
    done = _save_form(
        request,
        form,
        lambda data: (
            services.first_priority_update(actor=request.user, priority=priority, data=data)
            if priority
            else services.first_priority_create(actor=request.user, data=data)
        ),
        _("The priority was saved."),
        lambda obj: reverse("actionplan_manage:priority_list"),
    )
    return done or _form_page(
        request,
        form=form,
        title=str(priority) if priority else _("New first priority"),
        title_obj=priority,
        cancel_url=reverse("actionplan_manage:priority_list"),
        delete_url=reverse("actionplan_manage:priority_delete", kwargs={"pk": priority.pk})
        if priority
        else "",
    )


@management_view
def priority_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    priority = get_object_or_404(FirstPriority, pk=pk)
    back = reverse("actionplan_manage:priority_list")
    if request.method == "POST":
        services.first_priority_delete(actor=request.user, priority=priority)
        messages.success(request, _("The priority was removed."))
        return redirect(back)
    return render(
        request, "actionplan/manage/confirm_delete.html", {"object": priority, "cancel_url": back}
    )


# --- evaluations -----------------------------------------------------------------------


@management_view
def evaluation_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    evaluations = Evaluation.objects.select_related("plan").annotate(
        conclusion_count=Count("conclusions")
    )
    return render(request, "actionplan/manage/evaluation_list.html", {"evaluations": evaluations})


@management_view
def evaluation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    evaluation = get_object_or_404(Evaluation, pk=pk) if pk else None
    initial = {}
    if evaluation is None and (plan := selectors.current_plan()):
        initial = {"plan": plan}
    form = EvaluationForm(request.POST or None, instance=evaluation, initial=initial)
    done = _save_form(
        request,
        form,
        lambda data: (
            services.evaluation_update(actor=request.user, evaluation=evaluation, data=data)
            if evaluation
            else services.evaluation_create(actor=request.user, data=data)
        ),
        _("The evaluation was saved."),
        lambda obj: reverse("actionplan_manage:evaluation_edit", kwargs={"pk": obj.pk}),
    )
    if done:
        return done
    conclusions = (
        list(
            evaluation.conclusions.select_related("challenge", "action", "spearhead").order_by(
                "challenge__number", "action__challenge__number", "spearhead__number", "id"
            )
        )
        if evaluation
        else []
    )
    return render(
        request,
        "actionplan/manage/evaluation_edit.html",
        {"form": form, "evaluation": evaluation, "conclusions": conclusions},
    )


@management_view
@require_POST
def evaluation_snapshot(request: HttpRequest, pk: int) -> HttpResponse:
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


@management_view
@once_per_token
def conclusion_edit(
    request: HttpRequest, evaluation_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    conclusion = (
        get_object_or_404(EvaluationConclusion.objects.select_related("evaluation"), pk=pk)
        if pk
        else None
    )
    evaluation = (
        conclusion.evaluation if conclusion else get_object_or_404(Evaluation, pk=evaluation_pk)
    )
    initial = {}
    for name in ("challenge", "action", "spearhead"):
        value = request.GET.get(name, "")
        if parse_id(value):
            initial[name] = parse_id(value)
    form = ConclusionForm(
        request.POST or None, instance=conclusion, evaluation=evaluation, initial=initial
    )
    back = reverse("actionplan_manage:evaluation_edit", kwargs={"pk": evaluation.pk})

    def save(data: dict[str, Any]) -> Model:
        if conclusion is not None:
            data = {k: v for k, v in data.items() if k.startswith("text_")}
        return services.conclusion_save(
            actor=request.user, evaluation=evaluation, data=data, conclusion=conclusion
        )

    done = _save_form(request, form, save, _("The conclusion was saved."), lambda obj: back)
    return done or _form_page(
        request,
        form=form,
        title=_("Conclusion") + (f": {conclusion.subject}" if conclusion else ""),
        context_title=str(evaluation),
        context_obj=evaluation,
        cancel_url=back,
        delete_url=reverse("actionplan_manage:conclusion_delete", kwargs={"pk": conclusion.pk})
        if conclusion
        else "",
    )


@management_view
def conclusion_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request, "actionplan.manage_plan")
    conclusion = get_object_or_404(EvaluationConclusion, pk=pk)
    back = reverse("actionplan_manage:evaluation_edit", kwargs={"pk": conclusion.evaluation_id})
    if request.method == "POST":
        services.conclusion_delete(actor=request.user, conclusion=conclusion)
        messages.success(request, _("The conclusion was removed."))
        return redirect(back)
    return render(
        request,
        "actionplan/manage/confirm_delete.html",
        {"object": conclusion, "cancel_url": back},
    )


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
def progress_list(request: HttpRequest) -> HttpResponse:
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
def progress_post(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
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
def progress_spearhead(request: HttpRequest, pk: int) -> HttpResponse:
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
def progress_delete(request: HttpRequest, pk: int) -> HttpResponse:
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
    return render(
        request, "actionplan/manage/confirm_delete.html", {"object": update, "cancel_url": back}
    )


# --- regional proposals ----------------------------------------------------------------


@management_view
def proposal_list(request: HttpRequest) -> HttpResponse:
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
def proposal_create(request: HttpRequest) -> HttpResponse:
    require_perm(request, "actionplan.propose_action")
    form = ProposalForm(request.POST or None, user=request.user, choose_region=True)

    def save(data: dict[str, Any]) -> Model:
        region = data.pop("region")
        if not request.user.has_perm("actionplan.propose_action_for_region", region):
            raise PermissionDenied
        return services.proposal_submit(actor=request.user, region=region, data=data)

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
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
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
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(ActionProposal.objects.select_related("region"), pk=pk)
    require_perm(request, "actionplan.change_proposal", proposal)
    form = ProposalForm(request.POST or None, instance=proposal, user=request.user)
    done = _save_form(
        request,
        form,
        lambda data: services.proposal_update(actor=request.user, proposal=proposal, data=data),
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
