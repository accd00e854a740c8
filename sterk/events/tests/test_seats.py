"""The seat decision's two statements (sterk/events/seats.py), written once per database
instead of built by the ORM on every registration, give the answers the ORM gives: on
SQLite and on PostgreSQL, for every status, a lapsed and a running offer, a person
known by address or by account."""

import datetime

import pytest
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from sterk.events import seats
from sterk.events.models import (
    SEAT_STATUSES,
    Event,
    Registration,
    RegistrationStatus,
    Visibility,
)
from sterk.events.tests.factories import EventFactory
from sterk.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _registration(event, status, email, **extra):  # type: ignore[no-untyped-def]
    return Registration.objects.create(event=event, status=status, name=email, email=email, **extra)


def _orm_state(event, same, now):  # type: ignore[no-untyped-def]
    counts = Registration.objects.filter(event=event).aggregate(
        taken=Count("pk", filter=Q(status__in=SEAT_STATUSES)),
        lapsed=Count("pk", filter=Q(status=RegistrationStatus.OFFERED, offer_expires_at__lt=now)),
        own=Count("pk", filter=same),
        top=Max("position"),
    )
    return seats.SeatState(
        seats_taken=counts["taken"],
        lapsed_offers=counts["lapsed"] > 0,
        has_own_row=counts["own"] > 0,
        top_position=counts["top"] or 0,
    )


def test_the_seat_state_is_the_orms():
    now = timezone.now()
    event = EventFactory(capacity=5)
    member = UserFactory(email="lid@example.org")
    _registration(event, RegistrationStatus.CONFIRMED, "a@example.org")
    _registration(event, RegistrationStatus.CONFIRMED, "b@example.org", user=member)
    _registration(
        event,
        RegistrationStatus.OFFERED,
        "c@example.org",
        offer_expires_at=now + datetime.timedelta(hours=1),
    )
    _registration(event, RegistrationStatus.WAITING, "d@example.org", position=3)
    _registration(event, RegistrationStatus.WAITING, "e@example.org", position=7)
    _registration(event, RegistrationStatus.CANCELLED, "f@example.org")
    _registration(event, RegistrationStatus.PENDING, "g@example.org")
    EventFactory()  # another event's rows never count
    cases = [
        ("lid@example.org", member.pk, Q(email="lid@example.org") | Q(user=member)),
        ("d@example.org", None, Q(email="d@example.org")),
        ("nieuw@example.org", None, Q(email="nieuw@example.org")),
        ("nieuw@example.org", UserFactory().pk, Q(email="nieuw@example.org")),
    ]
    for email, user_id, same in cases:
        got = seats.seat_state(event, email=email, user_id=user_id, now=now)
        assert got == _orm_state(event, same, now), email
        # The lock and the state in one round trip (PostgreSQL) read the same.
        locked, state = seats.lock_and_read(
            Event.objects.get(pk=event.pk), email=email, user_id=user_id, now=now
        )
        assert state == got and locked.capacity == event.capacity, email
    assert seats.seat_state(event, email="x@example.org", user_id=None, now=now).seats_taken == 3
    # An offer past its time is a lapsed one, whatever the database's datetime format.
    later = now + datetime.timedelta(hours=2)
    state = seats.seat_state(event, email="x@example.org", user_id=None, now=later)
    assert state.lapsed_offers and state == _orm_state(event, Q(email="x@example.org"), later)


def test_an_event_without_registrations():
    event = EventFactory()
    state = seats.seat_state(event, email="x@example.org", user_id=None)
    assert state == seats.SeatState(0, False, False, 0)


def test_the_locked_fields_are_the_orms():
    opens = timezone.now() - datetime.timedelta(days=1)
    event = EventFactory(
        capacity=12,
        waitlist_enabled=False,
        registration_opens_at=opens,
        visibility=Visibility.ROLES,
        invited_roles=["chair", "coordinator"],
    )
    stale = Event.objects.get(pk=event.pk)
    Event.objects.filter(pk=event.pk).update(capacity=13, waitlist_enabled=True)
    with transaction.atomic():
        locked = seats.lock_decision_fields(stale)
    fresh = Event.objects.get(pk=event.pk)
    assert locked is stale
    for name in seats.SEAT_DECISION_FIELDS:
        assert getattr(locked, name) == getattr(fresh, name), name
    assert locked.capacity == 13 and locked.waitlist_enabled is True
    assert locked.invited_roles == ["chair", "coordinator"]


def test_a_deleted_event_is_not_found():
    event = EventFactory()
    Event.objects.filter(pk=event.pk).delete()
    with transaction.atomic(), pytest.raises(Event.DoesNotExist):
        seats.lock_decision_fields(event)
