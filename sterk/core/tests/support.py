"""Helpers for tests of what a page costs."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_counting_queries(client, url: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """GET a page that must answer 200: its number of queries and its body."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


@pytest.fixture
def nothing_kept():  # type: ignore[no-untyped-def]
    """No value kept per data version from an earlier test, and none left for the next."""
    from sterk.core import versioned

    versioned.forget()
    yield
    versioned.forget()


@pytest.fixture
def without_page_cache(settings):  # type: ignore[no-untyped-def]
    """Pages rendered every time (the page cache off), with nothing kept from an earlier
    test: the shared cache emptied and the values kept per data version forgotten, at the
    start and again at the end (nothing kept leaks into the next test)."""
    from sterk.core import versioned

    settings.STERK_PAGE_CACHE = False
    cache.clear()
    versioned.forget()
    yield
    versioned.forget()
