"""The `data` the news services take (a form's cleaned_data, or a loader's values).

All keys are optional (total=False): an update may pass only the fields it changes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from sterk.actionplan.models import Action, Challenge
    from sterk.events.models import Event
    from sterk.identity.models import Krachtlijn
    from sterk.network.models import Organisation, Region
    from sterk.practices.models import Practice


class PostData(TypedDict, total=False):
    slug: str  # derived from the Dutch title when not given
    title_nl: str
    title_fr: str
    title_en: str
    lead_nl: str
    lead_fr: str
    lead_en: str
    body_nl: str
    body_fr: str
    body_en: str
    image: Any  # an uploaded file, a stored name, or "" / False to remove it
    image_alt_nl: str
    image_alt_fr: str
    image_alt_en: str
    share_text_nl: str
    share_text_fr: str
    share_text_en: str
    organisation: Organisation | None
    region: Region | None
    publish_at: datetime.datetime | None
    krachtlijnen: Iterable[Krachtlijn]
    challenges: Iterable[Challenge]
    actions: Iterable[Action]
    events: Iterable[Event]
    practices: Iterable[Practice]
