"""The governance through the API: the published contacts with policy makers the policy
page lists and the published minutes the stakeholders page links to; never an unpublished
contact, a meeting's draft minutes, its invitations or the register."""

import datetime
import itertools
import json

import pytest
from django.utils import timezone

from sterk.actionplan.tests.factories import ActionFactory, ChallengeFactory
from sterk.governance.models import (
    AgendaItem,
    Decision,
    Invitation,
    MeetingKind,
    MinutesStatus,
    PolicyContact,
)
from sterk.governance.tests.factories import MeetingFactory, at
from sterk.network.tests.factories import OrganisationFactory, RegionFactory, UserFactory
from sterk.surveys.models import Finding
from sterk.surveys.tests.factories import SurveyFactory

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    get_json,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db

POLICY_LINK = r'<h2><a href="/nl/beleid/([\w-]+)/">'
MINUTES_LINK = r'href="/nl/stakeholders/vergaderingen/(\d+)/"'
_days = itertools.count(1)


def contact(**kwargs):
    kwargs.setdefault("slug", f"contact-{next(_days)}")
    kwargs.setdefault("date", timezone.localdate() - datetime.timedelta(days=next(_days)))
    return PolicyContact.objects.create(
        kind=kwargs.pop("kind", "letter"),
        title=kwargs.pop("title", "Brief aan de minister"),
        policy_makers="Kabinet Welzijn",
        asked="Meer **ruimte** voor outreach.",
        is_published=kwargs.pop("is_published", True),
        **kwargs,
    )


def minutes(days_ago=30, **kwargs):
    kwargs.setdefault("minutes_status", MinutesStatus.APPROVED)
    kwargs.setdefault("minutes_published", True)
    return MeetingFactory(starts_at=at(-days_ago), minutes="Verslag", **kwargs)


def test_the_contacts_are_those_the_policy_page_lists(client):
    for _ in range(3):
        contact()
    contact(slug="verborgen", is_published=False)
    api = {c["slug"] for c in all_results(client, "/api/v1/policy-contacts?limit=2")}
    shown = page_links(client, "/nl/beleid/", POLICY_LINK)
    assert api == shown and len(api) == 3 and "verborgen" not in api


def test_a_contact_shows_its_ties_and_only_public_findings(client):
    record = contact(slug="brief", answer="Een antwoord.")
    challenge, action = ChallengeFactory(), ActionFactory()
    record.challenges.add(challenge)
    record.actions.add(action)
    public = SurveyFactory(slug="publiek", followup_published_at=timezone.now())
    hidden = SurveyFactory(slug="offline")
    record.findings.add(
        Finding.objects.create(survey=public, statement_nl="Het weegt."),
        Finding.objects.create(survey=hidden, statement_nl="Nog niet publiek."),
    )
    body = get_json(client, "/api/v1/policy-contacts/brief")
    assert body["url"].endswith("/nl/beleid/brief/")
    assert body["date"] == record.date.isoformat()
    assert body["kind"] == "letter" and body["answer"] == "Een antwoord."
    [linked_challenge], [linked_action] = body["challenges"], body["actions"]
    assert linked_challenge["url"].endswith(challenge.get_absolute_url())
    assert linked_action["url"].endswith(action.get_absolute_url())
    [finding] = body["findings"]
    assert finding["statement"] == "Het weegt."
    assert finding["url"].endswith("/nl/bevragingen/publiek/opvolging/")
    page = client.get("/nl/beleid/brief/").content.decode()
    assert "Het weegt." in page and "Nog niet publiek." not in page


def test_the_minutes_are_those_the_stakeholders_page_links_to(client):
    shown_minutes = [minutes(days) for days in (10, 20, 30)]
    draft = minutes(40, minutes_status=MinutesStatus.DRAFT, minutes_published=False)
    unpublished = minutes(50, minutes_published=False)
    steering = MeetingFactory(
        kind=MeetingKind.STEERING, starts_at=at(-60), minutes_status=MinutesStatus.APPROVED
    )
    api = [m["id"] for m in all_results(client, "/api/v1/meetings?limit=2")]
    shown = {int(pk) for pk in page_links(client, "/nl/stakeholders/", MINUTES_LINK)}
    assert set(api) == shown == {m.pk for m in shown_minutes}
    assert api == [m.pk for m in shown_minutes]  # newest first
    for meeting in (draft, unpublished, steering):
        assert client.get(f"/nl/stakeholders/vergaderingen/{meeting.pk}/").status_code == 404
        response = client.get(f"/api/v1/meetings/{meeting.pk}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_the_minutes_show_agenda_and_decisions_and_nobody_invited(client):
    approving = MeetingFactory(starts_at=at(-5))
    meeting = minutes(40, minutes_approved_in=approving)
    AgendaItem.objects.create(meeting=meeting, order=1, title="Welkom", description="Intern")
    Decision.objects.create(meeting=meeting, text="We starten een lerend netwerk.")
    guest = UserFactory(first_name="Geheime", last_name="Gast", email="gast@example.org")
    Invitation.objects.create(meeting=meeting, user=guest, attended=True)
    response = client.get(f"/api/v1/meetings/{meeting.pk}")
    body = json.loads(response.content)
    assert body["agenda"] == ["Welkom"] and body["decisions"] == ["We starten een lerend netwerk."]
    assert body["minutes"] == "Verslag"
    assert body["minutes_approved_at"][-6:] in ("+01:00", "+02:00")
    assert body["url"].endswith(f"/nl/stakeholders/vergaderingen/{meeting.pk}/")
    for private in (b"Gast", b"gast@example.org", b"Intern"):
        assert private not in response.content


def test_an_unpublished_contact_is_a_problem_detail(client):
    contact(slug="verborgen", is_published=False)
    assert client.get("/nl/beleid/verborgen/").status_code == 404
    response = client.get("/api/v1/policy-contacts/verborgen")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_lists_take_a_constant_number_of_queries(client):
    survey = SurveyFactory(followup_published_at=timezone.now())

    def grow_contacts(n):
        for _ in range(n):
            record = contact()
            record.challenges.add(ChallengeFactory())
            record.actions.add(ActionFactory())
            record.findings.add(Finding.objects.create(survey=survey, statement_nl="B"))

    def grow_minutes(n):
        for _ in range(n):
            meeting = minutes(next(_days), minutes_approved_in=MeetingFactory())
            AgendaItem.objects.create(meeting=meeting, title="Punt")
            Decision.objects.create(meeting=meeting, text="Besluit")

    assert_constant_queries(
        client, "/api/v1/policy-contacts?limit=100", grow_contacts, small=3, large=30
    )
    assert_constant_queries(client, "/api/v1/meetings?limit=100", grow_minutes, small=3, large=30)


def test_a_session_of_any_role_changes_nothing(client):
    region, other = RegionFactory(), RegionFactory()
    record = contact()
    meeting = minutes()
    MeetingFactory()  # no minutes: a representative invited sees it in the management area
    everyone = people(
        region=region,
        other_region=other,
        organisation=OrganisationFactory(is_stakeholder=True),
        other_organisation=OrganisationFactory(),
    )
    Invitation.objects.create(meeting=meeting, user=everyone["stakeholder"])
    assert_same_for_everyone(
        client,
        [
            "/api/v1/policy-contacts",
            f"/api/v1/policy-contacts/{record.slug}",
            "/api/v1/meetings",
            f"/api/v1/meetings/{meeting.pk}",
        ],
        everyone,
    )
