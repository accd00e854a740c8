"""The typed input of the newsletter's services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict


class PreferencesData(TypedDict, total=False):
    name: str
    language: str
    regions: Sequence[Any]
    krachtlijnen: Sequence[Any]
    interests: Sequence[str]


class EditionData(TypedDict, total=False):
    title_nl: str
    title_fr: str
    title_en: str
    intro_nl: str
    intro_fr: str
    intro_en: str
    region: Any
    segment_regions: Sequence[Any]
    segment_krachtlijnen: Sequence[Any]
    segment_interests: Sequence[str]
    segment_language: str


class BlockData(TypedDict, total=False):
    kind: str
    heading_nl: str
    heading_fr: str
    heading_en: str
    text_nl: str
    text_fr: str
    text_en: str
    events: Sequence[Any]
    next_count: int | None
    next_regions: Sequence[Any]
    practices: Sequence[Any]
    call: Any
    post: Any
