"""Each permission with a "which rows" queryset: the rule and the selector agree."""

from __future__ import annotations

import pytest

from sterk.actionplan import selectors, services
from sterk.network.tests.factories import people_of_every_role, scoping_mismatches

from .factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    OrganisationFactory,
    RegionFactory,
    SpearheadFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def weliswaar(db):
    return OrganisationFactory(name="Weliswaar", is_stakeholder=True)


@pytest.fixture
def people(antwerpen, limburg, socius, weliswaar):
    return people_of_every_role(
        region=antwerpen, other_region=limburg, organisation=socius, other_organisation=weliswaar
    )


def test_actions_postable_by_agrees_with_post_progress(people, plan, antwerpen, limburg, socius):
    """Within the current plan (the selector lists only the current plan's actions)."""
    actions = {
        "antwerpen": ActionFactory(carrier_regions=[antwerpen]),
        "limburg": ActionFactory(carrier_regions=[limburg]),
        "socius": ActionFactory(carrier_organisations=[socius]),
        "antwerpen and socius": ActionFactory(
            carrier_regions=[antwerpen], carrier_organisations=[socius]
        ),
        "nobody": ActionFactory(),
    }
    assert not scoping_mismatches(
        "actionplan.post_progress", selectors.actions_postable_by, people, actions
    )


def test_activities_postable_by_agrees_with_post_progress(people, plan, socius, weliswaar):
    led = SpearheadFactory(lead_organisation=socius)
    partnered = SpearheadFactory(partners=[socius])
    activity_partner = ActivityFactory(spearhead=SpearheadFactory())
    activity_partner.partners.add(socius)
    activities = {
        "socius leads": ActivityFactory(spearhead=led),
        "socius partners the spearhead": ActivityFactory(spearhead=partnered),
        "socius partners the activity": activity_partner,
        "weliswaar leads": ActivityFactory(spearhead=SpearheadFactory(lead_organisation=weliswaar)),
        "nobody": ActivityFactory(spearhead=SpearheadFactory()),
    }
    assert not scoping_mismatches(
        "actionplan.post_progress", selectors.activities_postable_by, people, activities
    )


def test_proposals_for_agrees_with_view_proposal(people, plan, antwerpen, limburg):
    challenge = ChallengeFactory()
    data = {"challenge": challenge, "title": "Voorstel", "description": "Tekst."}
    proposals = {
        name: services.proposal_submit(actor=None, region=region, data=dict(data))
        for name, region in (
            ("antwerpen", antwerpen),
            ("limburg", limburg),
            ("gent", RegionFactory(slug="gent")),
        )
    }
    assert not scoping_mismatches(
        "actionplan.view_proposal", selectors.proposals_for, people, proposals
    )


def test_list_own_work_is_for_carriers_who_are_not_coordinators(people) -> None:
    """The dashboard's "post progress" list: chairs and stakeholders (whose postable actions
    are a selection); a coordinator may post on everything and gets the full list."""
    allowed = {who for who, user in people.items() if user.has_perm("actionplan.list_own_work")}
    assert allowed == {"chair", "other_chair", "stakeholder", "other_stakeholder"}
