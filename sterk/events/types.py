"""The `data` the services take: one TypedDict per entity, the fields its forms clean.

All keys are optional (total=False): an update may pass only the fields it changes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from sterk.actionplan.models import Action, Challenge
    from sterk.events.models import Series
    from sterk.identity.models import Krachtlijn
    from sterk.network.models import Organisation, Region, SubRegion


class EventData(TypedDict, total=False):
    """The `data` for an event (a form's cleaned_data)."""

    slug: str  # derived from the Dutch title when not given
    title: str  # a loader may give the title without a language
    status: str  # a new event is a draft unless the loader says otherwise
    title_nl: str
    title_fr: str
    title_en: str
    summary_nl: str
    summary_fr: str
    summary_en: str
    description_nl: str
    description_fr: str
    description_en: str
    audience_note_nl: str
    audience_note_fr: str
    audience_note_en: str
    type: str
    series: Series | None
    audience: str
    organiser: str
    region: Region | None
    subregion: SubRegion | None
    organisation: Organisation | None
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    format: str
    venue: str
    address: str
    online_url: str
    registration_required: bool
    capacity: int | None
    price: int | None
    registration_opens_at: datetime.datetime | None
    registration_closes_at: datetime.datetime | None
    waitlist_enabled: bool
    offer_hours: int | None
    visibility: str
    invited_roles: list[str]
    krachtlijnen: Iterable[Krachtlijn]
    challenges: Iterable[Challenge]
    actions: Iterable[Action]


class EventReportData(TypedDict, total=False):
    """The `data` for an event's report (a form's cleaned_data)."""

    status: str  # set to held by event_report
    recording_url: str
    attendance_count: int | None
    report_nl: str
    report_fr: str
    report_en: str


class SeriesData(TypedDict, total=False):
    """The `data` for a series (a form's cleaned_data)."""

    slug: str
    title_nl: str
    title_fr: str
    title_en: str
    description_nl: str
    description_fr: str
    description_en: str


class SessionData(TypedDict, total=False):
    """The `data` for a session (a form's cleaned_data)."""

    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    room: str
    capacity: int | None
    title_nl: str
    title_fr: str
    title_en: str
    description_nl: str
    description_fr: str
    description_en: str


class QuestionData(TypedDict, total=False):
    """The `data` for a registration question (a form's cleaned_data)."""

    kind: str
    required: bool
    order: int | None
    label_nl: str
    label_fr: str
    label_en: str
    choices_nl: str
    choices_fr: str
    choices_en: str
