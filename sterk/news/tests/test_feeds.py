import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from sterk.network.tests.factories import OrganisationFactory

from .factories import PostFactory, draft, scheduled

pytestmark = pytest.mark.django_db
SITE = "https://sterksociaalwerk.test"


def test_the_news_feed_is_valid_atom_with_absolute_links(client, antwerpen):
    socius = OrganisationFactory(name="Socius")
    PostFactory(
        slug="eerste",
        title_nl="Eerste bericht",
        lead_nl="Inleiding een.",
        region=antwerpen,
        organisation=socius,
        publish_at=timezone.now() - datetime.timedelta(days=1),
    )
    PostFactory(slug="tweede", title_nl="Tweede bericht")
    draft(title_nl="Klad")
    scheduled(title_nl="Later")
    response = client.get(reverse("news:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.link == f"{SITE}/nl/nieuws/"
    assert [e.title for e in feed.entries] == ["Tweede bericht", "Eerste bericht"]
    first = feed.entries[1]
    assert first.link == f"{SITE}/nl/nieuws/eerste/"
    assert first.id == f"{SITE}/nl/nieuws/eerste/"
    assert first.summary == "Inleiding een."
    assert first.author == "Socius"
    assert first.published_parsed is not None
    assert [t.term for t in first.tags] == ["Antwerpen"]


def test_the_region_feed_holds_the_region_only(client, antwerpen, limburg):
    PostFactory(title_nl="Antwerps")
    PostFactory(title_nl="In Antwerpen", region=antwerpen)
    PostFactory(title_nl="In Limburg", region=limburg)
    response = client.get(reverse("news:region_feed", args=["antwerpen"]))
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["In Antwerpen"]
    assert feed.feed.link == f"{SITE}/nl/nieuws/?regio=antwerpen"
    assert "Antwerpen" in feed.feed.title
    assert client.get(reverse("news:region_feed", args=["nergens"])).status_code == 404


def test_the_feed_speaks_the_language_of_its_url(client):
    PostFactory(title_nl="Titel", title_en="Title")
    feed = feedparser.parse(client.get("/en/nieuws/feed/").content)
    assert feed.feed.language == "en"
    assert feed.entries[0].title == "Title"
    assert feed.entries[0].link == f"{SITE}/en/nieuws/{feed.entries[0].link.rsplit('/', 2)[1]}/"
