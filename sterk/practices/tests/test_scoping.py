"""Each permission with a "which rows" queryset: the rule and the selector agree."""

from __future__ import annotations

import pytest

from sterk.network.tests.factories import people_of_every_role, scoping_mismatches
from sterk.practices import selectors
from sterk.practices.models import Status

from .factories import CallFactory, OrganisationFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(antwerpen, limburg, socius):
    return people_of_every_role(
        region=antwerpen,
        other_region=limburg,
        organisation=socius,
        other_organisation=OrganisationFactory(name="Weliswaar", is_stakeholder=True),
    )


def test_moderation_queue_agrees_with_moderate_practice(people, antwerpen, limburg, socius):
    call = CallFactory(owner=socius)
    other_call = CallFactory(owner=OrganisationFactory(is_stakeholder=True))
    practices = {
        f"{status} in antwerpen": PracticeFactory(region=antwerpen, status=status)
        for status in Status.values
    }
    practices.update(
        {
            "limburg": PracticeFactory(region=limburg),
            "no region": PracticeFactory(region=None),
            "socius call": PracticeFactory(region=None, call=call),
            "socius call, draft": PracticeFactory(region=None, call=call, status=Status.DRAFT),
            "limburg, socius call": PracticeFactory(region=limburg, call=call),
            "other call": PracticeFactory(region=None, call=other_call),
        }
    )
    assert not scoping_mismatches(
        "practices.moderate_practice", selectors.moderation_queue, people, practices
    )


def test_calls_for_agrees_with_change_call(people, socius):
    calls = {
        "socius": CallFactory(owner=socius),
        "another": CallFactory(owner=OrganisationFactory(is_stakeholder=True)),
    }
    for perm in ("practices.change_call", "practices.view_call_submissions"):
        assert not scoping_mismatches(perm, selectors.calls_for, people, calls)
