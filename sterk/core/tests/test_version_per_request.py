"""The data version is read from the shared cache once per request, not by every part of
the page that asks (#14); a version this process writes during the request is seen at once."""

from unittest import mock

import pytest
from django.core.cache import cache

from sterk.core import pagecache
from sterk.core.tests.support import without_page_cache  # noqa: F401
from sterk.network.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _version_reads(calls) -> int:  # type: ignore[no-untyped-def]
    return sum(
        1
        for call in calls
        if pagecache.VERSION_KEY
        in (call.args[0] if isinstance(call.args[0], list) else [call.args[0]])
    )


@pytest.mark.usefixtures("without_page_cache")
def test_a_page_with_several_kept_parts_reads_the_version_once(client):
    RegionFactory(slug="limburg", name_nl="Limburg")
    client.get("/nl/regio/limburg/")
    with (
        mock.patch.object(cache, "get", wraps=cache.get) as get,
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
    ):
        response = client.get("/nl/regio/limburg/")
    assert response.status_code == 200
    assert _version_reads(get.call_args_list) + _version_reads(get_many.call_args_list) == 1


def test_within_a_request_the_version_is_kept_until_this_process_writes_a_new_one():
    scope = pagecache._request_memo.set({})
    try:
        first = pagecache.version()
        cache.set(pagecache.VERSION_KEY, "written-by-another-worker")
        assert pagecache.version() == first  # this request goes on with what it started with
        pagecache.bump()  # outside a transaction: a new version at once
        assert pagecache.version() not in (first, "written-by-another-worker")
        assert pagecache.version() == cache.get(pagecache.VERSION_KEY)
    finally:
        pagecache._request_memo.reset(scope)


def test_outside_a_request_every_read_asks_the_cache():
    pagecache.version()
    cache.set(pagecache.VERSION_KEY, "new")
    assert pagecache.version() == "new"
