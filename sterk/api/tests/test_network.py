"""Regions through the API: what the region pages show, for everyone alike."""

import pytest

from sterk.network.models import Role
from sterk.network.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
)

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    get_json,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db


def test_the_regions_are_those_the_region_list_links_to(client):
    for _ in range(3):
        RegionFactory()
    api = {r["slug"] for r in all_results(client, "/api/v1/regions?limit=2")}
    page = page_links(client, "/nl/regio/", r'href="/nl/regio/([\w-]+)/"')
    assert api == page and len(api) == 3


def test_a_region_shows_its_chairs_subregions_and_member_count(client):
    region = RegionFactory(slug="gent-test")
    SubRegionFactory(region=region, slug="meetjesland", name_nl="Meetjesland")
    college = OrganisationFactory(name="Hogeschool Gent")
    chair = UserFactory(first_name="An", last_name="Peeters", organisation=college)
    RoleAssignmentFactory(role=Role.CHAIR, region=region, user=chair)
    MembershipFactory(region=region)
    body = get_json(client, "/api/v1/regions/gent-test")
    assert body["chairs"] == [{"name": "An Peeters", "organisation": "Hogeschool Gent"}]
    assert [s["slug"] for s in body["subregions"]] == ["meetjesland"]
    assert body["member_count"] == 1
    assert body["url"].endswith("/nl/regio/gent-test/")
    assert get_json(client, "/api/v1/regions/gent-test?lang=fr")["url"].endswith(
        "/fr/regio/gent-test/"
    )


def test_an_unknown_region_is_a_problem_detail(client):
    response = client.get("/api/v1/regions/nergens")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_region_list_takes_a_constant_number_of_queries(client):
    from sterk.accounts.models import User
    from sterk.network.models import Region, RoleAssignment, SubRegion

    made = [0]

    def grow(n):
        # Bulk inserts: 1,000 regions with a sub-region and a chair each, in seconds.
        start = made[0]
        made[0] += n
        regions = Region.objects.bulk_create(
            Region(slug=f"r{i}", name_nl=f"Regio {i}", order=i) for i in range(start, made[0])
        )
        SubRegion.objects.bulk_create(
            SubRegion(region=r, slug="deel", name_nl=f"Deel van {r.slug}") for r in regions
        )
        users = User.objects.bulk_create(
            User(email=f"chair{i}@example.org", first_name="Voor", last_name=f"Zitter{i}")
            for i in range(start, made[0])
        )
        RoleAssignment.objects.bulk_create(
            RoleAssignment(role=Role.CHAIR, region=r, user=u)
            for r, u in zip(regions, users, strict=True)
        )

    assert_constant_queries(client, "/api/v1/regions?limit=100", grow)


def test_a_session_of_any_role_changes_nothing(client):
    region, other = RegionFactory(), RegionFactory()
    everyone = people(
        region=region,
        other_region=other,
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )
    assert_same_for_everyone(
        client,
        ["/api/v1/regions", f"/api/v1/regions/{region.slug}", "/api/v1/krachtlijnen"],
        everyone,
    )
