"""Reads for the practice library. The library page is built in a fixed number of queries
on two narrow tables (the search entries and the facets), whatever the number of practices:
ids of one page, a count, facet counts, labels, then the one page of practices."""

# SQL here is built from table and column names that are constants of this code; every
# value a person typed goes in as a query parameter.
# ruff: noqa: S608

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import get_language

from sterk.actionplan.models import Challenge, Plan
from sterk.core import pagecache, search, versioned
from sterk.core.params import parse_id
from sterk.core.roles import roles_of
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Organisation, Region

from .models import (
    MODERATION_QUEUE,
    SEARCH_INDEX,
    Call,
    CallQuerySet,
    Facet,
    Practice,
    PracticeFacet,
    SearchWord,
    Sector,
    Status,
    TargetGroup,
)

PAGE_SIZE = 20
ORGANISATION_FACET_SIZE = 12
ENTRY = SEARCH_INDEX.table
FACETS = PracticeFacet._meta.db_table
# URL parameter -> facet (Dutch parameter names: the URL is shared).
PARAMS = {
    "krachtlijn": Facet.KRACHTLIJN,
    "functie": Facet.FUNCTION,
    "uitdaging": Facet.CHALLENGE,
    "regio": Facet.REGION,
    "sector": Facet.SECTOR,
    "doelgroep": Facet.TARGET_GROUP,
    "organisatie": Facet.ORGANISATION,
    "jaar": Facet.YEAR,
}
FACET_PARAM = {facet: param for param, facet in PARAMS.items()}
# Demo practices (Practice.is_demo) count for half as relevant: a real practice comes
# first for its own words, an invented one only when it matches clearly better.
DEMO_WEIGHT = 0.5
SEARCH_WORDS = search.Vocabulary(SearchWord._meta.db_table)
VERSION_KEY = "practices:library:version"
CACHE_SECONDS = 300
# The library's changes, numbered (`library_changed`): the counts of a query are kept
# with the number they are true at, and a practice that entered since is added to them.
CHANGE_SEQ_KEY = "practices:library:changes"
CHANGE_KEY = "practices:library:change:{}"
# More changes than this since the counts were made (a bulk import): count afresh.
CATCH_UP_LIMIT = 50


def library_changed(*, entered: int | None = None) -> None:
    """Called after a practice enters or leaves the library (after the commit): cached
    counts are stale. `entered`: the id of a practice that is new in the library and
    nothing else changed; the kept counts of every query then take it in with a few
    small queries instead of being counted again over the whole library (#14: a new
    practice must not make the next visitor wait). Any other change counts afresh."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    try:
        seq = cache.incr(CHANGE_SEQ_KEY)
    except ValueError:
        # No numbering (yet, or evicted): every kept count has an older number's mark
        # or none, and a missing change record always means counting afresh.
        cache.add(CHANGE_SEQ_KEY, 0, None)
        seq = cache.incr(CHANGE_SEQ_KEY)
    # Written after the number: a reader who sees the number before the record counts
    # afresh, never wrongly.
    cache.set(CHANGE_KEY.format(seq), entered if entered is not None else 0, CACHE_SECONDS * 4)
    # Pages cached in between were rendered with the old counts (sterk.core.pagecache).
    pagecache.bump()


def _version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None) or 1


def _change_seq() -> int:
    return int(cache.get(CHANGE_SEQ_KEY) or 0)


# --- the facet vocabulary ---------------------------------------------------------------


@dataclass
class Option:
    facet: str
    value: str  # as stored in the facet table
    param: str  # as written in the URL
    label: str
    count: int = 0
    selected: bool = False
    url: Any = None
    obj: Any = None


# The vocabulary per (version of its tables, language), in this process: it changes only
# when a krachtlijn, function, challenge, plan or region does, and every library request
# needs it. Not per data version: the first visitor after a new practice would read it
# again (#14). Tracked in PracticesConfig.ready.
VOCABULARY_TABLES = tuple(
    model._meta.db_table for model in (Krachtlijn, Function, Challenge, Plan, Region)
)


def _vocabulary() -> dict[str, list[Option]]:
    """Every option of the small facets, in their natural order: read once per version of
    their tables and language (4 small queries; `sterk.core.versioned`), then copied (the
    options are filled in per request)."""
    vocab = versioned.per_data_version(
        "practices.vocabulary", get_language() or "", _read_vocabulary, tables=VOCABULARY_TABLES
    )
    return {facet: [replace(option) for option in options] for facet, options in vocab.items()}


def _read_vocabulary() -> dict[str, list[Option]]:
    vocab: dict[str, list[Option]] = {}
    vocab[Facet.KRACHTLIJN] = [
        Option(Facet.KRACHTLIJN, str(k.pk), k.slug, k.title, obj=k)
        for k in Krachtlijn.objects.all()
    ]
    vocab[Facet.FUNCTION] = [
        Option(Facet.FUNCTION, str(f.pk), f.slug, f.title, obj=f) for f in Function.objects.all()
    ]
    vocab[Facet.CHALLENGE] = [
        Option(Facet.CHALLENGE, str(c.pk), c.slug, f"{c.number}. {c.title}", obj=c)
        for c in Challenge.objects.filter(plan__is_current=True).order_by("number")
    ]
    vocab[Facet.REGION] = [
        Option(Facet.REGION, str(r.pk), r.slug, r.name, obj=r) for r in Region.objects.all()
    ]
    vocab[Facet.SECTOR] = [Option(Facet.SECTOR, v, v, str(label)) for v, label in Sector.choices]
    vocab[Facet.TARGET_GROUP] = [
        Option(Facet.TARGET_GROUP, v, v, str(label)) for v, label in TargetGroup.choices
    ]
    return vocab


# --- the query from the URL ---------------------------------------------------------------


@dataclass
class LibraryQuery:
    q: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)  # facet -> stored values
    page: int = 1

    @property
    def active(self) -> bool:
        return bool(search.has_terms(self.q) or any(self.selected.values()))


def query_text(params: QueryDict) -> str:
    """The search words as the library reads them from the URL."""
    return (params.get("q") or "").strip()[:200]


def parse_query(params: QueryDict, vocab: dict[str, list[Option]]) -> LibraryQuery:
    query = LibraryQuery(q=query_text(params))
    for param, facet in PARAMS.items():
        wanted = [v for v in params.getlist(param) if v][:20]
        if not wanted:
            continue
        if facet in vocab:
            by_param = {o.param: o.value for o in vocab[facet]}
            values = [by_param[v] for v in wanted if v in by_param]
        else:  # organisation ids, years
            values = [v for v in wanted if parse_id(v)]
        if values:
            query.selected[facet] = sorted(set(values))
    try:
        query.page = max(1, int(params.get("pagina", 1)))
    except (TypeError, ValueError):
        query.page = 1
    return query


# --- SQL ------------------------------------------------------------------------------------


def _where(query: LibraryQuery, match: search.Match | None, *, skip: str | None = None):
    clauses: list[str] = ["1=1"]
    params: list[Any] = []
    if match is not None:
        clauses.append(match.where)
        params.extend(match.params)
    for facet, values in sorted(query.selected.items()):
        if facet == skip or not values:
            continue
        marks = ", ".join(["%s"] * len(values))
        clauses.append(
            f"e.practice_id IN (SELECT practice_id FROM {FACETS} "
            f"WHERE facet = %s AND value IN ({marks}))"
        )
        params.extend([facet, *values])
    return " AND ".join(clauses), params


def _from(match: search.Match | None) -> str:
    return f"{ENTRY} e {match.join if match else ''}"


def _fetch(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _counts_sql(query: LibraryQuery, match: search.Match | None, facet: str | None):
    where, params = _where(query, match, skip=facet)
    only = ""
    if facet is not None:
        only = "f.facet = %s AND "
        params = [facet, *params]
    return (
        f"SELECT f.facet, f.value, count(*) FROM {FACETS} f WHERE {only}f.practice_id IN "
        f"(SELECT e.practice_id FROM {_from(match)} WHERE {where}) GROUP BY f.facet, f.value",
        params,
    )


@dataclass
class Counts:
    """A query's facet counts and total, true at change number `seq`."""

    seq: int
    facets: dict[str, dict[str, int]]
    total: int


def _all_counts() -> tuple[dict[str, dict[str, int]], int]:
    """Counts over the whole library."""
    counts = library_counts(LibraryQuery(), None)
    return counts.facets, counts.total


def _cache_key(query: LibraryQuery, kind: str) -> str:
    import hashlib

    raw = repr((search.words(query.q), sorted(query.selected.items())))
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    return f"practices:library:{kind}:{digest}"


def facet_counts(query: LibraryQuery, match: search.Match | None) -> dict[str, dict[str, int]]:
    """Counts per facet value within the results. A facet with a selection counts as if
    its own selection were not made (so its other values show what choosing them adds)."""
    return library_counts(query, match).facets


def library_counts(query: LibraryQuery, match: search.Match | None) -> Counts:
    """The facet counts and the total of a query, kept in the shared cache. After a
    change they are brought up to date: a practice that entered the library is added
    (`_caught_up`), any other change counts afresh."""
    seq = _change_seq()
    if pagecache.has_pending_writes(connection):
        # This connection sees rows of its own that nobody else sees yet (and that may be
        # rolled back): it neither reads nor keeps counts, as with the page cache.
        return Counts(seq, _count_facets(query, match), _count_total(query, match))
    key = _cache_key(query, "counts")
    kept = cache.get(key)
    if isinstance(kept, Counts) and kept.seq == seq:
        return kept
    counts = _caught_up(kept, seq, query, match) if isinstance(kept, Counts) else None
    if counts is None:
        counts = Counts(seq, _count_facets(query, match), _count_total(query, match))
        if _change_seq() != seq:
            # The library changed while counting: these counts may already hold that
            # change, so they cannot be marked with either number. Shown, not kept.
            return counts
    cache.set(key, counts, CACHE_SECONDS)
    return counts


def _count_total(query: LibraryQuery, match: search.Match | None) -> int:
    where, params = _where(query, match)
    return int(_fetch(f"SELECT count(*) FROM {_from(match)} WHERE {where}", params)[0][0])


def _count_facets(query: LibraryQuery, match: search.Match | None) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    sql, params = _counts_sql(query, match, None)
    for facet, value, n in _fetch(sql, params):
        if facet not in query.selected:
            counts[facet][value] = n
    for facet in query.selected:
        others = LibraryQuery(
            q=query.q, selected={k: v for k, v in query.selected.items() if k != facet}
        )
        if not others.active:
            counts[facet] = dict(_all_counts()[0].get(facet, {}))
            continue
        sql, params = _counts_sql(query, match, facet)
        for _facet, value, n in _fetch(sql, params):
            counts[facet][value] = n
    return dict(counts)


def _matching(
    ids: list[int], query: LibraryQuery, match: search.Match | None, *, skip: str | None = None
) -> set[int]:
    """Which of these practices the query finds (with `skip`: as if that facet's own
    selection were not made)."""
    where, params = _where(query, match, skip=skip)
    marks = ", ".join(["%s"] * len(ids))
    rows = _fetch(
        f"SELECT e.practice_id FROM {_from(match)} WHERE {where} AND e.practice_id IN ({marks})",
        [*params, *ids],
    )
    return {row[0] for row in rows}


def _entered_since(since: int, seq: int) -> list[int] | None:
    """The practices that entered the library between change numbers `since` and `seq`,
    when every change in between is one entering (`library_changed(entered=...)`); None
    for any other change, a lost record or too many changes (then: count afresh)."""
    if seq < since or seq - since > CATCH_UP_LIMIT:
        return None
    records = cache.get_many([CHANGE_KEY.format(n) for n in range(since + 1, seq + 1)])
    entered: set[int] = set()
    for n in range(since + 1, seq + 1):
        pk = records.get(CHANGE_KEY.format(n))
        if not isinstance(pk, int) or pk <= 0:
            return None  # another kind of change, or its record is gone
        entered.add(pk)
    return sorted(entered)


def _caught_up(
    kept: Counts, seq: int, query: LibraryQuery, match: search.Match | None
) -> Counts | None:
    """`kept` brought from its change number to `seq`, when every change since then is
    one practice entering the library; None otherwise (count afresh)."""
    ids = _entered_since(kept.seq, seq)
    if ids is None:
        return None
    values: dict[int, list[tuple[str, str]]] = defaultdict(list)
    marks = ", ".join(["%s"] * len(ids))
    for pk, facet, value in _fetch(
        f"SELECT practice_id, facet, value FROM {FACETS} WHERE practice_id IN ({marks})", ids
    ):
        values[pk].append((facet, value))
    facets = {facet: dict(by_value) for facet, by_value in kept.facets.items()}

    def add(pk: int, only: str | None = None) -> None:
        for facet, value in values[pk]:
            if (only is None and facet not in query.selected) or facet == only:
                facets.setdefault(facet, {})
                facets[facet][value] = facets[facet].get(value, 0) + 1

    found = _matching(ids, query, match)
    for pk in found:
        add(pk)
    for facet in query.selected:
        for pk in _matching(ids, query, match, skip=facet):
            add(pk, only=facet)
    return Counts(seq, facets, kept.total + len(found))


# --- the order of the results -------------------------------------------------------------

# Rows kept per query: the first pages of a query (the API may ask for a deeper window; that
# is ranked each time).
RANKING_KEPT = 1000


@dataclass
class Ranking:
    """The first `len(rows)` results of a query in their order, true at change number
    `seq`: (practice id, sort value, is demo). `complete`: these are all the results."""

    seq: int
    rows: list[tuple[Any, ...]]
    complete: bool


def _ranking_sql(match: search.Match | None) -> tuple[str, list[Any], str]:
    """The sort value and its parameters, and the ORDER BY over (id, value, is demo): by
    relevance for words (demo practices weighed down), else newest first."""
    if match is None:
        return "e.published_at", [], "2 DESC, 3, 1 DESC"
    weight = f"CASE WHEN e.is_demo THEN {DEMO_WEIGHT} ELSE 1.0 END"
    direction = f" {match.direction}" if match.direction else ""
    return (
        search.weighted_score(match, weight),
        list(search.rank_params(match)),
        f"2{direction}, 3, 1 DESC",
    )


def _rank_rows(
    match: search.Match | None,
    where: str,
    params: list[Any],
    *,
    extra: str = "",
    extra_params: list[Any] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[tuple[Any, ...]]:
    value, value_params, order = _ranking_sql(match)
    sql = (
        f"SELECT e.practice_id, {value}, e.is_demo FROM {_from(match)} "
        f"WHERE {where}{extra} ORDER BY {order}"
    )
    args = [*value_params, *params, *(extra_params or [])]
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        args += [limit, offset]
    return [tuple(row) for row in _fetch(sql, args)]


def _in_order(rows: list[tuple[Any, ...]], match: search.Match | None) -> list[tuple[Any, ...]]:
    """`rows` sorted as the ranking's ORDER BY sorts them (stable sorts, last key first)."""
    rows = sorted(rows, key=lambda row: row[0], reverse=True)
    rows.sort(key=lambda row: bool(row[2]))
    descending = match is None or match.direction == "DESC"
    rows.sort(key=lambda row: row[1], reverse=descending)
    return rows


def _mergeable(match: search.Match | None) -> bool:
    """Whether a new practice can be put into a kept order without ranking again: a date
    or PostgreSQL's ts_rank_cd scores each practice on its own. SQLite's bm25 does not
    (every score moves with the library's word counts): there the order is made afresh."""
    return match is None or search.vendor() == "postgresql"


def _ranked_ids(
    query: LibraryQuery,
    match: search.Match | None,
    where: str,
    params: list[Any],
    limit: int,
    offset: int,
) -> list[int]:
    """The ids of one window of the results, in order. The first RANKING_KEPT are kept in
    the shared cache per query and change number; after a change that only brought new
    practices, those that match are put into the kept order (one small query) instead of
    ranking every match again (#14: 32,000 matches for a common word; the first visitor
    after a new practice must not wait)."""
    wanted = offset + limit
    if wanted > RANKING_KEPT or not _mergeable(match) or pagecache.has_pending_writes(connection):
        return [row[0] for row in _rank_rows(match, where, params, limit=limit, offset=offset)]
    seq = _change_seq()
    key = _cache_key(query, "ranking")
    kept = cache.get(key)
    ranking = None
    if isinstance(kept, Ranking) and (kept.complete or len(kept.rows) >= wanted):
        if kept.seq == seq:
            ranking = kept
        else:
            entered = _entered_since(kept.seq, seq)
            if entered:
                marks = ", ".join(["%s"] * len(entered))
                new = _rank_rows(
                    match,
                    where,
                    params,
                    extra=f" AND e.practice_id IN ({marks})",
                    extra_params=entered,
                )
                known = {row[0] for row in new}
                rows = _in_order([r for r in kept.rows if r[0] not in known] + new, match)
                size = len(kept.rows) if not kept.complete else len(rows)
                ranking = Ranking(seq, rows[:size], kept.complete)
    if ranking is None:
        size = max(wanted, PAGE_SIZE)
        rows = _rank_rows(match, where, params, limit=size, offset=0)
        ranking = Ranking(seq, rows, len(rows) < size)
        if _change_seq() != seq:
            # The library changed while ranking: these rows cannot be marked with either
            # number. Shown, not kept.
            return [row[0] for row in rows[offset:wanted]]
    if ranking is not kept:
        cache.set(key, ranking, CACHE_SECONDS)
    return [row[0] for row in ranking.rows[offset:wanted]]


@dataclass
class Suggestion:
    text: str  # the query with the unknown words replaced
    url: str  # the library with that query and the same filters


@dataclass
class Results:
    query: LibraryQuery
    practices: list[Practice]
    total: int
    page: int
    num_pages: int
    facets: list[tuple[str, str, str, list[Option]]]  # (facet, label, parameter, options)
    chosen: list[Option]
    suggestions: list[Suggestion] = field(default_factory=list)  # "Did you mean"

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def library_search(
    params: QueryDict, *, limit: int | None = None, offset: int | None = None
) -> Results:
    """The library for the URL's search words and facets: one page of PAGE_SIZE practices
    (the `pagina` parameter), or, with `limit` and `offset` (the open-data API), that window
    of the same results in the same order."""
    vocab = _vocabulary()
    query = parse_query(params, vocab)
    match = search.match_sql(SEARCH_INDEX, query.q)
    where, where_params = _where(query, match)
    counts = library_counts(query, match)
    total = counts.total
    if limit is None:
        num_pages = max(1, math.ceil(total / PAGE_SIZE))
        page = min(query.page, num_pages)
        limit, offset = PAGE_SIZE, (page - 1) * PAGE_SIZE
    else:
        offset = offset or 0
        num_pages = max(1, math.ceil(total / limit))
        page = offset // limit + 1
    ids = _ranked_ids(query, match, where, where_params, limit, offset)
    by_id = {p.pk: p for p in Practice.objects.filter(pk__in=ids).for_cards()}
    practices = [by_id[i] for i in ids if i in by_id]
    snippets = search.headlines(SEARCH_INDEX, ids, query.q)
    for practice in practices:
        practice.snippet = snippets.get(practice.pk)  # type: ignore[attr-defined]
    # No result: the filters stay (at zero, so the chosen ones can be taken off), and the
    # words the index does not know get a nearer one.
    facets, chosen = _options(vocab, counts.facets, query, params, keep_all=total == 0)
    suggestions = []
    if total == 0 and search.has_terms(query.q):
        suggestions = [
            Suggestion(text, _replace_url(params, "q", text)) for text in suggest(query.q)
        ]
    return Results(query, practices, total, page, num_pages, facets, chosen, suggestions)


def library_all() -> QuerySet[Practice]:
    """Every practice of the library (those in the search index: the published ones) in
    its default order, newest first: the open data's download of the library."""
    return (
        Practice.objects.published()
        .filter(search_entry__isnull=False)
        .for_cards()
        .order_by("-search_entry__published_at", "search_entry__is_demo", "-pk")
    )


def suggest(q: str, limit: int = 3) -> list[str]:
    """Queries like q with the words the library does not know replaced by the nearest
    ones it does ("onderbeschermnig" -> ["onderbescherming"]), best first."""
    if not search.has_terms(q):
        return []
    key = f"practices:library:{_version()}:words-built"
    if not cache.get(key) or not SearchWord.objects.exists():
        from . import services

        services.search_words_rebuild()
        cache.set(key, True, None)
    return SEARCH_WORDS.suggest(q, limit)


def _replace_url(params: QueryDict, name: str, value: str) -> str:
    query = params.copy()
    query.pop("pagina", None)
    query[name] = value
    return query.urlencode()


def _options(
    vocab: dict[str, list[Option]],
    counts: dict[str, dict[str, int]],
    query: LibraryQuery,
    params: QueryDict,
    *,
    keep_all: bool = False,
) -> tuple[list[tuple[Any, str, str, list[Option]]], list[Option]]:
    vocab = dict(vocab)
    org_counts = counts.get(Facet.ORGANISATION, {})
    selected_orgs = query.selected.get(Facet.ORGANISATION, [])
    top = sorted(org_counts, key=lambda v: (-org_counts[v], int(v)))[:ORGANISATION_FACET_SIZE]
    org_ids = list(dict.fromkeys([*selected_orgs, *top]))
    names = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "name"))
    vocab[Facet.ORGANISATION] = [
        Option(Facet.ORGANISATION, v, v, names[int(v)]) for v in org_ids if int(v) in names
    ]
    years = set(counts.get(Facet.YEAR, {})) | set(query.selected.get(Facet.YEAR, []))
    vocab[Facet.YEAR] = [Option(Facet.YEAR, y, y, y) for y in sorted(years, reverse=True)]
    labels = dict(Facet.choices)
    facets, chosen = [], []
    for facet in PARAMS.values():
        options = []
        for option in vocab.get(facet, []):
            option.count = counts.get(facet, {}).get(option.value, 0)
            option.selected = option.value in query.selected.get(facet, [])
            option.url = _toggle_url(params, FACET_PARAM[facet], option.param)
            if option.selected:
                chosen.append(option)
            if option.count or option.selected or keep_all:
                options.append(option)
        facets.append((facet, str(labels[facet]), FACET_PARAM[facet], options))
    return facets, chosen


def _toggle_url(params: QueryDict, name: str, value: str) -> str:
    query = params.copy()
    query.pop("pagina", None)
    values = query.getlist(name)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    query.setlist(name, values)
    return query.urlencode()


# --- one practice ----------------------------------------------------------------------------


def practice_detail(slug: str) -> Practice:
    return (
        Practice.objects.published()
        .select_related("region", "subregion", "call", "call__owner")
        .prefetch_related(
            "organisations", "krachtlijnen", "functions", "challenges", "actions", "links", "images"
        )
        .get(slug=slug)
    )


def related_practices(practice: Practice, limit: int = 4) -> list[Practice]:
    """Published practices that share the most krachtlijnen, challenges and region."""
    wanted = [(Facet.KRACHTLIJN, str(k.pk)) for k in practice.krachtlijnen.all()]
    wanted += [(Facet.CHALLENGE, str(c.pk)) for c in practice.challenges.all()]
    if practice.region_id:
        wanted.append((Facet.REGION, str(practice.region_id)))
    if not wanted:
        return []
    ors = " OR ".join(["(facet = %s AND value = %s)"] * len(wanted))
    params: list[Any] = [x for pair in wanted for x in pair]
    rows = _fetch(
        f"SELECT practice_id, count(*) AS shared FROM {FACETS} WHERE ({ors}) "
        "AND practice_id <> %s GROUP BY practice_id ORDER BY shared DESC, practice_id DESC "
        "LIMIT %s",
        [*params, practice.pk, limit],
    )
    ids = [r[0] for r in rows]
    by_id = {p.pk: p for p in Practice.objects.filter(pk__in=ids).for_cards()}
    return [by_id[i] for i in ids if i in by_id]


# --- lists for other pages (krachtlijn, challenge, region, my page, dashboard) ------------


def _tagged(facet: str, value: Any) -> QuerySet[Practice]:
    return (
        Practice.objects.published()
        .filter(facets__facet=facet, facets__value=str(value))
        .for_cards()
        .order_by("-published_at", "-id")
    )


def practices_for_krachtlijn(krachtlijn: Any, limit: int = 6) -> list[Practice]:
    return list(_tagged(Facet.KRACHTLIJN, krachtlijn.pk)[:limit])


def practices_for_challenge(challenge: Any, limit: int = 6) -> list[Practice]:
    return list(_tagged(Facet.CHALLENGE, challenge.pk)[:limit])


def practices_for_region(region: Any, limit: int = 6) -> list[Practice]:
    return list(_tagged(Facet.REGION, region.pk)[:limit])


def submissions_of(user: Any) -> QuerySet[Practice]:
    if not getattr(user, "is_authenticated", False):
        return Practice.objects.none()
    return (
        Practice.objects.filter(submitted_by=user)
        .select_related("call")
        .order_by("-updated_at", "-id")
    )


def moderation_queue(user: Any) -> QuerySet[Practice]:
    return (
        Practice.objects.moderated_by(roles_of(user))
        .select_related("region", "call", "call__owner", "submitted_by")
        .order_by("-submitted_at", "-id")
    )


def moderation_open_count(user: Any) -> int:
    return moderation_queue(user).filter(status__in=MODERATION_QUEUE).count()


def public_calls() -> CallQuerySet:
    """The calls with a public page: all of them, open, not yet open or closed (the page
    says which), newest first, with what the page shows: the owner, the krachtlijn and the
    challenge it asks for, and `published_count`, the stories published through it."""
    published = (
        Practice.objects.filter(call=OuterRef("pk"), status=Status.PUBLISHED)
        .order_by()
        .values("call")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Call.objects.select_related("owner", "krachtlijn", "challenge")
        .annotate(published_count=Coalesce(Subquery(published, output_field=IntegerField()), 0))
        .order_by("-opens_on", "-id")
    )


def calls_for(user: Any) -> QuerySet[Call]:
    roles = roles_of(user)
    qs = Call.objects.select_related("owner")
    if not roles.coordinator:
        qs = qs.filter(owner_id__in=roles.stakeholder_organisation_ids)
    return qs


def call_submissions(call: Call) -> QuerySet[Practice]:
    return (
        call.submissions.exclude(status=Status.UNCONFIRMED)
        .select_related("region", "submitted_by")
        .order_by("-submitted_at", "-id")
    )
