"""The regional platforms: what /nl/regio/ and each region's page show."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from sterk.api.texts import lazy as _
from sterk.network import selectors
from sterk.network.models import Region

from ..datasets import Dataset
from ..fields import page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "regions",
    _("The six regional platforms: their sub-regions, priorities, chairs and member count."),
)
router = Router(tags=[TAG[0]])


class SubRegionOut(Schema):
    slug: str
    name: str
    description: str


class PriorityOut(Schema):
    title: str
    description: str


class ChairOut(Schema):
    name: str
    organisation: str | None

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.user.get_full_name())

    @staticmethod
    def resolve_organisation(obj: Any) -> str | None:
        # The region page names the chair's own organisation (a university college).
        return obj.user.organisation.name if obj.user.organisation else None


class RegionOut(Schema):
    slug: str
    name: str
    short_name: str
    tagline: str
    description: str
    member_count: int
    url: str
    subregions: list[SubRegionOut]
    priorities: list[PriorityOut]
    chairs: list[ChairOut]

    @staticmethod
    def resolve_url(obj: Region) -> str:
        return page_url(obj)

    @staticmethod
    def resolve_subregions(obj: Region) -> list[Any]:
        return list(obj.subregions.all())

    @staticmethod
    def resolve_priorities(obj: Region) -> list[Any]:
        return list(obj.priorities.all())


def regions() -> Any:
    """All regions in the order of the region list (the downloads read this too)."""
    return selectors.regions_with_people().order_by("order", "pk")


@router.get(
    "/regions",
    response=Page[RegionOut],
    summary=_("Regions"),
    description=_("The regional platforms, in the order of the region list."),
    operation_id="regions_list",
)
def regions_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, regions(), params)


@router.get(
    "/regions/{slug}",
    response=RegionOut,
    summary=_("One region"),
    description=_("One regional platform, as its page shows it."),
    operation_id="regions_detail",
)
def regions_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Region:
    return get_object_or_404(regions(), slug=slug)


DATASETS = [
    Dataset(
        "regions",
        _("Regions"),
        _("The regional platforms with their sub-regions, priorities, chairs and member count."),
        RegionOut,
        regions,
    )
]
