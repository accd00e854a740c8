"""Moderation and calls in the management area (/beheer/praktijken/): the workflow views
(queue, moderation, the moderator's edit, a call's submissions and export). Creating and
editing a call is declared in `manage.py`.

Every view: `management_view` (signed in, a management role, TOTP where required), then a
rules permission on the object, then one service call."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import (
    management_view,
    personal_data_export,
    personal_data_gate,
    require_perm,
)
from sterk.core.exports import file_response
from sterk.core.forms import apply_errors
from sterk.core.paging import kept_page, paginate
from sterk.core.roles import roles_of

from . import exports, selectors, services
from .forms import (
    DecisionForm,
    ImageFormSet,
    LinkFormSet,
    ModeratorPracticeForm,
    QueueFilterForm,
    image_data,
    link_data,
    link_initial,
)
from .models import MODERATION_QUEUE, Call, Practice

PAGE_SIZE = 50


def _page(request: AuthenticatedRequest, qs: Any) -> Any:
    return paginate(request, qs, PAGE_SIZE)


@management_view
def queue(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "practices.view_queue")
    form = QueueFilterForm(request.GET or None)
    status = form.data.get("status", "") if form.is_bound and form.is_valid() else ""

    def rows() -> Any:
        practices = selectors.moderation_queue(request.user)
        if status == "":
            return practices.filter(status__in=MODERATION_QUEUE)
        if status != "all":
            return practices.filter(status=status)
        return practices

    # Everyone with the same roles moderates the same practices (`moderation_queue`):
    # the page is read once per data version, roles and status (#14).
    page = kept_page(
        request, "practices.queue", (roles_of(request.user), status), rows, per_page=PAGE_SIZE
    )
    return render(
        request,
        "practices/manage/queue.html",
        {
            "form": form,
            "page": page,
            "can_calls": request.user.has_perm("practices.view_calls"),
        },
    )


def _moderated(request: AuthenticatedRequest, pk: int) -> Practice:
    practice = get_object_or_404(
        Practice.objects.select_related(
            "region", "subregion", "call", "call__owner", "submitted_by", "moderated_by"
        ).prefetch_related(
            "organisations", "krachtlijnen", "functions", "challenges", "actions", "links", "images"
        ),
        pk=pk,
    )
    require_perm(request, "practices.moderate_practice", practice)
    return practice


@management_view
def practice_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    practice = _moderated(request, pk)
    form = DecisionForm(request.POST or None, practice=practice)
    if request.method == "POST" and form.is_valid():
        decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
        actor = request.user
        try:
            if decision == DecisionForm.REVIEW:
                services.practice_start_review(actor=actor, practice=practice)
                messages.success(request, _("The practice is in review."))
            elif decision == DecisionForm.CHANGES:
                services.practice_request_changes(actor=actor, practice=practice, comment=message)
                messages.success(request, _("The submitter was asked for changes."))
            elif decision == DecisionForm.PUBLISH:
                services.practice_publish(actor=actor, practice=practice)
                messages.success(request, _("The practice is published in the library."))
            elif decision == DecisionForm.DECLINE:
                services.practice_decline(actor=actor, practice=practice, reason=message)
                messages.success(request, _("The practice was declined."))
            else:
                services.practice_archive(actor=actor, practice=practice)
                messages.success(request, _("The practice was archived."))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("practices_manage:practice_detail", pk=pk)
    from sterk.accounts.selectors import consent_given_at
    from sterk.core.personal_data import ConsentKind

    # Stories from before consents were recorded confirmed it when they were sent.
    confirmed_at = consent_given_at(practice, ConsentKind.STORY_ANONYMOUS) or (
        practice.created_at if practice.consent_anonymous else None
    )
    publish_at = consent_given_at(practice, ConsentKind.STORY_PUBLISH) or (
        practice.created_at if practice.consent_publish else None
    )
    return render(
        request,
        "practices/manage/practice_detail.html",
        {
            "practice": practice,
            "form": form,
            "anonymous_confirmed_at": confirmed_at,
            "publish_consented_at": publish_at,
        },
    )


@management_view
def practice_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    practice = _moderated(request, pk)
    form = ModeratorPracticeForm(request.POST or None, instance=practice, user=request.user)
    if request.method == "POST":
        links = LinkFormSet(request.POST, prefix="links")
        images = ImageFormSet(request.POST, request.FILES, prefix="images")
    else:
        links = LinkFormSet(prefix="links", initial=link_initial(practice))
        images = ImageFormSet(prefix="images")
    if request.method == "POST" and form.is_valid() and links.is_valid() and images.is_valid():
        try:
            services.practice_update(
                actor=request.user,
                practice=practice,
                data=form.service_data(),
                links=link_data(links),
                new_images=image_data(images),
                remove_image_ids=[i.pk for i in form.cleaned_data.get("remove_images") or []],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The practice was saved."))
            return redirect("practices_manage:practice_detail", pk=pk)
    return render(
        request,
        "practices/manage/practice_edit.html",
        {"practice": practice, "form": form, "links": links, "images": images},
    )


# --- calls -----------------------------------------------------------------------------------


@management_view
def call_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "practices.view_calls")
    return render(
        request,
        "practices/manage/call_list.html",
        {"calls": selectors.calls_for(request.user), "today": timezone.localdate()},
    )


@management_view
def call_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("owner"), pk=pk)
    require_perm(request, "practices.view_call_submissions", call)
    return render(
        request,
        "practices/manage/call_detail.html",
        {"call": call, "page": _page(request, selectors.call_submissions(call))},
    )


@personal_data_export
def call_export(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("owner"), pk=pk)
    require_perm(request, "practices.export_call_submissions", call)
    if (gate := personal_data_gate(request)) is not None:
        return gate
    name = f"oproep-{call.slug}-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return file_response(exports.as_csv(call), f"{name}.csv")
    if fmt == "xlsx":
        return file_response(exports.xlsx_bytes(call), f"{name}.xlsx")
    raise Http404
