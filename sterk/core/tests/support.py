"""Helpers for tests of what a page costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_counting_queries(client, url: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """GET a page that must answer 200: its number of queries and its body."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()
