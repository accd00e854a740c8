"""Each permission with a "which rows" queryset: the rule and the selector agree."""

from __future__ import annotations

import pytest

from sterk.events import selectors
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
