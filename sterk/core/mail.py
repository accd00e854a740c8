"""E-mail: a dev backend that writes .eml files, and the after-commit, send-once queue."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import OutboundEmail
from .validators import single_line


class EmlFileBackend(BaseEmailBackend):
    """Writes each message as an .eml file in EMAIL_FILE_PATH (open it in any mail client)."""

    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        folder = Path(settings.EMAIL_FILE_PATH)  # type: ignore[misc]  # only in settings.dev
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
            (folder / name).write_bytes(message.message().as_bytes())
        return len(email_messages)


def email_enqueue(*, key: str, to: str, subject: str, body: str, reply_to: str = "") -> None:
    """Record one e-mail and send it through the task queue once the transaction commits.

    The same key twice is a no-op, so a service that runs again never mails twice."""
    from .tasks import send_outbound_email

    try:
        with transaction.atomic():
            outbound = OutboundEmail.objects.create(
                key=key[:200],
                to=to,
                subject=single_line(subject)[:255],
                body=body,
                reply_to=reply_to,
            )
    except IntegrityError:
        return
    transaction.on_commit(lambda: send_outbound_email.enqueue(outbound.pk))
