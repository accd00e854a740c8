"""Lists: limit and offset, a stable order, and links to the next and previous page.

A list operation takes a query schema that extends `Paging` (with its own filters) and
returns `page(request, queryset, params)`. The queryset must be ordered with a unique
last key (usually `pk`), so a page never skips or repeats an object. Counting and
slicing are two queries whatever the page holds; what the schema shows of each object
must be prefetched by the selector (a test counts the queries)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

from sterk.core.site import absolute_url

from .language import Language

T = TypeVar("T")

MAX_LIMIT = 100
# Deeper than any list the platform holds; bounded so a client cannot ask the database
# for an offset it cannot represent.
MAX_OFFSET = 1_000_000


class Common(Schema):
    lang: Language | None = Field(
        None, description="nl, fr or en; without it, Accept-Language, else nl."
    )


class Paging(Common):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Objects per page (1-100).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many objects to skip.")


class Page(Schema, Generic[T]):
    count: int = Field(description="How many objects match, over all pages.")
    next: str | None = Field(description="The next page, or null on the last one.")
    previous: str | None = Field(description="The previous page, or null on the first.")
    results: list[T]


def _link(request: HttpRequest, offset: int) -> str:
    # Every value of a repeated parameter (?krachtlijn=a&krachtlijn=b) goes along.
    params = [(k, v) for k, values in request.GET.lists() if k != "offset" for v in values]
    if offset:
        params.append(("offset", str(offset)))
    query = urlencode(params)
    return absolute_url(request.path + (f"?{query}" if query else ""))


def page(
    request: HttpRequest, rows: QuerySet[Any] | Sequence[Any], params: Paging
) -> dict[str, Any]:
    limit, offset = params.limit, params.offset
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    results = list(rows[offset : offset + limit])
    return {
        "count": count,
        "next": _link(request, offset + limit) if offset + limit < count else None,
        "previous": _link(request, max(0, offset - limit)) if offset > 0 else None,
        "results": results,
    }
