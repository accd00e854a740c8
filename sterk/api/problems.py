"""Errors as RFC 9457 problem details (`application/problem+json`).

Every error the API answers, whether raised in an operation, found by validation or met
before the API is reached (a path that does not exist, a method it does not allow, the
rate limit), has the same shape: `type`, `title`, `status`, `detail`, and for invalid
input `errors`, one per parameter. Titles and details follow the response's language."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

CONTENT_TYPE = "application/problem+json"
# Each status has a type URI that stays the same; `about:blank` where HTTP says it all.
TYPE_BASE = "https://sterksociaalwerk.be/api/problems/"


def _titles() -> dict[int, str]:
    return {
        400: _("Bad request"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        422: _("Invalid parameters"),
        429: _("Too many requests"),
        500: _("Server error"),
    }


def problem(
    status: int,
    detail: str = "",
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": f"{TYPE_BASE}{status}" if status in (422, 429) else "about:blank",
        "title": _titles().get(status, str(status)),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic's errors, each as the parameter it is about and a message in words."""
    out = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        out.append({"parameter": ".".join(loc), "message": str(error.get("msg", ""))})
    return out
