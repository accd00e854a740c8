"""The network's management area: a chair of another region, POST-only actions, TOTP.

Every URL of the management area with every role is in the cross-app permission matrix,
sterk/manage/tests/test_permission_matrix.py (deny by default: a /beheer/ URL without a row
there fails it)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sterk.network.models import Role
from sterk.network.tests.factories import (
    ContactRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RegionPriorityFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    antwerpen = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    limburg = RegionFactory(slug="limburg", name_nl="Limburg")
    member = UserFactory(email="member@example.org")
    MembershipFactory(user=member, region=antwerpen)
    chair_antwerpen = UserFactory(email="chair.antwerpen@example.org")
    RoleAssignmentFactory(user=chair_antwerpen, role=Role.CHAIR, region=antwerpen)
    chair_limburg = UserFactory(email="chair.limburg@example.org")
    RoleAssignmentFactory(user=chair_limburg, role=Role.CHAIR, region=limburg)
    steering = UserFactory(email="steering@example.org")
    RoleAssignmentFactory(user=steering, role=Role.STEERING)
    stakeholder = UserFactory(email="stakeholder@example.org")
    RoleAssignmentFactory(user=stakeholder, role=Role.STAKEHOLDER)
    coordinator = UserFactory(email="coordinator@example.org")
    RoleAssignmentFactory(user=coordinator, role=Role.COORDINATOR)
    for user in (chair_antwerpen, chair_limburg, coordinator, stakeholder):
        give_totp(user)
    return {
        "anonymous": None,
        "member": member,
        "chair_antwerpen": chair_antwerpen,
        "chair_limburg": chair_limburg,
        "steering": steering,
        "stakeholder": stakeholder,
        "coordinator": coordinator,
        "slug": antwerpen.slug,
        "priority": RegionPriorityFactory(region=antwerpen),
        "subregion": SubRegionFactory(region=antwerpen, slug="kempen", name_nl="Kempen"),
        "contact": ContactRequestFactory(region=antwerpen),
        "organisation": OrganisationFactory(name="Voorgesteld", is_approved=False),
        "assignment": RoleAssignmentFactory(
            user=UserFactory(email="other.steering@example.org"), role=Role.STEERING
        ),
        "token": "not-a-pending-import",
    }


def test_chair_of_another_region_cannot_reach_objects_through_own_region(client, world):
    """Limburg's chair puts Antwerpen's object ids under the Limburg slug: not found."""
    client.force_login(world["chair_limburg"])
    for name, pk in (
        ("priority_edit", world["priority"].pk),
        ("priority_delete", world["priority"].pk),
        ("subregion_edit", world["subregion"].pk),
        ("subregion_delete", world["subregion"].pk),
    ):
        url = reverse(f"manage:{name}", kwargs={"slug": "limburg", "pk": pk})
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    assert world["priority"].__class__.objects.filter(pk=world["priority"].pk).exists()


def test_get_on_approve_is_not_allowed(client, world):
    client.force_login(world["coordinator"])
    url = reverse("manage:organisation_approve", args=[world["organisation"].pk])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("user_key", ["chair_antwerpen", "coordinator", "stakeholder"])
def test_manager_without_totp_is_sent_to_totp_setup(client, world, settings, user_key):
    from allauth.mfa.models import Authenticator

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = True
    user = world[user_key]
    Authenticator.objects.filter(user=user).delete()
    client.force_login(user)
    for url in (
        reverse("manage:dashboard"),
        reverse("manage:member_list", args=["antwerpen"]),
        reverse("manage:contact_inbox"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")


def test_totp_is_not_required_when_the_setting_is_off(client, world, settings):
    from allauth.mfa.models import Authenticator

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    Authenticator.objects.filter(user=world["chair_antwerpen"]).delete()
    client.force_login(world["chair_antwerpen"])
    assert client.get(reverse("manage:dashboard")).status_code == 200


def test_steering_needs_no_totp(client, world):
    """Steering-group members see no personal data (stakeholder representatives do: the
    people who answer their calls, so they need TOTP like chairs)."""
    client.force_login(world["steering"])
    assert client.get(reverse("manage:dashboard")).status_code == 200
