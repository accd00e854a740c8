"""Each permission with a "which rows" queryset: the rule and the selector agree."""

from __future__ import annotations

import pytest
from django.db.models import Q

from sterk.events import selectors
from sterk.events.models import Event
from sterk.network.tests.factories import (
    OrganisationFactory,
    people_of_every_role,
    scoping_mismatches,
)

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_events_managed_by_agrees_with_manage_event(antwerpen, limburg) -> None:
    people = people_of_every_role(
        region=antwerpen,
        other_region=limburg,
        organisation=OrganisationFactory(is_stakeholder=True),
        other_organisation=OrganisationFactory(is_stakeholder=True),
    )
    events = {
        "antwerpen": EventFactory(organiser="region", region=antwerpen),
        "antwerpen draft": EventFactory(organiser="region", region=antwerpen, status="draft"),
        "limburg": EventFactory(organiser="region", region=limburg),
        "platform": EventFactory(organiser="platform"),
        "partner": EventFactory(organiser="partner"),
    }
    assert not scoping_mismatches(
        "events.manage_event", selectors.events_managed_by, people, events
    )


def visible_to(user):
    return Event.objects.visible_to(user)


def visible_or_managed(user):
    """What the event's page shows to this person: the agenda's events and the ones they
    manage (drafts included)."""
    managed = selectors.events_managed_by(user).values("pk")
    return Event.objects.filter(Q(pk__in=managed) | Q(pk__in=visible_to(user).values("pk")))


@pytest.fixture
def visibility_cases(antwerpen, limburg):
    events = {}
    for status in ("published", "draft", "cancelled"):
        for visibility in ("public", "members"):
            events[f"{visibility} {status}"] = EventFactory(status=status, visibility=visibility)
        for role in ("coordinator", "steering", "chair", "stakeholder"):
            events[f"for {role}s, {status}"] = EventFactory(
                status=status, visibility="roles", invited_roles=[role]
            )
        for region in (antwerpen, limburg):
            events[f"{region.slug} roles-only, {status}"] = EventFactory(
                organiser="region",
                region=region,
                status=status,
                visibility="roles",
                invited_roles=["steering"],
            )
    return events


def test_visible_to_agrees_with_view_listed_event(antwerpen, limburg, visibility_cases) -> None:
    people = people_of_every_role(
        region=antwerpen,
        other_region=limburg,
        organisation=OrganisationFactory(is_stakeholder=True),
        other_organisation=OrganisationFactory(is_stakeholder=True),
    )
    assert not scoping_mismatches("events.view_listed_event", visible_to, people, visibility_cases)


def test_event_page_agrees_with_view_event(antwerpen, limburg, visibility_cases) -> None:
    people = people_of_every_role(
        region=antwerpen,
        other_region=limburg,
        organisation=OrganisationFactory(is_stakeholder=True),
        other_organisation=OrganisationFactory(is_stakeholder=True),
    )
    assert not scoping_mismatches("events.view_event", visible_or_managed, people, visibility_cases)
