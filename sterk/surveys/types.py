from __future__ import annotations

import datetime
from typing import Any, TypedDict


class SurveyData(TypedDict, total=False):
    title_nl: str
    title_fr: str
    title_en: str
    intro_nl: str
    intro_fr: str
    intro_en: str
    owner_kind: str
    region: Any
    organisation: Any
    spearhead: Any
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    audience: str
    audience_regions: Any
    audience_roles: list[str]
    anonymous: bool
    consent_text_nl: str
    consent_text_fr: str
    consent_text_en: str
    purpose_nl: str
    purpose_fr: str
    purpose_en: str
    contact_name: str
    contact_email: str
    slug: str
    is_demo: bool


class SectionData(TypedDict, total=False):
    title_nl: str
    title_fr: str
    title_en: str
    intro_nl: str
    intro_fr: str
    intro_en: str


class QuestionData(TypedDict, total=False):
    section: Any
    kind: str
    text_nl: str
    text_fr: str
    text_en: str
    help_nl: str
    required: bool
    allow_other: bool
    scale_max: int
    label_low_nl: str
    label_high_nl: str
    list_source: str
    condition_question: Any
    condition_option: Any
    # One option (or matrix row) per item, in Dutch; with answers: existing ones by
    # position are reworded, new ones appended.
    options: list[str]
