from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sterk.core.models import OutboundEmail
from sterk.core.personal_data import subject_for
from sterk.events.models import EventType
from sterk.events.selectors import stakeholder_cadence
from sterk.events.tests.factories import EventFactory
from sterk.governance import personal_data, selectors, services
from sterk.governance.models import FollowUp, Invitation, MinutesStatus
from sterk.governance.tests.factories import ChannelFactory, MeetingFactory
from sterk.network.models import Organisation, Role
from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
    give_totp,
    people_of_every_role,
    scoping_mismatches,
)

pytestmark = pytest.mark.django_db
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    weliswaar = OrganisationFactory(name="Weliswaar", is_stakeholder=True)
    people = people_of_every_role(
        region=RegionFactory(slug="antwerpen"),
        other_region=RegionFactory(slug="limburg"),
        organisation=socius,
        other_organisation=weliswaar,
    )
    meeting = MeetingFactory(title="Met Socius")
    Invitation.objects.create(meeting=meeting, user=people["stakeholder"], organisation=socius)
    other = MeetingFactory(title="Met Weliswaar")
    Invitation.objects.create(
        meeting=other, user=people["other_stakeholder"], organisation=weliswaar
    )
    return {
        "people": people,
        "socius": socius,
        "weliswaar": weliswaar,
        "meeting": meeting,
        "other": other,
    }


def test_the_rules_and_the_scoping_selectors_agree(world) -> None:  # type: ignore[no-untyped-def]
    people = dict(world["people"])
    orgs = {"socius": world["socius"], "weliswaar": world["weliswaar"]}
    meetings = {"meeting": world["meeting"], "other": world["other"]}
    assert not scoping_mismatches(
        "governance.view_register_entry", selectors.register_entries_for, people, orgs
    )
    assert not scoping_mismatches(
        "governance.view_meeting", selectors.meetings_visible_to, people, meetings
    )


def test_a_representative_sees_only_their_own_entry_and_meetings(world) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world["people"]["stakeholder"])
    register = client.get(reverse("governance_manage:register")).content.decode()
    assert "Socius" in register and "Weliswaar" not in register
    meetings = client.get(reverse("governance_manage:meeting_list")).content.decode()
    assert "Met Socius" in meetings and "Met Weliswaar" not in meetings
    other_entry = reverse("governance_manage:register_entry", args=[world["weliswaar"].pk])
    assert client.get(other_entry).status_code == 403
    other_meeting = reverse("governance_manage:meeting_detail", args=[world["other"].pk])
    assert client.get(other_meeting).status_code == 403
    # The representative sees no "inactive" watch: that is the coordinator's.
    assert "active in the last year" not in register


@pytest.mark.parametrize("role", ["chair", "other_chair", "member"])
def test_chairs_and_members_are_refused_everywhere(world, role) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world["people"][role])
    for url in (
        reverse("governance_manage:register"),
        reverse("governance_manage:register_entry", args=[world["socius"].pk]),
        reverse("governance_manage:meeting_list"),
        reverse("governance_manage:meeting_detail", args=[world["meeting"].pk]),
        reverse("governance_manage:course_watch"),
        reverse("governance_manage:policy_list"),
    ):
        assert client.get(url).status_code == 403, url


def test_the_register_shows_who_was_not_active_for_a_year(world) -> None:  # type: ignore[no-untyped-def]
    now = timezone.now()
    old = MeetingFactory(starts_at=now - datetime.timedelta(days=400))
    Invitation.objects.create(
        meeting=old,
        user=world["people"]["stakeholder"],
        organisation=world["socius"],
        attended=True,
    )
    recent = MeetingFactory(starts_at=now - datetime.timedelta(days=20))
    Invitation.objects.create(
        meeting=recent,
        user=world["people"]["other_stakeholder"],
        organisation=world["weliswaar"],
        attended=True,
    )
    entries = {
        e.organisation.name: e
        for e in selectors.register_entries(
            selectors.register_entries_for(world["people"]["coordinator"]), now=now
        )
    }
    assert entries["Socius"].inactive(now)
    assert not entries["Weliswaar"].inactive(now)
    client = Client()
    client.force_login(world["people"]["coordinator"])
    page = client.get(reverse("governance_manage:register")).content.decode()
    assert "1 partner was niet actief in het voorbije jaar" in page


def test_channels_show_their_reach_on_the_public_page(world) -> None:  # type: ignore[no-untyped-def]
    ChannelFactory(organisation=world["socius"], title="Socius-nieuwsbrief", reach=4000)
    page = Client().get(reverse("network:stakeholders")).content.decode()
    assert "Socius-nieuwsbrief" in page and "4.000 professionals" in page


def _dt(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BRUSSELS)


def test_the_cadence_warns_eight_weeks_before_the_year_ends_without_a_second_meeting() -> None:
    EventFactory(
        type=EventType.STAKEHOLDER_MEETING,
        starts_at=_dt(2030, 3, 10, 14),
        ends_at=_dt(2030, 3, 10, 16),
    )
    assert not stakeholder_cadence(now=_dt(2030, 10, 1, 9)).deadline_warning  # 13 weeks left
    assert stakeholder_cadence(now=_dt(2030, 11, 6, 9)).deadline_warning  # 8 weeks left
    assert services.cadence_reminder_send(now=_dt(2030, 11, 6, 9)) == 0  # nobody to mail
    RoleAssignmentFactory(role=Role.COORDINATOR)
    assert services.cadence_reminder_send(now=_dt(2030, 11, 6, 9)) == 1
    assert services.cadence_reminder_send(now=_dt(2030, 11, 20, 9)) == 0  # never twice
    EventFactory(
        type=EventType.STAKEHOLDER_MEETING,
        starts_at=_dt(2030, 12, 1, 14),
        ends_at=_dt(2030, 12, 1, 16),
    )
    assert not stakeholder_cadence(now=_dt(2030, 11, 6, 9)).deadline_warning


def test_the_cadence_warns_before_june_when_no_meeting_is_planned_in_the_first_half() -> None:
    assert not stakeholder_cadence(now=_dt(2030, 4, 1, 9)).deadline_warning
    assert stakeholder_cadence(now=_dt(2030, 5, 10, 9)).deadline_warning
    EventFactory(
        type=EventType.STAKEHOLDER_MEETING,
        starts_at=_dt(2030, 6, 20, 14),
        ends_at=_dt(2030, 6, 20, 16),
    )
    assert not stakeholder_cadence(now=_dt(2030, 5, 10, 9)).deadline_warning


def test_the_quarterly_digest_goes_once_per_quarter(mailoutbox) -> None:  # type: ignore[no-untyped-def]
    RoleAssignmentFactory(role=Role.STEERING, user=UserFactory(email="stuur@example.org"))
    RoleAssignmentFactory(role=Role.COORDINATOR, user=UserFactory(email="coord@example.org"))
    assert services.digest_send(now=_dt(2030, 1, 5, 8)) == 2
    assert services.digest_send(now=_dt(2030, 3, 30, 8)) == 0
    assert services.digest_send(now=_dt(2030, 4, 1, 8)) == 2
    keys = set(OutboundEmail.objects.values_list("key", flat=True))
    assert "governance.digest:2030-Q1:stuur@example.org" in keys
    from sterk.core.outbox import drain

    meeting = MeetingFactory(starts_at=_dt(2030, 1, 20, 14), ends_at=_dt(2030, 1, 20, 16))
    FollowUp.objects.create(
        meeting=meeting, title="Te laat opgevolgd", due_on=datetime.date(2030, 6, 1)
    )
    assert services.digest_send(now=_dt(2030, 7, 2, 8)) == 2
    drain()
    july = [m for m in mailoutbox if "2030-Q3" in m.subject]
    assert len(july) == 2
    assert "Te laat opgevolgd" in july[0].body
    assert "/beheer/koers/" in july[0].body


def test_the_scheduled_command_is_idempotent() -> None:  # type: ignore[no-untyped-def]
    from io import StringIO

    from django.core.management import call_command

    RoleAssignmentFactory(role=Role.STEERING)
    out = StringIO()
    call_command("send_governance_mail", stdout=out)
    call_command("send_governance_mail", stdout=out)
    assert "digest: 1 enqueued" in out.getvalue()
    assert "digest: 0 enqueued" in out.getvalue()
    assert OutboundEmail.objects.filter(kind="governance.digest").count() == 1


def test_minutes_rules() -> None:
    coordinator = RoleAssignmentFactory(role=Role.COORDINATOR).user
    first = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=100))
    second = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=10))
    with pytest.raises(ValidationError):
        services.minutes_publish(actor=coordinator, meeting=first, publish=True)
    with pytest.raises(ValidationError):
        services.minutes_approve(actor=coordinator, meeting=first, at=second)  # no draft yet
    services.minutes_save(actor=coordinator, meeting=first, minutes="Verslag.")
    with pytest.raises(ValidationError):
        services.minutes_approve(actor=coordinator, meeting=second, at=first)  # earlier
    services.minutes_approve(actor=coordinator, meeting=first, at=second)
    assert first.minutes_status == MinutesStatus.APPROVED
    with pytest.raises(ValidationError):
        services.minutes_save(actor=coordinator, meeting=first, minutes="Anders.")


def test_bad_input_keeps_what_was_typed() -> None:
    coordinator = RoleAssignmentFactory(role=Role.COORDINATOR).user
    give_totp(coordinator)
    client = Client()
    client.force_login(coordinator)
    response = client.post(
        reverse("governance_manage:meeting_create"),
        {
            "kind": "stakeholder",
            "title": "Mijn vergadering",
            "starts_at": "2030-05-01T14:00",
            "ends_at": "2030-05-01T12:00",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mijn vergadering" in page
    meeting = MeetingFactory()
    response = client.post(
        reverse("governance_manage:meeting_follow_up", args=[meeting.pk]),
        {"title": "", "due_on": "morgen"},
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not FollowUp.objects.filter(meeting=meeting).exists()


def test_personal_data_export_and_erase() -> None:
    user = UserFactory()
    meeting = MeetingFactory()
    Invitation.objects.create(meeting=meeting, user=user, attended=True)
    point = FollowUp.objects.create(meeting=meeting, title="Doen", owner=user)
    subject = subject_for(user)
    data = personal_data.export(subject)
    assert data["meeting_invitations"][0]["attended"] is True
    assert data["follow_up_points"][0]["title"] == "Doen"
    personal_data.erase(subject)
    assert not Invitation.objects.filter(user=user).exists()
    point.refresh_from_db()
    assert point.owner is None


def test_the_content_and_demo_loaders(settings) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    from sterk.governance.models import Body, Meeting, PolicyContact

    call_command("load_governance", verbosity=0)
    call_command("load_governance", verbosity=0)
    body = Body.objects.get(slug="stakeholdersmeeting")
    assert body.meetings_per_year == 2 and body.title_fr
    assert Body.objects.count() == 2
    settings.DEBUG = True
    call_command("load_actionplan", verbosity=0)
    call_command("load_events_demo", verbosity=0)
    call_command("load_governance_demo", verbosity=0)
    call_command("load_governance_demo", verbosity=0)
    meeting = Meeting.objects.get(event__slug="demo-stakeholdersmeeting-voorjaar")
    assert meeting.is_demo and meeting.follow_ups.count() == 2
    assert meeting.minutes_status == MinutesStatus.DRAFT
    assert PolicyContact.objects.filter(is_demo=True).count() == 2
    public = Client().get(reverse("governance:policy_list")).content.decode()
    assert "Advies bij de conceptnota welzijnsbeleid (demo)" in public
    assert "Brief over werkdruk" not in public


def test_a_call_counts_as_a_commitment_for_a_year_after_it_closed() -> None:
    from sterk.practices.tests.factories import CallFactory

    org = OrganisationFactory(is_stakeholder=True)
    today = timezone.localdate()
    CallFactory(
        owner=org,
        opens_on=today - datetime.timedelta(days=500),
        closes_on=today - datetime.timedelta(days=400),
    )
    assert selectors.commitments_of([org.pk])[org.pk].count == 0
    assert selectors.register_entry(org).inactive(timezone.now())
    CallFactory(
        owner=org,
        opens_on=today - datetime.timedelta(days=200),
        closes_on=today - datetime.timedelta(days=100),
    )
    assert selectors.commitments_of([org.pk])[org.pk].count == 1
    assert not selectors.register_entry(org).inactive(timezone.now())


def test_a_policy_contact_cites_survey_findings_only_while_their_follow_up_is_public() -> None:
    """ "On what": a contact with policy makers can cite what professionals said in a survey;
    the public page shows a finding only while the survey's follow-up page is published."""
    from sterk.governance.forms import PolicyContactForm
    from sterk.governance.models import PolicyContact
    from sterk.surveys.models import Finding
    from sterk.surveys.tests.factories import small_survey

    survey, _questions = small_survey()
    survey.followup_published_at = timezone.now()
    survey.save()
    finding = Finding.objects.create(survey=survey, statement_nl="Te veel administratie.")
    hidden_survey, _ = small_survey()
    hidden = Finding.objects.create(survey=hidden_survey, statement_nl="Nog niet publiek.")
    form = PolicyContactForm()
    offered = set(form.fields["findings"].queryset)  # type: ignore[attr-defined]
    assert finding in offered and hidden not in offered
    contact = PolicyContact.objects.create(
        kind="letter",
        slug="brief-administratie",
        title="Brief over administratie",
        date=datetime.date(2026, 3, 1),
        policy_makers="Minister",
        asked="Minder administratie.",
        is_published=True,
    )
    contact.findings.set([finding])
    url = reverse("governance:policy_detail", args=[contact.slug])
    page = Client().get(url).content.decode()
    assert "Te veel administratie." in page
    assert reverse("surveys:followup", args=[survey.slug]) in page
    survey.followup_published_at = None
    survey.save()
    assert "Te veel administratie." not in Client().get(url).content.decode()


def test_the_dashboards_inactive_count_agrees_with_the_register() -> None:
    """The dashboard counts inactive stakeholders in one query (#14); it must say what the
    register says, for every way of being active and for each of them falling out of the
    year (or out of the current plan)."""
    from sterk.actionplan.tests.factories import (
        ActionFactory,
        ActivityFactory,
        PlanFactory,
        SpearheadFactory,
    )
    from sterk.practices.tests.factories import CallFactory

    now = timezone.now()
    today = timezone.localdate()
    orgs = {name: OrganisationFactory(name=name, is_stakeholder=True) for name in "ABCDEFGHIJ"}
    OrganisationFactory(name="Geen partner")  # not a stakeholder: never counted
    recent = MeetingFactory(starts_at=now - datetime.timedelta(days=20))
    old = MeetingFactory(starts_at=now - datetime.timedelta(days=400))
    for meeting, org, attended in ((recent, "A", True), (recent, "B", False), (old, "C", True)):
        Invitation.objects.create(
            meeting=meeting, user=UserFactory(), organisation=orgs[org], attended=attended
        )
    ActionFactory(carrier_organisations=[orgs["D"]])
    SpearheadFactory(lead_organisation=orgs["E"])
    SpearheadFactory(partners=[orgs["F"]])
    ActivityFactory().partners.add(orgs["G"])
    CallFactory(
        owner=orgs["H"],
        opens_on=today - datetime.timedelta(days=200),
        closes_on=today - datetime.timedelta(days=100),
    )
    SpearheadFactory(plan=PlanFactory(is_current=False), lead_organisation=orgs["I"])
    # J: nothing at all.

    def by_register() -> set[str]:
        entries = selectors.register_entries(Organisation.objects.stakeholders(), now=now)
        return {e.organisation.name for e in entries if e.inactive(now)}

    assert by_register() == {"B", "C", "I", "J"}
    assert selectors.inactive_count(now=now) == 4
    later = now + datetime.timedelta(days=400)  # every dated activity has fallen out
    entries = selectors.register_entries(Organisation.objects.stakeholders(), now=later)
    assert selectors.inactive_count(now=later) == sum(e.inactive(later) for e in entries)


def test_the_governance_panel_changes_by_the_clock_at_a_meetings_end_and_a_year_after() -> None:
    # The dashboard keeps its panels per clock moment (#14): these are the moments.
    from sterk.core import pagecache

    now = _dt(2030, 3, 1, 9)
    assert selectors.clock_moments(now) == [None, None]
    held = MeetingFactory(starts_at=_dt(2030, 2, 10, 14), ends_at=_dt(2030, 2, 10, 16))
    coming = MeetingFactory(starts_at=_dt(2030, 3, 10, 14), ends_at=_dt(2030, 3, 10, 16))
    ends, window = selectors.clock_moments(now)
    assert ends == coming.ends_at
    assert window == held.starts_at + selectors.INACTIVE_AFTER
    assert pagecache.next_change(_dt(2030, 3, 10, 15)) == coming.ends_at


def test_the_kept_cadence_warns_from_the_moment_of_each_request(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sterk.events import selectors as events_selectors

    EventFactory(
        type=EventType.STAKEHOLDER_MEETING,
        starts_at=_dt(2030, 3, 10, 14),
        ends_at=_dt(2030, 3, 10, 16),
    )
    monkeypatch.setattr(timezone, "now", lambda: _dt(2030, 10, 1, 9))
    assert not events_selectors.current_stakeholder_cadence().deadline_warning
    monkeypatch.setattr(timezone, "now", lambda: _dt(2030, 11, 6, 9))
    cadence = events_selectors.current_stakeholder_cadence()
    assert cadence.deadline_warning and cadence.count == 1
