"""List pages of the management area use as many queries for 50 rows as for 5."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sterk.core.audit import audit_record
from sterk.network.models import ContactStatus, Role
from sterk.network.tests.factories import (
    ContactRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen")


@pytest.fixture
def coordinator(client):
    user = UserFactory(email="coordinator@example.org")
    RoleAssignmentFactory(user=user, role=Role.COORDINATOR)
    give_totp(user)
    client.force_login(user)
    return user


def queries_for(client, url: str) -> int:
    client.get(url)  # warm up: session, caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_members(region, n: int) -> None:
    sub = SubRegionFactory(region=region)
    for i in range(n):
        MembershipFactory(
            region=region,
            subregion=sub if i % 2 else None,
            user=UserFactory(organisation=OrganisationFactory(), wants_active_role=bool(i % 3)),
        )


def add_requests(region, n: int) -> None:
    handler = UserFactory()
    for i in range(n):
        ContactRequestFactory(
            region=region if i % 2 else RegionFactory(),
            status=ContactStatus.IN_PROGRESS,
            handled_by=handler,
        )


def add_organisations(region, n: int) -> None:
    for _ in range(n):
        org = OrganisationFactory(regions=[region, RegionFactory()])
        UserFactory(organisation=org)


def add_roles(region, n: int) -> None:
    for i in range(n):
        if i % 2:
            RoleAssignmentFactory(role=Role.CHAIR, region=RegionFactory())
        else:
            RoleAssignmentFactory(role=Role.STAKEHOLDER)


def add_audit(region, n: int) -> None:
    for i in range(n):
        audit_record(
            actor=UserFactory(),
            action=f"thing.changed{i % 4}",
            obj=region,
            changes={"field": ["a", "b"], "rows": i},
            region_id=region.pk if i % 2 else None,
        )


PAGES: list[tuple[str, Callable[..., str], Callable[..., None]]] = [
    ("members", lambda r: reverse("manage:member_list", args=[r.slug]), add_members),
    ("inbox", lambda r: reverse("manage:contact_inbox") + "?status=all", add_requests),
    ("organisations", lambda r: reverse("manage:organisation_list"), add_organisations),
    ("roles", lambda r: reverse("manage:role_list"), add_roles),
    ("audit", lambda r: reverse("manage:audit_trail"), add_audit),
]


@pytest.mark.parametrize(("page", "url", "add_rows"), PAGES, ids=[p[0] for p in PAGES])
def test_query_count_does_not_grow_with_rows(client, coordinator, region, page, url, add_rows):
    add_rows(region, 5)
    with_5 = queries_for(client, url(region))
    add_rows(region, 45)
    with_50 = queries_for(client, url(region))
    assert with_5 == with_50, f"{page}: {with_5} queries with 5 rows, {with_50} with 50"


def test_dashboard_query_count_does_not_grow_with_regions(client, coordinator, region):
    add_members(region, 3)
    url = reverse("manage:dashboard")
    before = queries_for(client, url)
    for _ in range(5):
        add_members(RegionFactory(), 3)
    assert queries_for(client, url) == before


def test_member_list_query_count_for_a_chair(client, region):
    chair = UserFactory()
    RoleAssignmentFactory(user=chair, role=Role.CHAIR, region=region)
    give_totp(chair)
    client.force_login(chair)
    url = reverse("manage:member_list", args=[region.slug])
    add_members(region, 5)
    with_5 = queries_for(client, url)
    add_members(region, 45)
    assert queries_for(client, url) == with_5
