"""The issue's "done means" as one journey: a coordinator plans a stakeholder meeting,
invites, records attendance and minutes with two follow-up points; the steering group
sees them on the course watch; one is closed at the next meeting; a partner's
commitments show publicly."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sterk.actionplan.tests.factories import ActionFactory, SpearheadFactory
from sterk.core.models import AuditEntry, OutboundEmail
from sterk.core.outbox import drain
from sterk.governance.models import FollowUp, FollowUpStatus, Meeting, MinutesStatus
from sterk.network.models import Role
from sterk.network.tests.factories import (
    OrganisationFactory,
    RoleAssignmentFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db


def _login(user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_governance_journey(settings) -> None:  # type: ignore[no-untyped-def]
    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    ActionFactory(title_nl="Sociaal werk zichtbaar maken", carrier_organisations=[socius])
    SpearheadFactory(title_nl="Werken in vertrouwen", lead_organisation=socius)
    coordinator = RoleAssignmentFactory(role=Role.COORDINATOR).user
    give_totp(coordinator)
    rep = RoleAssignmentFactory(
        role=Role.STAKEHOLDER,
        organisation=socius,
        user=UserFactory(first_name="Sara", last_name="Socius", email="sara@socius.be"),
    ).user
    give_totp(rep)
    steering = RoleAssignmentFactory(role=Role.STEERING).user
    c = _login(coordinator)

    # Plan a stakeholder meeting (in the past, so we can record attendance).
    start = timezone.localtime() - datetime.timedelta(days=40)
    response = c.post(
        reverse("governance_manage:meeting_create"),
        {
            "kind": "stakeholder",
            "title": "Stakeholdersmeeting voorjaar",
            "starts_at": start.strftime("%Y-%m-%dT14:00"),
            "ends_at": start.strftime("%Y-%m-%dT16:00"),
            "location": "Brussel",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(title="Stakeholdersmeeting voorjaar")
    detail = reverse("governance_manage:meeting_detail", args=[meeting.pk])
    c.post(
        reverse("governance_manage:agenda_item_create", args=[meeting.pk]),
        {"order": 1, "title": "Stand van het actieplan"},
    )
    # Invite the representatives and send the invitations (with the .ics), never twice.
    c.post(reverse("governance_manage:meeting_invite", args=[meeting.pk]))
    invitations = list(meeting.invitations.select_related("user"))
    assert {i.user for i in invitations} == {coordinator, rep}
    c.post(reverse("governance_manage:meeting_send_invitations", args=[meeting.pk]))
    c.post(reverse("governance_manage:meeting_send_invitations", args=[meeting.pk]))
    assert OutboundEmail.objects.filter(kind="governance.invitation").count() == 2
    drain()
    invite = next(m for m in mail.outbox if "sara@socius.be" in m.to)
    assert "Stand van het actieplan" in invite.body
    assert invite.attachments[0][0] == "meeting.ics"
    assert "BEGIN:VEVENT" in invite.attachments[0][1]

    # Record attendance, minutes and two follow-up points.
    rep_invitation = next(i for i in invitations if i.user == rep)
    c.post(
        reverse("governance_manage:meeting_attendance", args=[meeting.pk]),
        {"present": [str(rep_invitation.pk)]},
    )
    c.post(
        reverse("governance_manage:meeting_minutes", args=[meeting.pk]),
        {"minutes": "We bespraken **het actieplan**.<script>alert(1)</script>"},
    )
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    past_due = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
    later = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    c.post(
        reverse("governance_manage:meeting_follow_up", args=[meeting.pk]),
        {"title": "Nieuwsbrief-oproep verspreiden", "owner": str(rep.pk), "due_on": past_due},
    )
    c.post(
        reverse("governance_manage:meeting_follow_up", args=[meeting.pk]),
        {"title": "Praktijken verzamelen", "owner": "", "due_on": later},
    )
    assert FollowUp.objects.filter(meeting=meeting).count() == 2
    page = c.get(detail).content.decode()
    assert "<script>alert(1)</script>" not in page and "<strong>het actieplan</strong>" in page

    # The steering group sees the past-due point on the course watch.
    watch = _login(steering).get(reverse("governance_manage:course_watch"))
    assert watch.status_code == 200
    assert "Nieuwsbrief-oproep verspreiden" in watch.content.decode()
    assert "Praktijken verzamelen" not in watch.content.decode()

    # The next meeting: both points come back on its agenda; one is closed there, and the
    # minutes of the first meeting are approved there, then published.
    nxt = Meeting.objects.create(
        kind="stakeholder",
        title="Stakeholdersmeeting najaar",
        starts_at=timezone.now() - datetime.timedelta(days=1),
        ends_at=timezone.now() - datetime.timedelta(hours=22),
    )
    next_page = c.get(reverse("governance_manage:meeting_detail", args=[nxt.pk])).content.decode()
    assert "Nieuwsbrief-oproep verspreiden" in next_page and "Praktijken verzamelen" in next_page
    point = FollowUp.objects.get(title="Nieuwsbrief-oproep verspreiden")
    c.post(
        reverse("governance_manage:follow_up_close", args=[nxt.pk, point.pk]), {"status": "done"}
    )
    point.refresh_from_db()
    assert point.status == FollowUpStatus.DONE and point.closed_in == nxt
    c.post(reverse("governance_manage:meeting_approve_previous", args=[nxt.pk]))
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert meeting.minutes_approved_in == nxt
    c.post(reverse("governance_manage:meeting_publish", args=[meeting.pk]))
    c.post(reverse("governance_manage:meeting_send_minutes", args=[meeting.pk]))
    assert OutboundEmail.objects.filter(kind="governance.minutes").count() == 2
    watch = _login(steering).get(reverse("governance_manage:course_watch")).content.decode()
    assert "Nieuwsbrief-oproep verspreiden" not in watch

    # Public: the partner's commitments and the published minutes.
    public = Client().get(reverse("network:stakeholders")).content.decode()
    assert "Sociaal werk zichtbaar maken" in public and "Werken in vertrouwen" in public
    assert reverse("governance:meeting_minutes", args=[meeting.pk]) in public
    minutes = Client().get(reverse("governance:meeting_minutes", args=[meeting.pk]))
    assert minutes.status_code == 200
    # The next meeting's minutes are not approved: not public.
    assert Client().get(reverse("governance:meeting_minutes", args=[nxt.pk])).status_code == 404

    # The register: the representative attended, so Socius is active.
    register = c.get(reverse("governance_manage:register")).content.decode()
    assert "Elke partner was actief in het voorbije jaar." in register
    # Every step was audited.
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "governance.meeting_create",
        "governance.invitations_send",
        "governance.attendance_record",
        "governance.minutes_save",
        "governance.follow_up_add",
        "governance.follow_up_close",
        "governance.minutes_approve",
        "governance.minutes_publish",
    } <= actions
