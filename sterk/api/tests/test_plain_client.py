"""The API read back with a plain HTTP client (urllib, over a real socket to a live
server), compared with the public page for the same filter: what a partner's script
gets is what a visitor sees. One row per list; the per-resource tests go deeper."""

from __future__ import annotations

import json
import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from .test_schema import LOADERS

pytestmark = pytest.mark.django_db(transaction=True)

# (API list with a filter, the public page with the same filter, the page's link pattern).
ROWS = [
    ("/api/v1/regions", "/nl/regio/", r'href="/nl/regio/([\w-]+)/"'),
    ("/api/v1/krachtlijnen", "/nl/over/", r'href="/nl/over/krachtlijnen/([\w-]+)/"'),
    ("/api/v1/events", "/nl/agenda/", r'<h2 class="ev-card-title"><a href="/nl/agenda/([\w-]+)/">'),
    (
        "/api/v1/events?regio=antwerpen",
        "/nl/agenda/?regio=antwerpen",
        r'<h2 class="ev-card-title"><a href="/nl/agenda/([\w-]+)/">',
    ),
    (
        "/api/v1/practices?krachtlijn=nabijheid",
        "/nl/praktijken/?krachtlijn=nabijheid",
        r'<h3><a href="/nl/praktijken/([\w-]+)/">',
    ),
    ("/api/v1/news", "/nl/nieuws/", r'href="/nl/nieuws/(?!feed/)([\w-]+)/"'),
    ("/api/v1/challenges", "/nl/actieplan/", r'href="/nl/actieplan/uitdagingen/([\w-]+)/"'),
    ("/api/v1/actions", "/nl/actieplan/", r'href="/nl/actieplan/acties/([\w-]+)/"'),
    (
        "/api/v1/actions?status=not_started",
        "/nl/actieplan/?status=not_started",
        r'href="/nl/actieplan/acties/([\w-]+)/"',
    ),
    ("/api/v1/spearheads", "/nl/actieplan/", r'href="/nl/actieplan/speerpunten/([\w-]+)/"'),
    ("/api/v1/evaluations", "/nl/actieplan/", r'href="/nl/actieplan/evaluaties/([\w-]+)/"'),
]


def _upcoming_events() -> None:
    """The real content's events are past; a few upcoming ones, in two regions."""
    import datetime

    from django.utils import timezone

    from sterk.events.tests.factories import EventFactory
    from sterk.network.models import Region

    now = timezone.now()
    for days, slug in [(3, "antwerpen"), (9, "antwerpen"), (5, "limburg")]:
        EventFactory(
            region=Region.objects.get(slug=slug), starts_at=now + datetime.timedelta(days=days)
        )


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - the live server
        return response.status, dict(response.headers), response.read()


def _all(live_url: str, path: str) -> list[dict]:
    rows: list[dict] = []
    url: str | None = live_url + path + ("&" if "?" in path else "?") + "limit=7"
    while url:
        status, headers, body = _get(url)
        assert status == 200 and headers["Content-Type"].startswith("application/json")
        page = json.loads(body)
        rows += page["results"]
        nxt = page["next"]
        # `next` is on STERK_SITE_URL; here the site is the live server.
        url = live_url + urlsplit(nxt).path + "?" + urlsplit(nxt).query if nxt else None
    return rows


def test_a_plain_client_reads_what_the_page_shows(live_server):
    for loader in LOADERS:
        call_command(loader, verbosity=0)
    _upcoming_events()
    mismatches = []
    for api, page, pattern in ROWS:
        from_api = {row["slug"] for row in _all(live_server.url, api)}
        _status, _headers, html = _get(live_server.url + page)
        from_page = set(re.findall(pattern, html.decode()))
        if not from_api or from_api != from_page:
            mismatches.append(f"{api}: {sorted(from_api)} but {page}: {sorted(from_page)}")
    assert not mismatches, "\n".join(mismatches)
