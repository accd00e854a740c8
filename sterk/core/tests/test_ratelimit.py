"""The client address behind rate limits: X-Forwarded-For only from configured proxies."""

from typing import Any

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from sterk.core.ratelimit import client_ip
from sterk.network.models import ContactRequest
from sterk.network.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _request(remote: str, forwarded: str | None = None):
    extra: dict[str, Any] = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_a_spoofed_header_from_an_untrusted_peer_is_ignored(settings):
    settings.STERK_TRUSTED_PROXIES = []
    assert client_ip(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    assert client_ip(_request("203.0.113.7", "1.2.3.4, 5.6.7.8")) == "203.0.113.7"


def test_through_a_trusted_proxy_the_real_client_is_used(settings):
    settings.STERK_TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    # The client forged a first hop; the proxies appended the real one.
    request = _request("10.0.0.5", "6.6.6.6, 203.0.113.9, 192.0.2.1")
    assert client_ip(request) == "203.0.113.9"
    # A trusted peer without a header is itself the client.
    assert client_ip(_request("10.0.0.5")) == "10.0.0.5"
    # Ports and IPv6 are understood.
    assert client_ip(_request("10.0.0.5", "[2001:db8::1]:4711")) == "2001:db8::1"
    assert client_ip(_request("10.0.0.5", "203.0.113.9:1234")) == "203.0.113.9"


def test_an_untrusted_peer_is_not_believed_even_when_proxies_are_configured(settings):
    settings.STERK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(_request("203.0.113.7", "10.0.0.1")) == "203.0.113.7"


def test_garbage_in_the_chain_stops_at_the_last_trusted_hop(settings):
    settings.STERK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(_request("10.0.0.5", "not-an-ip, 10.0.0.9")) == "10.0.0.9"


def _contact(client, forwarded: str):
    return client.post(
        "/nl/contact/",
        {
            "name": "Jan Claes",
            "email": "jan@example.org",
            "organisation_name": "",
            "topic": "join",
            "region": "",
            "message": "Ik wil graag meewerken.",
            "consent": "on",
            "website": "",
        },
        HTTP_X_FORWARDED_FOR=forwarded,
        REMOTE_ADDR="203.0.113.7",
    )


@pytest.mark.django_db
def test_changing_the_header_does_not_reset_the_contact_limit(client, settings):
    settings.STERK_TRUSTED_PROXIES = []
    settings.STERK_CONTACT_RATE_LIMIT = 2
    for i in range(2):
        assert _contact(client, f"198.51.100.{i}").status_code == 302
    assert _contact(client, "198.51.100.99").status_code == 200  # refused, form again
    assert ContactRequest.objects.count() == 2


def _throttled(client, n: int, *, remote: str, forwarded: str) -> bool:
    """One failed login; True when allauth refused it as too many attempts."""
    response = client.post(
        "/nl/account/login/",
        {"login": f"nobody{n}@example.org", "password": "wrong"},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    return any(e.code == "too_many_login_attempts" for es in errors.values() for e in es)


@pytest.mark.django_db
def test_allauth_throttles_on_the_same_address(client, settings):
    """allauth's failed-login limit (10 a minute per address) ignores a spoofed header,
    and behind a trusted proxy counts each real client on its own."""
    UserFactory(email="someone@example.org")
    settings.STERK_TRUSTED_PROXIES = []
    throttled = [
        _throttled(client, n, remote="203.0.113.7", forwarded=f"198.51.100.{n}") for n in range(12)
    ]
    assert throttled[-1], throttled
    cache.clear()
    settings.STERK_TRUSTED_PROXIES = ["10.0.0.1"]
    throttled = [
        _throttled(client, n, remote="10.0.0.1", forwarded=f"198.51.100.{n}") for n in range(12)
    ]
    assert not any(throttled), throttled
