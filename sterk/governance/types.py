"""The typed input of the governance services."""

from __future__ import annotations

import datetime
from typing import Any, TypedDict


class ChannelData(TypedDict, total=False):
    kind: str
    title: str
    reach: int | None
    audience: str
    url: str


class MeetingData(TypedDict, total=False):
    kind: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str
    event: Any


class AgendaItemData(TypedDict, total=False):
    order: int
    title: str
    description: str


class FollowUpData(TypedDict, total=False):
    title: str
    owner: Any
    due_on: datetime.date | None


class PolicyContactData(TypedDict, total=False):
    kind: str
    title: str
    date: datetime.date
    policy_makers: str
    challenges: Any
    actions: Any
    asked: str
    answer: str
    is_published: bool


class PolicyDocumentData(TypedDict, total=False):
    title: str
    file: Any
