"""The `data` the services take: one TypedDict per entity, the fields its forms clean.

All keys are optional (total=False): an update may pass only the fields it changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from sterk.actionplan.models import Action, Challenge
    from sterk.identity.models import Function, Krachtlijn
    from sterk.network.models import Organisation, Region, SubRegion


class PracticeData(TypedDict, total=False):
    """The `data` for a practice (submitter, moderator and call forms) (a form's cleaned_data)."""

    title_nl: str
    summary_nl: str
    story_nl: str
    language: str
    organisation_names: str
    region: Region | None
    subregion: SubRegion | None
    sector: str
    target_group: str
    krachtlijnen: Iterable[Krachtlijn]
    functions: Iterable[Function]
    challenges: Iterable[Challenge]
    contact_name: str
    contact_email: str
    contact_consent: bool
    licence: str
    title_fr: str
    summary_fr: str
    story_fr: str
    title_en: str
    summary_en: str
    story_en: str
    organisations: Iterable[Organisation]
    actions: Iterable[Action]
    submitter_name: str
    submitter_email: str


class CallData(TypedDict, total=False):
    """The `data` for a call for practices (a form's cleaned_data)."""

    slug: str  # derived from the Dutch title when not given
    title_nl: str
    title_fr: str
    title_en: str
    question_nl: str
    question_fr: str
    question_en: str
    audience_nl: str
    theme_nl: str
    owner: Organisation | None
    opens_on: datetime.date | None
    closes_on: datetime.date | None
    krachtlijn: Krachtlijn | None
    challenge: Challenge | None
    consent_publish_text_nl: str
    consent_anonymous_text_nl: str
    questions: list[dict[str, Any]]  # parsed from the form's questions_text
