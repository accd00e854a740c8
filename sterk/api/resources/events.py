"""The agenda: public events with their sessions and seats, and the series, as /nl/agenda/,
an event's page and a series' page show them.

Events are read through sterk.events.selectors with an anonymous visitor, so only public,
listed events appear (never a draft, a members' event or an invited-roles meeting), and
each shows what its page shows anyone: no online link (that is for registrants), the
recording, the report and the attendance only once the event took place."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Literal

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from sterk.api.texts import lazy as _
from sterk.core.site import absolute_url
from sterk.core.validators import MAX_YEAR, MIN_YEAR
from sterk.events import selectors, services
from sterk.events.forms import AgendaFilterForm
from sterk.events.models import Audience, Event, EventStatus, EventType, Series

from ..datasets import Dataset
from ..fields import DateTime, RegionRefOut, page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "events",
    _(
        "The agenda: the network's public events with their programme, seats left, "
        "calendar (.ics) link and recording, and the series that group them."
    ),
)
router = Router(tags=[TAG[0]])

Places = Literal["cancelled", "past", "no_registration", "available", "full_waiting_list", "full"]


# --- schemas ---------------------------------------------------------------------------------


class RefOut(Schema):
    """A linked object: its slug, its name in the response's language, its page."""

    slug: str
    title: str
    url: str

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return str(obj.title)

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class ChallengeRefOut(RefOut):
    number: int


class SessionOut(Schema):
    title: str
    description: str
    room: str
    starts_at: DateTime
    ends_at: DateTime
    capacity: int | None = Field(description="Seats in this session; null: no limit.")
    seats_taken: int | None = Field(description="Null when the session has no limit.")
    seats_left: int | None = Field(description="Null when the session has no limit.")

    @staticmethod
    def resolve_seats_taken(obj: Any) -> int | None:
        # The page counts a session's seats only where it has a limit.
        return obj.seats_taken if obj.capacity is not None else None

    @staticmethod
    def resolve_seats_left(obj: Any) -> int | None:
        if obj.capacity is None:
            return None
        return max(obj.capacity - obj.seats_taken, 0)


def _after(event: Event) -> bool:
    """The page's "After the event" section: once it took place (or was marked held)."""
    return event.is_past or event.status == EventStatus.HELD


def _places(event: Event) -> str:
    """The seats line of an agenda card (events/_seats.html)."""
    if event.status == EventStatus.CANCELLED:
        return "cancelled"
    if event.is_past:
        return "past"
    if not event.registration_required:
        return "no_registration"
    left = event.seats_left()
    if left is None or left > 0:
        return "available"
    return "full_waiting_list" if event.waitlist_enabled else "full"


class EventOut(Schema):
    slug: str
    title: str
    summary: str
    description: str = Field(description="Markdown.")
    url: str
    ics_url: str = Field(description="The event as an iCalendar file (.ics).")
    type: str
    type_label: str
    status: Literal["published", "cancelled", "held"]
    cancel_reason: str = Field(description="Why it was cancelled; empty otherwise.")
    starts_at: DateTime
    ends_at: DateTime
    format: str = Field(description="on_site, online or hybrid.")
    format_label: str
    venue: str
    address: str
    online: bool = Field(description="Online or hybrid.")
    online_link_for_registrants: bool = Field(
        description="Registered participants receive an online link by e-mail (it is never public)."
    )
    organiser: str = Field(description="region, platform or partner.")
    region: RegionRefOut | None
    subregion: str | None
    organisation: str | None = Field(description="The partner organisation, for a partner's event.")
    audience: str
    audience_label: str = Field(description="Who the event is for, in words.")
    price: Decimal = Field(description="In euro; 0 is free.")
    free: bool
    registration_required: bool
    registration: str = Field(
        description="Whether a visitor can register now: open, waitlist, full, not_yet, "
        "closed, none (no registration needed), past or cancelled."
    )
    registration_opens_at: DateTime | None = Field(
        description="When registration opens, while it has not yet."
    )
    registration_deadline: DateTime | None = Field(
        description="Registration closes then (for an event to come that needs it)."
    )
    places: Places = Field(description="The seats line of the agenda.")
    seats_left: int | None = Field(
        description="Seats left for an event to come with a limit; null without a limit."
    )
    series: RefOut | None
    krachtlijnen: list[RefOut]
    challenges: list[ChallengeRefOut]
    actions: list[RefOut]
    sessions: list[SessionOut]
    recording_url: str | None = Field(description="Once the event took place, if recorded.")
    report: str | None = Field(description="Report or minutes (Markdown), once it took place.")
    attendance_count: int | None = Field(description="How many took part, once it took place.")

    @staticmethod
    def resolve_url(obj: Event) -> str:
        return page_url(obj)

    @staticmethod
    def resolve_ics_url(obj: Event) -> str:
        return absolute_url(reverse("events:event_ics", kwargs={"slug": obj.slug}))

    @staticmethod
    def resolve_type_label(obj: Event) -> str:
        return str(obj.get_type_display())

    @staticmethod
    def resolve_format_label(obj: Event) -> str:
        return str(obj.get_format_display())

    @staticmethod
    def resolve_cancel_reason(obj: Event) -> str:
        return obj.cancel_reason if obj.status == EventStatus.CANCELLED else ""

    @staticmethod
    def resolve_online(obj: Event) -> bool:
        return obj.is_online

    @staticmethod
    def resolve_online_link_for_registrants(obj: Event) -> bool:
        return bool(obj.is_online and obj.online_url)

    @staticmethod
    def resolve_subregion(obj: Event) -> str | None:
        return obj.subregion.name if obj.subregion else None

    @staticmethod
    def resolve_organisation(obj: Event) -> str | None:
        # The page names the partner only when no region organises the event.
        return obj.organisation.name if obj.organisation and not obj.region else None

    @staticmethod
    def resolve_audience_label(obj: Event) -> str:
        return obj.audience_note or str(obj.get_audience_display())

    @staticmethod
    def resolve_free(obj: Event) -> bool:
        return obj.is_free

    @staticmethod
    def resolve_registration(obj: Event) -> str:
        return services.availability(obj, user=AnonymousUser()).state

    @staticmethod
    def resolve_registration_opens_at(obj: Event) -> datetime.datetime | None:
        if services.availability(obj, user=AnonymousUser()).state == "not_yet":
            return obj.registration_opens_at
        return None

    @staticmethod
    def resolve_registration_deadline(obj: Event) -> datetime.datetime | None:
        if obj.registration_required and not obj.is_past:
            return obj.registration_deadline
        return None

    @staticmethod
    def resolve_places(obj: Event) -> str:
        return _places(obj)

    @staticmethod
    def resolve_seats_left(obj: Event) -> int | None:
        if _places(obj) in ("available", "full_waiting_list", "full"):
            return obj.seats_left()
        return None

    @staticmethod
    def resolve_krachtlijnen(obj: Event) -> list[Any]:
        return list(obj.krachtlijnen.all())

    @staticmethod
    def resolve_challenges(obj: Event) -> list[Any]:
        return list(obj.challenges.all())

    @staticmethod
    def resolve_actions(obj: Event) -> list[Any]:
        return list(obj.actions.all())

    @staticmethod
    def resolve_sessions(obj: Event) -> list[Any]:
        return list(obj.sessions.all())

    @staticmethod
    def resolve_recording_url(obj: Event) -> str | None:
        return (obj.recording_url or None) if _after(obj) else None

    @staticmethod
    def resolve_report(obj: Event) -> str | None:
        return (obj.report or None) if _after(obj) else None

    @staticmethod
    def resolve_attendance_count(obj: Event) -> int | None:
        return (obj.attendance_count or None) if _after(obj) else None


class EventRefOut(Schema):
    slug: str
    title: str
    starts_at: DateTime
    ends_at: DateTime
    status: str
    url: str

    @staticmethod
    def resolve_url(obj: Event) -> str:
        return page_url(obj)


class SeriesOut(Schema):
    slug: str
    title: str
    description: str = Field(description="Markdown.")
    url: str
    events: list[EventRefOut] = Field(
        description="The series' public events, past and to come, by date (the whole "
        "event: /api/v1/events/{slug})."
    )

    @staticmethod
    def resolve_url(obj: Series) -> str:
        return page_url(obj)

    @staticmethod
    def resolve_events(obj: Series) -> list[Any]:
        return list(getattr(obj, "shown_events", []))


# --- parameters ------------------------------------------------------------------------------


class AgendaParams(Paging):
    """The agenda page's filters, under the page's own (Dutch) names."""

    regio: str | None = Field(
        None, description="A region's slug (see /api/v1/regions); an unknown one matches nothing."
    )
    type: EventType | None = Field(None, description="The type of event.")
    vorm: Literal["ter-plaatse", "online"] | None = Field(
        None, description="ter-plaatse: on site (or hybrid); online: online (or hybrid)."
    )
    doelgroep: Audience | None = Field(None, description="The audience.")
    krachtlijn: str | None = Field(
        None, description="A krachtlijn's slug (see /api/v1/krachtlijnen)."
    )
    reeks: str | None = Field(None, description="A series' slug (see /api/v1/series).")
    vanaf: datetime.date | None = Field(None, description="Events ending on or after this day.")
    tot: datetime.date | None = Field(None, description="Events starting on or before this day.")
    voorbij: bool = Field(False, description="Past events instead of upcoming ones, latest first.")
    opname: bool = Field(False, description="With voorbij: only events with a recording.")


def _clamped(day: datetime.date | None) -> datetime.date | None:
    """A day within the years any event can have (sterk.core.validators): further out
    means "from the start" or "to the end", which is what the edge day means too."""
    if day is None:
        return None
    return min(max(day, datetime.date(MIN_YEAR, 1, 1)), datetime.date(MAX_YEAR, 12, 31))


def _filters(params: AgendaParams) -> dict[str, Any] | None:
    """The page's filter form reads the parameters, so values mean what they mean there.
    None: a slug that names nothing (no region, krachtlijn or series of that name), so
    nothing matches; the page would drop every filter instead."""
    data: dict[str, Any] = {
        "regio": params.regio,
        "type": params.type.value if params.type else None,
        "vorm": params.vorm,
        "doelgroep": params.doelgroep.value if params.doelgroep else None,
        "krachtlijn": params.krachtlijn,
        "vanaf": _clamped(params.vanaf),
        "tot": _clamped(params.tot),
        "voorbij": params.voorbij,
        "opname": params.opname,
    }
    form = AgendaFilterForm({k: v for k, v in data.items() if v not in (None, False)})
    if not form.is_valid():
        # The schema admits only what the form takes but the slugs it cannot list.
        unexpected = set(form.errors) - {"regio", "krachtlijn"}
        if unexpected:
            raise ValidationError(
                [
                    {"loc": ("query", name), "msg": " ".join(str(m) for m in form.errors[name])}
                    for name in sorted(unexpected)
                ]
            )
        return None
    filters = form.filters()
    if params.reeks:
        filters["series"] = Series.objects.filter(slug=params.reeks).first()
        if filters["series"] is None:
            return None
    return filters


# --- reads -----------------------------------------------------------------------------------


def events(filters: dict[str, Any] | None = None) -> Any:
    """Public events as the agenda lists them (upcoming by date, or past latest first)."""
    return selectors.agenda(AnonymousUser(), filters or {}, with_page=True)


def _no_events() -> Any:
    return Event.objects.none()


def past_events() -> Any:
    return events({"past": True})


def series() -> Any:
    return selectors.series_with_events(AnonymousUser())


@router.get(
    "/events",
    response=Page[EventOut],
    summary=_("Events"),
    description=_(
        "The agenda's public events with the agenda page's filters: upcoming ones by date, "
        "or with voorbij=true the past ones, latest first."
    ),
    operation_id="events_list",
)
def events_list(request: HttpRequest, params: Query[AgendaParams]) -> dict[str, Any]:
    filters = _filters(params)
    return page(request, events(filters) if filters is not None else _no_events(), params)


@router.get(
    "/events/{slug}",
    response=EventOut,
    summary=_("One event"),
    description=_("One public event, as its page shows it to anyone."),
    operation_id="events_detail",
)
def events_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Event:
    try:
        event = selectors.event_for_page(slug, AnonymousUser())
    except Event.DoesNotExist as exc:
        raise Http404 from exc
    return event


@router.get(
    "/series",
    response=Page[SeriesOut],
    summary=_("Series"),
    description=_(
        "The series and campaigns that group events across regions, newest first, each "
        "with its public events."
    ),
    operation_id="series_list",
)
def series_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, series(), params)


@router.get(
    "/series/{slug}",
    response=SeriesOut,
    summary=_("One series"),
    description=_("One series with its public events, as its page shows it."),
    operation_id="series_detail",
)
def series_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Series:
    return get_object_or_404(series(), slug=slug)


DATASETS = [
    Dataset(
        "events",
        _("Events"),
        _("The agenda's public events to come, with their sessions and seats left."),
        EventOut,
        events,
    ),
    Dataset(
        "past-events",
        _("Past events"),
        _("The public events that took place, latest first, with recordings and reports."),
        EventOut,
        past_events,
    ),
    Dataset(
        "series",
        _("Series"),
        _("The series and campaigns that group events, with their public events."),
        SeriesOut,
        series,
    ),
]
