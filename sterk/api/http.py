"""HTTP for the open-data API and downloads, in one middleware (see docs/api.md).

For every request under `/api/`:
- the language is `?lang=`, else Accept-Language, else Dutch (sterk.api.language), and
  the visitor is anonymous whatever session it brings: the API shows public data only, so
  a signed-in coordinator sees exactly what anyone else sees;
- GET and HEAD only (OPTIONS answers a CORS preflight); CORS allows any origin;
- a rate limit per client address (`STERK_API_RATE_LIMIT`, requests per period): over
  it, `429` with `Retry-After`;
- conditional requests: the ETag and Last-Modified follow the page cache's data version
  and its next clock moment (sterk.core.pagecache.validity), so they are known before
  the operation runs, and a matching If-None-Match (or If-Modified-Since) gets a `304`
  without rendering anything;
- Cache-Control lets public caches keep a 200 for a short while, never past the next
  clock moment;
- an error that never reached the API (a path that does not exist) is a problem detail.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sterk.core import pagecache
from sterk.core.ratelimit import client_ip, retry_after

from . import language
from .problems import CONTENT_TYPE, problem

PREFIX = "/api/"
ALLOWED = "GET, HEAD, OPTIONS"
EXPOSED = "ETag, Last-Modified, Retry-After, Content-Language, Link"
# A public cache keeps a response this long at most (and never past the next clock moment).
MAX_AGE = 60


def applies(request: HttpRequest) -> bool:
    return request.path.startswith(PREFIX)


@lru_cache(maxsize=1)
def _release() -> str:
    """Part of every ETag: a change to the API's shape (a new field) changes the ETags
    even where the data did not change."""
    from .main import api

    with translation.override(language.DEFAULT):
        schema = api.get_openapi_schema()
    return hashlib.sha256(repr(schema).encode()).hexdigest()[:12]


def _validators(request: HttpRequest, lang: str) -> tuple[str, float, float]:
    """(ETag, Last-Modified as a timestamp, seconds until the next clock moment)."""
    now = timezone.now()
    token, until, since = pagecache.validity(now)
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    raw = f"{_release()}|{token}|{until}|{lang}|{request.path}|{query}"
    etag = 'W/"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'
    # HTTP dates have whole seconds, rounded up here. A change within the same second as
    # the copy a client holds is seen through the ETag, which clients send first and
    # which then decides alone (RFC 9110, 13.2.2).
    return etag, float(math.ceil(since)), max(0.0, until - now.timestamp())


def _not_modified(request: HttpRequest, etag: str, last_modified: float) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        # Weak comparison (RFC 9110, 13.1.2): W/"x" matches "x" and W/"x".
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or etag.removeprefix("W/") in tags
    if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since:
        try:
            return last_modified <= parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
    return False


def _cors(response: HttpResponseBase) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    _cors(response)
    response["Access-Control-Allow-Methods"] = ALLOWED
    response["Access-Control-Allow-Headers"] = (
        "Accept, Accept-Language, If-None-Match, If-Modified-Since"
    )
    response["Access-Control-Max-Age"] = "86400"
    return response


class ApiMiddleware:
    """Placed after the authentication and locale middleware (it overrides both for the
    API) and before the page cache (which may then keep API responses)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not applies(request):
            return self.get_response(request)
        lang = language.from_request(request)
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        request.user = AnonymousUser()
        response = self._answer(request, lang)
        if response.status_code not in (200, 204, 304):
            # An error is not kept by public caches (a 429 must not outlive its window).
            response["Cache-Control"] = "no-store" if response.status_code == 429 else "no-cache"
        _cors(response)
        response["Content-Language"] = lang
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        if "accept-language" not in {v.lower() for v in vary}:
            vary.append("Accept-Language")
        response["Vary"] = ", ".join(vary)
        return response

    def _answer(self, request: HttpRequest, lang: str) -> HttpResponseBase:
        if request.method == "OPTIONS":
            return _preflight()
        if request.method not in ("GET", "HEAD"):
            return problem(405, _("The API only reads: use GET."), headers={"Allow": ALLOWED})
        limit, period = settings.STERK_API_RATE_LIMIT
        wait = retry_after(f"api:{client_ip(request)}", limit=limit, period_seconds=period)
        if wait:
            return problem(
                429,
                _("Too many requests from your address. Try again in %(seconds)s seconds.")
                % {"seconds": wait},
                headers={"Retry-After": str(wait)},
            )
        etag, last_modified, fresh_for = _validators(request, lang)
        head = request.method == "HEAD"
        if _not_modified(request, etag, last_modified):
            response: HttpResponseBase = HttpResponse(status=304)
        else:
            if head:
                request.method = "GET"
            response = self.get_response(request)
            if head:
                request.method = "HEAD"
            response = self._as_problem(response)
            if head and isinstance(response, HttpResponse):
                response.content = b""
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = formatdate(last_modified, usegmt=True)
            max_age = int(min(MAX_AGE, fresh_for))
            response["Cache-Control"] = f"public, max-age={max_age}"
        return response

    @staticmethod
    def _as_problem(response: HttpResponseBase) -> HttpResponseBase:
        """An error page from outside the API (Django's 404 for an unknown path)."""
        if response.status_code < 400 or response.get("Content-Type", "").startswith(
            (CONTENT_TYPE, "application/json")
        ):
            return response
        if response.status_code == 404:
            return problem(404, _("There is no such resource. Every list is named at /api/v1/."))
        if response.status_code == 400:
            # sterk.core.middleware.RejectNulBytesMiddleware: no text may hold a NUL byte.
            return problem(400, _("A parameter holds a character that is not allowed (NUL)."))
        return problem(response.status_code)
