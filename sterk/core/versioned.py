"""Values derived from the data alone, computed once per process and data version.

Some parts of a page are the same for everyone and change only when the data does: the
library's facet vocabulary, the newsletter sign-up form in the footer of every page. The
page cache (`sterk.core.pagecache`) keeps whole pages for visitors; these parts are also
on the pages it does not keep (a signed-in person's, the first visit after a change), so
they are kept here, per worker process, under the same data version: a write to a sterk
table bumps it when its transaction commits, and the next request builds the value again.
Never a time-based guess.

A connection with uncommitted writes of its own builds afresh and keeps nothing: it sees
rows nobody else sees yet (the page cache's rule too).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from sterk.core import pagecache

T = TypeVar("T")
logger = logging.getLogger(__name__)

# name -> (data version, {key: value}); only the current version is kept.
_kept: dict[str, tuple[str, dict[Hashable, object]]] = {}


def per_data_version(
    name: str,
    key: Hashable,
    build: Callable[[], T],
    *,
    clock: bool = False,
    limit: int | None = None,
    management: bool = False,
    tables: tuple[str, ...] = (),
) -> T:
    """`build()`'s value for `key`, computed once per data version in this process.

    `name` keeps one caller's values apart from another's; `key` is what else the value
    depends on (the language, a place on the page). With `clock`, the value also depends
    on the time (a scheduled news post, "upcoming"): it is built again at the next moment
    the page cache knows the clock changes a page (`pagecache.next_change`). The caller
    copies a mutable value before changing it. With `limit`, at most that many keys are
    kept for `name` (the oldest goes first): for parts kept per object (an event, a
    practice), so that a large library cannot fill a worker's memory. Without a readable
    version (the shared cache is down) the value is built afresh: the page works as it
    did without this, as with the page cache. With `management`, the value also shows
    the management area's own data (the audit trail, contact requests, subscribers,
    whose writes leave the public pages' version alone): it follows their version too
    (`pagecache.MANAGEMENT_VERSION_KEY`). With `tables` (db tables followed by
    `pagecache.track_tables`), the value depends on those tables alone and is built again
    after a write to one of them only, not after every write to page data."""
    connection = connections[DEFAULT_DB_ALIAS]
    if tables:
        return _per_tables_version(name, key, build, tables, limit)
    if pagecache.has_pending_writes(connection) or (
        management and pagecache.has_pending_management_writes(connection)
    ):
        return build()
    try:
        if clock:
            token, until, _since = pagecache.validity(timezone.now())
            version = f"{token}@{until}"
        else:
            version = pagecache.version()
        if management:
            version = f"{version}+{pagecache.management_version()}"
    except Exception:
        logger.exception("versioned: the data version is not readable")
        return build()
    return _kept_value(name, version, key, build, limit)


def _per_tables_version(
    name: str,
    key: Hashable,
    build: Callable[[], T],
    tables: tuple[str, ...],
    limit: int | None,
) -> T:
    connection = connections[DEFAULT_DB_ALIAS]
    if pagecache.has_pending_table_writes(connection, tables):
        return build()
    try:
        version = pagecache.tables_version(tables)
    except Exception:
        logger.exception("versioned: the tables' version is not readable")
        return build()
    return _kept_value(name, version, key, build, limit)


def _kept_value(
    name: str, version: str, key: Hashable, build: Callable[[], T], limit: int | None
) -> T:
    slot = _kept.get(name)
    if slot is None or slot[0] != version:
        slot = (version, {})
        _kept[name] = slot
    values = slot[1]
    if key not in values:
        if limit is not None and len(values) >= limit:
            del values[next(iter(values))]
        values[key] = build()
    return values[key]  # type: ignore[return-value]


def rendered_per_data_version(
    name: str,
    key: Hashable,
    template_name: str,
    context: Callable[[], dict[str, Any]],
    *,
    management: bool = False,
    tables: tuple[str, ...] = (),
) -> SafeString:
    """`template_name` rendered with `context()` once per data version and language: a
    part of a page (an unbound form's fields) that is the same for every reader. Nothing
    personal goes in: no CSRF token, no request. `tables`: the part shows those tracked
    tables alone (see `per_data_version`)."""

    def build() -> SafeString:
        return mark_safe(render_to_string(template_name, context()))  # noqa: S308 - escaped by the template

    return per_data_version(
        name, (key, get_language() or ""), build, management=management, tables=tables
    )


def form_fields(
    name: str,
    template_name: str,
    bound: Any,
    unbound: Callable[[], Any],
    *,
    management: bool = False,
    **extra: Any,
) -> SafeString:
    """A filter form's fields (`template_name` with `form` and `extra`): for a bound form
    rendered for this request (the reader's choices and errors), for the form as most
    people open it (`unbound()`) once per data version, language and `extra`. The fields
    read their choices from the database (regions, core principles) and are the same for
    everyone; no CSRF token goes in (GET forms). `management`: the choices come from the
    management area's own data as well (see `per_data_version`)."""
    if bound is not None:
        return mark_safe(render_to_string(template_name, {"form": bound, **extra}))  # noqa: S308 - escaped by the template
    return rendered_per_data_version(
        name,
        tuple(sorted(extra.items())),
        template_name,
        lambda: {"form": unbound(), **extra},
        management=management,
    )


def forget() -> None:
    """Drop every kept value (tests that change the data version by hand)."""
    _kept.clear()
