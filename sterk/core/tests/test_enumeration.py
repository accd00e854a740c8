"""No form tells a visitor whether an e-mail address is known: registering for an event,
signing up, resetting a password. The mailbox learns it, the page does not."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from sterk.core import versioned
from sterk.events import services as event_services
from sterk.events.models import Registration, RegistrationStatus
from sterk.events.tests.factories import EventFactory
from sterk.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _normalised(response, email: str) -> str:
    """The page with what differs per request (nonce, CSRF token) and the address masked."""
    html = response.content.decode()
    html = html.replace(email, "ADDRESS")
    html = re.sub(r'nonce="[^"]*"', 'nonce=""', html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "csrf", html)


def _register(client, event, email: str):
    # Nothing kept from an earlier request (the footer's rendered fields): both answers
    # render the same templates, or neither would.
    versioned.forget()
    return client.post(
        reverse("events:event_register", args=[event.slug]),
        {"name": "Iemand", "email": email, "organisation_name": ""},
    )


@pytest.mark.parametrize(
    "status", [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.PENDING]
)
def test_registering_someone_elses_address_looks_like_a_fresh_registration(
    client, django_capture_on_commit_callbacks, status
):
    event = EventFactory(capacity=1, waitlist_enabled=True)
    # The set-up's own e-mails are sent now, so that only the request's are counted below
    # (the outbox's job sends every due e-mail, not only the newest).
    with django_capture_on_commit_callbacks(execute=True):
        if status == RegistrationStatus.WAITING:
            event_services.registration_create(event=event, user=UserFactory())
        if status == RegistrationStatus.PENDING:
            event_services.registration_create(event=event, name="Known", email="known@example.org")
        else:
            event_services.registration_create(
                event=event, user=UserFactory(email="known@example.org")
            )
    known = Registration.objects.get(email="known@example.org")
    assert known.status == status
    mail.outbox.clear()

    fresh = _register(client, event, "fresh@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        taken = _register(client, event, "known@example.org")

    assert taken.status_code == fresh.status_code == 200
    assert [t.name for t in taken.templates] == [t.name for t in fresh.templates]
    assert _normalised(taken, "known@example.org") == _normalised(fresh, "fresh@example.org")
    # Nothing changed for the registered person; their mailbox is told.
    known.refresh_from_db()
    assert known.status == status and known.name != "Iemand"
    assert Registration.objects.filter(email="known@example.org").count() == 1
    to_known = [m for m in mail.outbox if m.to == ["known@example.org"]]
    # (An unconfirmed address had its link mailed this very minute: not again.)
    assert len(to_known) == (0 if status == RegistrationStatus.PENDING else 1)


def test_the_registered_address_is_told_it_is_registered_already(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):  # its e-mail goes now
        event_services.registration_create(event=event, user=UserFactory(email="known@example.org"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, event, "known@example.org")
    (message,) = mail.outbox
    assert message.to == ["known@example.org"]
    assert event.title in message.subject
    assert "/agenda/" in message.body  # the link to see or cancel the registration
    # A second try in the same minute mails nothing new (no mail bomb through the form).
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, event, "known@example.org")
    assert len(mail.outbox) == 1


def test_a_member_still_reads_that_they_are_registered(client):
    """Signed in, the person asks about their own registration: no enumeration there."""
    event = EventFactory()
    user = UserFactory()
    event_services.registration_create(event=event, user=user)
    client.force_login(user)
    response = client.post(reverse("events:event_register", args=[event.slug]), {})
    assert response.status_code == 302
    assert Registration.objects.filter(user=user).count() == 1


def test_sign_up_with_a_known_address_answers_like_a_new_one(client):
    known = UserFactory(email="known@example.org")
    EmailAddress.objects.create(user=known, email=known.email, verified=True, primary=True)
    data = {
        "first_name": "A",
        "last_name": "B",
        "password1": "a long and unusual passphrase 7",
        "password2": "a long and unusual passphrase 7",
    }
    fresh = client.post(reverse("account_signup"), {**data, "email": "fresh@example.org"})
    client.logout()
    taken = client.post(reverse("account_signup"), {**data, "email": "known@example.org"})
    assert fresh.status_code == taken.status_code == 302
    assert fresh["Location"] == taken["Location"]


def test_password_reset_answers_alike_for_known_and_unknown_addresses(client):
    known = UserFactory(email="known@example.org")
    EmailAddress.objects.create(user=known, email=known.email, verified=True, primary=True)
    url = reverse("account_reset_password")
    unknown = client.post(url, {"email": "nobody@example.org"})
    taken = client.post(url, {"email": "known@example.org"})
    assert unknown.status_code == taken.status_code == 302
    assert unknown["Location"] == taken["Location"]
