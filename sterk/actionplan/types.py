"""The `data` the services take: one TypedDict per entity, the fields its forms clean.

All keys are optional (total=False): an update may pass only the fields it changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from sterk.actionplan.models import Action, Challenge, Plan, Spearhead
    from sterk.identity.models import Function, Krachtlijn
    from sterk.network.models import Organisation, Region


class PlanData(TypedDict, total=False):
    """The `data` for a plan (a form's cleaned_data)."""

    slug: str
    title_nl: str
    title_fr: str
    title_en: str
    start_year: int | None
    end_year: int | None
    is_current: bool
    description_nl: str
    description_fr: str
    description_en: str


class ChallengeData(TypedDict, total=False):
    """The `data` for a challenge (a form's cleaned_data)."""

    plan: Plan | None
    number: int | None
    slug: str
    title_nl: str
    title_fr: str
    title_en: str
    summary_nl: str
    summary_fr: str
    summary_en: str
    description_nl: str
    description_fr: str
    description_en: str


class ActionData(TypedDict, total=False):
    """The `data` for an action (a form's cleaned_data)."""

    challenge: Challenge | None
    number: int | None
    order: int | None
    slug: str
    title_nl: str
    title_fr: str
    title_en: str
    description_nl: str
    description_fr: str
    description_en: str
    origin: str
    origin_region: Region | None
    krachtlijnen: Iterable[Krachtlijn]
    functions: Iterable[Function]
    carrier_regions: Iterable[Region]
    carrier_organisations: Iterable[Organisation]


class InitiativeData(TypedDict, total=False):
    """The `data` for an initiative (a form's cleaned_data)."""

    order: int | None
    title_nl: str
    title_fr: str
    title_en: str
    description_nl: str
    description_fr: str
    description_en: str


class SpearheadData(TypedDict, total=False):
    """The `data` for a spearhead (a form's cleaned_data)."""

    plan: Plan | None
    number: int | None
    slug: str
    title_nl: str
    title_fr: str
    title_en: str
    summary_nl: str
    summary_fr: str
    summary_en: str
    description_nl: str
    description_fr: str
    description_en: str
    start_year: int | None
    end_year: int | None
    lead_organisation: Organisation | None
    partners: Iterable[Organisation]
    challenges: Iterable[Challenge]


class ActivityData(TypedDict, total=False):
    """The `data` for a spearhead's activity (a form's cleaned_data)."""

    order: int | None
    title_nl: str
    title_fr: str
    title_en: str
    timing_nl: str
    timing_fr: str
    timing_en: str
    description_nl: str
    description_fr: str
    description_en: str
    partners: Iterable[Organisation]


class FirstPriorityData(TypedDict, total=False):
    """The `data` for a first priority (a form's cleaned_data)."""

    plan: Plan | None
    year: int | None
    order: int | None
    title_nl: str
    title_fr: str
    title_en: str
    description_nl: str
    description_fr: str
    description_en: str
    challenges: Iterable[Challenge]


class EvaluationData(TypedDict, total=False):
    """The `data` for an evaluation (a form's cleaned_data)."""

    plan: Plan | None
    slug: str
    date: datetime.date | None
    title_nl: str
    title_fr: str
    title_en: str
    description_nl: str
    description_fr: str
    description_en: str


class ConclusionData(TypedDict, total=False):
    """The `data` for an evaluation's conclusion (a form's cleaned_data)."""

    challenge: Challenge | None
    action: Action | None
    spearhead: Spearhead | None
    text_nl: str
    text_fr: str
    text_en: str


class ProposalData(TypedDict, total=False):
    """The `data` for an action proposal (a form's cleaned_data)."""

    challenge: Challenge | None
    title: str
    description: str
    initiatives: str
    krachtlijnen: Iterable[Krachtlijn]
    functions: Iterable[Function]
    carrier_regions: Iterable[Region]
    carrier_organisations: Iterable[Organisation]
    region: Region | None
