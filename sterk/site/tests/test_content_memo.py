"""The home page and a region's page read what they show to everyone once per data
version and clock moment (#14): a change shows at the next request, a scheduled news post
at its moment, and what depends on the reader (their membership, the join form) is read
for each request."""

import datetime
from unittest import mock

import pytest

from sterk.core.tests.support import get_counting_queries, without_page_cache  # noqa: F401
from sterk.identity.models import Krachtlijn
from sterk.network.models import Region
from sterk.network.tests.factories import MembershipFactory, RegionFactory, UserFactory
from sterk.news.tests.factories import PostFactory, scheduled

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def _main(html: str) -> str:
    """The page's own content: the layout around it carries the request's nonce."""
    return html.split("<main")[1].split("</main>")[0]


def test_the_home_page_is_read_once_and_a_change_shows_at_once(client):
    Krachtlijn.objects.create(number=1, slug="k1", title_nl="Mensenrechten", summary_nl="x")
    RegionFactory(name_nl="Limburg", slug="limburg")
    PostFactory(title_nl="Al verschenen")
    first, body = get_counting_queries(client, "/nl/")
    second, again = get_counting_queries(client, "/nl/")
    assert second == 0 < first  # eight queries at the first visit, none after
    assert _main(again).replace(_csrf(again), "") == _main(body).replace(_csrf(body), "")
    for text in ("Mensenrechten", "Limburg", "Al verschenen"):
        assert text in again
    Region.objects.filter(slug="limburg").update(name_nl="Provincie Limburg")
    _, changed = get_counting_queries(client, "/nl/")
    assert "Provincie Limburg" in changed


def test_a_scheduled_post_appears_on_the_home_page_at_its_moment(client):
    soon = scheduled(hours=0.5, title_nl="Verschijnt straks")
    assert "Verschijnt straks" not in get_counting_queries(client, "/nl/")[1]
    get_counting_queries(client, "/nl/")  # kept
    later = soon.publish_at + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Verschijnt straks" in get_counting_queries(client, "/nl/")[1]


def test_a_region_page_keeps_what_is_the_same_for_everyone(client):
    region = RegionFactory(name_nl="Limburg", slug="limburg")
    PostFactory(title_nl="Nieuws uit Limburg", region=region)
    first, body = get_counting_queries(client, "/nl/regio/limburg/")
    second, again = get_counting_queries(client, "/nl/regio/limburg/")
    # The events too: kept for everyone who may see the same ones (visitors here).
    assert second == 0 < first
    assert _main(again) == _main(body)
    assert "Nieuws uit Limburg" in again


def test_a_region_page_shows_the_readers_own_membership(client):
    region = RegionFactory(name_nl="Limburg", slug="limburg")
    get_counting_queries(client, "/nl/regio/limburg/")  # kept, seen by a visitor
    member = UserFactory()
    MembershipFactory(user=member, region=region)
    client.force_login(member)
    _, as_member = get_counting_queries(client, "/nl/regio/limburg/")
    client.force_login(UserFactory())
    _, as_other = get_counting_queries(client, "/nl/regio/limburg/")
    assert _main(as_member) != _main(as_other)
    assert "/verlaten/" in as_member and "/verlaten/" not in as_other


def test_an_unknown_region_is_not_found(client):
    RegionFactory(slug="limburg")
    assert client.get("/nl/regio/onbekend/").status_code == 404
    assert client.get("/nl/regio/onbekend/").status_code == 404


def _csrf(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    if marker not in html:
        return "\0"
    return html.split(marker)[1].split('"')[0]


def test_a_region_page_shows_each_reader_the_events_they_may_see(client):
    from sterk.events.models import Visibility
    from sterk.events.tests.factories import EventFactory

    region = RegionFactory(name_nl="Limburg", slug="limburg")
    EventFactory(title_nl="Open avond", region=region)
    EventFactory(title_nl="Ledenavond", region=region, visibility=Visibility.MEMBERS)
    _, visitor = get_counting_queries(client, "/nl/regio/limburg/")
    assert "Open avond" in visitor and "Ledenavond" not in visitor
    client.force_login(UserFactory())
    _, member = get_counting_queries(client, "/nl/regio/limburg/")
    assert "Ledenavond" in member
    client.logout()
    _, again = get_counting_queries(client, "/nl/regio/limburg/")
    assert "Ledenavond" not in again
