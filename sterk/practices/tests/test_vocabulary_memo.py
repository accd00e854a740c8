"""The library's facet vocabulary is read once per version of its tables and language
(#14): a new practice or any other write leaves it alone, a change to a krachtlijn shows
at the next request. Commits for real: the data version
changes when a transaction commits."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from sterk.actionplan.tests.factories import KrachtlijnFactory
from sterk.core import pagecache, versioned
from sterk.core.tests.support import get_counting_queries
from sterk.identity.models import Krachtlijn
from sterk.practices import selectors
from sterk.practices.tests.factories import published

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.STERK_PAGE_CACHE = False
    cache.clear()
    versioned.forget()


def _vocabulary_reads() -> int:
    """Queries of the functions' table: only the vocabulary reads it."""
    with CaptureQueriesContext(connection) as queries:
        selectors.library_search(QueryDict(""))
    return sum('FROM "identity_function"' in q["sql"] for q in queries.captured_queries)


def test_the_vocabulary_is_read_once_per_version_of_its_tables(client):
    krachtlijn = KrachtlijnFactory(title_nl="Nabijheid")
    practice = published()
    practice.krachtlijnen.add(krachtlijn)
    client.get("/nl/praktijken/")  # warm: per-process caches of the first request
    pagecache.bump()  # a new data version (a new practice, a registration): kept
    assert _vocabulary_reads() == 0
    Krachtlijn.objects.filter(pk=krachtlijn.pk).update(title_nl="Dichtbij")
    assert _vocabulary_reads() == 1  # a krachtlijn changed: read again, once
    assert _vocabulary_reads() == 0


def test_the_library_page_is_kept_and_a_change_shows_at_once(client):
    krachtlijn = KrachtlijnFactory(title_nl="Nabijheid")
    practice = published()
    practice.krachtlijnen.add(krachtlijn)
    first, body = get_counting_queries(client, "/nl/praktijken/")
    second, again = get_counting_queries(client, "/nl/praktijken/")
    # The options, results and counts are kept rendered (`{% kept %}`): what is left is
    # the open calls beside them, read per request.
    assert second == 1 < first
    assert "Nabijheid" in again
    Krachtlijn.objects.filter(pk=krachtlijn.pk).update(title_nl="Dichtbij")
    third, body = get_counting_queries(client, "/nl/praktijken/")
    assert third > second  # read and rendered again
    assert "Dichtbij" in body and "Nabijheid" not in body
