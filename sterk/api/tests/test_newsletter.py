"""The newsletter archive through the API: the editions the archive lists, with their
blocks as the edition's page shows them; never a draft, a cancelled send or a subscriber."""

import datetime
import json

import pytest
from django.utils import timezone

from sterk.network.tests.factories import OrganisationFactory, RegionFactory
from sterk.news.tests.factories import PostFactory, draft
from sterk.newsletter.models import Block, EditionStatus
from sterk.newsletter.tests.factories import EditionFactory, SubscriberFactory, text_block

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db

LINK = r'<h2><a href="/nl/nieuwsbrief/([\w-]+)/">'


def sent(days_ago=1, **kwargs):
    return EditionFactory(
        status=EditionStatus.SENT,
        sent_at=timezone.now() - datetime.timedelta(days=days_ago),
        **kwargs,
    )


@pytest.fixture(autouse=True)
def _fresh_rendering():
    """The edition's page keeps its rendered blocks per process by edition id."""
    from sterk.newsletter import mail

    mail._shared.clear()
    yield
    mail._shared.clear()


def test_the_editions_are_those_the_archive_lists(client):
    for days in (1, 2, 3):
        sent(days, slug=f"uitgave-{days}")
    sent(4, slug="regio", region=RegionFactory())
    EditionFactory(slug="klad")
    EditionFactory(slug="geannuleerd", status=EditionStatus.CANCELLED, sent_at=timezone.now())
    api = [e["slug"] for e in all_results(client, "/api/v1/newsletters?limit=2")]
    shown = page_links(client, "/nl/nieuwsbrief/", LINK)
    assert set(api) == shown and len(api) == 4
    assert api == ["uitgave-1", "uitgave-2", "uitgave-3", "regio"]  # newest first
    assert not shown & {"klad", "geannuleerd"}


def test_an_edition_shows_its_blocks_with_their_live_items(client):
    edition = sent(slug="december", region=RegionFactory(slug="limburg"))
    text_block(edition, "Dag **iedereen**.")
    public, hidden = PostFactory(slug="openbaar"), draft(slug="klad")
    Block.objects.create(edition=edition, kind="news", post=public, position=2)
    Block.objects.create(edition=edition, kind="news", post=hidden, position=3)
    SubscriberFactory(email="lezer@example.org")
    response = client.get("/api/v1/newsletters/december")
    assert b"lezer@example.org" not in response.content
    body = json.loads(response.content)
    assert body["region"]["slug"] == "limburg"
    assert body["url"].endswith("/nl/nieuwsbrief/december/")
    assert body["sent_at"][-6:] in ("+01:00", "+02:00")
    kinds = [(b["kind"], b["post"]["slug"] if b["post"] else None) for b in body["blocks"]]
    assert kinds == [("text", None), ("news", "openbaar"), ("news", None)]
    assert body["blocks"][0]["text"] == "Dag **iedereen**."
    # The page shows the same: the public post, not the draft.
    page = client.get("/nl/nieuwsbrief/december/").content.decode()
    assert "/nl/nieuws/openbaar/" in page and "/nl/nieuws/klad/" not in page


@pytest.mark.parametrize("status", [EditionStatus.DRAFT, EditionStatus.CANCELLED])
def test_an_unsent_or_cancelled_edition_is_a_problem_detail(client, status):
    EditionFactory(
        slug="niet-verstuurd",
        status=status,
        sent_at=timezone.now() if status == EditionStatus.CANCELLED else None,
    )
    assert client.get("/nl/nieuwsbrief/niet-verstuurd/").status_code == 404
    response = client.get("/api/v1/newsletters/niet-verstuurd")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_archive_takes_a_constant_number_of_queries(client):
    def grow(n):
        for _ in range(n):
            text_block(sent(region=RegionFactory()))

    assert_constant_queries(client, "/api/v1/newsletters?limit=100", grow, small=3, large=30)


def test_a_session_of_any_role_changes_nothing(client):
    region, other = RegionFactory(), RegionFactory()
    edition = sent(region=region)
    text_block(edition)
    EditionFactory(region=region)
    everyone = people(
        region=region,
        other_region=other,
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )
    assert_same_for_everyone(
        client, ["/api/v1/newsletters", f"/api/v1/newsletters/{edition.slug}"], everyone
    )
