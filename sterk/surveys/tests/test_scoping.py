"""The survey permission and its "which rows" selector agree for a person of every role."""

from __future__ import annotations

import pytest

from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    people_of_every_role,
    scoping_mismatches,
)
from sterk.surveys import selectors
from sterk.surveys.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db


def test_surveys_managed_by_agrees_with_change_survey() -> None:
    antwerpen, limburg = RegionFactory(), RegionFactory()
    socius = OrganisationFactory(is_stakeholder=True)
    people = people_of_every_role(
        region=antwerpen,
        other_region=limburg,
        organisation=socius,
        other_organisation=OrganisationFactory(is_stakeholder=True),
    )
    surveys = {
        "antwerpen": SurveyFactory(region=antwerpen),
        "limburg": SurveyFactory(region=limburg),
        "platform": SurveyFactory(owner_kind="platform", region=None),
        "socius": SurveyFactory(owner_kind="organisation", region=None, organisation=socius),
    }
    assert not scoping_mismatches(
        "surveys.change_survey", selectors.surveys_managed_by, people, surveys
    )
