"""The person a session names is read once per version of the users' table in each worker
(sterk.accounts.backends.kept_user, #14), and the session check runs on them as before:
a new password elsewhere, a deactivation or a deletion signs the session out at its next
request; every request gets an instance of its own; sessions that name the backends by
their former names stay signed in. Commits for real."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sterk.accounts import backends
from sterk.accounts.models import User
from sterk.accounts.sessions import SessionStore
from sterk.core import pagecache
from sterk.core.tests.support import nothing_kept  # noqa: F401
from sterk.network.tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("nothing_kept"),
]

PAGE = "/nl/mijn/"  # signed in only: a visitor is sent to the login


def _signed_in(client) -> bool:  # type: ignore[no-untyped-def]
    return client.get(PAGE).status_code == 200


def test_the_users_table_is_followed_in_every_process():
    assert User._meta.db_table in backends.USER_TABLES
    assert set(backends.USER_TABLES) <= set(pagecache._table_renewers)
    assert settings.AUTHENTICATION_BACKENDS[-2:] == [
        "sterk.accounts.backends.ModelBackend",
        "sterk.accounts.backends.AuthenticationBackend",
    ]


def test_the_person_is_read_once(client):
    client.force_login(UserFactory())
    client.get(PAGE)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    assert 'FROM "accounts_user"' not in " ".join(q["sql"] for q in queries.captured_queries)


def test_every_request_gets_its_own_instance():
    user = UserFactory(first_name="An")
    first, second = backends.kept_user(user.pk), backends.kept_user(user.pk)
    assert first is not second and first == second
    first.first_name = "Changed by a view"
    assert backends.kept_user(user.pk).first_name == "An"
    assert backends.kept_user(10**9) is None


def test_a_new_password_elsewhere_signs_the_session_out():
    user = UserFactory()
    here, elsewhere = Client(), Client()
    here.force_login(user)
    elsewhere.force_login(user)
    assert _signed_in(here) and _signed_in(elsewhere)
    changed = User.objects.get(pk=user.pk)
    changed.set_password("een-nieuw-wachtwoord-2026")
    changed.save()
    assert not _signed_in(here)


def test_a_deactivated_or_deleted_person_is_signed_out(client):
    user = UserFactory()
    client.force_login(user)
    assert _signed_in(client)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert not _signed_in(client)
    other = UserFactory()
    client.force_login(other)
    assert _signed_in(client)
    User.objects.filter(pk=other.pk).delete()
    assert not _signed_in(client)


@pytest.mark.parametrize("former", sorted(backends.RENAMED_BACKENDS))
def test_a_session_naming_a_former_backend_stays_signed_in(client, former):
    client.force_login(UserFactory())
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    store = SessionStore(session_key=key)
    data = store.load()
    data[BACKEND_SESSION_KEY] = former
    store._session_cache = data
    store.modified = True
    store.save()
    assert (
        SessionStore(session_key=key).load()[BACKEND_SESSION_KEY]
        == (backends.RENAMED_BACKENDS[former])
    )
    assert _signed_in(client)
