"""The library's kept counts follow its changes (#14): a practice that enters the library
is added to the counts every query kept, with a few small queries, instead of the whole
library being counted again for the next visitor; any other change counts afresh. Either
way the counts equal a fresh count. Commits for real: the changes are recorded when the
transaction commits."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sterk.core import versioned
from sterk.practices import selectors, services
from sterk.practices.models import Sector
from sterk.practices.tests.factories import (
    KrachtlijnFactory,
    RegionFactory,
    coordinator,
    published,
)

pytestmark = pytest.mark.django_db(transaction=True)

QUERIES = [
    "",
    "q=buurt",
    "regio=antwerpen",
    "regio=antwerpen&regio=limburg",
    "q=buurt&regio=antwerpen",
    "q=buurt&regio=limburg&krachtlijn=nabijheid",
    f"sector={Sector.values[0]}&regio=antwerpen",
    "q=onbekendwoord",
]


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()
    versioned.forget()


@pytest.fixture
def library():
    antwerpen = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    limburg = RegionFactory(slug="limburg", name_nl="Limburg")
    nabijheid = KrachtlijnFactory(slug="nabijheid", title_nl="Nabijheid")
    for i in range(6):
        published(
            title_nl=f"Buurtwerk {i}" if i % 2 else f"Wijkwerk {i}",
            region=antwerpen if i % 3 else limburg,
            sector=Sector.values[i % 2],
            krachtlijnen=[nabijheid] if i % 2 else [],
        )
    return {"antwerpen": antwerpen, "limburg": limburg, "nabijheid": nabijheid}


def _counts(raw: str) -> selectors.Counts:
    params = QueryDict(raw)
    query = selectors.parse_query(params, selectors._vocabulary())
    match = selectors.search.match_sql(selectors.SEARCH_INDEX, query.q)
    return selectors.library_counts(query, match)


def _fresh_counts(raw: str) -> tuple[dict, int]:
    params = QueryDict(raw)
    query = selectors.parse_query(params, selectors._vocabulary())
    match = selectors.search.match_sql(selectors.SEARCH_INDEX, query.q)
    facets = selectors._count_facets(query, match)
    nonzero = {f: {v: n for v, n in values.items() if n} for f, values in facets.items()}
    return {f: v for f, v in nonzero.items() if v}, selectors._count_total(query, match)


def _shown(counts: selectors.Counts) -> tuple[dict, int]:
    nonzero = {f: {v: n for v, n in vs.items() if n} for f, vs in counts.facets.items()}
    return {f: v for f, v in nonzero.items() if v}, counts.total


def test_a_new_practice_is_added_to_every_kept_count(library):
    for raw in QUERIES:
        _counts(raw)  # counted and kept
    new = published(
        title_nl="Buurtwerk nieuw",
        region=library["antwerpen"],
        sector=Sector.values[0],
        krachtlijnen=[library["nabijheid"]],
    )
    assert new.pk
    for raw in QUERIES:
        with CaptureQueriesContext(connection) as queries:
            caught_up = _counts(raw)
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        # Only the new practice was looked at: no count over the library.
        assert "count(*)" not in sql.lower(), raw
        assert _shown(caught_up) == _fresh_counts(raw), raw
    assert _counts("").total == 7


def test_any_other_change_counts_afresh(library):
    kept = {raw: _shown(_counts(raw)) for raw in QUERIES}
    practice = selectors.Practice.objects.filter(title_nl="Buurtwerk 1").get()
    services.practice_archive(actor=coordinator(), practice=practice)
    for raw in QUERIES:
        with CaptureQueriesContext(connection) as queries:
            counts = _counts(raw)
        assert "count(*)" in " ".join(q["sql"] for q in queries.captured_queries).lower()
        assert _shown(counts) == _fresh_counts(raw), raw
    assert _counts("").total == kept[""][1] - 1


def test_several_new_practices_and_then_a_change(library):
    for raw in QUERIES:
        _counts(raw)
    for i in range(3):
        published(title_nl=f"Buurt {i}", region=library["limburg"], sector=Sector.values[1])
    for raw in QUERIES:
        assert _shown(_counts(raw)) == _fresh_counts(raw), raw
    practice = selectors.Practice.objects.filter(title_nl="Buurt 0").get()
    services.practice_reindex(practice)  # re-indexed, not new: counted afresh
    for raw in QUERIES:
        assert _shown(_counts(raw)) == _fresh_counts(raw), raw


def test_a_lost_change_record_counts_afresh(library):
    _counts("q=buurt")
    published(title_nl="Buurt extra", region=library["limburg"])
    seq = selectors._change_seq()
    cache.delete(selectors.CHANGE_KEY.format(seq))
    with CaptureQueriesContext(connection) as queries:
        counts = _counts("q=buurt")
    assert "count(*)" in " ".join(q["sql"] for q in queries.captured_queries).lower()
    assert _shown(counts) == _fresh_counts("q=buurt")


def test_the_library_page_shows_a_new_practice_at_once(client, settings, library):
    settings.STERK_PAGE_CACHE = False
    assert "8 praktijken" not in client.get("/nl/praktijken/?q=buurt").content.decode()
    before = client.get("/nl/praktijken/").content.decode()
    assert "6 praktijken" in before
    published(title_nl="Buurt extra", region=library["limburg"])
    assert "7 praktijken" in client.get("/nl/praktijken/").content.decode()


def test_an_archived_practice_leaves_the_counts_at_once(client, settings, library):
    # Before, taking a practice out of the index left the kept counts as they were, for
    # up to five minutes: "6 practices" and a facet count for one that was gone.
    settings.STERK_PAGE_CACHE = False
    assert "6 praktijken" in client.get("/nl/praktijken/").content.decode()
    practice = selectors.Practice.objects.filter(title_nl="Buurtwerk 1").get()
    services.practice_archive(actor=coordinator(), practice=practice)
    assert "5 praktijken" in client.get("/nl/praktijken/").content.decode()


def test_counts_seen_inside_an_open_transaction_are_not_kept(library):
    from django.db import transaction

    assert _counts("").total == 6
    with transaction.atomic():
        published(title_nl="Nog niet vastgelegd", region=library["limburg"])
        assert _counts("").total == 7  # this connection sees its own row...
        transaction.set_rollback(True)
    assert _counts("").total == 6  # ...and kept nothing of it


# --- the order of the results follows too -------------------------------------------------


def _order(raw: str, *, limit: int = selectors.PAGE_SIZE, offset: int = 0) -> list[int]:
    params = QueryDict(raw)
    query = selectors.parse_query(params, selectors._vocabulary())
    match = selectors.search.match_sql(selectors.SEARCH_INDEX, query.q)
    where, where_params = selectors._where(query, match)
    return selectors._ranked_ids(query, match, where, where_params, limit, offset)


def _fresh_order(raw: str, *, limit: int = selectors.PAGE_SIZE, offset: int = 0) -> list[int]:
    params = QueryDict(raw)
    query = selectors.parse_query(params, selectors._vocabulary())
    match = selectors.search.match_sql(selectors.SEARCH_INDEX, query.q)
    where, where_params = selectors._where(query, match)
    rows = selectors._rank_rows(match, where, where_params, limit=limit, offset=offset)
    return [row[0] for row in rows]


def test_new_practices_are_put_into_every_kept_order(library):
    """Where a practice's place does not depend on the rest of the library (newest first;
    PostgreSQL's ts_rank_cd), the kept order takes a new practice in without ranking
    every match again, and equals a fresh ranking; SQLite's bm25 ranks afresh."""
    for raw in QUERIES:
        _order(raw)  # ranked and kept
        _order(raw, limit=2, offset=2)
    for i in range(3):
        published(
            title_nl=f"Buurtwerk nieuw {i}",
            region=library["antwerpen"] if i else library["limburg"],
            sector=Sector.values[0],
            krachtlijnen=[library["nabijheid"]],
        )
    for raw in QUERIES:
        query = selectors.parse_query(QueryDict(raw), selectors._vocabulary())
        match = selectors.search.match_sql(selectors.SEARCH_INDEX, query.q)
        with CaptureQueriesContext(connection) as queries:
            got = _order(raw)
        ranked_afresh = any(" LIMIT " in q["sql"] for q in queries.captured_queries)
        assert ranked_afresh == (not selectors._mergeable(match)), raw
        assert got == _fresh_order(raw), raw
        assert _order(raw, limit=2, offset=2) == _fresh_order(raw, limit=2, offset=2), raw


def test_any_other_change_ranks_afresh(library):
    before = _order("")
    practice = selectors.Practice.objects.filter(title_nl="Buurtwerk 1").get()
    services.practice_archive(actor=coordinator(), practice=practice)
    with CaptureQueriesContext(connection) as queries:
        after = _order("")
    assert any(" LIMIT " in q["sql"] for q in queries.captured_queries)
    assert after == _fresh_order("") == [pk for pk in before if pk != practice.pk]


def test_a_deeper_window_than_the_kept_one_is_ranked_again(library):
    assert _order("", limit=2) == _fresh_order("", limit=2)
    published(title_nl="Buurt laat", region=library["limburg"])
    assert _order("", limit=3, offset=3) == _fresh_order("", limit=3, offset=3)
    assert _order("") == _fresh_order("")


def test_a_kept_first_page_stays_exact_with_new_practices(library, monkeypatch):
    """The kept rows are only the first ones (here 2 of 6): a new practice that belongs
    among them takes its place, one that does not stays out, and asking past them ranks
    again."""
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    for raw in ("", "q=buurt", "regio=antwerpen"):
        assert _order(raw, limit=2) == _fresh_order(raw, limit=2), raw
    old = timezone.now() - datetime.timedelta(days=400)
    published(title_nl="Buurtwerk oud", region=library["antwerpen"], published_at=old)
    published(title_nl="Buurtwerk vers", region=library["antwerpen"])
    for raw in ("", "q=buurt", "regio=antwerpen"):
        assert _order(raw, limit=2) == _fresh_order(raw, limit=2), raw
        assert _order(raw, limit=2, offset=4) == _fresh_order(raw, limit=2, offset=4), raw
