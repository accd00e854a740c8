"""Request-wide input rules."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(data: QueryDict) -> bool:
    for key, values in data.lists():
        if "\x00" in key or any(isinstance(v, str) and "\x00" in v for v in values):
            return True
    return False


class RejectNulBytesMiddleware:
    """A NUL byte in the path, the query string or a submitted form is never meant: no
    browser sends one from a form, and PostgreSQL refuses it in any text value (a 500 on
    every page that filters by a query parameter). Answer 400 with a translated page before
    any view sees it, whichever parameter it is in and whether or not a form reads it.

    Placed after the locale, session, auth and CSP middleware, so the page is in the
    visitor's language with the base layout and a nonce; before every view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path or "\x00" in request.path_info:
            return True
        if _has_nul(request.GET):
            return True
        if request.method == "POST" and request.content_type in FORM_TYPES:
            # (Django's multipart parser already removes NUL from uploaded file names.)
            return _has_nul(request.POST)
        return False


class DropNulCookiesMiddleware:
    """A cookie with a NUL byte (a quoted cookie may spell it "\\000") was never set by
    us: the session key went into a PostgreSQL query and gave a 500 on every page. Such
    cookies are dropped, as if absent (a fresh session, the default language). Early in
    MIDDLEWARE, before the session, CSRF and locale middleware read them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        cookies = request.COOKIES
        if any("\x00" in key or "\x00" in value for key, value in cookies.items()):
            request.COOKIES = {
                key: value
                for key, value in cookies.items()
                if "\x00" not in key and "\x00" not in value
            }
        return self.get_response(request)
