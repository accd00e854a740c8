import json

import pytest

from sterk.accounts.models import User
from sterk.core.models import AuditEntry
from sterk.network.models import Membership, Role
from sterk.network.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db


def test_profile_edit_with_a_proposed_organisation(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/nl/mijn/profiel/",
        {
            "first_name": "Sara",
            "last_name": "Maes",
            "organisation": "",
            "proposed_organisation": "Buurtwerk De Brug",
            "job_title": "maatschappelijk werker",
            "sector": "welfare",
            "language": "nl",
            "wants_active_role": "on",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.organisation.name == "Buurtwerk De Brug"
    assert user.organisation.is_approved is False
    assert user.wants_active_role is True
    assert user.directory_visible is False  # off unless chosen


def test_profile_errors_keep_input(client):
    client.force_login(UserFactory())
    response = client.post(
        "/nl/mijn/profiel/",
        {"first_name": "", "last_name": "Maes", "job_title": "coach", "language": "nl"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Maes"' in html and 'value="coach"' in html


def test_unapproved_organisations_are_not_offered(client):
    OrganisationFactory(name="Voorgesteld", is_approved=False)
    OrganisationFactory(name="Goedgekeurd")
    client.force_login(UserFactory())
    html = client.get("/nl/mijn/profiel/").content.decode()
    assert "Goedgekeurd" in html and "Voorgesteld" not in html


def test_data_export_contains_profile_and_memberships(client):
    user = UserFactory(email="me@example.org")
    MembershipFactory(user=user, region=RegionFactory(name_nl="Limburg"))
    client.force_login(user)
    response = client.get("/nl/mijn/gegevens/")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == "me@example.org"
    assert data["memberships"][0]["region"] == "Limburg"


def test_account_deletion_removes_the_person(client):
    user = UserFactory()
    MembershipFactory(user=user)
    client.force_login(user)
    assert client.post("/nl/mijn/verwijderen/", {}).status_code == 200  # needs the checkbox
    response = client.post("/nl/mijn/verwijderen/", {"confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Membership.objects.exists()
    assert AuditEntry.objects.filter(action="account.deleted", actor=None).exists()


def test_chair_without_totp_is_sent_to_set_it_up(client, settings):
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = True
    chair = UserFactory()
    RoleAssignmentFactory(user=chair, role=Role.CHAIR)
    client.force_login(chair)
    response = client.get("/nl/beheer/")
    assert response.status_code == 302
    assert "/account/2fa/totp/activate/" in response["Location"]
    give_totp(chair)
    assert client.get("/nl/beheer/").status_code == 200


def test_member_without_role_gets_403_in_management(client):
    client.force_login(UserFactory())
    assert client.get("/nl/beheer/").status_code == 403
