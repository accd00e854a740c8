"""The open-data API at 100,000 published practices: search with facets through
`/api/v1/practices`, and conditional requests answered 304.

Uses the practice library benchmark's generator (bench_practices). With the page cache
off, every request runs the search and the facet counts; the 304s run with it on, as in
production, and must neither render nor query the database. `BENCH_API_SIZE` picks another
size. Goal (#12): p95 <= 100 ms for a search with facets; a 304 without rendering."""

from __future__ import annotations

import os
import random
import time

from bench.setup_django import setup
from bench.timing import measure

REQUESTS = {
    "everything": "/api/v1/practices",
    "one word": "/api/v1/practices?q=armoede",
    "two words": "/api/v1/practices?q=jongeren+school",
    "one facet": "/api/v1/practices?regio=antwerpen",
    "words+facets": "/api/v1/practices?q=armoede&regio=limburg&krachtlijn=nabijheid",
    "deep page": "/api/v1/practices?q=buurt&offset=400",
}


def run() -> None:
    setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.bench_practices import _base, generate

    size = int(os.environ.get("BENCH_API_SIZE", "100000"))
    started = time.perf_counter()
    generate(_base(), size, 0, random.Random(42))  # noqa: S311 - benchmark data
    print(
        f"  database: {connection.vendor}; {size:,} practices in {time.perf_counter() - started:.0f} s"
    )
    client = Client()
    settings.STERK_PAGE_CACHE = False
    cache.clear()
    worst = 0.0
    for label, url in REQUESTS.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        figures = measure(lambda url=url: client.get(url), repeat=30, warmup=2)
        worst = max(worst, figures["p95_ms"])
        print(f"  {label:13s} median {figures['median_ms']:.1f} p95 {figures['p95_ms']:.1f} ms")
    print(f"  worst p95 {worst:.1f} ms (goal <= 100 ms)")

    settings.STERK_PAGE_CACHE = True
    url = REQUESTS["words+facets"]
    etag = client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and not response.content
    figures = measure(lambda: client.get(url, HTTP_IF_NONE_MATCH=etag), repeat=200, warmup=5)
    full = measure(lambda: client.get(url), repeat=30, warmup=2)
    print(
        f"  conditional GET: 304 in median {figures['median_ms']:.2f} p95 {figures['p95_ms']:.2f} ms,"
        f" {len(queries)} queries; a page-cache hit {full['median_ms']:.2f} ms"
    )
