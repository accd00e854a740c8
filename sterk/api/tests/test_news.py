"""News through the API: the posts the news page lists, with its filters; never a draft or
a scheduled post."""

import pytest

from sterk.actionplan.tests.factories import KrachtlijnFactory
from sterk.events.tests.factories import EventFactory
from sterk.network.tests.factories import OrganisationFactory, RegionFactory
from sterk.news.tests.factories import PostFactory, draft, scheduled

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    get_json,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db

LINK = r'class="news-card-title"><a href="/nl/nieuws/([\w-]+)/"'


def _news(region, krachtlijn):
    PostFactory(slug="platform-1")
    PostFactory(slug="regio-1", region=region)
    PostFactory(slug="regio-2", region=region, krachtlijnen=[krachtlijn])
    PostFactory(slug="ander", region=RegionFactory(), krachtlijnen=[krachtlijn])
    draft(slug="klad", region=region, krachtlijnen=[krachtlijn])
    scheduled(slug="straks", region=region, krachtlijnen=[krachtlijn])


def test_the_posts_are_those_the_news_page_lists_for_every_filter(client):
    region, krachtlijn = RegionFactory(slug="limburg"), KrachtlijnFactory(slug="verbinden")
    _news(region, krachtlijn)
    cases = [
        ("", ""),
        ("region=limburg", "regio=limburg"),
        ("region=platform", "regio=platform"),
        ("krachtlijn=verbinden", "krachtlijn=verbinden"),
        ("region=limburg&krachtlijn=verbinden", "regio=limburg&krachtlijn=verbinden"),
    ]
    for api_query, page_query in cases:
        api = {p["slug"] for p in all_results(client, f"/api/v1/news?limit=2&{api_query}")}
        shown = page_links(client, f"/nl/nieuws/?{page_query}", LINK)
        assert api == shown and api, (api_query, api, shown)
        assert not api & {"klad", "straks"}
    assert {p["slug"] for p in all_results(client, "/api/v1/news")} == {
        "platform-1",
        "regio-1",
        "regio-2",
        "ander",
    }
    # An unknown region or krachtlijn matches nothing (the page's form would ignore it).
    assert get_json(client, "/api/v1/news?region=nergens")["count"] == 0
    assert get_json(client, "/api/v1/news?krachtlijn=geen")["count"] == 0


def test_a_post_shows_its_region_krachtlijnen_dates_and_ties(client):
    region = RegionFactory(slug="gent-test")
    krachtlijn = KrachtlijnFactory(slug="verbinden")
    post = PostFactory(
        slug="nieuw",
        region=region,
        organisation=OrganisationFactory(name="Hogeschool Gent"),
        krachtlijnen=[krachtlijn],
    )
    public = EventFactory()
    post.events.add(public)
    body = get_json(client, "/api/v1/news/nieuw")
    assert body["region"]["slug"] == "gent-test"
    assert body["organisation"] == "Hogeschool Gent"
    assert [k["slug"] for k in body["krachtlijnen"]] == ["verbinden"]
    assert body["url"].endswith("/nl/nieuws/nieuw/")
    assert body["published_at"][-6:] in ("+01:00", "+02:00")
    assert len(body["events"]) == 1
    assert body["events"][0]["url"].endswith(public.get_absolute_url())
    assert get_json(client, "/api/v1/news/nieuw?lang=fr")["url"].endswith("/fr/nieuws/nieuw/")


@pytest.mark.parametrize("make", [draft, scheduled])
def test_a_draft_or_scheduled_post_is_a_problem_detail(client, make):
    make(slug="niet-publiek")
    assert client.get("/nl/nieuws/niet-publiek/").status_code == 404
    response = client.get("/api/v1/news/niet-publiek")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_news_list_takes_a_constant_number_of_queries(client):
    krachtlijnen = [KrachtlijnFactory(), KrachtlijnFactory()]

    def grow(n):
        for _ in range(n):
            PostFactory(
                region=RegionFactory(),
                organisation=OrganisationFactory(),
                krachtlijnen=krachtlijnen,
            )

    assert_constant_queries(client, "/api/v1/news?limit=100", grow, small=3, large=30)


def test_a_session_of_any_role_changes_nothing(client):
    region, other = RegionFactory(), RegionFactory()
    post = PostFactory(region=region)
    draft(slug="klad", region=region)
    everyone = people(
        region=region,
        other_region=other,
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )
    assert_same_for_everyone(client, ["/api/v1/news", f"/api/v1/news/{post.slug}"], everyone)
    # A chair may preview a draft on the page; the API shows it to no one.
    for user in everyone.values():
        if getattr(user, "is_authenticated", False):
            client.force_login(user)
            assert client.get("/api/v1/news/klad").status_code == 404
            client.logout()
