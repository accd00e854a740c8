"""What the API tests share: reading lists whole, comparing with the pages, counting
queries, and checking that who asks changes nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from sterk.network.tests.factories import people_of_every_role


def get_json(client: Any, url: str, status: int = 200, **headers: Any) -> Any:
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    return json.loads(response.content)


def _local(url: str) -> str:
    """A `next` link is absolute (on STERK_SITE_URL); the test client takes path and query."""
    bits = urlsplit(url)
    return bits.path + (f"?{bits.query}" if bits.query else "")


def all_results(client: Any, url: str) -> list[dict[str, Any]]:
    """Every object of a list, following `next` links."""
    results: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        body = get_json(client, _local(next_url))
        results += body["results"]
        next_url = body["next"]
    return results


def page_links(client: Any, page_url: str, pattern: str) -> set[str]:
    """The first group of `pattern` (a regex on the page's HTML) for every match: the slugs
    a public page links to. Fetched anonymously."""
    response = client.get(page_url)
    assert response.status_code == 200, (page_url, response.status_code)
    return set(re.findall(pattern, response.content.decode()))


@override_settings(STERK_PAGE_CACHE=False)
def count_queries(client: Any, url: str) -> int:
    client.get(url)  # warm: the first request of a test fills per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return len(queries)


def assert_constant_queries(
    client: Any, url: str, grow: Callable[[int], Any], *, small: int = 10, large: int = 1000
) -> None:
    """The list at `url` takes as many queries with `large` objects as with `small`:
    `grow(n)` adds n more objects the list shows."""
    grow(small)
    few = count_queries(client, url)
    grow(large - small)
    many = count_queries(client, url)
    assert many == few, f"{url}: {few} queries with {small} objects, {many} with {large}"


def people(**places: Any) -> dict[str, Any]:
    """One person of every role (sterk.network.tests.factories.people_of_every_role)."""
    return people_of_every_role(**places)


def assert_same_for_everyone(client: Any, urls: Iterable[str], everyone: dict[str, Any]) -> None:
    """The API shows public data only: a session of any role changes no response."""
    urls = list(urls)
    anonymous = {url: get_json(client, url) for url in urls}
    for who, user in everyone.items():
        if not getattr(user, "is_authenticated", False):
            continue
        client.force_login(user)
        for url in urls:
            assert get_json(client, url) == anonymous[url], f"{who} sees more at {url}"
        client.logout()
