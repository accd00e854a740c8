"""The agenda in the management area (/beheer/agenda/). Every view: `management_view`
(signed in, a management role, TOTP where required), then a rules permission on the
object, then one service call."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core.access import (
    management_view,
    personal_data_export,
    personal_data_gate,
    require_perm,
)
from sterk.core.content_language import marked_message
from sterk.core.exports import file_response
from sterk.core.forms import apply_errors
from sterk.core.once import FIELD as ONCE_FIELD
from sterk.core.once import once_per_token
from sterk.core.params import parse_id

from . import exports, selectors, services
from .forms_manage import (
    CancelForm,
    EventForm,
    MessageForm,
    QuestionForm,
    ReportForm,
    SeriesForm,
    SessionForm,
)
from .models import Event, Question, Registration, RegistrationStatus, Series, Session

PAGE_SIZE = 50


def _event(request: HttpRequest, pk: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("region"), pk=pk)
    require_perm(request, "events.manage_event", event)
    return event


def _tabs(event: Event, tab: str, **extra: Any) -> dict[str, Any]:
    return {"event": event, "tab": tab, **extra}


def _post_only(request: HttpRequest) -> HttpResponse | None:
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


# --- events ------------------------------------------------------------------------------


@management_view
def event_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "events.access_management")
    qs = selectors.events_managed_by(request.user)
    show = request.GET.get("toon", "komend")
    now = timezone.now()
    if show == "voorbij":
        qs = qs.filter(ends_at__lt=now).order_by("-starts_at")
    else:
        qs = qs.filter(ends_at__gte=now).order_by("starts_at")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context: dict[str, Any] = {"page": page, "show": show}
    if request.user.has_perm("events.view_cadence"):
        context["cadence"] = selectors.stakeholder_cadence()
    return render(request, "events/manage/event_list.html", context)


@management_view
@once_per_token
def event_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    event = _event(request, pk) if pk else None
    if event is None:
        require_perm(request, "events.add_event")
    form = EventForm(
        request.POST or None,
        instance=copy.copy(event) if event else None,
        user=request.user,
        initial={} if event else {"invited_roles": []},
    )
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        region = data.get("region")
        if not request.user.has_perm("events.add_event_for", region) and not (
            region is None and request.user.has_perm("events.manage_series")
        ):
            form.add_error("region", _("You can only organise events for your own region."))
        else:
            try:
                if event:
                    saved = services.event_update(actor=request.user, event=event, data=data)
                else:
                    saved = services.event_create(actor=request.user, data=data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The event was saved."))
                return redirect("events_manage:event_edit", pk=saved.pk)
    return render(
        request,
        "events/manage/event_edit.html",
        _tabs(event, "edit", form=form) if event else {"form": form, "event": None, "tab": "edit"},
    )


@management_view
def event_publish(request: HttpRequest, pk: int) -> HttpResponse:
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
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
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
        "events/manage/confirm.html",
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
def event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = forms.Form(request.POST or None)
    if request.method == "POST":
        try:
            services.event_delete(actor=request.user, event=event)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("events_manage:event_edit", pk=event.pk)
        messages.success(request, _("The draft was deleted."))
        return redirect("events_manage:event_list")
    return render(
        request,
        "events/manage/confirm.html",
        _tabs(
            event,
            "edit",
            form=form,
            title=_("Delete the draft “%(title)s”?") % {"title": event.title},
            heading=marked_message(_("Delete the draft “%(title)s”?"), title=(event, "title")),
            submit_label=_("Delete"),
            danger=True,
        ),
    )


@management_view
def event_report(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = ReportForm(request.POST or None, instance=copy.copy(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.event_report(
                actor=request.user, event=event, data=form.service_data(), mark_held=event.is_past
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The report was saved."))
            return redirect("events_manage:event_report", pk=event.pk)
    return render(
        request,
        "events/manage/form.html",
        _tabs(
            event,
            "report",
            form=form,
            title=_("After the event"),
            intro=_(
                "When you add a recording, everyone who registered or waited gets an e-mail with the link, once."
            ),
        ),
    )


# --- series (coordinators) ---------------------------------------------------------------


@management_view
def series_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "events.manage_series")
    from django.db.models import Count

    series = Series.objects.annotate(event_count=Count("events"))
    return render(request, "events/manage/series_list.html", {"series": series})


@management_view
@once_per_token
def series_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_perm(request, "events.manage_series")
    series = get_object_or_404(Series, pk=pk) if pk else None
    form = SeriesForm(request.POST or None, instance=copy.copy(series) if series else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.series_save(actor=request.user, data=form.service_data(), series=series)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The series was saved."))
            return redirect("events_manage:series_list")
    return render(
        request,
        "events/manage/form.html",
        {
            "form": form,
            "event": None,
            "title": _("Edit the series") if series else _("New series or campaign"),
            "cancel_url": reverse("events_manage:series_list"),
        },
    )


# --- questions and sessions --------------------------------------------------------------


@management_view
def question_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    return render(
        request,
        "events/manage/question_list.html",
        _tabs(event, "questions", questions=event.questions.all()),
    )


def _part_form(
    request: HttpRequest,
    event: Event,
    *,
    tab: str,
    form: Any,
    save: Any,
    success: str,
    title: str,
    list_url: str,
) -> HttpResponse:
    """Create/edit of an event's questions and sessions: validate, call the service, keep
    the input and show the service's errors on failure."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.service_data())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(list_url, pk=event.pk)
    return render(
        request,
        "events/manage/form.html",
        _tabs(event, tab, form=form, title=title, cancel_url=reverse(list_url, args=[event.pk])),
    )


def _part_delete(
    request: HttpRequest,
    event: Event,
    *,
    tab: str,
    delete: Any,
    success: str,
    title: str,
    list_url: str,
    heading: str = "",
) -> HttpResponse:
    """Remove a question or session after a confirmation page."""
    if request.method == "POST":
        delete()
        messages.success(request, success)
        return redirect(list_url, pk=event.pk)
    return render(
        request,
        "events/manage/confirm.html",
        _tabs(
            event,
            tab,
            form=forms.Form(),
            title=title,
            heading=heading,
            submit_label=_("Remove"),
            danger=True,
        ),
    )


@management_view
@once_per_token
def question_edit(request: HttpRequest, pk: int, qpk: int | None = None) -> HttpResponse:
    event = _event(request, pk)
    question = get_object_or_404(Question, pk=qpk, event=event) if qpk else None
    form = QuestionForm(
        request.POST or None, instance=copy.copy(question) if question else Question(event=event)
    )
    return _part_form(
        request,
        event,
        tab="questions",
        form=form,
        save=lambda data: services.question_save(
            actor=request.user, event=event, data=data, question=question
        ),
        success=_("The question was saved."),
        title=_("Registration question"),
        list_url="events_manage:question_list",
    )


@management_view
def question_delete(request: HttpRequest, pk: int, qpk: int) -> HttpResponse:
    event = _event(request, pk)
    question = get_object_or_404(Question, pk=qpk, event=event)
    return _part_delete(
        request,
        event,
        tab="questions",
        delete=lambda: services.question_delete(actor=request.user, question=question),
        success=_("The question was removed."),
        title=_("Remove the question “%(q)s”?") % {"q": question.label},
        heading=marked_message(_("Remove the question “%(q)s”?"), q=(question, "label")),
        list_url="events_manage:question_list",
    )


@management_view
def session_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    from django.db.models import Count

    sessions = event.sessions.annotate(
        seats_taken=Count(
            "registrations", filter=Q(registrations__status__in=["confirmed", "offered"])
        )
    )
    return render(
        request, "events/manage/session_list.html", _tabs(event, "sessions", sessions=sessions)
    )


@management_view
@once_per_token
def session_edit(request: HttpRequest, pk: int, spk: int | None = None) -> HttpResponse:
    event = _event(request, pk)
    session = get_object_or_404(Session, pk=spk, event=event) if spk else None
    initial = {} if session else {"starts_at": event.starts_at, "ends_at": event.ends_at}
    form = SessionForm(
        request.POST or None,
        instance=copy.copy(session) if session else Session(event=event),
        initial=initial,
    )
    return _part_form(
        request,
        event,
        tab="sessions",
        form=form,
        save=lambda data: services.session_save(
            actor=request.user, event=event, data=data, session=session
        ),
        success=_("The session was saved."),
        title=_("Session"),
        list_url="events_manage:session_list",
    )


@management_view
def session_delete(request: HttpRequest, pk: int, spk: int) -> HttpResponse:
    event = _event(request, pk)
    session = get_object_or_404(Session, pk=spk, event=event)
    return _part_delete(
        request,
        event,
        tab="sessions",
        delete=lambda: services.session_delete(actor=request.user, session=session),
        success=_("The session was removed."),
        title=_("Remove the session “%(t)s”?") % {"t": session.title},
        heading=marked_message(_("Remove the session “%(t)s”?"), t=(session, "title")),
        list_url="events_manage:session_list",
    )


# --- registrations -------------------------------------------------------------------------


@management_view
def registration_list(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    people = list(selectors.registrants(event))
    questions = list(event.questions.all())
    for r in people:
        r.answer_list = [(q, (r.answers or {}).get(str(q.pk), "")) for q in questions]
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
        ),
    )


@management_view
def registration_cancel(request: HttpRequest, pk: int, rpk: int) -> HttpResponse:
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
        "events/manage/confirm.html",
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
def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    if (gate := personal_data_gate(request)) is not None:
        return gate
    return _download(exports.as_csv(event), event, "csv")


@personal_data_export
def export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    if (gate := personal_data_gate(request)) is not None:
        return gate
    return _download(exports.as_xlsx(event), event, "xlsx")


@management_view
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
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
def message(request: HttpRequest, pk: int) -> HttpResponse:
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
