from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from sterk.governance.models import Channel, Meeting, MeetingKind


def at(days: float, hour: int = 14) -> datetime.datetime:
    base = timezone.localtime() + datetime.timedelta(days=days)
    return base.replace(hour=hour, minute=0, second=0, microsecond=0)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.STAKEHOLDER
    title = factory.Sequence(lambda n: f"Stakeholdersmeeting {n}")
    starts_at = factory.LazyFunction(lambda: at(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    location = "Brussel"


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    title = "Nieuwsbrief"
    reach = 4000
    audience = "professionals"
