"""The open-data API: `/api/v1/`, read-only, public data only (docs/api.md).

Every resource lives in `sterk.api.resources.<area>` as a ninja Router that reads through
the same selectors as the area's pages. Descriptions are translatable texts: the OpenAPI
document (`/api/v1/openapi.json?lang=en`) and the documentation page follow the language
they are asked in, Dutch first."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language, gettext
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from sterk.core.site import absolute_url, site_url

from .paging import Common
from .problems import problem, validation_errors
from .resources import ROUTERS, TAGS
from .texts import lazy

logger = logging.getLogger(__name__)


def _description() -> str:
    return gettext(
        "The public data of the Flemish Platform for Strong Social Work: the regional "
        "platforms, the identity, the action plan, the agenda, the practice library, news, "
        "the newsletter archive, survey results and the governance. Read-only, no key "
        "needed, licence CC BY 4.0 unless a source says otherwise. Every list takes "
        "limit and offset and links its next page; lang (nl, fr, en) or "
        "Accept-Language chooses the language. Responses carry an ETag: send it back in "
        "If-None-Match and an unchanged answer is a 304. Errors are RFC 9457 problem "
        "details."
    )


class OpenDataApi(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        # Texts in the language the document is asked in (sterk.api.http activates it).
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["info"]["description"] = _description()
        schema["tags"] = [
            {"name": "index", "description": gettext("Where to start: every list's address.")},
            *({"name": name, "description": str(text)} for name, text in TAGS),
        ]
        _document_errors(schema)
        return schema


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


def _document_errors(schema: dict[str, Any]) -> None:
    """Every operation may answer 304 (a conditional request), 400 (a NUL byte), 422 (a
    parameter out of range), 429 (the rate limit) and, with a path parameter, 404: all
    documented, the errors as problem details."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    ref = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    texts = {
        "304": gettext("Not modified since the copy named in If-None-Match or If-Modified-Since."),
        "404": gettext("No public object at this address."),
        "400": gettext("A parameter holds a character that is not allowed (NUL)."),
        "422": gettext("A parameter is not valid."),
        "429": gettext("Too many requests: wait as many seconds as Retry-After says."),
    }
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses["304"] = {"description": texts["304"]}
            for status in ("400", "422", "429") + (("404",) if "{" in path else ()):
                responses[status] = {"description": texts[status], "content": ref}


class Renderer(JSONRenderer):
    # "Liège", not "Li\u00e8ge": the JSON is UTF-8 and readable as it is.
    json_dumps_params: dict[str, Any] = {"ensure_ascii": False}  # noqa: RUF012


api = OpenDataApi(
    renderer=Renderer(),
    title="Sterk Sociaal Werk open data",
    version="1",
    urls_namespace="api",
    docs_url=None,
    servers=[{"url": site_url()}],
    openapi_extra={
        "info": {
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
        }
    },
)

for router in ROUTERS:
    api.add_router("", router)


class IndexOut(Schema):
    openapi: str
    documentation: str
    licence: str
    lists: dict[str, str]


@api.get(
    "/",
    response=IndexOut,
    tags=["index"],
    summary=lazy("Where to start"),
    description=lazy("The address of every list, the OpenAPI document and the documentation."),
    operation_id="index",
)
def index(request: HttpRequest, params: Query[Common]) -> dict[str, Any]:
    paths = api.get_openapi_schema()["paths"]
    lists = {
        p.rsplit("/", 1)[-1]: absolute_url(p)
        for p in paths
        if "{" not in p and p.count("/") == 3 and not p.endswith("/")
    }
    return {
        "openapi": absolute_url("/api/v1/openapi.json"),
        "documentation": absolute_url(f"/{get_language()}/open-data/api/"),
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "lists": lists,
    }


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return problem(
        422,
        gettext("One or more parameters are not valid."),
        errors=validation_errors(list(exc.errors)),
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, gettext("There is no public object at this address."))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem(exc.status_code, str(exc))


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API: %s failed", request.path)
    return problem(500, gettext("Something went wrong on our side; it has been logged."))
