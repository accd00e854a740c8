"""Who may change an event. Every URL of the events management area with every role is in
the cross-app permission matrix, sterk/manage/tests/test_permission_matrix.py."""

import pytest
from django.urls import reverse

from sterk.events.models import Registration

from .factories import (
    EventFactory,
    UserFactory,
    chair_of,
    stakeholder,
)

pytestmark = pytest.mark.django_db


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
