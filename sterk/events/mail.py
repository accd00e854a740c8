"""Recording and enqueuing the app's e-mails (after commit, sent once per key)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from sterk.core.validators import single_line

from .models import EventEmail


def event_email_enqueue(
    *,
    key: str,
    to: str,
    subject: str = "",
    body: str = "",
    kind: str = "",
    registration_id: int | None = None,
    attach_ics: bool = False,
    reply_to: str = "",
) -> bool:
    """Record one e-mail and send it through the task queue once the transaction commits.
    The same key twice is a no-op (returns False), so a service run twice mails once."""
    from .tasks import send_event_email

    try:
        with transaction.atomic():
            record = EventEmail.objects.create(
                key=key[:200],
                to=to,
                subject=single_line(subject)[:255],
                body=body,
                registration_id=registration_id,
                attach_ics=attach_ics,
                kind=kind,
                reply_to=reply_to,
            )
    except IntegrityError:
        return False
    transaction.on_commit(lambda: send_event_email.enqueue(record.pk))
    return True
