"""The events app's own e-mail task: like sterk.core's, plus an optional .ics attachment."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from sterk.core.validators import single_line

from .models import EventEmail


@task()
def send_event_email(email_id: int) -> None:
    """Send a recorded e-mail unless it was sent already (a retry never sends twice)."""
    try:
        with transaction.atomic():
            record = EventEmail.objects.select_for_update().filter(pk=email_id).first()
            # Gone: erased with the person's data (GDPR art. 17) before it was sent.
            if record is None or record.sent_at is not None:
                return
            if record.kind and not record.body and record.registration_id is not None:
                from .services import render_email

                record.subject, record.body = render_email(record.registration_id, record.kind)
                record.save(update_fields=["subject", "body"])
            message = EmailMessage(
                subject=single_line(record.subject),
                body=record.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[record.to],
                reply_to=[record.reply_to] if record.reply_to else None,
            )
            if record.attach_ics and record.registration_id:
                from .ics import for_registration
                from .models import Registration

                registration = Registration.objects.select_related("event").get(
                    pk=record.registration_id
                )
                message.attach(
                    "event.ics", for_registration(registration), "text/calendar; method=PUBLISH"
                )
            message.send()
            record.attempts += 1
            record.sent_at = timezone.now()
            record.save(update_fields=["attempts", "sent_at"])
    except Exception as exc:
        EventEmail.objects.filter(pk=email_id).update(
            attempts=F("attempts") + 1, last_error=repr(exc)
        )
        raise
