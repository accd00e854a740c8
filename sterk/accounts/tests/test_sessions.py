"""The session engine (sterk.accounts.sessions): a signed-in page reads its session from
the shared cache without a query; the database stays the record; a cache that cannot be
reached costs the speed, never the request; signing out removes the cached copy."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sterk.accounts.sessions import SessionStore
from sterk.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _key(client):  # type: ignore[no-untyped-def]
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_it_is_the_engine():
    assert settings.SESSION_ENGINE == "sterk.accounts.sessions"


def test_a_signed_in_page_reads_the_session_from_the_cache(client):
    client.force_login(UserFactory())
    client.get("/nl/mijn/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/nl/mijn/").status_code == 200
    assert "django_session" not in " ".join(q["sql"] for q in queries.captured_queries)


def test_without_a_cached_copy_the_database_answers(client):
    user = UserFactory()
    client.force_login(user)
    cache.delete(SessionStore.cache_key_prefix + _key(client))
    assert SessionStore(session_key=_key(client)).load()["_auth_user_id"] == str(user.pk)
    assert client.get("/nl/mijn/").status_code == 200


class _Down:
    """A shared cache that cannot be reached."""

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise ConnectionError("cache down")

        return fail

    def __contains__(self, key):  # type: ignore[no-untyped-def]
        raise ConnectionError("cache down")


def test_a_cache_that_is_down_costs_the_speed_not_the_request(client, monkeypatch):
    user = UserFactory()
    client.force_login(user)
    key = _key(client)
    store = SessionStore(session_key=key)
    monkeypatch.setattr(store, "_cache", _Down())
    assert store.load()["_auth_user_id"] == str(user.pk)  # from the database
    assert store.exists(key)
    store.delete()
    assert not Session.objects.filter(session_key=key).exists()


def test_signing_out_removes_the_cached_copy(client):
    client.force_login(UserFactory())
    key = _key(client)
    client.get("/nl/mijn/")
    assert cache.get(SessionStore.cache_key_prefix + key) is not None
    assert client.post(reverse("account_logout")).status_code == 302
    assert cache.get(SessionStore.cache_key_prefix + key) is None
    assert SessionStore(session_key=key).load() == {}
