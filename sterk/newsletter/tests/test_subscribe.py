"""Subscribing: double opt-in (a GET confirms nothing), consent, no telling whether an
address is known, expiry, unsubscribing in one click (RFC 8058), re-subscribing."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from sterk.accounts.models import Consent
from sterk.core import outbox
from sterk.core.models import OutboundEmail
from sterk.network.tests.factories import RegionFactory, UserFactory
from sterk.newsletter.models import Subscriber, SubscriberStatus

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


def _signup(client, email="nieuw@example.org", **extra):
    data = {"email": email, "language": "nl", "consent": "on", **extra}
    response = client.post(reverse("newsletter:signup"), data)
    outbox.drain()
    return response


def _confirm_url() -> str:
    body = mail.outbox[-1].body
    return re.search(r"https?://\S+/bevestigen/\S+/", body).group(0)


def test_signup_confirm_with_a_button_and_consent_recorded(client):
    region = RegionFactory()
    response = _signup(client, regions=[str(region.pk)], interests=["events", "calls"])
    assert response.status_code == 302
    sub = Subscriber.objects.get(email="nieuw@example.org")
    assert sub.status == SubscriberStatus.PENDING
    assert list(sub.regions.all()) == [region] and sub.interest_list == ["events", "calls"]
    url = _confirm_url()
    path = url.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1" in url else url
    # A mail scanner opens the link: nothing is confirmed.
    page = client.get(path)
    assert page.status_code == 200 and b'<form method="post"' in page.content
    sub.refresh_from_db()
    assert sub.status == SubscriberStatus.PENDING
    # The button confirms.
    done = client.post(path)
    assert done.status_code == 200
    sub.refresh_from_db()
    assert sub.status == SubscriberStatus.ACTIVE and sub.confirmed_at and sub.consent_version
    consent = Consent.objects.get(kind="newsletter", email="nieuw@example.org")
    assert consent.text == sub.consent_text and consent.withdrawn_at is None
    # Used once: the link is no longer valid.
    assert client.post(path).status_code == 410


def test_the_answer_does_not_tell_whether_an_address_is_subscribed(client):
    SubscriberFactory(email="bekend@example.org")
    known = _signup(client, "bekend@example.org")
    unknown = _signup(client, "onbekend@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # The known address gets its preferences link, not a confirmation; nothing changed.
    assert Subscriber.objects.get(email="bekend@example.org").status == SubscriberStatus.ACTIVE
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "al ingeschreven" in subjects["bekend@example.org"].lower()


def test_bad_input_keeps_what_was_typed(client):
    response = client.post(reverse("newsletter:signup"), {"email": "geen-adres", "name": "An"})
    assert response.status_code == 200
    assert b'value="geen-adres"' in response.content and b'value="An"' in response.content
    assert not Subscriber.objects.exists()


def test_the_form_is_rate_limited(client, settings):
    for i in range(10):
        _signup(client, f"p{i}@example.org")
    response = _signup(client, "p99@example.org")
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="p99@example.org").exists()


def test_unconfirmed_signups_expire(client, settings):
    _signup(client, "laat@example.org")
    Subscriber.objects.update(confirm_sent_at=timezone.now() - datetime.timedelta(hours=80))
    call_command("newsletter_cleanup", verbosity=0)
    assert not Subscriber.objects.filter(email="laat@example.org").exists()


def test_rfc8058_one_click_post_unsubscribes_without_login_or_csrf():
    from django.test import Client

    sub = SubscriberFactory()
    Consent.objects.create(email=sub.email, kind="newsletter", text="x", text_version="x")
    client = Client(enforce_csrf_checks=True)
    url = reverse("newsletter:unsubscribe", kwargs={"token": sub.token})
    # GET: a page with a button, nothing happens.
    assert client.get(url).status_code == 200
    sub.refresh_from_db()
    assert sub.status == SubscriberStatus.ACTIVE
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.status == SubscriberStatus.UNSUBSCRIBED and sub.unsubscribed_at
    assert Consent.objects.get(email=sub.email).withdrawn_at is not None
    # The other token views keep CSRF: the preferences form refuses a POST without it.
    prefs = reverse("newsletter:preferences", kwargs={"token": sub.token})
    assert client.post(prefs, {"language": "fr"}).status_code == 403


def test_resubscribing_after_unsubscribing_needs_a_new_confirmation(client):
    sub = SubscriberFactory(email="terug@example.org", status=SubscriberStatus.UNSUBSCRIBED)
    _signup(client, "terug@example.org")
    sub.refresh_from_db()
    assert sub.status == SubscriberStatus.PENDING and sub.confirm_token
    assert "bevestigen" in mail.outbox[-1].body


def test_preferences_by_personal_link(client):
    sub = SubscriberFactory()
    url = reverse("newsletter:preferences", kwargs={"token": sub.token})
    assert client.get(url).status_code == 200
    response = client.post(url, {"language": "fr", "interests": ["practices"]})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.language == "fr" and sub.interest_list == ["practices"]
    assert (
        client.get(reverse("newsletter:preferences", kwargs={"token": "nope"})).status_code == 404
    )


def test_a_member_ticks_the_newsletter_and_it_is_in_their_data_download(client):
    from allauth.account.models import EmailAddress

    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    response = client.post(reverse("newsletter:member"), {"subscribed": "on", "language": "en"})
    assert response.status_code == 302
    sub = Subscriber.objects.get(user=user)
    assert sub.status == SubscriberStatus.ACTIVE and sub.language == "en"
    download = client.get(reverse("accounts:data_export"))
    assert b"newsletter_subscriptions" in download.content
    assert sub.consent_text.encode()[:20] in download.content
    client.post(reverse("newsletter:member"), {"language": "en"})
    sub.refresh_from_db()
    assert sub.status == SubscriberStatus.UNSUBSCRIBED


def test_the_footer_form_is_on_every_page_and_works_from_a_cached_page(client, settings):
    settings.STERK_PAGE_CACHE = True
    first = client.get(reverse("network:region_list"))
    assert b'action="/nl/nieuwsbrief/inschrijven/"' in first.content
    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(reverse("network:region_list"))
    assert page.get("X-Page-Cache") == "hit"
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1)
    response = visitor.post(
        reverse("newsletter:signup"),
        {
            "csrfmiddlewaretoken": token.decode(),
            "email": "cache@example.org",
            "language": "nl",
            "consent": "on",
            "place": "footer",
        },
    )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="cache@example.org").exists()
    assert OutboundEmail.objects.filter(to="cache@example.org").exists()


def test_a_member_ticks_it_on_their_page_and_sees_no_signup_form(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("accounts:my_page")).content.decode()
    assert 'id="my-newsletter"' in page and 'action="/nl/nieuwsbrief/mijn/"' in page
    assert 'action="/nl/nieuwsbrief/inschrijven/"' not in page


def test_deleting_the_account_erases_the_subscription_and_its_history():
    from sterk.accounts.services import account_delete
    from sterk.newsletter.models import Delivery

    from .factories import EditionFactory

    user = UserFactory()
    sub = SubscriberFactory(email=user.email.upper(), name="Lien Lezer")
    Delivery.objects.create(edition=EditionFactory(), subscriber=sub, outbox_key="newsletter:x:1")
    account_delete(user=user)
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()
