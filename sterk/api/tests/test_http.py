"""HTTP done right for the API (sterk.api.http): validators and 304, caching headers, CORS,
the rate limit, problem details, languages, and the page cache keeping API answers.

These tests commit for real (transaction=True): the data version, on which the ETag
rests, changes when a transaction commits."""

from __future__ import annotations

import json
from email.utils import formatdate, parsedate_to_datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sterk.api import http
from sterk.network.models import Region
from sterk.network.tests.factories import RegionFactory, RoleAssignmentFactory

pytestmark = pytest.mark.django_db(transaction=True)

REGIONS = "/api/v1/regions"


@pytest.fixture(autouse=True)
def _clean_cache(settings):
    settings.STERK_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def test_a_list_carries_validators_and_public_cache_headers(client):
    RegionFactory(slug="antwerpen-x")
    response = client.get(REGIONS)
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"')
    assert parsedate_to_datetime(response["Last-Modified"])
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "Accept-Language" in response["Vary"]


def test_the_same_etag_is_a_304_without_running_the_operation(client):
    RegionFactory()
    etag = client.get(REGIONS)["ETag"]
    with (
        mock.patch("sterk.api.resources.network.regions") as operation,
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(REGIONS, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    operation.assert_not_called()
    assert len(queries) == 0
    # Weak comparison: the strong form of the tag and a list of tags match too.
    strong = etag.removeprefix("W/")
    assert client.get(REGIONS, HTTP_IF_NONE_MATCH=strong).status_code == 304
    assert client.get(REGIONS, HTTP_IF_NONE_MATCH=f'"other", {etag}').status_code == 304


def test_a_change_to_the_data_changes_the_etag(client):
    region = RegionFactory(name_nl="Oud")
    etag = client.get(REGIONS)["ETag"]
    Region.objects.filter(pk=region.pk).update(name_nl="Nieuw")
    response = client.get(REGIONS, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert json.loads(response.content)["results"][0]["name"] == "Nieuw"


def test_each_language_and_query_has_its_own_etag(client):
    RegionFactory()
    tags = {
        client.get(REGIONS)["ETag"],
        client.get(REGIONS + "?lang=fr")["ETag"],
        client.get(REGIONS, HTTP_ACCEPT_LANGUAGE="en")["ETag"],
        client.get(REGIONS + "?limit=1")["ETag"],
    }
    assert len(tags) == 4
    # The order of the parameters does not matter.
    assert (
        client.get(REGIONS + "?limit=1&offset=0")["ETag"]
        == (client.get(REGIONS + "?offset=0&limit=1")["ETag"])
    )


def test_if_modified_since_gets_a_304_until_the_data_changes(client):
    region = RegionFactory()
    last_modified = client.get(REGIONS)["Last-Modified"]
    assert client.get(REGIONS, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = formatdate(parsedate_to_datetime(last_modified).timestamp() - 3600, usegmt=True)
    assert client.get(REGIONS, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    assert client.get(REGIONS, HTTP_IF_MODIFIED_SINCE="not a date").status_code == 200
    Region.objects.filter(pk=region.pk).update(order=9)
    changed = client.get(REGIONS)["Last-Modified"]
    # One-second resolution (HTTP dates): never earlier than the copy the client has.
    assert parsedate_to_datetime(changed) >= parsedate_to_datetime(last_modified)


def test_cors_allows_any_origin_and_answers_a_preflight(client):
    RegionFactory()
    response = client.get(REGIONS, HTTP_ORIGIN="https://www.sociaal.net")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        REGIONS,
        HTTP_ORIGIN="https://www.sociaal.net",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_the_api_only_reads(client):
    for send in (client.post, client.put, client.delete):
        response = send(REGIONS)
        assert response.status_code == 405
        assert response["Content-Type"] == "application/problem+json"
        assert "GET" in response["Allow"]


def test_head_answers_the_headers_without_a_body(client):
    RegionFactory()
    response = client.head(REGIONS)
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"] == client.get(REGIONS)["ETag"]


def test_over_the_rate_limit_is_a_429_with_retry_after(client, settings):
    settings.STERK_API_RATE_LIMIT = (3, 60)
    statuses = [client.get(REGIONS).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get(REGIONS)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    body = json.loads(response.content)
    assert body["status"] == 429 and body["type"].endswith("/429")
    assert response["Content-Type"] == "application/problem+json"
    assert response["Cache-Control"] == "no-store"
    # Another address has its own count.
    assert client.get(REGIONS, REMOTE_ADDR="192.0.2.9").status_code == 200


def test_errors_are_problem_details_in_the_asked_language(client):
    for url, status in [
        ("/api/v1/bestaat-niet", 404),
        ("/api/v1/regions/bestaat-niet", 404),
        ("/api/v1/regions?limit=0", 422),
        ("/api/v1/regions?lang=de", 422),
        ("/api/v1/regions?offset=-1", 422),
        ("/api/v1/regions?lang=nl%00", 400),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        assert response["Content-Type"] == "application/problem+json", url
        body = json.loads(response.content)
        assert body["status"] == status and body["title"] and body["type"], url
    invalid = json.loads(client.get("/api/v1/regions?limit=0&lang=en").content)
    assert invalid["errors"][0]["parameter"] == "limit"
    assert invalid["title"] == "Invalid parameters"


def test_the_language_comes_from_lang_then_accept_language_never_the_cookie(client, settings):
    RegionFactory(slug="x", name_nl="Antwerpen", name_fr="Anvers", name_en="Antwerp")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    def name(url: str, **headers: str) -> tuple[str, str]:
        response = client.get(url, **headers)
        return json.loads(response.content)["name"], response["Content-Language"]

    assert name("/api/v1/regions/x") == ("Antwerpen", "nl")
    assert name("/api/v1/regions/x", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8") == ("Antwerp", "en")
    assert name("/api/v1/regions/x?lang=fr", HTTP_ACCEPT_LANGUAGE="en") == ("Anvers", "fr")
    assert name("/api/v1/regions/x", HTTP_ACCEPT_LANGUAGE="de, *") == ("Antwerpen", "nl")


def test_a_missing_translation_falls_back_to_dutch_as_on_the_pages(client):
    RegionFactory(slug="y", name_nl="Limburg", name_fr="")
    assert json.loads(client.get("/api/v1/regions/y?lang=fr").content)["name"] == "Limburg"


def test_the_page_cache_keeps_api_answers(client):
    RegionFactory()
    assert client.get(REGIONS)["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(REGIONS)
    assert hit["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert hit["Access-Control-Allow-Origin"] == "*" and hit["ETag"]


def test_a_signed_in_coordinator_gets_the_public_answer(client):
    RegionFactory()
    coordinator = RoleAssignmentFactory(role="coordinator").user
    anonymous = client.get(REGIONS).content
    client.force_login(coordinator)
    assert client.get(REGIONS).content == anonymous


def test_dates_carry_the_brussels_offset():
    import datetime

    from sterk.api.fields import _local

    winter = datetime.datetime(2026, 12, 1, 18, 30, tzinfo=datetime.UTC)
    summer = datetime.datetime(2026, 7, 1, 17, 30, tzinfo=datetime.UTC)
    assert _local(winter) == "2026-12-01T19:30:00+01:00"
    assert _local(summer) == "2026-07-01T19:30:00+02:00"


def test_the_etag_includes_the_api_release():
    assert len(http._release()) == 12
