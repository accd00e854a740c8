"""Factories for events. People and regions come from the network's shared factories."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from sterk.events.models import Event, EventStatus, Question, Session
from sterk.network.models import Role
from sterk.network.tests.factories import (  # noqa: F401 - re-exported
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
)


def in_days(days: float, hour: int = 10) -> datetime.datetime:
    base = timezone.localtime() + datetime.timedelta(days=days)
    return base.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    title_nl = factory.Sequence(lambda n: f"Activiteit {n}")
    type = "gathering"
    organiser = "platform"
    format = "on_site"
    venue = "Zaal De Link"
    address = "Kerkstraat 1, 2000 Antwerpen"
    status = EventStatus.PUBLISHED
    starts_at = factory.LazyFunction(lambda: in_days(10, 14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    title_nl = factory.Sequence(lambda n: f"Sessie {n}")
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    label_nl = factory.Sequence(lambda n: f"Vraag {n}")
    kind = "text"


def chair_of(region):  # type: ignore[no-untyped-def]
    return RoleAssignmentFactory(role=Role.CHAIR, region=region).user


def coordinator():  # type: ignore[no-untyped-def]
    return RoleAssignmentFactory(role=Role.COORDINATOR).user


def steering_member():  # type: ignore[no-untyped-def]
    return RoleAssignmentFactory(role=Role.STEERING).user


def stakeholder():  # type: ignore[no-untyped-def]
    return RoleAssignmentFactory(role=Role.STAKEHOLDER).user
