"""The data version is read from the shared cache once per request, not by every part of
the page that asks (#14); a version this process writes during the request is seen at once."""

from unittest import mock

import pytest
from django.core.cache import cache

from sterk.core import pagecache
from sterk.core.tests.support import without_page_cache  # noqa: F401
from sterk.network.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _round_trips(client, url: str, keys: set[str]) -> int:  # type: ignore[no-untyped-def]
    """How many reads of the shared cache asked for one of `keys` during a GET of `url`
    (a `get_many` is one read; the local cache's `get_many` calls `get` per key)."""
    reads = 0
    inside_many = False
    get, get_many = cache.get, cache.get_many

    def counting_get(key, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal reads
        if not inside_many and key in keys:
            reads += 1
        return get(key, *args, **kwargs)

    def counting_get_many(asked, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal reads, inside_many
        reads += bool(keys & set(asked))
        inside_many = True
        try:
            return get_many(asked, *args, **kwargs)
        finally:
            inside_many = False

    with (
        mock.patch.object(cache, "get", counting_get),
        mock.patch.object(cache, "get_many", counting_get_many),
    ):
        response = client.get(url)
    assert response.status_code == 200
    return reads


@pytest.mark.usefixtures("without_page_cache")
def test_a_page_with_several_kept_parts_reads_the_version_once(client):
    RegionFactory(slug="limburg", name_nl="Limburg")
    client.get("/nl/regio/limburg/")
    assert _round_trips(client, "/nl/regio/limburg/", {pagecache.VERSION_KEY}) == 1


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


@pytest.mark.usefixtures("without_page_cache")
def test_a_signed_in_page_reads_every_version_in_one_round_trip(client):
    # The data version, the management version and each tracked table's (the person, the
    # roles, TOTP): asked by different parts of the request, read together once.
    from sterk.network.models import Role
    from sterk.network.tests.test_manage_views import manager

    client.force_login(manager(Role.COORDINATOR))
    client.get("/nl/beheer/agenda/")
    versions = {
        pagecache.VERSION_KEY,
        pagecache.MANAGEMENT_VERSION_KEY,
        *(pagecache.TABLE_VERSION_KEY.format(t) for t in pagecache._table_renewers),
    }
    assert _round_trips(client, "/nl/beheer/agenda/", versions) == 1
