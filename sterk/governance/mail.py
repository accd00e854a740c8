"""The governance e-mails in core's outbox, rendered when sent: the invitation to a meeting
(with its .ics), the minutes, the quarterly course-watch digest and the cadence reminder."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, vText
from icalendar import Event as ICalEvent

from sterk.core import outbox
from sterk.core.site import absolute_url
from sterk.core.validators import single_line

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def meeting_ics(meeting: Any) -> str:
    """The meeting as an iCalendar event (stable UID, so a second mail updates it)."""
    from urllib.parse import urlsplit

    host = urlsplit(settings.STERK_SITE_URL).hostname or "sterksociaalwerk.be"
    cal = Calendar()
    cal.add("prodid", "-//Vlaams Platform Sterk Sociaal Werk//Governance//NL")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    item = ICalEvent()
    item.add("uid", f"meeting-{meeting.pk}@{host}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", meeting.starts_at.astimezone(BRUSSELS))
    item.add("dtend", meeting.ends_at.astimezone(BRUSSELS))
    item.add("summary", vText(single_line(meeting.title)))
    if meeting.location:
        item.add("location", vText(single_line(meeting.location)))
    item.add("url", absolute_url(reverse("governance_manage:meeting_detail", args=[meeting.pk])))
    item.add("last-modified", meeting.updated_at)
    cal.add_component(item)
    return cal.to_ical().decode()


def _invitation(context: Mapping[str, Any]) -> Any:
    from .models import Invitation

    invitation = (
        Invitation.objects.select_related("meeting", "user")
        .filter(pk=int(context.get("invitation_id") or 0))
        .first()
    )
    if invitation is None:
        raise outbox.Gone(f"invitation {context.get('invitation_id')} is gone")
    return invitation


def _language(user: Any) -> str:
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def render_invitation(context: Mapping[str, Any]) -> outbox.Rendered:
    from . import selectors

    invitation = _invitation(context)
    meeting = invitation.meeting
    with translation.override(_language(invitation.user)):
        page = selectors.meeting_page(meeting)
        body = render_to_string(
            "governance/email/invitation.txt",
            {
                **page,
                "invitation": invitation,
                "starts": timezone.localtime(meeting.starts_at),
                "ends": timezone.localtime(meeting.ends_at),
                "url": absolute_url(reverse("governance_manage:meeting_detail", args=[meeting.pk])),
            },
        )
        subject = _("Invitation: %(title)s") % {"title": meeting.title}
    return outbox.Rendered(
        subject=subject,
        body=body,
        attachments=(
            outbox.Attachment("meeting.ics", meeting_ics(meeting), "text/calendar; method=PUBLISH"),
        ),
    )


def render_minutes(context: Mapping[str, Any]) -> outbox.Rendered:
    from . import selectors

    invitation = _invitation(context)
    meeting = invitation.meeting
    with translation.override(_language(invitation.user)):
        body = render_to_string(
            "governance/email/minutes.txt",
            {
                **selectors.meeting_page(meeting),
                "url": absolute_url(reverse("governance_manage:meeting_detail", args=[meeting.pk])),
            },
        )
        subject = (
            _("Approved minutes: %(title)s")
            if meeting.minutes_status == "approved"
            else _("Draft minutes: %(title)s")
        ) % {"title": meeting.title}
    return outbox.Rendered(subject=subject, body=body)


def render_digest(context: Mapping[str, Any]) -> outbox.Rendered:
    from . import selectors

    now = datetime.datetime.fromisoformat(str(context["at"]))
    with translation.override(settings.LANGUAGE_CODE):
        watch = selectors.course_watch(now=now)
        body = render_to_string(
            "governance/email/digest.txt",
            {
                **watch,
                "quarter": context["quarter"],
                "url": absolute_url(reverse("governance_manage:course_watch")),
                "absolute_url": absolute_url,
            },
        )
        subject = _("Course watch, %(quarter)s") % {"quarter": context["quarter"]}
    return outbox.Rendered(subject=subject, body=body)


def render_cadence(context: Mapping[str, Any]) -> outbox.Rendered:
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "governance/email/cadence.txt",
            {
                "year": context["year"],
                "half": context["half"],
                "url": absolute_url(reverse("governance_manage:meeting_create")),
            },
        )
        subject = _("Plan the next stakeholder meeting")
    return outbox.Rendered(subject=subject, body=body)


RENDERERS = {
    "governance.invitation": render_invitation,
    "governance.minutes": render_minutes,
    "governance.digest": render_digest,
    "governance.cadence": render_cadence,
}


def register_renderers() -> None:
    for kind, renderer in RENDERERS.items():
        outbox.register_renderer(kind, renderer)
