"""News and the page cache: a scheduled post appears at its moment, a publish or an
unpublish shows at once. The tests commit for real (transaction=True), as in
sterk/core/tests/test_pagecache.py."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from sterk.core import pagecache
from sterk.events.tests.factories import coordinator
from sterk.network.tests.factories import RegionFactory
from sterk.news import services

from .factories import PostFactory, draft, scheduled

pytestmark = pytest.mark.django_db(transaction=True)
PAGES = ("/nl/nieuws/", "/nl/", "/nl/nieuws/feed/")


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.STERK_PAGE_CACHE = True
    cache.clear()


def state(response) -> str | None:  # type: ignore[no-untyped-def]
    return response.headers.get("X-Page-Cache")


def test_a_scheduled_post_appears_at_its_time_on_cached_pages(client):
    now = timezone.now()
    PostFactory(title_nl="Al verschenen")
    soon = scheduled(hours=0.5, title_nl="Verschijnt straks")
    assert pagecache.next_change(now) <= soon.publish_at
    for url in PAGES:
        assert "Verschijnt straks" not in client.get(url).content.decode(), url
        assert state(client.get(url)) == "hit", url
    assert client.get(soon.get_absolute_url()).status_code == 404
    later = soon.publish_at + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        for url in PAGES:
            response = client.get(url)
            assert state(response) == "miss", url
            assert "Verschijnt straks" in response.content.decode(), url
        assert client.get(soon.get_absolute_url()).status_code == 200


def test_the_next_publication_moment_is_a_clock_moment():
    now = timezone.now()
    first = scheduled(hours=3)
    scheduled(hours=5)
    draft(publish_at=now + datetime.timedelta(minutes=10))  # a draft appears at no moment
    assert pagecache.next_change(now) <= first.publish_at
    from sterk.news.selectors import clock_moments

    assert clock_moments(now) == [first.publish_at]


def test_a_publish_and_an_unpublish_show_at_once(client):
    region = RegionFactory(slug="antwerpen")
    post = draft(title_nl="Vers nieuws", region=region)
    region_page = region.get_absolute_url()
    for url in (*PAGES, region_page):
        client.get(url)
        assert state(client.get(url)) == "hit", url
    actor = coordinator()
    services.post_publish(actor=actor, post=post)
    for url in (*PAGES, region_page, "/nl/nieuws/regio/antwerpen/feed/"):
        response = client.get(url)
        assert "Vers nieuws" in response.content.decode(), url
    services.post_unpublish(actor=actor, post=post)
    for url in (*PAGES, region_page):
        assert "Vers nieuws" not in client.get(url).content.decode(), url
