"""One pagination for every list in the management area: `?page=`, 50 rows a page,
rendered by manage/_pagination.html (the page object is `page_obj`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.translation import get_language

from . import versioned

PER_PAGE = 50
# Pages kept per list and worker (`kept_page`): a page is 50 rows.
KEPT_PAGES = 200


def paginate(request: HttpRequest, rows: Any, per_page: int = PER_PAGE) -> Page:
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def kept_page(
    request: HttpRequest,
    name: str,
    key: Hashable,
    rows: Callable[[], Any],
    *,
    per_page: int = PER_PAGE,
    clock: bool = False,
    management: bool = False,
    prepare: Callable[[list[Any]], None] | None = None,
) -> Page:
    """The page `?page=` asks of `rows()`, its rows and count read once per data version
    in each worker (`versioned.per_data_version`; #14: the count, the rows and their joins
    were most of a management list's time). `key` is everything `rows()` depends on
    besides the data: the filters, and the reader's roles when the rows depend on who
    reads (never the person: everyone with the same roles sees the same rows). `clock`
    and `management` as in `per_data_version`: for rows chosen by the time ("upcoming")
    or showing the management area's own data. `prepare(rows)` adds what the rows show
    in the reader's language; it runs once, when the page is read (the key holds the
    language). The rows are shared by the requests that read the page: a view reads
    them, it does not change them."""

    number = request.GET.get("page") or ""

    def build() -> Page:
        page = Paginator(rows(), per_page).get_page(number)
        page.object_list = list(page.object_list)
        if prepare is not None:
            prepare(page.object_list)
        return page

    return versioned.per_data_version(
        name,
        (key, number, get_language() or ""),
        build,
        clock=clock,
        management=management,
        limit=KEPT_PAGES,
    )
