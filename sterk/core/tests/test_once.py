"""Double submits: the same form posted twice (a double click, a reload) makes one row and
both answers are the same success page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from sterk.core.models import FormSubmission
from sterk.core.once import FIELD, new_token
from sterk.network.models import ContactRequest, Role
from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_totp(settings):
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The contact form allows a few requests per address and hour, counted in the cache.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def token_in(page: str) -> str:
    marker = f'name="{FIELD}" value="'
    assert marker in page, "the form carries its one-time token"
    return page.split(marker, 1)[1].split('"', 1)[0]


def post_twice(client, url, data):
    token = token_in(client.get(url).content.decode())
    first = client.post(url, {**data, FIELD: token})
    second = client.post(url, {**data, FIELD: token})
    assert first.status_code == 302, first.content.decode()[:2000]
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    return first


def test_contact_twice_makes_one_request(client, django_capture_on_commit_callbacks, mailoutbox):
    RoleAssignmentFactory(user=UserFactory(), role=Role.COORDINATOR)
    data = {
        "name": "Jan Claes",
        "email": "jan@example.org",
        "topic": "join",
        "message": "Ik wil graag meewerken.",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        post_twice(client, "/nl/contact/", data)
    assert ContactRequest.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_form_with_errors_keeps_its_token_and_can_be_sent_after_fixing(client):
    RoleAssignmentFactory(user=UserFactory(), role=Role.COORDINATOR)
    page = client.get("/nl/contact/").content.decode()
    token = token_in(page)
    bad = client.post("/nl/contact/", {"name": "Jan", "email": "geen", FIELD: token})
    assert bad.status_code == 200
    assert token_in(bad.content.decode()) == token
    data = {"name": "Jan", "email": "jan@example.org", "topic": "join", "message": "Hoi"}
    good = client.post("/nl/contact/", {**data, "consent": "on", FIELD: token})
    assert good.status_code == 302
    assert ContactRequest.objects.count() == 1


def test_two_renders_give_two_tokens_and_two_requests(client):
    RoleAssignmentFactory(user=UserFactory(), role=Role.COORDINATOR)
    data = {
        "name": "Jan",
        "email": "jan@example.org",
        "topic": "join",
        "message": "Hoi",
        "consent": "on",
    }
    for _ in range(2):
        token = token_in(client.get("/nl/contact/").content.decode())
        assert client.post("/nl/contact/", {**data, FIELD: token}).status_code == 302
    assert ContactRequest.objects.count() == 2


def test_a_call_story_twice_makes_one_practice(client):
    from sterk.practices.models import Practice
    from sterk.practices.tests.factories import CallFactory, call_story_form

    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    call = CallFactory(owner=socius, slug="politiserend")
    form = call_story_form()
    post_twice(client, call.get_absolute_url(), form)
    assert Practice.objects.filter(call=call).count() == 1


def test_sharing_a_practice_twice_makes_one_practice(client):
    from sterk.practices.models import Practice

    member = UserFactory()
    client.force_login(member)
    form = {
        "title_nl": "Buurtwerk",
        "summary_nl": "Samen meubels maken.",
        "language": "nl",
        "draft": "1",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
    }
    post_twice(client, reverse("practices:practice_create"), form)
    assert Practice.objects.filter(submitted_by=member).count() == 1


def test_proposing_an_action_twice_makes_one_proposal(client):
    from sterk.actionplan.models import ActionProposal
    from sterk.actionplan.tests.factories import ChallengeFactory, current_plan

    region = RegionFactory(slug="antwerpen")
    chair = RoleAssignmentFactory(role=Role.CHAIR, region=region).user
    challenge = ChallengeFactory(plan=current_plan())
    client.force_login(chair)
    data = {
        "region": region.pk,
        "challenge": challenge.pk,
        "title": "Een buurtloket",
        "description": "Samen met het OCMW.",
    }
    post_twice(client, reverse("actionplan_manage:proposal_create"), data)
    assert ActionProposal.objects.count() == 1


def test_messaging_all_registrants_twice_mails_them_once(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    from sterk.events import services
    from sterk.events.tests.factories import EventFactory, coordinator

    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):  # its e-mail goes now
        services.registration_create(event=event, user=UserFactory())
    client.force_login(coordinator())
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_twice(
            client,
            reverse("events_manage:message", args=[event.pk]),
            {"subject": "Praktisch", "body": "Neem een laptop mee."},
        )
    assert event.messages.count() == 1
    assert len([m for m in mailoutbox if m.subject.endswith("Praktisch")]) <= 1
    assert len(mailoutbox) == 1


def test_tokens_are_random_and_old_ones_are_pruned():
    assert new_token() != new_token()
    assert FormSubmission.objects.count() == 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="real concurrent writers: PostgreSQL (SQLite's IMMEDIATE mode serialises them)",
)
def test_simultaneous_double_submits_make_one_request_on_postgresql():
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections
    from django.test import Client

    RoleAssignmentFactory(user=UserFactory(), role=Role.COORDINATOR)
    token = new_token()
    data = {
        "name": "Jan",
        "email": "jan@example.org",
        "topic": "join",
        "message": "Hoi",
        "consent": "on",
        FIELD: token,
    }
    barrier = threading.Barrier(4)

    def post(_: int) -> tuple[int, str]:
        try:
            barrier.wait(timeout=5)
            response = Client().post("/nl/contact/", data)
            return response.status_code, response.get("Location", "")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(post, range(4)))
    assert {status for status, _ in results} == {302}
    assert len({location for _, location in results}) == 1
    assert ContactRequest.objects.count() == 1


def test_creating_an_event_twice_makes_one_event(client):
    from sterk.events.models import Event
    from sterk.events.tests.factories import coordinator

    client.force_login(coordinator())
    data = {
        "title_nl": "Bijeenkomst",
        "type": "gathering",
        "audience": "everyone",
        "organiser": "platform",
        "format": "online",
        "starts_at": "2027-03-01T10:00",
        "ends_at": "2027-03-01T12:00",
        "price": "0",
        "offer_hours": "0",
        "visibility": "public",
    }
    post_twice(client, reverse("events_manage:event_create"), data)
    assert Event.objects.count() == 1


def test_creating_a_challenge_twice_makes_one_challenge(client):
    from sterk.actionplan.models import Challenge
    from sterk.actionplan.tests.factories import coordinator, current_plan

    plan = current_plan()
    client.force_login(coordinator())
    url = reverse("actionplan_manage:challenge_create")
    token = token_in(client.get(url).content.decode())
    data = {"plan": plan.pk, "title_nl": "Armoede", "number": 1, "order": 1, FIELD: token}
    first = client.post(url, data)
    if first.status_code != 302:
        pytest.fail(first.content.decode()[:3000])
    assert client.post(url, data)["Location"] == first["Location"]
    assert Challenge.objects.count() == 1
