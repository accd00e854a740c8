"""What every resource's schema shares: page URLs and dates with their offset."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.utils import timezone
from ninja import Schema
from pydantic import PlainSerializer

from sterk.core.site import absolute_url


def _local(value: datetime.datetime) -> str:
    return timezone.localtime(value).isoformat()


# ISO 8601 with the Brussels offset ("2026-12-01T19:30:00+01:00").
DateTime = Annotated[datetime.datetime, PlainSerializer(_local, return_type=str)]


def page_url(obj: Any) -> str:
    """The object's public page in the response's language (the active one)."""
    return absolute_url(obj.get_absolute_url())


class RegionRefOut(Schema):
    """A regional platform where another object names it: slug, name, page."""

    slug: str
    name: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)
