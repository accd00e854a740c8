"""The `data` the services take: one TypedDict per entity, the fields its forms clean.

All keys are optional (total=False): an update may pass only the fields it changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from sterk.network.models import Region


class RegionData(TypedDict, total=False):
    """The `data` for a regional platform's texts (region_update) (a form's cleaned_data)."""

    name_nl: str
    name_fr: str
    name_en: str
    tagline_nl: str
    tagline_fr: str
    tagline_en: str
    description_nl: str
    description_fr: str
    description_en: str
    contact_email: str


class RegionPriorityData(TypedDict, total=False):
    """The `data` for a regional priority (a form's cleaned_data)."""

    title_nl: str
    title_fr: str
    title_en: str
    description_nl: str
    description_fr: str
    description_en: str
    order: int | None


class SubRegionData(TypedDict, total=False):
    """The `data` for a sub-region (a form's cleaned_data)."""

    name_nl: str
    name_fr: str
    name_en: str
    description_nl: str
    description_fr: str
    description_en: str
    slug: str
    order: int | None


class OrganisationData(TypedDict, total=False):
    """The `data` for an organisation (a form's cleaned_data)."""

    name: str
    type: str
    description_nl: str
    description_fr: str
    description_en: str
    themes_nl: str
    themes_fr: str
    themes_en: str
    is_stakeholder: bool
    regions: Iterable[Region]
