"""Every resource at once, found in the OpenAPI document (a new one is covered without
being listed here): a session of any role changes no answer, every list is a page with a
stable order and working links, and every object links to a page that exists."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from sterk.api.main import api
from sterk.network.tests.factories import OrganisationFactory

from .support import all_results, assert_same_for_everyone, get_json, people
from .test_schema import LOADERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    for loader in LOADERS:
        call_command(loader, verbosity=0)


def _paths() -> tuple[list[str], list[str]]:
    schema = api.get_openapi_schema()
    lists = [p for p in schema["paths"] if "{" not in p]
    details = [p for p in schema["paths"] if p.endswith("/{slug}")]
    return lists, details


def test_every_list_and_detail_is_the_same_for_every_role(world, client):
    from sterk.network.models import Region

    region, other = Region.objects.order_by("pk")[:2]
    everyone = people(
        region=region,
        other_region=other,
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )
    lists, details = _paths()
    urls = list(lists)
    for detail in details:
        listing = detail.removesuffix("/{slug}")
        if listing in lists:
            for row in get_json(client, listing + "?limit=2")["results"]:
                if "slug" in row:
                    urls.append(detail.replace("{slug}", row["slug"]))
    assert len(urls) > len(lists)
    assert_same_for_everyone(client, urls, everyone)


def test_every_list_pages_without_gaps_or_repeats(world, client):
    lists, _details = _paths()
    for path in lists:
        whole = get_json(client, path + "?limit=100")
        if "count" not in whole:
            continue
        paged = all_results(client, path + "?limit=2")
        assert len(paged) == whole["count"], path
        assert json.dumps(paged, sort_keys=True) == json.dumps(
            all_results(client, path + "?limit=3"), sort_keys=True
        ), f"{path}: the order is not stable"


def test_every_object_links_to_a_public_page(world, client):
    lists, _details = _paths()
    for path in lists:
        body = get_json(client, path + "?limit=3&lang=fr")
        for row in body.get("results", []):
            if "url" not in row:
                continue
            url = urlsplit(row["url"])
            assert url.path.startswith("/fr/"), (path, row["url"])
            response = client.get(url.path)
            assert response.status_code == 200, (path, row["url"], response.status_code)
