"""Small helpers shared by the journeys."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core import mail

# Screenshots (mobile journeys, failed tests); gitignored.
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
# The password of every user the journeys create (fast MD5 hasher in test settings).
PASSWORD = "Sterk-Sociaal-Werk-2025!"


def wait_for_mail(to: str, timeout: float = 10.0) -> mail.EmailMessage:
    """The live server runs in this process with the locmem backend: mail.outbox is shared."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mail.outbox:
            if to in message.to:
                return message
        time.sleep(0.05)
    pytest.fail(f"no e-mail to {to}; outbox: {[(m.to, m.subject) for m in mail.outbox]}")
