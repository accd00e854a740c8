"""Each permission with a "which rows" queryset: the rule and the selector agree."""

from __future__ import annotations

from typing import Any

import pytest

from sterk.network import selectors

from .factories import (
    ContactRequestFactory,
    OrganisationFactory,
    RegionFactory,
    people_of_every_role,
    scoping_mismatches,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    antwerpen = RegionFactory(slug="antwerpen")
    limburg = RegionFactory(slug="limburg")
    gent = RegionFactory(slug="gent")  # nobody chairs it
    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    other = OrganisationFactory(name="Weliswaar", is_stakeholder=True)
    return {
        "people": people_of_every_role(
            region=antwerpen, other_region=limburg, organisation=socius, other_organisation=other
        ),
        "regions": {"antwerpen": antwerpen, "limburg": limburg, "gent": gent},
    }


def test_regions_managed_by_agrees_with_change_region(world) -> None:
    for perm in ("network.change_region", "network.view_region_members"):
        assert not scoping_mismatches(
            perm, selectors.regions_managed_by, world["people"], world["regions"]
        )


def test_contact_requests_for_agrees_with_handle_contact_request(world) -> None:
    regions = world["regions"]
    requests = {
        "antwerpen": ContactRequestFactory(region=regions["antwerpen"]),
        "limburg": ContactRequestFactory(region=regions["limburg"]),
        "gent": ContactRequestFactory(region=regions["gent"]),
        "platform": ContactRequestFactory(region=None),
    }
    assert not scoping_mismatches(
        "network.handle_contact_request",
        selectors.contact_requests_for,
        world["people"],
        requests,
    )


def test_is_last_coordinator_matches_what_the_revoke_service_refuses() -> None:
    from django.core.exceptions import ValidationError

    from sterk.network import services
    from sterk.network.models import Role

    from .factories import RoleAssignmentFactory

    first = RoleAssignmentFactory(role=Role.COORDINATOR)
    second = RoleAssignmentFactory(role=Role.COORDINATOR)
    chair = RoleAssignmentFactory(role=Role.CHAIR, region=RegionFactory())
    assert not selectors.is_last_coordinator(first)
    assert not selectors.is_last_coordinator(chair)
    services.role_revoke_checked(actor=first.user, assignment=second)
    assert selectors.is_last_coordinator(first)
    with pytest.raises(ValidationError):
        services.role_revoke_checked(actor=first.user, assignment=first)
