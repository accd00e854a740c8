"""The events app's part of a person's data: registrations (with answers and sessions) and
messages they sent as an organiser. The e-mails the app sent them are in core's outbox
(exported and erased by sterk.core.personal_data_logs, after this provider).

Erasing cancels every registration for an event that has not ended through
`registration_cancel` (the seat goes to the waiting list, whose promotion mails go out as
usual), then deletes it; a past attendance stays for the counts without the person."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from sterk.core.models import OutboundEmail
from sterk.core.personal_data import (
    DataSubject,
    Provider,
    address_q,
    register,
)

from .mail import PREFIX as MAIL_PREFIX
from .models import EventMessage, Registration, RegistrationStatus

# A past registration that stays (anonymised) for the attendance counts.
ATTENDED = (RegistrationStatus.CONFIRMED,)


def _registrations(subject: DataSubject) -> Any:
    return Registration.objects.filter(
        Q(user=subject.user) | address_q("email", subject.emails)
    ).select_related("event")


def export(subject: DataSubject) -> dict[str, Any]:
    registrations = _registrations(subject).prefetch_related("sessions", "event__questions")
    rows = []
    for r in registrations.order_by("event__starts_at", "pk"):
        labels = {str(q.pk): q.label for q in r.event.questions.all()}
        rows.append(
            {
                "event": r.event.title,
                "event_url": r.event.get_absolute_url(),
                "starts_at": r.event.starts_at,
                "status": r.status,
                "name": r.name,
                "email": r.email,
                "organisation": r.organisation_name,
                "answers": [
                    {"question": labels.get(key, key), "answer": value}
                    for key, value in (r.answers or {}).items()
                ],
                "sessions": [s.title for s in r.sessions.all()],
                "waiting_list_position": r.position,
                "registered_at": r.created_at,
                "confirmed_at": r.confirmed_at,
                "cancelled_at": r.cancelled_at,
                "checked_in_at": r.checked_in_at,
            }
        )
    return {
        "event_registrations": rows,
        # The app's part of the one outbox (core's export lists every e-mail too).
        "event_emails_sent_to_you": [
            {
                "to": m.to,
                "kind": m.kind.removeprefix(MAIL_PREFIX),
                "subject": m.subject,
                "body": m.body,
                "created_at": m.created_at,
                "sent_at": m.sent_at,
            }
            for m in OutboundEmail.objects.filter(
                address_q("to", subject.emails), kind__startswith=MAIL_PREFIX
            ).order_by("created_at", "pk")
        ],
        "event_messages_you_sent": [
            {"event": m.event.title, "subject": m.subject, "body": m.body, "sent": m.created_at}
            for m in EventMessage.objects.filter(sender=subject.user).select_related("event")
        ],
    }


def identifiers(subject: DataSubject) -> list[str]:
    return [v for row in _registrations(subject).values_list("name", "email") for v in row if v]


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    from .services import registration_cancel

    now = timezone.now()
    for registration in list(_registrations(subject)):
        if registration.event.ends_at >= now:
            if registration.is_active:
                # No actor: the person cancels, so the audit keeps only the deletion.
                registration_cancel(registration=registration, actor=None)
            # Cancelled, so no reminder goes out; then nothing of it is kept.
            registration.delete()
        elif registration.status in ATTENDED:
            # Kept for the attendance counts (per session too), without the person.
            Registration.objects.filter(pk=registration.pk).update(
                user=None,
                name="",
                email=f"erased-{registration.pk}@erased.invalid",
                organisation_name="",
                answers={},
            )
        else:
            registration.delete()

    EventMessage.objects.filter(sender=subject.user).update(sender=None)


PROVIDER = Provider(
    key="events",
    export=export,
    erase=erase,
    identifiers=identifiers,
    covers={
        "events.Registration": ("user", "name", "email", "organisation_name", "answers"),
        # recipient_count is a number; the sender is the organiser who wrote the message.
        "events.EventMessage": ("sender", "recipient_count"),
    },
    order=10,
)


def register_provider() -> None:
    register(PROVIDER)
