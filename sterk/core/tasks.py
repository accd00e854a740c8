from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .models import OutboundEmail
from .validators import single_line


@task()
def send_outbound_email(outbound_id: int) -> None:
    """Send a recorded e-mail unless it was sent already (a retry never sends twice)."""
    try:
        with transaction.atomic():
            outbound = OutboundEmail.objects.select_for_update().filter(pk=outbound_id).first()
            # Gone: erased with the person's data (GDPR art. 17) before it was sent.
            if outbound is None or outbound.sent_at is not None:
                return
            EmailMessage(
                subject=single_line(outbound.subject),
                body=outbound.body,
                to=[outbound.to],
                reply_to=[outbound.reply_to] if outbound.reply_to else None,
            ).send()
            outbound.attempts += 1
            outbound.sent_at = timezone.now()
            outbound.save(update_fields=["attempts", "sent_at"])
    except Exception as exc:
        # Recorded outside the rolled-back transaction, then re-raised so the queue marks
        # the job failed and an operator can retry it.
        OutboundEmail.objects.filter(pk=outbound_id).update(
            attempts=F("attempts") + 1, last_error=repr(exc)
        )
        raise
