"""The composed pages: region, steering group, stakeholders, my page (moved with their
views from network and accounts; the includes each app contributes are tested there too)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sterk.network.models import Role
from sterk.network.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def antwerpen():
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen", name_fr="Anvers")


def test_region_page_shows_chairs_subregions_and_member_count(client, antwerpen):
    SubRegionFactory(region=antwerpen, name_nl="Kempen")
    chair = UserFactory(
        first_name="An", last_name="Peeters", organisation=OrganisationFactory(name="Hogeschool X")
    )
    RoleAssignmentFactory(user=chair, role=Role.CHAIR, region=antwerpen)
    MembershipFactory.create_batch(3, region=antwerpen)
    response = client.get("/nl/regio/antwerpen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "An Peeters" in html and "Hogeschool X" in html
    assert "Kempen" in html
    assert "3 leden" in html or "3 members" in html
    assert "/nl/regio/antwerpen/aansluiten/" in html
    assert "/nl/contact/?regio=antwerpen" in html


def test_region_page_in_french_uses_translated_name(client, antwerpen):
    response = client.get("/fr/regio/antwerpen/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    assert "Anvers" in response.content.decode()


def test_unknown_region_is_404(client):
    assert client.get("/nl/regio/atlantis/").status_code == 404


def test_region_pages_keep_constant_queries(client, antwerpen, django_assert_max_num_queries):
    MembershipFactory.create_batch(2, region=antwerpen)
    RoleAssignmentFactory(role=Role.CHAIR, region=antwerpen)
    with CaptureQueriesContext(connection) as small:
        client.get("/nl/regio/")
        client.get("/nl/regio/antwerpen/")
    for _ in range(15):
        RegionFactory()
    MembershipFactory.create_batch(20, region=antwerpen)
    RoleAssignmentFactory.create_batch(3, role=Role.CHAIR, region=antwerpen)
    SubRegionFactory.create_batch(4, region=antwerpen)
    with CaptureQueriesContext(connection) as large:
        client.get("/nl/regio/")
        client.get("/nl/regio/antwerpen/")
    assert len(large) == len(small)


def test_steering_group_and_stakeholders_pages(client):
    member = UserFactory(first_name="Karel", last_name="Steyaert")
    RoleAssignmentFactory(user=member, role=Role.STEERING, capacity_nl="namens het werkveld")
    OrganisationFactory(name="Socius", is_stakeholder=True, themes_nl="politiserend werken")
    OrganisationFactory(name="Niet partner", is_stakeholder=False)
    steering = client.get("/nl/stuurgroep/").content.decode()
    assert "Karel Steyaert" in steering and "namens het werkveld" in steering
    stakeholders = client.get("/nl/stakeholders/").content.decode()
    assert "Socius" in stakeholders and "politiserend werken" in stakeholders
    assert "Niet partner" not in stakeholders
    assert "onderwerp=stakeholder_meeting" in stakeholders


def test_my_page_needs_login(client):
    response = client.get("/nl/mijn/")
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/login/")


def test_my_page_lists_memberships_and_other_regions(client):
    user = UserFactory()
    MembershipFactory(user=user, region=RegionFactory(slug="limburg", name_nl="Limburg"))
    RegionFactory(slug="brussel", name_nl="Brussel")
    client.force_login(user)
    html = client.get("/nl/mijn/").content.decode()
    assert "Limburg" in html
    assert "/nl/regio/brussel/aansluiten/" in html
    assert "/nl/regio/limburg/verlaten/" in html
