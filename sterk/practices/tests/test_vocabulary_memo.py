"""The library's facet vocabulary is read once per data version and language (#14), and
a change to a krachtlijn shows at the next request. Commits for real: the data version
changes when a transaction commits."""

import pytest
from django.core.cache import cache

from sterk.actionplan.tests.factories import KrachtlijnFactory
from sterk.core import pagecache
from sterk.core.tests.support import get_counting_queries
from sterk.identity.models import Krachtlijn
from sterk.practices.tests.factories import published

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.STERK_PAGE_CACHE = False
    cache.clear()


def test_the_vocabulary_is_read_once_per_data_version(client):
    krachtlijn = KrachtlijnFactory(title_nl="Nabijheid")
    practice = published()
    practice.krachtlijnen.add(krachtlijn)
    client.get("/nl/praktijken/")  # warm: per-process caches of the first request
    pagecache.bump()  # a new data version: the vocabulary is read again
    first, _ = get_counting_queries(client, "/nl/praktijken/")
    second, _ = get_counting_queries(client, "/nl/praktijken/")
    # 4 for the vocabulary, 2 for the footer's sign-up form (also once per data version).
    assert second == first - 6
    Krachtlijn.objects.filter(pk=krachtlijn.pk).update(title_nl="Dichtbij")
    third, body = get_counting_queries(client, "/nl/praktijken/")
    assert third == first
    assert "Dichtbij" in body and "Nabijheid" not in body
