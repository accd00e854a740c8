"""`sterk.core.versioned`: a value is built once per data version and key, built again
after a commit that changes page data, and never kept from a connection with uncommitted
writes of its own (#14)."""

import pytest
from django.core.cache import cache
from django.db import transaction

from sterk.core import pagecache, versioned
from sterk.network.models import Region
from sterk.network.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()
    versioned.forget()
    yield
    versioned.forget()


def _names() -> list[str]:
    return sorted(Region.objects.values_list("name_nl", flat=True))


def test_built_once_per_version_and_key():
    calls = []

    def build() -> int:
        calls.append(1)
        return len(calls)

    assert versioned.per_data_version("t", "a", build) == 1
    assert versioned.per_data_version("t", "a", build) == 1
    assert versioned.per_data_version("t", "b", build) == 2  # another key, another value
    pagecache.bump()
    assert versioned.per_data_version("t", "a", build) == 3


def test_a_committed_write_shows_at_once():
    RegionFactory(name_nl="Antwerpen")
    assert versioned.per_data_version("regions", "", _names) == ["Antwerpen"]
    RegionFactory(name_nl="Limburg")  # commits (autocommit): the version moves on
    assert versioned.per_data_version("regions", "", _names) == ["Antwerpen", "Limburg"]


def test_uncommitted_writes_build_afresh_and_keep_nothing():
    RegionFactory(name_nl="Antwerpen")
    assert versioned.per_data_version("regions", "", _names) == ["Antwerpen"]
    with transaction.atomic():
        RegionFactory(name_nl="Limburg")
        # This connection sees its own row; it must neither read the kept value...
        assert versioned.per_data_version("regions", "", _names) == ["Antwerpen", "Limburg"]
        transaction.set_rollback(True)
    # ...nor keep what it built: the row was rolled back.
    assert versioned.per_data_version("regions", "", _names) == ["Antwerpen"]


def test_an_unreadable_cache_builds_afresh(monkeypatch):
    """With the shared cache down, every visitor's page (the footer uses this) still works,
    as it does with the page cache."""

    def down() -> str:
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(pagecache, "version", down)
    RegionFactory(name_nl="Antwerpen")
    assert versioned.per_data_version("regions", "", _names) == ["Antwerpen"]
    RegionFactory(name_nl="Limburg")
    assert versioned.per_data_version("regions", "", _names) == ["Antwerpen", "Limburg"]
