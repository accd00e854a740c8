"""The agenda's workflow views in the management area (/beheer/agenda/): the event list,
publish, cancel, report, registrations, exports, check-in, message. Events, series,
questions and sessions are declared in `manage.py`. Every view: `management_view`
(signed in, a management role, TOTP where required), then a rules permission on the
object, then one service call."""

from __future__ import annotations

import copy
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import (
    management_view,
    personal_data_export,
    personal_data_gate,
    require_perm,
)
from sterk.core.content_language import marked_message, render_field
from sterk.core.exports import file_response
from sterk.core.forms import apply_errors
from sterk.core.once import FIELD as ONCE_FIELD
from sterk.core.once import once_per_token
from sterk.core.paging import kept_page
from sterk.core.params import parse_id
from sterk.core.roles import roles_of

from . import exports, selectors, services
from .forms_manage import (
    CancelForm,
    MessageForm,
    ReportForm,
)
from .models import Event, Registration, RegistrationStatus
from .types import EventReportData

PAGE_SIZE = 50


def _event(request: AuthenticatedRequest, pk: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("region"), pk=pk)
    require_perm(request, "events.manage_event", event)
    return event


def _tabs(event: Event, tab: str, **extra: Any) -> dict[str, Any]:
    """An event's page on the shared templates: its tabs, and Cancel back to the event."""
    return {
        "event": event,
        "tab": tab,
        "parent_nav": "events/manage/_event_tabs.html",
        "parent_crumb": (
            render_field(event, "title"),
            reverse("events_manage:event_edit", args=[event.pk]),
        ),
        "cancel_url": reverse("events_manage:event_edit", args=[event.pk]),
        **extra,
    }


def _post_only(request: AuthenticatedRequest) -> HttpResponse | None:
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


# --- events ------------------------------------------------------------------------------


@management_view
def event_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "events.access_management")
    show = "voorbij" if request.GET.get("toon") == "voorbij" else "komend"
    roles = roles_of(request.user)

    def rows() -> Any:
        qs = selectors.events_managed_by(request.user)
        now = timezone.now()
        if show == "voorbij":
            return qs.filter(ends_at__lt=now).order_by("-starts_at")
        return qs.filter(ends_at__gte=now).order_by("starts_at")

    # Everyone with the same roles sees the same events (`events_managed_by`); which are
    # past changes by the clock (an event's end is one of the page cache's moments).
    page = kept_page(
        request, "events.manage_list", (roles, show), rows, per_page=PAGE_SIZE, clock=True
    )
    context: dict[str, Any] = {"page": page, "show": show}
    if request.user.has_perm("events.view_cadence"):
        context["cadence"] = selectors.current_stakeholder_cadence()
    return render(request, "events/manage/event_list.html", context)


@management_view
def event_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    if (refused := _post_only(request)) is not None:
        return refused
    try:
        services.event_publish(actor=request.user, event=event)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The event is published in the agenda."))
    return redirect("events_manage:event_edit", pk=event.pk)


@management_view
def event_cancel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(
                actor=request.user, event=event, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The event is cancelled; everyone registered gets an e-mail.")
            )
            return redirect("events_manage:event_edit", pk=event.pk)
    return render(
        request,
        "manage/confirm_delete.html",
        _tabs(
            event,
            "edit",
            form=form,
            title=_("Cancel “%(title)s”?") % {"title": event.title},
            heading=marked_message(_("Cancel “%(title)s”?"), title=(event, "title")),
            intro=_(
                "Everyone who registered or waits for a seat receives an e-mail, and calendars show the event as cancelled."
            ),
            submit_label=_("Cancel the event"),
            danger=True,
        ),
    )


@management_view
def event_report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = ReportForm(request.POST or None, instance=copy.copy(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.event_report(
                actor=request.user,
                event=event,
                data=cast(EventReportData, form.service_data()),
                mark_held=event.is_past,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The report was saved."))
            return redirect("events_manage:event_report", pk=event.pk)
    return render(
        request,
        "manage/form.html",
        _tabs(
            event,
            "report",
            once=True,
            form=form,
            title=_("After the event"),
            intro=_(
                "When you add a recording, everyone who registered or waited gets an e-mail with the link, once."
            ),
        ),
    )


# --- registrations -------------------------------------------------------------------------


@management_view
def registration_list(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    people = list(selectors.registrants(event))
    questions = list(event.questions.all())
    for r in people:
        # A display value for the template (the answers in question order), not a field.
        answer_list = [(q, (r.answers or {}).get(str(q.pk), "")) for q in questions]
        r.answer_list = answer_list  # type: ignore[attr-defined]
    seat_holders = [r for r in people if r.holds_seat]
    waiting = [r for r in people if r.status == RegistrationStatus.WAITING]
    pending = [r for r in people if r.status == RegistrationStatus.PENDING]
    return render(
        request,
        "events/manage/registration_list.html",
        _tabs(
            event,
            "registrations",
            seat_holders=seat_holders,
            waiting=waiting,
            pending=pending,
            questions=questions,
            # Asked once, not on every row of the three tables.
            has_sessions=event.sessions.exists(),
        ),
    )


@management_view
def registration_cancel(request: AuthenticatedRequest, pk: int, rpk: int) -> HttpResponse:
    event = _event(request, pk)
    registration = get_object_or_404(Registration, pk=rpk, event=event)
    if request.method == "POST":
        services.registration_cancel(registration=registration, actor=request.user)
        messages.success(
            request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
        )
        return redirect("events_manage:registration_list", pk=event.pk)
    return render(
        request,
        "manage/confirm_delete.html",
        _tabs(
            event,
            "registrations",
            form=forms.Form(),
            title=_("Cancel the registration of %(name)s?") % {"name": registration.name},
            intro=_("A freed seat goes to the next person on the waiting list."),
            submit_label=_("Cancel the registration"),
            danger=True,
        ),
    )


def _download(content: Any, event: Event, ext: str) -> HttpResponse:
    return file_response(
        content, f"inschrijvingen-{event.slug}-{timezone.localdate():%Y-%m-%d}.{ext}"
    )


@personal_data_export
def export_csv(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    if (gate := personal_data_gate(request)) is not None:
        return gate
    return _download(exports.as_csv(event), event, "csv")


@personal_data_export
def export_xlsx(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    if (gate := personal_data_gate(request)) is not None:
        return gate
    return _download(exports.as_xlsx(event), event, "xlsx")


@management_view
def check_in(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Attendance on a phone: a big button per person; works without JavaScript."""
    event = _event(request, pk)
    if request.method == "POST":
        registration = get_object_or_404(
            Registration,
            pk=parse_id(request.POST.get("registration")),
            event=event,
            status=RegistrationStatus.CONFIRMED,
        )
        present = request.POST.get("present") == "1"
        services.registration_check_in(
            actor=request.user, registration=registration, present=present
        )
        name = registration.name
        messages.success(
            request,
            (_("%(name)s is checked in.") if present else _("%(name)s is no longer checked in."))
            % {"name": name},
        )
        query = request.POST.get("q", "")
        url = reverse("events_manage:check_in", args=[event.pk])
        return redirect(
            f"{url}?q={query}#r{registration.pk}" if query else f"{url}#r{registration.pk}"
        )
    q = request.GET.get("q", "").strip()
    people = event.registrations.filter(status=RegistrationStatus.CONFIRMED).order_by("name", "id")
    total = people.count()
    present_count = people.filter(checked_in_at__isnull=False).count()
    if q:
        people = people.filter(
            Q(name__icontains=q) | Q(email__icontains=q) | Q(organisation_name__icontains=q)
        )
    return render(
        request,
        "events/manage/check_in.html",
        _tabs(
            event,
            "check_in",
            people=people,
            q=q,
            total=total,
            present=present_count,
        ),
    )


@management_view
@once_per_token
def message(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sent = services.event_message_send(
                actor=request.user,
                event=event,
                subject=data["subject"],
                body=data["body"],
                include_waiting=data["include_waiting"],
                token=request.POST.get(ONCE_FIELD, ""),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("The message goes to %(n)s people.") % {"n": sent.recipient_count}
            )
            return redirect("events_manage:message", pk=event.pk)
    return render(
        request,
        "events/manage/message.html",
        _tabs(
            event,
            "message",
            form=form,
            sent=event.messages.all()[:20],
        ),
    )
