"""core.roles.roles_of reads the role assignments through network's loader, once per user."""

import pytest

from sterk.core import roles as core_roles
from sterk.network.models import Role
from sterk.network.roles import roles_load
from sterk.network.tests.factories import RegionFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_network_fills_the_hook_in_core():
    assert core_roles._loader is roles_load


def test_roles_are_read_in_one_query_and_cached(django_assert_num_queries):
    user = UserFactory()
    region = RegionFactory()
    RoleAssignmentFactory(user=user, role=Role.CHAIR, region=region)
    RoleAssignmentFactory(user=user, role=Role.STEERING)
    with django_assert_num_queries(1):
        roles = core_roles.roles_of(user)
        assert core_roles.roles_of(user) is roles
    assert roles.chair_region_ids == {region.pk} and roles.steering and not roles.coordinator
    core_roles.forget_roles(user)
    with django_assert_num_queries(1):
        core_roles.roles_of(user)
