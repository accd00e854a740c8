"""Every URL of the events management area, with every role and a chair of another region."""

import pytest
from django.urls import reverse

from sterk.events.models import Registration

from .factories import (
    EventFactory,
    QuestionFactory,
    SessionFactory,
    UserFactory,
    chair_of,
    coordinator,
    stakeholder,
    steering_member,
)

pytestmark = pytest.mark.django_db


def _urls(event, question, session, registration, series):  # type: ignore[no-untyped-def]
    e = event.pk
    return {
        # name: (url, needs the event's region, coordinators only)
        "event_list": (reverse("events_manage:event_list"), False, False),
        "event_create": (reverse("events_manage:event_create"), False, False),
        "series_list": (reverse("events_manage:series_list"), False, True),
        "series_create": (reverse("events_manage:series_create"), False, True),
        "series_edit": (reverse("events_manage:series_edit", args=[series.pk]), False, True),
        "event_edit": (reverse("events_manage:event_edit", args=[e]), True, False),
        "event_cancel": (reverse("events_manage:event_cancel", args=[e]), True, False),
        "event_delete": (reverse("events_manage:event_delete", args=[e]), True, False),
        "event_report": (reverse("events_manage:event_report", args=[e]), True, False),
        "question_list": (reverse("events_manage:question_list", args=[e]), True, False),
        "question_create": (reverse("events_manage:question_create", args=[e]), True, False),
        "question_edit": (
            reverse("events_manage:question_edit", args=[e, question.pk]),
            True,
            False,
        ),
        "question_delete": (
            reverse("events_manage:question_delete", args=[e, question.pk]),
            True,
            False,
        ),
        "session_list": (reverse("events_manage:session_list", args=[e]), True, False),
        "session_create": (reverse("events_manage:session_create", args=[e]), True, False),
        "session_edit": (reverse("events_manage:session_edit", args=[e, session.pk]), True, False),
        "session_delete": (
            reverse("events_manage:session_delete", args=[e, session.pk]),
            True,
            False,
        ),
        "registration_list": (reverse("events_manage:registration_list", args=[e]), True, False),
        "export_csv": (reverse("events_manage:export_csv", args=[e]), True, False),
        "export_xlsx": (reverse("events_manage:export_xlsx", args=[e]), True, False),
        "registration_cancel": (
            reverse("events_manage:registration_cancel", args=[e, registration.pk]),
            True,
            False,
        ),
        "check_in": (reverse("events_manage:check_in", args=[e]), True, False),
        "message": (reverse("events_manage:message", args=[e]), True, False),
    }


def test_every_management_url_with_every_role(client, antwerpen, limburg):
    from sterk.events import services
    from sterk.events.models import Series

    event = EventFactory(organiser="region", region=antwerpen)
    question = QuestionFactory(event=event)
    session = SessionFactory(event=event)
    registration = services.registration_create(event=event, user=UserFactory()).registration
    series = Series.objects.create(slug="wswd", title_nl="WSWD")
    urls = _urls(event, question, session, registration, series)
    people = {
        "member": (UserFactory(), "none"),
        "steering": (steering_member(), "none"),
        "stakeholder": (stakeholder(), "none"),
        "chair": (chair_of(antwerpen), "region"),
        "other_chair": (chair_of(limburg), "other_region"),
        "coordinator": (coordinator(), "all"),
    }
    failures = []
    for name, (url, regional, coordinators_only) in urls.items():
        client.logout()
        response = client.get(url)
        if response.status_code != 302 or "/account/login/" not in response["Location"]:
            failures.append((name, "anonymous", response.status_code))
        for role, (user, scope) in people.items():
            client.force_login(user)
            if scope == "all":
                expected = 200
            elif scope == "none" or coordinators_only:
                expected = 403
            elif scope == "region":
                expected = 200
            else:  # a chair of another region
                expected = 403 if regional else 200
            status = client.get(url).status_code
            if status != expected:
                failures.append((name, role, status, expected))
    assert not failures, failures


def test_chair_of_another_region_cannot_change_anything_by_post(client, antwerpen, limburg):
    event = EventFactory(organiser="region", region=antwerpen, capacity=5)
    from sterk.events import services

    registration = services.registration_create(event=event, user=UserFactory()).registration
    client.force_login(chair_of(limburg))
    e = event.pk
    posts = [
        (reverse("events_manage:event_edit", args=[e]), {"title_nl": "Gekaapt"}),
        (reverse("events_manage:event_cancel", args=[e]), {"reason": "x"}),
        (reverse("events_manage:event_publish", args=[e]), {}),
        (reverse("events_manage:registration_cancel", args=[e, registration.pk]), {}),
        (
            reverse("events_manage:check_in", args=[e]),
            {"registration": registration.pk, "present": "1"},
        ),
        (reverse("events_manage:message", args=[e]), {"subject": "x", "body": "y"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    event.refresh_from_db()
    registration.refresh_from_db()
    assert event.title != "Gekaapt" and event.status == "published"
    assert registration.status == "confirmed" and registration.checked_in_at is None
    assert Registration.objects.count() == 1


def test_chair_cannot_create_an_event_for_another_region(client, antwerpen, limburg):
    client.force_login(chair_of(antwerpen))
    response = client.post(
        reverse("events_manage:event_create"),
        {
            "title_nl": "X",
            "organiser": "region",
            "region": limburg.pk,
            "type": "gathering",
            "audience": "everyone",
            "format": "online",
            "starts_at": "2030-01-01T10:00",
            "ends_at": "2030-01-01T11:00",
            "price": "0",
            "offer_hours": "0",
            "visibility": "public",
        },
    )
    assert response.status_code == 200
    from sterk.events.models import Event

    assert not Event.objects.exists()


def test_drafts_and_invited_events_are_hidden_from_others(client, antwerpen):
    draft = EventFactory(status="draft", organiser="region", region=antwerpen)
    invited = EventFactory(visibility="roles", invited_roles=["stakeholder"])
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(invited.get_absolute_url()).status_code == 404
    client.force_login(chair_of(antwerpen))
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.force_login(stakeholder())
    assert client.get(invited.get_absolute_url()).status_code == 200
