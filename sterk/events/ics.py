"""iCalendar (RFC 5545) for the agenda feeds and the attachment of a confirmation.

UIDs are stable (`event-<pk>@<host>`); SEQUENCE grows when the time, place or status of
an event changes, LAST-MODIFIED follows the row, and a cancelled event is carried as
STATUS:CANCELLED, so that a subscribed calendar updates or strikes it."""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as ICalEvent

from .models import Event, EventStatus, Registration

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def uid_of(event: Event) -> str:
    host = urlsplit(settings.STERK_SITE_URL).hostname or "sterksociaalwerk.be"
    return f"event-{event.pk}@{host}"


def _location(event: Event) -> str:
    parts = [p for p in (event.venue, event.address) if p]
    if event.is_online and not parts:
        return str(translation.gettext("Online"))
    return ", ".join(parts)


def _vevent(event: Event, *, online_url: str = "") -> ICalEvent:
    item = ICalEvent()
    item.add("uid", uid_of(event))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at.astimezone(BRUSSELS))
    item.add("dtend", event.ends_at.astimezone(BRUSSELS))
    item.add("summary", event.title)
    description = event.summary or ""
    if online_url:
        description = f"{description}\n\n{online_url}".strip()
    if description:
        item.add("description", description)
    location = _location(event)
    if location:
        item.add("location", location)
    item.add("url", settings.STERK_SITE_URL + event.get_absolute_url())
    item.add("sequence", event.sequence)
    item.add("last-modified", event.updated_at)
    item.add("created", event.created_at)
    item.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    item.add("transp", "OPAQUE")
    return item


@functools.cache
def _brussels_vtimezone() -> Any:
    """The VTIMEZONE of Europe/Brussels, built once (icalendar derives it from tzdata)."""
    from icalendar import Timezone

    return Timezone.from_tzinfo(BRUSSELS)


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Vlaams Platform Sterk Sociaal Werk//Agenda//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Brussels")
    return cal


def feed(events: Iterable[Event], *, name: str) -> bytes:
    cal = _calendar(name)
    for event in events:
        cal.add_component(_vevent(event))
    cal.add_component(_brussels_vtimezone())
    return cal.to_ical()


def for_registration(registration: Registration) -> str:
    """The .ics attached to a confirmation: with the online link for confirmed people."""
    event = registration.event
    cal = _calendar(event.title)
    online = event.online_url if registration.holds_seat else ""
    cal.add_component(_vevent(event, online_url=online))
    cal.add_component(_brussels_vtimezone())
    return cal.to_ical().decode()
