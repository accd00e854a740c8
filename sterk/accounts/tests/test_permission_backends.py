"""Permissions come from the rules (`sterk/*/rules.py`) alone. Django's per-user and
per-group permission tables are not used by anything here: the admin is for superusers,
who have every permission without a lookup. A permission the rules refuse must therefore
cost no query, because the header asks one on every signed-in page."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sterk.network.models import Role
from sterk.network.tests.factories import RegionFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_permission_the_rules_refuse_costs_no_query():
    user = UserFactory()
    with CaptureQueriesContext(connection) as queries:
        assert not user.has_perm("network.access_management")
        assert not user.has_perm("events.add_event")
    # The rules read the person's roles once (one query, kept on the user); Django's
    # permission tables are never read.
    assert not any("auth_permission" in q["sql"] for q in queries.captured_queries)
    assert len(queries.captured_queries) <= 1


def test_the_django_permission_tables_grant_nothing():
    """A row in the per-user or per-group table (put there by hand) grants nothing: one
    source of permissions, the rules, tested per role."""
    user = UserFactory()
    permission = Permission.objects.get(codename="change_user")
    user.user_permissions.add(permission)
    group = Group.objects.create(name="hand-made")
    group.permissions.add(permission)
    user.groups.add(group)
    assert not user.has_perm("accounts.change_user")
    assert not user.has_module_perms("accounts")


def test_the_rules_still_grant():
    region = RegionFactory()
    chair = RoleAssignmentFactory(region=region, role=Role.CHAIR).user
    assert chair.has_perm("network.access_management")


def test_a_superuser_keeps_every_permission():
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert admin.has_perm("accounts.change_user")
    assert admin.has_module_perms("accounts")


def test_signing_in_by_password_still_works(client):
    user = UserFactory()
    user.set_password("een lang genoeg wachtwoord 42")
    user.save()
    assert client.login(email=user.email, password="een lang genoeg wachtwoord 42")
