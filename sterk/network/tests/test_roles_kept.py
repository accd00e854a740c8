"""A person's roles and whether they set up TOTP are read once per version of the role
table and of allauth's authenticator table in each worker (#14): every signed-in page
asks. A role given or taken, a TOTP set up or removed, shows at the next request, also
when it was written outside the services. Commits for real."""

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from sterk.core import access, pagecache
from sterk.core.roles import roles_of
from sterk.core.tests.support import nothing_kept  # noqa: F401
from sterk.network import services
from sterk.network.models import Role, RoleAssignment
from sterk.network.roles import ROLE_TABLES
from sterk.network.tests.factories import RegionFactory, UserFactory, give_totp

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("nothing_kept"),
]


def _fresh_user(user):  # type: ignore[no-untyped-def]
    """The same person as a new request loads them (no roles cached on the object)."""
    return type(user).objects.get(pk=user.pk)


def _sql(fn):  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        value = fn()
    return value, " ".join(q["sql"] for q in queries.captured_queries)


def test_both_tables_are_followed_in_every_process():
    assert set(ROLE_TABLES) <= set(pagecache._table_renewers)
    assert Authenticator._meta.db_table in access.AUTHENTICATOR_TABLES
    assert set(access.AUTHENTICATOR_TABLES) <= set(pagecache._table_renewers)


def test_roles_are_read_once_per_version_of_the_role_table():
    user = UserFactory()
    RoleAssignment.objects.create(user=user, role=Role.STEERING)
    first, sql = _sql(lambda: roles_of(_fresh_user(user)))
    assert first.steering and "network_roleassignment" in sql
    again, sql = _sql(lambda: roles_of(_fresh_user(user)))
    assert again == first and "network_roleassignment" not in sql


def test_a_role_given_or_taken_shows_at_the_next_request():
    coordinator = UserFactory()
    RoleAssignment.objects.create(user=coordinator, role=Role.COORDINATOR)
    user = UserFactory()
    region = RegionFactory()
    assert not roles_of(_fresh_user(user)).any_management
    assignment = services.role_assign(actor=coordinator, user=user, role=Role.CHAIR, region=region)
    assert roles_of(_fresh_user(user)).chair_region_ids == {region.pk}
    services.role_revoke(actor=coordinator, assignment=assignment)
    assert not roles_of(_fresh_user(user)).any_management


def test_a_role_written_outside_the_services_shows_too():
    user = UserFactory()
    assert not roles_of(_fresh_user(user)).coordinator
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR)  # as another worker would
    assert roles_of(_fresh_user(user)).coordinator
    RoleAssignment.objects.filter(user=user).delete()
    assert not roles_of(_fresh_user(user)).coordinator


def test_a_role_in_the_open_transaction_is_read_afresh_and_not_kept():
    user = UserFactory()
    assert not roles_of(_fresh_user(user)).coordinator
    with transaction.atomic():
        RoleAssignment.objects.create(user=user, role=Role.COORDINATOR)
        assert roles_of(_fresh_user(user)).coordinator
        transaction.set_rollback(True)
    # Rolled back: nobody else ever saw it, and nothing of it was kept.
    assert not roles_of(_fresh_user(user)).coordinator


def test_the_roles_of_two_people_are_kept_apart():
    chair, member = UserFactory(), UserFactory()
    RoleAssignment.objects.create(user=chair, role=Role.CHAIR, region=RegionFactory())
    assert roles_of(_fresh_user(chair)).chair_region_ids
    assert not roles_of(_fresh_user(member)).any_management


def test_totp_is_read_once_and_a_new_authenticator_shows_at_once():
    user = UserFactory()
    assert access.user_has_totp(user) is False
    again, sql = _sql(lambda: access.user_has_totp(user))
    assert again is False and "mfa_authenticator" not in sql
    give_totp(user)
    assert access.user_has_totp(user) is True
    Authenticator.objects.filter(user=user).delete()
    assert access.user_has_totp(user) is False


def test_the_management_area_follows_a_revoked_role_at_once(client):
    user = UserFactory()
    give_totp(user)
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR)
    client.force_login(user)
    # The session has not passed the second factor here; the area itself opens (the
    # TOTP requirement is about having it set up).
    assert client.get("/nl/beheer/").status_code == 200
    RoleAssignment.objects.filter(user=user).delete()
    assert client.get("/nl/beheer/").status_code == 403
