"""The governance's workflow pages in /beheer/: the stakeholder register, a meeting (agenda,
invitations, attendance, minutes, decisions, follow-up points) and the course watch."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import management_view, require_perm
from sterk.core.forms import apply_errors
from sterk.core.paging import paginate
from sterk.network.models import Organisation

from . import selectors, services
from .forms import AttendanceForm, DecisionForm, FollowUpCloseForm, FollowUpForm, MinutesForm
from .models import FollowUp, Meeting

PAGE_SIZE = 50


def _post_only(request: AuthenticatedRequest) -> HttpResponse | None:
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


# --- the stakeholder register ----------------------------------------------------------


@management_view
def register(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "governance.view_register")
    now = timezone.now()
    page = paginate(request, selectors.register_entries_for(request.user), PAGE_SIZE)
    entries = selectors.register_entries(list(page.object_list), now=now)
    inactive = 0
    for entry in entries:
        entry.is_inactive = entry.inactive(now)  # type: ignore[attr-defined]
        inactive += entry.is_inactive  # type: ignore[attr-defined]
    show_inactive = request.user.has_perm("governance.view_inactive")
    return render(
        request,
        "governance/manage/register.html",
        {
            "page": page,
            "entries": entries,
            "show_inactive": show_inactive,
            "inactive_count": inactive if show_inactive else 0,
        },
    )


@management_view
def register_entry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.stakeholders(), pk=pk)
    require_perm(request, "governance.view_register_entry", organisation)
    now = timezone.now()
    entry = selectors.register_entry(organisation)
    return render(
        request,
        "governance/manage/register_entry.html",
        {
            "entry": entry,
            "organisation": organisation,
            "inactive": entry.inactive(now),
            "show_inactive": request.user.has_perm("governance.view_inactive"),
            "can_change": request.user.has_perm("governance.change_register_entry", organisation),
        },
    )


# --- meetings --------------------------------------------------------------------------


@management_view
def meeting_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "governance.view_meetings")
    page = paginate(request, selectors.meeting_list(request.user), PAGE_SIZE)
    return render(
        request,
        "governance/manage/meeting_list.html",
        {
            "page": page,
            "bodies": list(selectors.bodies()),
            "can_manage": request.user.has_perm("governance.manage_meetings"),
        },
    )


def _meeting(request: AuthenticatedRequest, pk: int, perm: str) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("event"), pk=pk)
    require_perm(request, perm, meeting)
    return meeting


def _render_meeting(
    request: AuthenticatedRequest, meeting: Meeting, status: int = 200, **forms: Any
) -> HttpResponse:
    context = selectors.meeting_page(meeting)
    can_manage = request.user.has_perm("governance.manage_meetings")
    invitations = context["invitations"]
    if can_manage:
        context.update(
            {
                "minutes_form": forms.get("minutes_form")
                or MinutesForm(initial={"minutes": meeting.minutes}),
                "decision_form": forms.get("decision_form") or DecisionForm(),
                "follow_up_form": forms.get("follow_up_form")
                or FollowUpForm(invitations=invitations),
                "attendance_form": forms.get("attendance_form")
                or AttendanceForm(invitations=invitations),
                "close_form": FollowUpCloseForm(),
            }
        )
    context["can_manage"] = can_manage
    context["is_past"] = meeting.starts_at <= timezone.now()
    return render(request, "governance/manage/meeting_detail.html", context, status=status)


@management_view
def meeting_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, "governance.view_meeting")
    return _render_meeting(request, meeting)


@management_view
def meeting_invite(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    added = services.invitees_add_default(actor=request.user, meeting=meeting)
    messages.success(request, _("%(n)s people added to the invitees.") % {"n": added})
    return redirect("governance_manage:meeting_detail", pk=pk)


@management_view
def meeting_send_invitations(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    sent = services.invitations_send(actor=request.user, meeting=meeting)
    messages.success(
        request, _("Invitations sent to %(n)s people (nobody gets one twice).") % {"n": sent}
    )
    return redirect("governance_manage:meeting_detail", pk=pk)


@management_view
def meeting_attendance(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    invitations = list(meeting.invitations.select_related("user", "organisation"))
    form = AttendanceForm(request.POST, invitations=invitations)
    if not form.is_valid():
        return _render_meeting(request, meeting, 200, attendance_form=form)
    services.attendance_record(
        actor=request.user,
        meeting=meeting,
        present_ids={int(v) for v in form.cleaned_data["present"]},
    )
    messages.success(request, _("The attendance was recorded."))
    return redirect("governance_manage:meeting_detail", pk=pk)


@management_view
def meeting_minutes(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            services.minutes_save(
                actor=request.user, meeting=meeting, minutes=form.cleaned_data["minutes"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The draft minutes were saved."))
            return redirect("governance_manage:meeting_detail", pk=pk)
    return _render_meeting(request, meeting, 200, minutes_form=form)


@management_view
def meeting_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(
                actor=request.user, meeting=meeting, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("governance_manage:meeting_detail", pk=pk)
    return _render_meeting(request, meeting, 200, decision_form=form)


@management_view
def meeting_follow_up(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    invitations = list(meeting.invitations.select_related("user"))
    form = FollowUpForm(request.POST, invitations=invitations)
    if form.is_valid():
        owner_id = form.cleaned_data["owner"]
        owner = next((i.user for i in invitations if i.user_id == owner_id), None)
        try:
            services.follow_up_add(
                actor=request.user,
                meeting=meeting,
                data={
                    "title": form.cleaned_data["title"],
                    "owner": owner,
                    "due_on": form.cleaned_data["due_on"],
                },
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The follow-up point was added."))
            return redirect("governance_manage:meeting_detail", pk=pk)
    return _render_meeting(request, meeting, 200, follow_up_form=form)


@management_view
def follow_up_close(request: AuthenticatedRequest, pk: int, follow_up_pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    follow_up = get_object_or_404(FollowUp, pk=follow_up_pk, meeting__kind=meeting.kind)
    form = FollowUpCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose done or dropped."))
        return redirect("governance_manage:meeting_detail", pk=pk)
    try:
        services.follow_up_close(
            actor=request.user, follow_up=follow_up, at=meeting, status=form.cleaned_data["status"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The follow-up point was closed."))
    return redirect("governance_manage:meeting_detail", pk=pk)


@management_view
def meeting_approve_previous(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    previous = selectors.previous_meeting(meeting)
    if previous is None:
        messages.error(request, _("There is no earlier meeting of this kind."))
        return redirect("governance_manage:meeting_detail", pk=pk)
    try:
        services.minutes_approve(actor=request.user, meeting=previous, at=meeting)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The minutes of the previous meeting are approved."))
    return redirect("governance_manage:meeting_detail", pk=pk)


@management_view
def meeting_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    publish = request.POST.get("publish") != "0"
    try:
        services.minutes_publish(actor=request.user, meeting=meeting, publish=publish)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The minutes are published.") if publish else _("The minutes are no longer public."),
        )
    return redirect("governance_manage:meeting_detail", pk=pk)


@management_view
def meeting_send_minutes(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if (refused := _post_only(request)) is not None:
        return refused
    meeting = _meeting(request, pk, "governance.manage_meetings")
    try:
        sent = services.minutes_send(actor=request.user, meeting=meeting)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The minutes were sent to %(n)s people.") % {"n": sent})
    return redirect("governance_manage:meeting_detail", pk=pk)


# --- the course watch ------------------------------------------------------------------


@management_view
def course_watch(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "governance.view_course")
    return render(request, "governance/manage/course_watch.html", selectors.course_watch())
