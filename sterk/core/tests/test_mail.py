import pytest
from django.core import mail

from sterk.core.mail import email_enqueue
from sterk.core.models import OutboundEmail
from sterk.core.tasks import send_outbound_email


@pytest.mark.django_db(transaction=True)
def test_email_is_sent_after_commit_and_only_once():
    email_enqueue(key="k1", to="a@example.org", subject="Hallo", body="Tekst")
    email_enqueue(key="k1", to="a@example.org", subject="Hallo", body="Tekst")  # same key
    assert OutboundEmail.objects.count() == 1
    assert len(mail.outbox) == 1
    outbound = OutboundEmail.objects.get()
    assert outbound.sent_at is not None
    # A retried job does not send again.
    send_outbound_email.call(outbound.pk)
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_failed_send_is_recorded(monkeypatch):
    def boom(self, *args, **kwargs):
        raise ConnectionError("smtp down")

    # The outbox's job sends over one connection for all the due e-mails.
    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", boom)
    # The queue marks the job failed (the immediate backend logs it and carries on).
    email_enqueue(key="k2", to="b@example.org", subject="S", body="B")
    outbound = OutboundEmail.objects.get(key="k2")
    assert outbound.sent_at is None
    assert outbound.attempts == 1
    assert "smtp down" in outbound.last_error
