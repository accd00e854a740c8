"""The page cache: public pages as a visitor gets them, rendered once per data version.

A page is kept in the shared cache (Redis in production) per URL (path and normalised
query), language and *data version*, and served from there to the next visitor without
rendering it again. Decision 0007 explains the choices; in short:

- **Which pages**: only the views named in `CACHEABLE_VIEWS` (the public pages and feeds);
  every public URL is classified there or in `NOT_CACHED` with a reason, and a test fails
  for a URL that is neither. Only GET/HEAD, only visitors without a session that holds
  anything (so never a signed-in person, never pending messages), only 200 responses that
  set no session, no messages and no cache-control `private`/`no-store`/`no-cache`. htmx
  partials are kept apart by their HX-* headers.
- **What differs per request stays out**: the CSP nonce, CSRF tokens and the one-time form
  tokens (`{% once_token %}`) are cut out of the stored body; a hit fills the holes with
  this request's nonce (so the CSP header carries it), its own CSRF token and fresh form
  tokens. The stored body never holds a placeholder text that content could imitate.
- **Data version**: every INSERT, UPDATE, DELETE or TRUNCATE that touches a row of a
  table of a sterk model (except the pure logs in `IGNORED_MODELS`) bumps the version once
  its transaction commits. The statements are seen by a database execute wrapper, so `QuerySet.update()`,
  `bulk_create()`, cascades and raw SQL count as much as `save()`; database triggers (the
  practice search index) only derive from rows written that way. While the current
  connection has uncommitted writes of its own, it neither reads nor fills the cache.
- **Time**: pages that depend on the clock ("upcoming" events, open registrations, open
  calls, today's date) change at moments the data names: an event's start, end and
  registration window, a scheduled news post's publication, and Brussels midnight (calls
  open and close by date). Each version
  knows the next such moment (`next_change`); a page stored under it is served only
  before that moment. No fixed lifetime decides freshness; `STERK_PAGE_CACHE_TIMEOUT` only
  bounds how long an unused entry occupies memory.
"""

from __future__ import annotations

import contextvars
import datetime
import hashlib
import logging
import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone

from sterk.core.once import new_token

logger = logging.getLogger(__name__)

PREFIX = "pagecache"
VERSION_KEY = f"{PREFIX}:version"
# The version of what only the management area shows: writes there change no public
# page, so they leave VERSION_KEY alone, but a part of a management page kept per data
# version (`versioned.per_data_version(..., management=True)`) must follow them too.
MANAGEMENT_VERSION_KEY = f"{PREFIX}:management-version"
# Longer query strings are not kept (a crawler inventing parameters cannot fill the cache).
MAX_QUERY_LENGTH = 512

# --- which pages ------------------------------------------------------------------------

# Public pages and feeds: the same for every visitor without a session.
CACHEABLE_VIEWS = frozenset(
    {
        "surveys:results",
        "surveys:followup",
        "identity:home",
        "identity:about",
        "identity:krachtlijn_detail",
        "identity:function_detail",
        "network:region_list",
        "network:region_detail",
        "network:member_directory",
        "network:steering_group",
        "network:stakeholders",
        "network:contact",
        "network:contact_thanks",
        "actionplan:overview",
        "actionplan:challenge_detail",
        "actionplan:action_detail",
        "actionplan:spearhead_detail",
        "actionplan:evaluation_detail",
        "actionplan:state_pdf",
        "actionplan:export_csv",
        "actionplan:export_json",
        "events:agenda",
        "events:feed",
        "events:region_feed",
        "events:series_detail",
        "events:event_detail",
        "events:event_ics",
        "practices:library",
        "practices:practice_detail",
        "practices:call_detail",
        "practices:call_thanks",
        "newsletter:archive",
        "newsletter:edition_detail",
        "newsletter:signup",
        "newsletter:signup_thanks",
        "news:post_list",
        "news:post_detail",
        "news:feed",
        "news:region_feed",
        "governance:policy_list",
        "governance:policy_detail",
        "governance:meeting_minutes",
        # The open-data page shows the current build: a build bumps the version.
        "api_pages:opendata",
        "api_pages:docs",
    }
)

# Public URLs that are never cached, and why (sterk/core/tests/test_pagecache.py fails for
# a public URL in neither list).
NOT_CACHED = {
    "events:registration_confirm": "a GET with an effect (confirms); personal, by token",
    "events:registration_manage": "one person's registration, by token",
    "events:event_register": "POST only",
    "practices:call_confirm": "a GET with an effect (confirms a story); by token",
    "practices:practice_create": "a form page for one person's story",
    "practices:my_practices": "one person's stories",
    "practices:my_practice": "one person's story",
    "network:region_join": "signed-in members only; changes a membership",
    "network:region_leave": "signed-in members only; changes a membership",
    "newsletter:confirm": "one person's confirmation page, by token",
    "newsletter:unsubscribe": "one person's unsubscribe page, by token",
    "newsletter:preferences": "one person's choices, by token",
    "newsletter:member": "signed-in members only; one person's choices",
    "surveys:survey_list": "depends on who the visitor is (audience, what they answered)",
    "surveys:survey_start": "a form page; what it shows depends on the respondent's session",
    "surveys:survey_link_sent": "shown after a form post to one visitor",
    "surveys:survey_link": "a GET with an effect (confirms an address); personal, by token",
    "surveys:survey_thanks": "shown after one respondent's submit",
    "surveys:survey_page": "one respondent's answers",
    "surveys:results_pdf": "a PDF download, rendered on request",
    "api_pages:download": "a stored file with its own ETag; a build, not the database, changes it",
}

# Models whose rows no page shows: writing them does not change a page, so it does not
# bump the version (they are written on every request that mails, audits or posts a form).
IGNORED_MODELS = {
    "core.AuditEntry": "the audit trail, shown in the management area only (signed in)",
    "core.OutboundEmail": "the e-mail outbox",
    "core.FormSubmission": "one-time form tokens (double-submit guard)",
    "network.ContactRequest": "contact requests, shown in the management area only",
    "practices.SearchWord": "the search vocabulary, derived from practices already counted",
    "newsletter.Subscriber": "subscribers, shown in the management area only",
    "newsletter.Subscriber_regions": "a subscriber's regions (management area only)",
    "newsletter.Subscriber_krachtlijnen": "a subscriber's krachtlijnen (management area only)",
    "newsletter.Delivery": "who got which edition, shown in the management area only",
}

# Of IGNORED_MODELS, those the management area shows (MANAGEMENT_VERSION_KEY). Not the
# outbox, the one-time form tokens or the search vocabulary: a registration writes the
# outbox, and no kept part shows it (one that does adds it here).
MANAGEMENT_DATA_MODELS = {
    "core.AuditEntry",
    "network.ContactRequest",
    "newsletter.Subscriber",
    "newsletter.Subscriber_regions",
    "newsletter.Subscriber_krachtlijnen",
    "newsletter.Delivery",
}

# Columns whose update alone changes no page: `last_login` is written at every login.
IGNORED_UPDATE_COLUMNS = {"accounts.User": frozenset({"last_login"})}

# Headers kept with a page; everything else is set again by the middleware on every request
# (CSP, Vary, cookies, X-Frame-Options, Content-Language, security headers).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control", "Last-Modified", "Link")


def enabled() -> bool:
    return bool(getattr(settings, "STERK_PAGE_CACHE", True))


def entry_timeout() -> int:
    return int(getattr(settings, "STERK_PAGE_CACHE_TIMEOUT", 24 * 3600))


# --- the data version -------------------------------------------------------------------


# What a request has read of the data version and its clock moment, kept for the rest of
# that request (#14): the page cache, the footer form, the kept parts of a page
# (`sterk.core.versioned`, `{% kept %}`) each ask, and each ask was a round trip to the
# shared cache. A request keeps the version it started with, as if it had run a moment
# earlier, unless this process writes a new one (then it reads again). Outside a request
# (a task, a test without the client) nothing is kept.
_request_memo: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "sterk_pagecache_request_memo", default=None
)


# Set in a request's memo once its versions were read together (`_read_versions_once`).
_VERSIONS_READ = "_versions_read"


def _read_versions_once(memo: dict[str, Any]) -> None:
    """The first version a request asks for brings every other with it, in one round trip
    to the shared cache: the data version, the management version and the version of
    each tracked table (#14: a signed-in management page asked for five, one by one). A
    version the cache does not hold yet is left out; its reader creates it."""
    if memo.get(_VERSIONS_READ):
        return
    memo[_VERSIONS_READ] = True
    names = {VERSION_KEY: "version", MANAGEMENT_VERSION_KEY: "management"}
    names.update(
        {TABLE_VERSION_KEY.format(t): TABLE_VERSION_KEY.format(t) for t in _table_renewers}
    )
    found = cache.get_many(list(names))
    for key, name in names.items():
        if found.get(key) is not None and name not in memo:
            memo[name] = str(found[key])


def _token(key: str, memo_name: str) -> str:
    """A version token from the shared cache (created when it has none), read once per
    request (`_request_memo`)."""
    memo = _request_memo.get()
    if memo is not None and memo_name not in memo:
        _read_versions_once(memo)
    if memo is not None and memo_name in memo:
        return str(memo[memo_name])
    current = cache.get(key)
    if current is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        current = cache.get(key)
    if memo is not None and current is not None:
        memo[memo_name] = str(current)
    return str(current)


def version() -> str:
    """The current data version (created when the cache has none)."""
    return _token(VERSION_KEY, "version")


def management_version() -> str:
    """The current version of the management area's own data (MANAGEMENT_VERSION_KEY)."""
    return _token(MANAGEMENT_VERSION_KEY, "management")


def _new_management_version() -> None:
    cache.set(MANAGEMENT_VERSION_KEY, secrets.token_hex(8), timeout=None)
    memo = _request_memo.get()
    if memo is not None:
        memo.pop("management", None)


def _renew_after_commit(using: str, renew: Callable[[], None], what: str) -> None:
    """`renew()` once the current transaction commits (once per transaction), at once
    outside one."""
    connection = connections[using]
    if not connection.in_atomic_block:
        try:
            renew()
        except Exception:
            # The write stands; the error is logged (a cache that cannot be written to
            # cannot be read from either, see PageCacheMiddleware).
            logger.exception("page cache: the %s could not be changed", what)
        return
    if not any(item[1] is renew for item in connection.run_on_commit):
        # robust: a cache error after the commit is logged, it does not fail the request.
        connection.on_commit(renew, robust=True)


# Versions of single tables, for values that depend on a few tables only and must not be
# built again at every write elsewhere (the event a registration is posted to: every
# registration is a write, but not to the event's own tables). Only the tables a caller
# asked for (`track_tables`) are followed: each costs a cache write after the commits
# that change it.
TABLE_VERSION_KEY = PREFIX + ":table:{}"
_table_renewers: dict[str, Callable[[], None]] = {}


def track_tables(*tables: str) -> None:
    """Follow these db tables' writes (`tables_version`)."""
    for table in tables:
        name = table.lower()
        if name not in _table_renewers:
            _table_renewers[name] = _table_renewer(name)


def _table_renewer(table: str) -> Callable[[], None]:
    key = TABLE_VERSION_KEY.format(table)

    def renew() -> None:
        cache.set(key, secrets.token_hex(8), timeout=None)
        memo = _request_memo.get()
        if memo is not None:
            memo.pop(key, None)

    return renew


def tables_version(tables: Iterable[str]) -> str:
    """One token for the current versions of these tracked tables (one round trip to the
    shared cache, once per request)."""
    keys = [TABLE_VERSION_KEY.format(t.lower()) for t in tables]
    memo = _request_memo.get()
    if memo is not None and any(k not in memo for k in keys):
        _read_versions_once(memo)
    known = memo if memo is not None else {}
    missing = [k for k in keys if k not in known]
    found = cache.get_many(missing) if missing else {}
    for k in missing:
        if found.get(k) is None:
            cache.add(k, secrets.token_hex(8), timeout=None)
            found[k] = cache.get(k)
        if memo is not None:
            memo[k] = str(found[k])
    return "/".join(str(known[k]) if k in known else str(found[k]) for k in keys)


def has_pending_table_writes(connection: BaseDatabaseWrapper, tables: Iterable[str]) -> bool:
    """Whether this connection's open transaction wrote to one of these tracked tables."""
    renewers = {_table_renewers.get(t.lower()) for t in tables}
    return any(item[1] in renewers for item in connection.run_on_commit)


def bump_management(using: str = DEFAULT_DB_ALIAS) -> None:
    """The management area's own data changed (see MANAGEMENT_VERSION_KEY): a new version
    once the current transaction commits, at once outside one."""
    _renew_after_commit(using, _new_management_version, "management version")


def has_pending_management_writes(connection: BaseDatabaseWrapper) -> bool:
    """Whether this connection's open transaction changed the management area's own data."""
    return any(item[1] is _new_management_version for item in connection.run_on_commit)


def _new_version() -> None:
    # A fresh random token, never a counter: a version evicted from the cache and created
    # again can never match a page stored under an older one.
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()


def bump(using: str = DEFAULT_DB_ALIAS) -> None:
    """The pages' data changed: a new version once the current transaction commits (at
    once outside a transaction). Writes to sterk tables call this by themselves (see
    `watch_writes`); call it for a change the database does not see, e.g. in a file."""
    _renew_after_commit(using, _new_version, "data version")


def has_pending_writes(connection: BaseDatabaseWrapper) -> bool:
    """Whether this connection's open transaction changed page data (then it must neither
    read nor fill the cache: it sees rows nobody else sees yet). The registered commit
    callback is the mark: a rollback removes it together with the writes."""
    return any(item[1] is _new_version for item in connection.run_on_commit)


# --- seeing writes ----------------------------------------------------------------------

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+[`"\[]?(\w+)',
    re.IGNORECASE,
)
_SET_COLUMNS = re.compile(r"\bSET\s+(.*?)(?:\s+WHERE\s|$)", re.IGNORECASE | re.DOTALL)
_NAME = re.compile(r'[`"\[]?(\w+)[`"\]]?')
_COLUMN = re.compile(r'[`"\[]?(\w+)[`"\]]?\s*=')
_watched: dict[str, frozenset[str]] | None = None


def _watched_tables() -> dict[str, frozenset[str]]:
    """db_table -> columns whose update alone is ignored, for every model of the sterk apps
    (their many-to-many tables too) that a page may show."""
    global _watched
    if _watched is None:
        from django.apps import apps

        tables: dict[str, frozenset[str]] = {}
        for app_config in apps.get_app_configs():
            if not app_config.name.startswith("sterk."):
                continue
            for model in app_config.get_models(include_auto_created=True):
                label = model._meta.label
                if label in IGNORED_MODELS or model._meta.proxy:
                    continue
                tables[model._meta.db_table.lower()] = IGNORED_UPDATE_COLUMNS.get(
                    label, frozenset()
                )
        _watched = tables
    return _watched


def _write_target(sql: str) -> tuple[str, list[str]] | None:
    """For a write statement, the table it writes to and every table it names (a
    TRUNCATE empties many: a test database flush); None for anything else."""
    if sql[:1] not in "IiUuDdTt \n":
        return None
    match = _WRITE.match(sql)
    if not match:
        return None
    table = match.group(1).lower()
    if match.group(0).lstrip()[:8].upper() == "TRUNCATE":
        return table, [name.lower() for name in _NAME.findall(sql)]
    return table, [table]


def _changes_pages(sql: str, target: tuple[str, list[str]]) -> bool:
    tables = _watched_tables()
    table, named = target
    if len(named) > 1 or table not in tables:
        return any(name in tables for name in named)
    ignored = tables[table]
    if ignored and sql.lstrip()[:6].upper() == "UPDATE":
        set_clause = _SET_COLUMNS.search(sql)
        columns = set(_COLUMN.findall(set_clause.group(1))) if set_clause else set()
        if columns and columns <= ignored:
            return False
    return True


_management_tables: frozenset[str] | None = None


def _management_data_tables() -> frozenset[str]:
    """The db tables of MANAGEMENT_DATA_MODELS."""
    global _management_tables
    if _management_tables is None:
        from django.apps import apps

        tables = set()
        for app_config in apps.get_app_configs():
            if not app_config.name.startswith("sterk."):
                continue
            for model in app_config.get_models(include_auto_created=True):
                if model._meta.label in MANAGEMENT_DATA_MODELS:
                    tables.add(model._meta.db_table.lower())
        _management_tables = frozenset(tables)
    return _management_tables


def _watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
    result = execute(sql, params, many, context)
    target = _write_target(sql) if isinstance(sql, str) else None
    if target is not None and not _touched_nothing(sql, context):
        alias = context["connection"].alias
        if _changes_pages(sql, target):
            bump(alias)
        elif any(name in _management_data_tables() for name in target[1]):
            bump_management(alias)
        for name in target[1]:
            renew = _table_renewers.get(name)
            if renew is not None:
                _renew_after_commit(alias, renew, f"version of {name}")
    return result


def _touched_nothing(sql: str, context: Any) -> bool:
    """An UPDATE or DELETE that matched no row changed nothing. INSERTs always count: with
    RETURNING, SQLite reports the row count only once the rows are read."""
    head = sql.lstrip()[:6].upper()
    if head not in ("UPDATE", "DELETE") or "RETURNING" in sql.upper():
        return False
    return bool(context["cursor"].rowcount == 0)


def watch_writes(
    sender: Any = None, connection: BaseDatabaseWrapper | None = None, **kw: Any
) -> None:
    """Install the write watcher on a database connection (connection_created)."""
    if connection is not None and _watch not in connection.execute_wrappers:
        # First, not last: `connection.execute_wrapper()` pops the last one when it ends.
        connection.execute_wrappers.insert(0, _watch)


# --- time -------------------------------------------------------------------------------


# Apps whose pages change by the clock register a function giving the next such moment
# after `now` (or None) from their data, in AppConfig.ready(): core imports no app above it.
_clock_sources: list[Callable[[datetime.datetime], Iterable[datetime.datetime | None]]] = []


def register_clock_source(
    source: Callable[[datetime.datetime], Iterable[datetime.datetime | None]],
) -> None:
    if source not in _clock_sources:
        _clock_sources.append(source)


def next_change(now: datetime.datetime) -> datetime.datetime:
    """The next moment at or after `now` when a page may change by the clock alone: what
    the registered sources name (the events app: the start, end, registration opening or
    deadline of an event), or Brussels midnight (the date calls open and close by, and
    "today" on every page)."""
    local = timezone.localtime(now)
    midnight = timezone.make_aware(
        datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time.min)
    )
    moments = [midnight]
    for source in _clock_sources:
        moments += [m for m in source(now) if m is not None]
    return min(moments)


def _validity(token: str, now: datetime.datetime) -> dict[str, float]:
    """Until when pages stored under this version stay true (`until`, the next clock
    moment) and since when they have been (`since`: when this version was first seen, or
    the clock moment that last changed them)."""
    key = f"{PREFIX}:until:{token}"
    memo = _request_memo.get()
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = cache.get(key)
    if not isinstance(found, dict) or found["until"] <= now.timestamp():
        since = found["until"] if isinstance(found, dict) else now.timestamp()
        found = {"until": next_change(now).timestamp(), "since": since}
        cache.set(key, found, timeout=entry_timeout())
    if memo is not None:
        memo[key] = found
    return found


def _valid_until(token: str, now: datetime.datetime) -> float:
    return float(_validity(token, now)["until"])


def validity(now: datetime.datetime) -> tuple[str, float, float]:
    """(data version, until, since) for validators that must change exactly when a page
    may (the API's ETag and Last-Modified)."""
    token = version()
    found = _validity(token, now)
    return token, float(found["until"]), float(found["since"])


# --- the middleware ---------------------------------------------------------------------

_CSRF_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def note_fresh_value(request: HttpRequest, kind: str, value: str) -> None:
    """A value that must differ per request was rendered into the page (`once` for a
    one-time form token); a cached copy gets a fresh one at every hit."""
    notes = request.__dict__.setdefault("_pagecache_fresh", [])
    notes.append((kind, value))


def _query_key(query: str) -> str:
    # Parameter order does not change a page; the order of one parameter's values may.
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda kv: kv[0]))


def page_key(request: HttpRequest) -> str:
    lang = getattr(request, "LANGUAGE_CODE", "") or ""
    # An htmx request gets a part of the page chosen by its headers (HX-Target): every
    # HX-* header the request sends is part of the key.
    htmx = sorted((k, v) for k, v in request.META.items() if k.startswith("HTTP_HX_"))
    raw = f"{lang}|{request.path}|{_query_key(request.META.get('QUERY_STRING', ''))}|{htmx}"
    return f"{PREFIX}:page:{hashlib.sha256(raw.encode()).hexdigest()}"


def _visitor_without_state(request: HttpRequest) -> bool:
    """No one signed in, no session holding anything, no pending messages. A visitor
    without a session cookie costs no query here."""
    from django.contrib import messages

    session = getattr(request, "session", None)
    has_cookie = bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
    if session is not None and has_cookie and list(session.keys()):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    return storage is None or not len(messages.get_messages(request))


def _candidate(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    # Only pages under a language prefix and the open-data API: /healthz, /static/,
    # /admin/ never look here.
    prefixes = (*(f"/{code}/" for code, _name in settings.LANGUAGES), "/api/")
    if not request.path.startswith(prefixes):
        return False
    return not has_pending_writes(connections[DEFAULT_DB_ALIAS])


def _cut(body: bytes, values: Iterable[tuple[str, bytes]]) -> tuple[list[bytes], list[str]]:
    """Split the body at every occurrence of the given values: parts and hole kinds."""
    spots: list[tuple[int, int, str]] = []
    for kind, value in values:
        start = body.find(value)
        while start != -1:
            spots.append((start, start + len(value), kind))
            start = body.find(value, start + len(value))
    spots.sort()
    parts, holes, pos = [], [], 0
    for start, end, kind in spots:
        if start < pos:
            continue
        parts.append(body[pos:start])
        holes.append(kind)
        pos = end
    parts.append(body[pos:])
    return parts, holes


def _csrf_tokens(request: HttpRequest, body: bytes) -> set[bytes]:
    """The CSRF tokens rendered into the body: 64-character strings that unmask to this
    request's secret (each rendering masks it differently)."""
    from django.middleware.csrf import (  # type: ignore[attr-defined]  # private, not in the stubs
        _unmask_cipher_token,
    )

    secret = request.META.get("CSRF_COOKIE")
    if not secret or not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return set()
    found = set()
    for candidate in set(_CSRF_TOKEN.findall(body)):
        if _unmask_cipher_token(candidate.decode()) == secret:
            found.add(candidate)
    return found


def _fill(request: HttpRequest, kind: str) -> bytes:
    if kind == "nonce":
        return str(request.csp_nonce).encode()  # type: ignore[attr-defined]
    if kind == "csrf":
        from django.middleware.csrf import get_token

        return get_token(request).encode()

    return new_token().encode()


class PageCacheMiddleware:
    """Serve and keep public pages (see the module). Placed last: the session, the user,
    the messages, the language, the CSP nonce and the CSRF cookie are known by then, and
    their middleware add cookies and headers to a cached page as to any other."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        scope = _request_memo.set({})
        try:
            return self._respond(request)
        finally:
            _request_memo.reset(scope)

    def _respond(self, request: HttpRequest) -> HttpResponseBase:
        if not _candidate(request) or not _visitor_without_state(request):
            return self.get_response(request)
        key = page_key(request)
        now = timezone.now()
        try:
            found = cache.get_many([VERSION_KEY, key])
            if found.get(VERSION_KEY) is not None:
                memo = _request_memo.get()
                if memo is not None:
                    memo["version"] = str(found[VERSION_KEY])
            token = str(found.get(VERSION_KEY) or version())
            entry = found.get(key)
            if entry is not None and entry["v"] == token and now.timestamp() < entry["until"]:
                return self._serve(request, entry)
            until = _valid_until(token, now)
        except Exception:
            # Without the cache the page is rendered as if there were none.
            logger.exception("page cache: not readable")
            return self.get_response(request)
        response = self.get_response(request)
        if request.method == "GET":
            try:
                self._store(request, response, key, token, until)
            except Exception:
                logger.exception("page cache: not writable")
        return response

    @staticmethod
    def _serve(request: HttpRequest, entry: dict[str, Any]) -> HttpResponse:
        fills = [_fill(request, kind) for kind in entry["holes"]]
        chunks = [entry["parts"][0]]
        for fill, part in zip(fills, entry["parts"][1:], strict=True):
            chunks += [fill, part]
        response = HttpResponse(b"".join(chunks), status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        for name, value in entry["csp"].items():
            setattr(response, name, value)
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _cacheable(request: HttpRequest, response: HttpResponseBase) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is None:
            return False
        # The open-data API (sterk.api) is public data only, for everyone alike.
        if match.view_name not in CACHEABLE_VIEWS and "api" not in match.namespaces:
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not isinstance(response, HttpResponse):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        if vary - {"cookie", "accept-language", "hx-request"}:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        if has_pending_writes(connections[DEFAULT_DB_ALIAS]):
            return False
        return _visitor_without_state(request)

    def _store(
        self, request: HttpRequest, response: HttpResponseBase, key: str, token: str, until: float
    ) -> None:
        now = timezone.now().timestamp()
        if now >= until or not self._cacheable(request, response):
            return
        assert isinstance(response, HttpResponse)
        body = response.content
        values: list[tuple[str, bytes]] = []
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str):
            values.append(("nonce", nonce.encode()))
        values += [("csrf", t) for t in _csrf_tokens(request, body)]
        values += [
            (kind, value.encode()) for kind, value in request.__dict__.get("_pagecache_fresh", [])
        ]
        parts, holes = _cut(body, values)
        entry = {
            "v": token,
            "until": until,
            "status": response.status_code,
            "headers": [(h, response[h]) for h in KEPT_HEADERS if h in response],
            "csp": {k: v for k, v in vars(response).items() if k.startswith("_csp_")},
            "parts": parts,
            "holes": holes,
        }
        cache.set(key, entry, timeout=max(1, min(entry_timeout(), int(until - now))))
        response["X-Page-Cache"] = "miss"
