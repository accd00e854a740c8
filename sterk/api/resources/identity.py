"""The shared identity: the krachtlijnen and the functions of social work."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from sterk.api.texts import lazy as _
from sterk.identity import selectors

from ..datasets import Dataset
from ..fields import page_url
from ..paging import Common, Page, Paging, page

TAG = ("identity", _("The five krachtlijnen and the three functions of social work."))
router = Router(tags=[TAG[0]])


class IdentityItemOut(Schema):
    slug: str
    number: int
    title: str
    summary: str
    body: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


def krachtlijnen() -> Any:
    return selectors.krachtlijnen().order_by("number", "pk")


def functions() -> Any:
    return selectors.functions().order_by("number", "pk")


@router.get(
    "/krachtlijnen",
    response=Page[IdentityItemOut],
    summary=_("Krachtlijnen"),
    description=_("The five krachtlijnen, by number."),
    operation_id="krachtlijnen_list",
)
def krachtlijnen_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, krachtlijnen(), params)


@router.get(
    "/krachtlijnen/{slug}",
    response=IdentityItemOut,
    summary=_("One krachtlijn"),
    operation_id="krachtlijnen_detail",
)
def krachtlijnen_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Any:
    return get_object_or_404(krachtlijnen(), slug=slug)


@router.get(
    "/functions",
    response=Page[IdentityItemOut],
    summary=_("Functions"),
    description=_("The three functions of social work, by number."),
    operation_id="functions_list",
)
def functions_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, functions(), params)


@router.get(
    "/functions/{slug}",
    response=IdentityItemOut,
    summary=_("One function"),
    operation_id="functions_detail",
)
def functions_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Any:
    return get_object_or_404(functions(), slug=slug)


DATASETS = [
    Dataset(
        "krachtlijnen",
        _("Krachtlijnen"),
        _("The five krachtlijnen."),
        IdentityItemOut,
        krachtlijnen,
    ),
    Dataset(
        "functions",
        _("Functions"),
        _("The three functions of social work."),
        IdentityItemOut,
        functions,
    ),
]
