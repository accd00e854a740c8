"""Every URL of the management area, with every role and a chair of another region.

Deny by default: a URL that is added to the `manage` namespace (network/urls_manage.py,
a declaration in network/manage.py, the shell in sterk/manage) without an entry here fails
`test_every_management_url_is_in_the_matrix`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import get_resolver, reverse

from sterk.core.models import AuditEntry
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

# Who may use a URL: every management role, chairs and coordinators (the inbox), the chair of
# the object's region (Antwerpen) and coordinators, or coordinators only.
ANY, INBOX, REGION, COORDINATOR = "any", "inbox", "region", "coordinator"


@dataclass(frozen=True)
class Case:
    name: str
    scope: str
    methods: tuple[str, ...]
    kwargs: tuple[tuple[str, str], ...] = ()  # keys of the world fixture

    def url(self, world: dict[str, Any]) -> str:
        kwargs = {}
        for key, source in self.kwargs:
            value = world[source]
            kwargs[key] = value if isinstance(value, str) else value.pk
        return reverse(f"manage:{self.name}", kwargs=kwargs)

    def __str__(self) -> str:
        return self.name


SLUG = (("slug", "slug"),)
CASES = [
    Case("dashboard", ANY, ("GET",)),
    Case("region_edit", REGION, ("GET", "POST"), SLUG),
    Case("priority_list", REGION, ("GET",), SLUG),
    Case("priority_create", REGION, ("GET", "POST"), SLUG),
    Case("priority_edit", REGION, ("GET", "POST"), (*SLUG, ("pk", "priority"))),
    Case("priority_delete", REGION, ("GET", "POST"), (*SLUG, ("pk", "priority"))),
    Case("subregion_list", REGION, ("GET",), SLUG),
    Case("subregion_create", REGION, ("GET", "POST"), SLUG),
    Case("subregion_edit", REGION, ("GET", "POST"), (*SLUG, ("pk", "subregion"))),
    Case("subregion_delete", REGION, ("GET", "POST"), (*SLUG, ("pk", "subregion"))),
    Case("member_list", REGION, ("GET",), SLUG),
    Case("member_export_csv", REGION, ("GET",), SLUG),
    Case("member_export_xlsx", REGION, ("GET",), SLUG),
    Case("member_import", REGION, ("GET", "POST"), SLUG),
    Case("member_import_preview", REGION, ("GET", "POST"), (*SLUG, ("token", "token"))),
    Case("contact_inbox", INBOX, ("GET",)),
    Case("contact_detail", REGION, ("GET", "POST"), (("pk", "contact"),)),
    Case("organisation_list", COORDINATOR, ("GET",)),
    Case("organisation_create", COORDINATOR, ("GET", "POST")),
    Case("organisation_edit", COORDINATOR, ("GET", "POST"), (("pk", "organisation"),)),
    Case("organisation_approve", COORDINATOR, ("POST",), (("pk", "organisation"),)),
    Case("role_list", COORDINATOR, ("GET",)),
    Case("role_assign", COORDINATOR, ("GET", "POST")),
    Case("role_revoke", COORDINATOR, ("GET", "POST"), (("pk", "assignment"),)),
    Case("audit_trail", COORDINATOR, ("GET",)),
]

USERS = [
    "anonymous",
    "member",
    "chair_limburg",
    "chair_antwerpen",
    "steering",
    "stakeholder",
    "coordinator",
]


def allowed(user: str, scope: str) -> bool:
    if user in ("anonymous", "member"):
        return False
    if user == "coordinator":
        return True
    if scope == ANY:
        return True
    if scope == INBOX:
        return user in ("chair_antwerpen", "chair_limburg")
    if scope == REGION:
        return user == "chair_antwerpen"
    return False


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


def test_every_management_url_is_in_the_matrix() -> None:
    names = {p.name for p in get_resolver().namespace_dict["manage"][1].url_patterns}
    assert names == {c.name for c in CASES}


@pytest.mark.parametrize("user_key", USERS)
@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(client, world, user_key: str, case: Case) -> None:
    user = world[user_key]
    if user is not None:
        client.force_login(user)
    url = case.url(world)
    expected = allowed(user_key, case.scope)
    for method in case.methods:
        audit_before = AuditEntry.objects.count()
        response = client.post(url, {}) if method == "POST" else client.get(url)
        where = f"{method} {url} as {user_key}: {response.status_code}"
        if user_key == "anonymous":
            assert response.status_code == 302, where
            assert response["Location"].startswith(reverse("account_login")), where
        elif expected:
            assert response.status_code not in (403, 404, 405), where
            if response.status_code == 302:
                assert not response["Location"].startswith(reverse("account_login")), where
        else:
            assert response.status_code in (403, 404), where
            assert AuditEntry.objects.count() == audit_before, f"{where} wrote to the trail"


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
