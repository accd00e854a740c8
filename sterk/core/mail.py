"""E-mail: a dev backend that writes .eml files, and `email_enqueue` for pre-rendered mails
(the outbox itself is sterk.core.outbox)."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from . import outbox


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
    """Record one pre-rendered e-mail in the outbox (sterk.core.outbox.enqueue); it is sent
    after the transaction commits. The same key twice is a no-op."""
    outbox.enqueue(key=key, to=to, subject=subject, body=body, reply_to=reply_to)
