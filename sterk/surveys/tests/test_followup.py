"""Jullie zeiden, wij deden: findings, action points, a proposal the steering group
approves, the follow-up page, the action's page, and the mails (once each)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sterk.actionplan import services as actionplan_services
from sterk.actionplan.models import ActionProposal
from sterk.actionplan.tests.factories import ActionFactory, ChallengeFactory, steering_member
from sterk.core.models import OutboundEmail
from sterk.network.tests.factories import UserFactory
from sterk.surveys import services
from sterk.surveys.models import ActionPoint, Finding, Participation, PointStatus
from sterk.surveys.tests.factories import small_survey
from sterk.surveys.tests.test_builder import chair_client
from sterk.surveys.tests.test_results import fill

pytestmark = pytest.mark.django_db


def informed(survey: Any, n: int) -> None:
    for i in range(n):
        Participation.objects.create(
            survey=survey,
            user=UserFactory(email=f"lid{i}@example.org"),
            token=services.new_token(),
            submitted=True,
            keep_informed=True,
        )
    Participation.objects.create(
        survey=survey, email="stil@example.org", token=services.new_token(), submitted=True
    )


def test_chair_writes_follow_up_and_proposal_becomes_an_action() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 8, yes=5)
    informed(survey, 2)
    challenge = ChallengeFactory()
    client = chair_client(survey.region)
    base = f"/nl/beheer/bevragingen/{survey.pk}/opvolging/"
    r = client.post(
        base + "bevinding/nieuw/",
        {"statement_nl": "Vijf op acht werken vooral digitaal.", "questions": [qs[0].pk]},
    )
    assert r.status_code == 302
    finding = Finding.objects.get()
    r = client.post(
        base + f"bevinding/{finding.pk}/punt/nieuw/",
        {
            "title_nl": "Een lerend netwerk digitaal werken",
            "status": "planned",
            "responsible": "Regio",
        },
    )
    assert r.status_code == 302
    point = ActionPoint.objects.get()
    r = client.post(
        base + f"punt/{point.pk}/voorstel/",
        {"challenge": challenge.pk, "description": "Professionals vragen erom."},
    )
    assert r.status_code == 302
    proposal = ActionProposal.objects.get()
    assert proposal.region == survey.region and proposal.status == "submitted"
    point.refresh_from_db()
    assert point.proposal == proposal and point.effective_status == PointStatus.PROPOSED

    # Publishing the follow-up mails the two who asked, once.
    assert client.post(base + "publiceren/", {"publish": "1"}).status_code == 302
    client.post(base + "publiceren/", {"publish": "1"})
    sent = OutboundEmail.objects.filter(key__startswith="surveys.followup:")
    assert sorted(sent.values_list("to", flat=True)) == ["lid0@example.org", "lid1@example.org"]

    # The steering group approves in the action plan; the point follows the action.
    action = actionplan_services.proposal_approve(actor=steering_member(), proposal=proposal)
    point.refresh_from_db()
    assert point.linked_action() == action
    page = Client().get(reverse("surveys:followup", kwargs={"slug": survey.slug})).content.decode()
    assert "Vijf op acht werken vooral digitaal." in page and action.get_absolute_url() in page
    action_page = Client().get(action.get_absolute_url()).content.decode()
    assert "Vijf op acht werken vooral digitaal." in action_page

    # The action completes: the cron mails "done" once.
    type(action).objects.filter(pk=action.pk).update(status="completed")
    call_command("send_survey_updates", verbosity=0)
    call_command("send_survey_updates", verbosity=0)
    done = OutboundEmail.objects.filter(key__startswith="surveys.point_done:")
    assert done.count() == 2


def test_point_linked_to_an_existing_action_and_set_done_by_hand() -> None:
    survey, _qs = small_survey()
    informed(survey, 1)
    finding = services.finding_create(actor=None, survey=survey, data={"statement_nl": "Zorgen."})  # type: ignore[arg-type]
    services.followup_publish(actor=None, survey=survey, publish=True)  # type: ignore[arg-type]
    action = ActionFactory()
    linked = services.point_create(
        actor=None, finding=finding, data={"title_nl": "Gekoppeld", "action": action}
    )  # type: ignore[arg-type]
    assert linked.effective_status == PointStatus.PLANNED
    point = services.point_create(actor=None, finding=finding, data={"title_nl": "Met de hand"})  # type: ignore[arg-type]
    services.point_update(actor=None, point=point, data={"status": "done"})  # type: ignore[arg-type]
    services.point_update(actor=None, point=point, data={"status": "done"})  # type: ignore[arg-type]
    assert (
        OutboundEmail.objects.filter(key__startswith=f"surveys.point_done:{point.pk}:").count() == 1
    )


def test_unpublished_follow_up_is_not_public() -> None:
    survey, _qs = small_survey()
    assert (
        Client().get(reverse("surveys:followup", kwargs={"slug": survey.slug})).status_code == 404
    )


def test_chair_of_another_region_cannot_touch_the_follow_up() -> None:
    from sterk.network.tests.factories import RegionFactory

    survey, _qs = small_survey()
    client = chair_client(RegionFactory())
    assert client.get(f"/nl/beheer/bevragingen/{survey.pk}/opvolging/").status_code == 403
    assert (
        client.post(
            f"/nl/beheer/bevragingen/{survey.pk}/opvolging/publiceren/", {"publish": "1"}
        ).status_code
        == 403
    )
    assert client.get(f"/nl/beheer/bevragingen/{survey.pk}/resultaten/").status_code == 403
    assert client.get(f"/nl/beheer/bevragingen/{survey.pk}/export.csv").status_code == 403


def test_an_action_point_links_only_events_anyone_may_see() -> None:
    """The follow-up page is public: an action point offers, and shows, only public listed
    events; an invited-roles meeting (or a members' event) keeps its title off the page."""
    from django.utils import timezone

    from sterk.events.tests.factories import EventFactory
    from sterk.surveys.forms import PointForm

    open_event = EventFactory(title_nl="Open studiedag", visibility="public")
    meeting = EventFactory(
        title_nl="Stuurgroep intern", visibility="roles", invited_roles=["steering"]
    )
    members = EventFactory(title_nl="Ledenavond", visibility="members")
    offered = set(PointForm().fields["event"].queryset)  # type: ignore[attr-defined]
    assert open_event in offered and meeting not in offered and members not in offered
    survey, _questions = small_survey()
    survey.followup_published_at = timezone.now()
    survey.save()
    finding = Finding.objects.create(survey=survey, statement_nl="Meer ontmoeting.")
    ActionPoint.objects.create(finding=finding, title_nl="Studiedag", event=open_event)
    ActionPoint.objects.create(finding=finding, title_nl="Bespreken", event=meeting)
    page = Client().get(reverse("surveys:followup", args=[survey.slug])).content.decode()
    assert "Open studiedag" in page and "Stuurgroep intern" not in page
