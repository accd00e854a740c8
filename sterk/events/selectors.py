"""Reads for events. Every list is built in a fixed number of queries, whatever the number
of events or registrations."""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from sterk.core import pagecache, versioned
from sterk.core.prefetch import shown
from sterk.core.roles import roles_of

from .models import (
    ACTIVE_STATUSES,
    Event,
    EventFormat,
    EventStatus,
    EventType,
    Question,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    Visibility,
)

AGENDA_PAGE_SIZE = 20


def sessions_with_seats() -> QuerySet[Session]:
    """A programme's sessions, each with the seats taken (confirmed and offered)."""
    return Session.objects.annotate(
        seats_taken=Count(
            "registrations",
            filter=Q(
                registrations__status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED]
            ),
        )
    )


def _with_page(qs: QuerySet[Event]) -> QuerySet[Event]:
    """What an event's own page adds to an agenda row: its programme with the seats taken
    and its ties to the action plan (the open-data API shows every event this way)."""
    return qs.prefetch_related(
        *shown(Event, "challenges", "actions"), Prefetch("sessions", queryset=sessions_with_seats())
    )


def agenda(
    user: Any,
    filters: dict[str, Any],
    *,
    now: datetime.datetime | None = None,
    with_page: bool = False,
) -> QuerySet[Event]:
    """The public agenda: upcoming events (or past ones with `past`), filtered. With
    `with_page`, each event also brings what its own page shows (sessions, ties)."""
    now = now or timezone.now()
    qs = Event.objects.visible_to(user)
    if filters.get("past"):
        qs = qs.past(now).order_by("-starts_at", "-id")
        if filters.get("recording"):
            qs = qs.exclude(recording_url="")
    else:
        qs = qs.upcoming(now).order_by("starts_at", "id")
    if filters.get("region"):
        qs = qs.filter(region__slug=filters["region"])
    if filters.get("type"):
        qs = qs.filter(type=filters["type"])
    if filters.get("format") == "online":
        qs = qs.filter(format__in=[EventFormat.ONLINE, EventFormat.HYBRID])
    elif filters.get("format") == "ter-plaatse":
        qs = qs.filter(format__in=[EventFormat.ON_SITE, EventFormat.HYBRID])
    if filters.get("audience"):
        qs = qs.filter(audience=filters["audience"])
    if filters.get("krachtlijn"):
        through = Event.krachtlijnen.through
        qs = qs.filter(
            pk__in=through.objects.filter(krachtlijn__slug=filters["krachtlijn"]).values("event_id")
        )
    if filters.get("series"):
        qs = qs.filter(series=filters["series"])
    if filters.get("date_from"):
        start = timezone.make_aware(
            datetime.datetime.combine(filters["date_from"], datetime.time.min)
        )
        qs = qs.filter(ends_at__gte=start)
    if filters.get("date_to"):
        end = timezone.make_aware(
            datetime.datetime.combine(
                filters["date_to"] + datetime.timedelta(days=1), datetime.time.min
            )
        )
        qs = qs.filter(starts_at__lt=end)
    qs = qs.for_list()
    return _with_page(qs) if with_page else qs


# Agenda pages kept per worker process (audiences x filters x page numbers).
AGENDA_PAGES_KEPT = 200


def _audience(user: Any) -> tuple[bool, Any]:
    """Who sees the same listed events (`Event.objects.visible_to` decides by these
    alone): visitors, or signed-in people with the same roles."""
    signed_in = bool(getattr(user, "is_authenticated", False))
    return signed_in, roles_of(user) if signed_in else None


def agenda_page(user: Any, filters: dict[str, Any], number: Any) -> Page:
    """One page of the agenda (`agenda`), read once per data version and clock moment for
    everyone who may see the same events (`_audience`). The page only reads the shared
    events."""
    key = (_audience(user), tuple(sorted(filters.items())), str(number or ""))

    def read() -> Page:
        page = Paginator(agenda(user, filters), AGENDA_PAGE_SIZE).get_page(number)
        page.object_list = list(page.object_list)
        return page

    return versioned.per_data_version(
        "events.agenda_page", key, read, clock=True, limit=AGENDA_PAGES_KEPT
    )


def event_for_page(slug: str, user: Any) -> Event:
    """One event as its page shows it, or DoesNotExist when this person may not see it.
    Drafts are shown to the people who manage them only.

    The event with its counts, ties, questions and sessions (six queries) is the same for
    every reader: read once per data version in this process (`sterk.core.versioned`; a
    registration is a write, so the seats shown are never older than the last one). Who
    may see it is decided per request. The page only reads the shared instance."""
    event = versioned.per_data_version(
        "events.event_for_page", slug, lambda: _event_for_page(slug), limit=EVENTS_KEPT
    )
    if not (user if user is not None else AnonymousUser()).has_perm("events.view_event", event):
        raise Event.DoesNotExist
    return event


# The event pages kept per worker process: more than a season's agenda.
EVENTS_KEPT = 500


def _event_for_page(slug: str) -> Event:
    return (
        Event.objects.for_list()
        .prefetch_related(
            "challenges",
            "actions",
            "questions",
            Prefetch("sessions", queryset=sessions_with_seats()),
        )
        .get(slug=slug)
    )


def _series_events(user: Any) -> QuerySet[Event]:
    return Event.objects.visible_to(user).for_list().order_by("starts_at", "id")


def series_events(series: Series, user: Any, *, with_page: bool = False) -> QuerySet[Event]:
    """The events a series page lists: those of the series this person may see, past and
    to come, in date order."""
    qs = _series_events(user).filter(series=series)
    return _with_page(qs) if with_page else qs


def series_with_events(user: Any) -> QuerySet[Series]:
    """Every series (each has its public page), newest first, each with the events its
    page lists (`shown_events`)."""
    return Series.objects.prefetch_related(
        Prefetch("events", queryset=_series_events(user), to_attr="shown_events")
    ).order_by("-created_at", "-id")


# What `event_to_register_for` reads: kept until one of these tables is written.
REGISTRATION_EVENT_TABLES = tuple(model._meta.db_table for model in (Event, Question, Session))
pagecache.track_tables(*REGISTRATION_EVENT_TABLES)


def event_to_register_for(slug: str, user: Any) -> Event:
    """The event a registration is posted to, with what the form checks (its questions and
    sessions) and nothing more; DoesNotExist when this person may not see it. The page's
    fuller query (`event_for_page`: counts, ties, seats per session) is for showing the
    page, which a successful registration does not do: it redirects.

    The three queries are read once per version of the event, question and session tables
    (`versioned.per_data_version(..., tables=...)`): every registration is a write, but
    not to those, so a run of registrations reads the event once (#14). Each caller gets
    its own copy: the registration brings the fields that decide a seat up to date on it,
    under the event's lock."""
    kept = versioned.per_data_version(
        "events.event_to_register_for",
        slug,
        lambda: Event.objects.prefetch_related(*shown(Event, "questions", "sessions")).get(
            slug=slug
        ),
        tables=REGISTRATION_EVENT_TABLES,
        limit=EVENTS_KEPT,
    )
    event = copy.copy(kept)
    event._state = copy.copy(kept._state)
    event._state.fields_cache = dict(kept._state.fields_cache)
    if not (user if user is not None else AnonymousUser()).has_perm("events.view_event", event):
        raise Event.DoesNotExist
    return event


def registration_of(event: Event, user: Any) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(event=event)
        .filter(Q(user=user) | Q(email=user.email.lower()))
        .exclude(status=RegistrationStatus.CANCELLED)
        .prefetch_related("sessions")
        .first()
    )


def _rank_subquery() -> Any:
    ahead = (
        Registration.objects.filter(
            event=OuterRef("event"),
            status=RegistrationStatus.WAITING,
            position__lte=OuterRef("position"),
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), 0)


def my_agenda(user: Any, *, now: datetime.datetime | None = None) -> QuerySet[Registration]:
    """ "Mijn agenda": my registrations and waiting-list places for events to come."""
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    now = now or timezone.now()
    return (
        Registration.objects.filter(Q(user=user) | Q(email=user.email.lower()))
        .filter(status__in=ACTIVE_STATUSES, event__ends_at__gte=now)
        .exclude(event__status=EventStatus.DRAFT)
        .select_related("event", "event__region")
        .annotate(rank=_rank_subquery())
        .order_by("event__starts_at", "id")
    )


def registrants(event: Event) -> QuerySet[Registration]:
    """Everyone registered for an event, seat holders first, then the waiting list."""
    return (
        event.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .prefetch_related("sessions")
        .order_by("status", "position", "name", "id")
    )


def events_managed_by(user: Any) -> QuerySet[Event]:
    roles = roles_of(user)
    qs = Event.objects.select_related("region", "series").with_counts()
    if roles.coordinator:
        return qs
    return qs.filter(region_id__in=roles.chair_region_ids)


def feed_events(*, region: Any = None, now: datetime.datetime | None = None) -> QuerySet[Event]:
    """Public events for a calendar subscription: the last year and everything to come,
    including cancelled ones (so clients strike them)."""
    now = now or timezone.now()
    qs = Event.objects.listed().filter(
        visibility=Visibility.PUBLIC, ends_at__gte=now - datetime.timedelta(days=365)
    )
    if region is not None:
        qs = qs.filter(region=region)
    return qs.order_by("starts_at", "id")


# --- stakeholder meetings: at least twice a year ---------------------------------------------

REQUIRED_STAKEHOLDER_MEETINGS = 2


# The cadence watch warns this long before a half-year ends when the meeting that half
# needs (the first by 30 June, the second by 31 December) is not planned.
CADENCE_NOTICE = datetime.timedelta(weeks=8)


@dataclass
class Cadence:
    year: int
    held: list[Event] = field(default_factory=list)
    planned: list[Event] = field(default_factory=list)
    # The moment the watch looks from (only set for the current year).
    now: datetime.datetime | None = None

    @property
    def count(self) -> int:
        return len(self.held) + len(self.planned)

    @property
    def missing(self) -> int:
        return max(REQUIRED_STAKEHOLDER_MEETINGS - self.count, 0)

    @property
    def warning(self) -> bool:
        return self.missing > 0

    @property
    def half(self) -> int:
        """The half-year `now` is in (1: January-June, 2: July-December)."""
        if self.now is None:
            return 2
        return 1 if timezone.localtime(self.now).month <= 6 else 2

    @property
    def half_ends(self) -> datetime.datetime:
        zone = timezone.get_current_timezone()
        if self.half == 1:
            return datetime.datetime(self.year, 7, 1, tzinfo=zone)
        return datetime.datetime(self.year + 1, 1, 1, tzinfo=zone)

    @property
    def half_last_day(self) -> datetime.date:
        return (timezone.localtime(self.half_ends) - datetime.timedelta(days=1)).date()

    @property
    def deadline_warning(self) -> bool:
        """Eight weeks or less before the half-year ends, and the meeting this half needs
        (one by the end of June, the second of the year by the end of December) is not
        held or planned before it ends."""
        if self.now is None or not (self.half_ends - CADENCE_NOTICE <= self.now < self.half_ends):
            return False
        needed = 1 if self.half == 1 else REQUIRED_STAKEHOLDER_MEETINGS
        before_end = [e for e in (*self.held, *self.planned) if e.starts_at < self.half_ends]
        return len(before_end) < needed


def stakeholder_cadence(
    year: int | None = None, *, now: datetime.datetime | None = None
) -> Cadence:
    """Stakeholder meetings held or planned (published or draft, not cancelled) in a
    calendar year; `warning` when fewer than two."""
    now = now or timezone.now()
    year = year or timezone.localtime(now).year
    zone = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=zone)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=zone)
    cadence = Cadence(year=year, now=now if year == timezone.localtime(now).year else None)
    meetings = Event.objects.filter(
        type=EventType.STAKEHOLDER_MEETING, starts_at__gte=start, starts_at__lt=end
    ).exclude(status=EventStatus.CANCELLED)
    for event in meetings.order_by("starts_at"):
        if event.status == EventStatus.HELD or event.ends_at < now:
            cadence.held.append(event)
        else:
            cadence.planned.append(event)
    return cadence


def current_stakeholder_cadence() -> Cadence:
    """This year's cadence as the management agenda and the dashboard show it, read once
    per data version and clock moment (#14). Which meetings are held changes at an
    event's end (a clock moment) and the year is in the key; the moment the deadline
    warning looks from is this request's (each caller gets its own copy)."""
    now = timezone.now()
    kept = versioned.per_data_version(
        "events.stakeholder_cadence",
        timezone.localtime(now).year,
        lambda: stakeholder_cadence(now=now),
        clock=True,
    )
    return replace(kept, held=list(kept.held), planned=list(kept.planned), now=now)


def upcoming_for_region(region: Any, user: Any = None, *, limit: int = 5) -> list[Event]:
    """For the region page: the next events of this region, read once per data version
    and clock moment for everyone who may see the same events (`_audience`, #14)."""
    return versioned.per_data_version(
        "events.upcoming_for_region",
        (region.pk, _audience(user), limit),
        lambda: list(
            Event.objects.visible_to(user)
            .upcoming()
            .filter(region=region)
            .for_list()
            .order_by("starts_at")[:limit]
        ),
        clock=True,
        limit=AGENDA_PAGES_KEPT,
    )


def upcoming_for_krachtlijn(krachtlijn: Any, user: Any = None, *, limit: int = 5) -> list[Event]:
    """For the krachtlijn page: the next events tied to this core principle."""
    through = Event.krachtlijnen.through
    ids = through.objects.filter(krachtlijn=krachtlijn).values("event_id")
    return list(
        Event.objects.visible_to(user)
        .upcoming()
        .filter(pk__in=ids)
        .for_list()
        .order_by("starts_at")[:limit]
    )


def clock_moments(now: datetime.datetime) -> list[datetime.datetime | None]:
    """The next start, end, registration opening and deadline of any event at or after
    `now`: the moments the agenda and event pages change by the clock alone (the page
    cache in sterk.core.pagecache serves a stored page only before the earliest)."""
    fields = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
    found = Event.objects.aggregate(**{f: Min(f, filter=Q(**{f"{f}__gte": now})) for f in fields})
    return list(found.values())
