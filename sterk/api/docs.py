"""The API's documentation page (/nl/open-data/api/): the OpenAPI document, read in the
page's language and laid out for people, with an example a partner can copy. Nothing is
loaded from elsewhere: the page is one of ours, with our own stylesheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from sterk.core.site import absolute_url


@dataclass
class Parameter:
    name: str
    where: str
    required: bool
    kind: str
    description: str


@dataclass
class Operation:
    path: str
    summary: str
    description: str
    example: str
    parameters: list[Parameter] = field(default_factory=list)


@dataclass
class Group:
    name: str
    description: str
    operations: list[Operation] = field(default_factory=list)


def _kind(schema: dict[str, Any]) -> str:
    options = schema.get("anyOf") or [schema]
    kinds = []
    for option in options:
        if option.get("type") == "null":
            continue
        if "enum" in option:
            kinds.append(" | ".join(str(v) for v in option["enum"]))
        elif option.get("type") == "array":
            kinds.append(f"{_kind(option.get('items', {}))}, …")
        else:
            kind = option.get("format") or option.get("type", "")
            bounds = [f"{k} {option[k]}" for k in ("minimum", "maximum") if k in option]
            kinds.append(f"{kind} ({', '.join(bounds)})" if bounds else kind)
    return " | ".join(k for k in kinds if k)


def groups(schema: dict[str, Any]) -> list[Group]:
    by_tag = {tag["name"]: Group(tag["name"], tag.get("description", "")) for tag in schema["tags"]}
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            group = by_tag.setdefault(operation["tags"][0], Group(operation["tags"][0], ""))
            example = path.replace("{slug}", "…")
            group.operations.append(
                Operation(
                    path=path,
                    summary=operation.get("summary", ""),
                    description=operation.get("description", ""),
                    example=absolute_url(example),
                    parameters=[
                        Parameter(
                            name=p["name"],
                            where=p["in"],
                            required=bool(p.get("required")),
                            kind=_kind(p.get("schema", {})),
                            description=p.get("description", "")
                            or p.get("schema", {}).get("description", ""),
                        )
                        for p in operation.get("parameters", [])
                    ],
                )
            )
    return [group for group in by_tag.values() if group.operations]


@require_safe
def docs_page(request: HttpRequest) -> HttpResponse:
    from .main import api

    schema = api.get_openapi_schema()
    return render(
        request,
        "api/docs.html",
        {
            "info": schema["info"],
            "groups": groups(schema),
            "base": absolute_url("/api/v1"),
            "openapi_url": absolute_url("/api/v1/openapi.json"),
            "language": get_language(),
        },
    )
