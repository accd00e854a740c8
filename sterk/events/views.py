"""Public pages: the agenda, an event with its registration state and form, a series,
the calendar feeds, and the pages behind the links in the e-mails (confirm, cancel,
accept an offered seat). Thin: load, bind a form, call one service, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sterk.core import versioned
from sterk.core.ratelimit import client_ip, rate_limited
from sterk.network.models import Region

from . import ics, selectors, services
from .forms import AgendaFilterForm, RegistrationForm
from .models import Event, RegistrationStatus, Series


def agenda(request: HttpRequest) -> HttpResponse:
    form = AgendaFilterForm(request.GET) if request.GET else None
    filters = form.filters() if form is not None else {}
    page = selectors.agenda_page(request.user, filters, request.GET.get("pagina"))
    past = bool(filters.get("past"))
    context = {"filters": filters, "page": page, "past": past}
    template = "events/agenda.html"
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.target == "agenda-results":
        template += "#results"
    else:
        # Unfiltered (the agenda as most people open it), the fields are the same for
        # everyone but for the language: kept per data version (two queries and about
        # 6 ms of rendering otherwise; #14).
        context["filter_fields"] = versioned.form_fields(
            "events.agenda_filter_fields",
            "events/_agenda_filter_fields.html",
            form,
            AgendaFilterForm,
            past=past,
        )
    return render(request, template, context)


def series_detail(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(Series, slug=slug)
    events = selectors.series_events(series, request.user)
    return render(request, "events/series_detail.html", {"series": series, "events": events})


def _event_or_404(request: HttpRequest, slug: str) -> Event:
    try:
        return selectors.event_for_page(slug, request.user)
    except Event.DoesNotExist as exc:
        raise Http404 from exc


def _page_context(request: HttpRequest, event: Event, form: RegistrationForm | None = None) -> dict:
    registration = selectors.registration_of(event, request.user)
    state = services.availability(event, user=request.user)
    member = request.user.is_authenticated
    if form is None and state.can_register and registration is None:
        form = RegistrationForm(event=event, member=member)
    return {
        "event": event,
        "state": state,
        "registration": registration,
        "rank": services.waiting_rank(registration) if registration else None,
        "registration_token": services.registration_token(registration) if registration else "",
        "form": form,
        "member": member,
        "can_manage": request.user.has_perm("events.manage_event", event),
        "show_online_link": bool(
            event.online_url
            and (
                (registration is not None and registration.holds_seat)
                or request.user.has_perm("events.manage_event", event)
            )
        ),
        "sessions": list(event.sessions.all()),
    }


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    return render(request, "events/event_detail.html", _page_context(request, event))


@require_POST
def event_register(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        event = selectors.event_to_register_for(slug, request.user)
    except Event.DoesNotExist as exc:
        raise Http404 from exc
    member = request.user.is_authenticated
    form = RegistrationForm(request.POST, event=event, member=member)
    if not member and form.is_spam():
        return redirect(event.get_absolute_url())
    if not member and rate_limited(
        f"event-register:{client_ip(request)}",
        limit=settings.STERK_CONTACT_RATE_LIMIT * 4,
        period_seconds=3600,
    ):
        form.add_error(
            None, _("You sent several registrations in a short time. Please try again in an hour.")
        )
    elif form.is_valid():
        data = form.cleaned_data
        try:
            result = services.registration_create(
                event=event,
                user=request.user if member else None,
                name=data.get("name", ""),
                email=data.get("email", ""),
                organisation_name=data.get("organisation_name", ""),
                answers=form.answers(),
                sessions=form.chosen_sessions(),
                language=get_language() or "nl",
            )
        except services.RegistrationRefused as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            registration = result.registration
            if not member or registration.status == RegistrationStatus.PENDING:
                # A visitor always reads "check your mailbox", registered before or not:
                # the page must not tell whether an address is registered.
                return render(
                    request,
                    "events/check_your_mail.html",
                    {"event": event, "email": registration.email},
                )
            if not result.created:
                messages.info(request, _("You were registered already."))
            elif registration.status == RegistrationStatus.CONFIRMED:
                messages.success(
                    request, _("You are registered. We sent a confirmation with a calendar file.")
                )
            elif registration.status == RegistrationStatus.WAITING:
                messages.success(
                    request,
                    _(
                        "The event is full: you are number %(n)s on the waiting list. We will mail you when a seat frees up."
                    )
                    % {"n": services.waiting_rank(registration)},
                )
            return redirect(event.get_absolute_url())
    # The form goes back with its errors, on the page as it is shown (counts, sessions).
    event = _event_or_404(request, slug)
    response = render(request, "events/event_detail.html", _page_context(request, event, form))
    response.status_code = 200
    return response


def registration_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a visitor's e-mail: GET shows a button, POST confirms the address and
    gives the seat. Confirming on GET would let a mail scanner confirm a registration that
    someone else made with this address."""
    registration = services.registration_from_token(token, salt=services.CONFIRM_SALT)
    if registration is None:
        raise Http404
    if request.method != "POST":
        return render(request, "events/registration_confirm.html", {"registration": registration})
    error = ""
    try:
        registration = services.registration_confirm_email(registration=registration)
    except services.RegistrationRefused as exc:
        error = " ".join(exc.messages)
    return redirect_to_manage(request, registration, error)


def redirect_to_manage(request: HttpRequest, registration, error: str = "") -> HttpResponse:  # type: ignore[no-untyped-def]
    if error:
        messages.error(request, error)
    elif registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, _("Your e-mail address is confirmed and you are registered."))
    elif registration.status == RegistrationStatus.WAITING:
        messages.success(
            request,
            _("Your e-mail address is confirmed. The event is full: you are on the waiting list."),
        )
    return redirect("events:registration_manage", token=services.registration_token(registration))


def registration_manage(request: HttpRequest, token: str) -> HttpResponse:
    """One link to see, cancel (POST) or accept an offered seat (POST)."""
    registration = services.registration_from_token(token)
    if registration is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                services.registration_cancel(
                    registration=registration,
                    actor=request.user if request.user.is_authenticated else None,
                )
                messages.success(
                    request, _("Your registration is cancelled. Your seat goes to the next person.")
                )
            elif action == "accept":
                services.registration_accept_offer(registration=registration)
                messages.success(request, _("The seat is yours: you are registered."))
        except services.RegistrationRefused as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("events:registration_manage", token=token)
    registration.refresh_from_db()
    event = registration.event
    return render(
        request,
        "events/registration_manage.html",
        {
            "registration": registration,
            "event": event,
            "rank": services.waiting_rank(registration),
            "show_online_link": bool(event.online_url and registration.holds_seat),
            "token": token,
        },
    )


# --- calendars ---------------------------------------------------------------------------


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def feed(request: HttpRequest) -> HttpResponse:
    events = selectors.feed_events()
    return _ics_response(ics.feed(events, name=str(_("Sterk Sociaal Werk – agenda"))), "agenda.ics")


def region_feed(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    events = selectors.feed_events(region=region)
    name = _("Sterk Sociaal Werk – %(region)s") % {"region": region.name}
    return _ics_response(ics.feed(events, name=str(name)), f"agenda-{region.slug}.ics")


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    return _ics_response(ics.feed([event], name=event.title), f"{event.slug}.ics")
