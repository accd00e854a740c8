"""The governance's lists cost as many queries for many rows as for a few: the register
(and its commitments), the course watch, the public stakeholders and policy pages."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sterk.actionplan.models import ActionProposal
from sterk.actionplan.tests.factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    ProgressUpdateFactory,
    SpearheadFactory,
    current_plan,
)
from sterk.governance.models import FollowUp, Invitation, PolicyContact
from sterk.governance.tests.factories import ChannelFactory, MeetingFactory
from sterk.network.models import Role
from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    give_totp,
)
from sterk.practices.tests.factories import CallFactory

pytestmark = pytest.mark.django_db


def stakeholder_with_everything() -> Any:
    """A partner with a representative, a channel, an action, a spearhead it leads and
    one it partners, an activity, a call and an attended stakeholder meeting."""
    org = OrganisationFactory(is_stakeholder=True)
    org.regions.add(RegionFactory())
    rep = RoleAssignmentFactory(role=Role.STAKEHOLDER, organisation=org).user
    ChannelFactory(organisation=org)
    ActionFactory(carrier_organisations=[org])
    SpearheadFactory(lead_organisation=org)
    partner = SpearheadFactory()
    partner.partners.add(org)
    ActivityFactory(spearhead=partner).partners.add(org)
    CallFactory(owner=org)
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=30))
    Invitation.objects.create(meeting=meeting, user=rep, organisation=org, attended=True)
    return org


def _course_rows() -> None:
    action = ActionFactory()
    ProgressUpdateFactory(action=action, date=datetime.date(2020, 1, 1))
    meeting = MeetingFactory()
    FollowUp.objects.create(
        meeting=meeting, title="Te laat", due_on=timezone.localdate() - datetime.timedelta(days=2)
    )
    RegionFactory()
    ActionProposal.objects.create(
        region=RegionFactory(), challenge=ChallengeFactory(), title="V", description="T"
    )
    ActionProposal.objects.filter(
        created_at__gte=timezone.now() - datetime.timedelta(days=1)
    ).update(created_at=timezone.now() - datetime.timedelta(days=60))
    SpearheadFactory()


def _policy_rows() -> None:
    n = PolicyContact.objects.count()
    contact = PolicyContact.objects.create(
        kind="letter",
        slug=f"brief-{n}",
        title=f"Brief {n}",
        date=datetime.date(2026, 1, 1),
        policy_makers="Minister",
        asked="Vraag.",
        is_published=True,
    )
    contact.challenges.add(ChallengeFactory())


def _count(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


PAGES: dict[str, tuple[Callable[[], Any], str, bool]] = {
    "register": (stakeholder_with_everything, "governance_manage:register", True),
    "course": (_course_rows, "governance_manage:course_watch", True),
    "stakeholders": (stakeholder_with_everything, "network:stakeholders", False),
    "policy": (_policy_rows, "governance:policy_list", False),
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_queries_do_not_grow_with_rows(page: str, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    current_plan()
    build, name, signed_in = PAGES[page]
    client = Client()
    if signed_in:
        user = RoleAssignmentFactory(role=Role.COORDINATOR).user
        give_totp(user)
        client.force_login(user)
    url = reverse(name)
    for _ in range(2):
        build()
    few = _count(client, url)
    for _ in range(6):
        build()
    many = _count(client, url)
    assert many == few, f"{page}: {few} queries for 2 rows, {many} for 8"


def test_a_meeting_page_costs_the_same_for_many_invitees_and_points() -> None:
    coordinator = RoleAssignmentFactory(role=Role.COORDINATOR).user
    give_totp(coordinator)
    client = Client()
    client.force_login(coordinator)
    earlier = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=90))
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=1))
    url = reverse("governance_manage:meeting_detail", args=[meeting.pk])

    def add(n: int) -> None:
        for _ in range(n):
            org = OrganisationFactory(is_stakeholder=True)
            rep = RoleAssignmentFactory(role=Role.STAKEHOLDER, organisation=org).user
            Invitation.objects.create(meeting=meeting, user=rep, organisation=org, attended=True)
            FollowUp.objects.create(meeting=meeting, title="Nu", owner=rep)
            FollowUp.objects.create(meeting=earlier, title="Eerder", owner=rep)

    add(2)
    few = _count(client, url)
    add(6)
    assert _count(client, url) == few
