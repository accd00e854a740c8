"""/admin/ sits behind allauth's login (throttled) and the superuser's TOTP."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core.cache import cache
from django.urls import reverse

from sterk.network.tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
SECRET = generate_totp_secret()

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _superuser(*, totp: bool):
    user = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if totp:
        TOTP.activate(user, SECRET)
    return user


def _code() -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


def test_the_admin_login_form_no_longer_authenticates(client):
    _superuser(totp=False)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "root@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/accounts/user/").status_code == 302


def test_an_anonymous_visitor_is_sent_to_the_site_login(client):
    response = client.get("/admin/accounts/user/", follow=True)
    first_hop, *_rest = response.redirect_chain
    assert first_hop[0].startswith("/admin/login/")
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_a_superuser_without_totp_is_refused_the_admin(client):
    user = _superuser(totp=False)
    client.force_login(user)
    response = client.get("/admin/accounts/user/", follow=True)
    hops = [url for url, _status in response.redirect_chain]
    assert reverse("mfa_activate_totp") in hops, hops
    assert b"root@example.org" not in response.content


def test_totp_without_using_it_in_this_session_asks_for_the_code(client):
    user = _superuser(totp=True)
    client.force_login(user)  # a session that never passed the second factor
    response = client.get("/admin/accounts/user/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))


def test_staff_who_are_not_superusers_get_403(client):
    user = UserFactory(is_staff=True, is_superuser=False)
    Authenticator.objects.filter(user=user).delete()
    TOTP.activate(user, SECRET)
    client.force_login(user)
    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/").status_code == 302


def test_a_superuser_with_totp_gets_in_through_the_site_login(client):
    _superuser(totp=True)
    response = client.post(
        reverse("account_login"), {"login": "root@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": _code()})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200


def test_the_admin_login_is_throttled_like_the_site_login(client):
    """Wrong passwords go to allauth's form, which refuses after 10 a minute."""
    _superuser(totp=False)
    assert client.post("/admin/login/", {"username": "root@example.org"}).status_code == 302
    codes = []
    for _ in range(12):
        response = client.post(
            reverse("account_login"), {"login": "root@example.org", "password": "wrong"}
        )
        errors = response.context["form"].errors.as_data()
        codes += [e.code for es in errors.values() for e in es]
    assert "too_many_login_attempts" in codes
