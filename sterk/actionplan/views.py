"""Public pages of the action plan: overview, challenge, action, spearhead, evaluation,
the printable state of the plan (PDF) and the CSV/JSON exports."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language

from sterk.core import versioned
from sterk.network.models import Region

from . import exports, selectors
from .forms import PlanFilterForm
from .models import Action, Evaluation, Plan, Spearhead


def _plan_or_404() -> Plan:
    plan = selectors.current_plan()
    if plan is None:
        raise Http404("No current action plan")
    return plan


def overview(request: HttpRequest) -> HttpResponse:
    plan = selectors.current_plan()
    if plan is None:
        return render(request, "actionplan/no_plan.html")
    form = PlanFilterForm(request.GET or None)
    filters = form.filters()
    if filters.active:
        context = selectors.plan_overview(plan, filters)
    else:
        context = selectors.plan_overview_kept(plan)
    context["filters"] = filters
    template = "actionplan/overview.html"
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.target == "plan-results":
        template += "#results"
    else:
        # The fields read regions, core principles and functions (three queries): as the
        # overview is mostly opened, the same for everyone, kept per data version (#14).
        context["filter_fields"] = versioned.form_fields(
            "actionplan.filter_fields",
            "actionplan/_plan_filter_fields.html",
            form if form.is_bound else None,
            PlanFilterForm,
        )
    return render(request, template, context)


def action_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        action = selectors.action_detail(slug)
    except Action.DoesNotExist as exc:
        raise Http404 from exc
    context = selectors.action_page(action)
    context["can_post"] = request.user.has_perm("actionplan.post_progress", action)
    return render(request, "actionplan/action_detail.html", context)


def spearhead_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        spearhead = selectors.spearhead_detail(slug)
    except Spearhead.DoesNotExist as exc:
        raise Http404 from exc
    context = selectors.spearhead_page(spearhead)
    context["can_post"] = request.user.has_perm("actionplan.post_progress", spearhead)
    return render(request, "actionplan/spearhead_detail.html", context)


def evaluation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    evaluation = get_object_or_404(Evaluation.objects.select_related("plan"), slug=slug)
    return render(
        request, "actionplan/evaluation_detail.html", selectors.evaluation_page(evaluation)
    )


def _region_param(request: HttpRequest) -> Region | None:
    slug = request.GET.get("regio")
    if not slug:
        return None
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise Http404("Unknown region")
    return region


def state_pdf(request: HttpRequest) -> HttpResponse:
    plan = _plan_or_404()
    region = _region_param(request)
    pdf = exports.state_pdf(plan, region=region, language=get_language())
    name = f"stand-actieplan-{plan.slug}"
    if region is not None:
        name += f"-{region.slug}"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{name}-{timezone.localdate():%Y-%m-%d}.pdf"'
    )
    return response


def export_csv(request: HttpRequest) -> HttpResponse:
    plan = _plan_or_404()
    region = _region_param(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="actieplan-{plan.slug}-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    exports.write_csv(response, plan, region=region, language=get_language())
    return response


def export_json(request: HttpRequest) -> JsonResponse:
    plan = _plan_or_404()
    region = _region_param(request)
    response = JsonResponse(
        exports.as_json(plan, region=region, language=get_language()),
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    response["Content-Disposition"] = (
        f'inline; filename="actieplan-{plan.slug}-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response
