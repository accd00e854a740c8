"""iCalendar (RFC 5545) for the agenda feeds and the attachment of a confirmation.

UIDs are stable (`event-<pk>@<host>`); SEQUENCE grows when the time, place or status of
an event changes, LAST-MODIFIED follows the row, and a cancelled event is carried as
STATUS:CANCELLED, so that a subscribed calendar updates or strikes it."""

from __future__ import annotations

import functools
import logging
import zoneinfo
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Calendar, vText
from icalendar import Event as ICalEvent

from sterk.core.site import absolute_url
from sterk.core.validators import single_line

from .models import Event, EventStatus, Registration

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
logger = logging.getLogger(__name__)


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
    # Text values go through vText, which escapes commas, semicolons and line breaks
    # (RFC 5545 3.3.11); a title is one line anyway.
    item.add("summary", vText(single_line(event.title)))
    description = event.summary or ""
    if online_url:
        description = f"{description}\n\n{online_url}".strip()
    if description:
        item.add("description", vText(description))
    location = _location(event)
    if location:
        item.add("location", vText(single_line(location)))
    item.add("url", absolute_url(event.get_absolute_url()))
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
    # An X- property is not escaped by icalendar unless it is given as vText.
    cal.add("x-wr-calname", vText(single_line(name)))
    cal.add("x-wr-timezone", "Europe/Brussels")
    return cal


def feed(events: Iterable[Event], *, name: str) -> bytes:
    cal = _calendar(name)
    for event in events:
        try:
            cal.add_component(_vevent(event))
        except (ValueError, OverflowError):
            # One unrepresentable row never takes a whole feed down.
            logger.exception("Event %s left out of the calendar feed", event.pk)
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
