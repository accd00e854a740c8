import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from sterk.core.models import AuditEntry, OutboundEmail
from sterk.events import selectors, services
from sterk.events.models import EventStatus, Registration, RegistrationStatus

from .factories import EventFactory, QuestionFactory, SessionFactory, UserFactory, in_days

pytestmark = pytest.mark.django_db
S = RegistrationStatus


def member(n=0):
    return UserFactory(email=f"lid{n}@example.org", first_name="Lid", last_name=str(n))


def register(event, n, **kw):
    return services.registration_create(event=event, user=member(n), **kw).registration


def test_member_registers_in_one_step_and_gets_a_confirmation_with_ics(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=10, online_url="https://example.org/live", format="hybrid")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, 1)
    assert registration.status == S.CONFIRMED
    message = mailoutbox[-1]
    assert message.to == ["lid1@example.org"]
    assert "https://example.org/live" in message.body  # the online link goes to seat holders
    name, content, mimetype = message.attachments[0]
    assert name == "event.ics" and mimetype.startswith("text/calendar")
    from icalendar import Calendar

    vevent = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")


def test_double_click_makes_one_registration():
    event = EventFactory(capacity=5)
    user = member(1)
    first = services.registration_create(event=event, user=user)
    second = services.registration_create(event=event, user=user)
    assert first.created and not second.created
    assert Registration.objects.filter(event=event).count() == 1


def test_a_cancelled_registration_is_reused_and_a_changed_address_is_found_by_person():
    event = EventFactory(capacity=5)
    user = member(1)
    first = services.registration_create(event=event, user=user).registration
    services.registration_cancel(registration=first)
    again = services.registration_create(event=event, user=user)
    assert again.created and again.registration.pk == first.pk
    assert again.registration.status == S.CONFIRMED
    # The member's address changed: their registration is found by who they are.
    user.email = "nieuw@example.org"
    user.save()
    third = services.registration_create(event=event, user=user)
    assert not third.created and third.registration.pk == first.pk
    assert Registration.objects.filter(event=event).count() == 1


def test_a_new_member_registration_reads_once_under_the_lock(django_assert_num_queries):
    """The lock, one query for the seats, lapsed offers, the person's own row and the last
    waiting-list place, the insert and the e-mail: a round trip saved here is throughput
    on a popular event (bench_pages' registrations)."""
    event = EventFactory(capacity=1)
    register(event, 0)
    people = [member(n) for n in (1, 2)]
    full = selectors.event_to_register_for(event.slug, people[0])
    # The lock, the counts (on PostgreSQL in the lock's round trip), the insert, the e-mail
    # (one INSERT that skips a known key), inside the service's own savepoint (the test
    # runs in a transaction): 6, or 5 on PostgreSQL. The questions were read with the event.
    with django_assert_num_queries(5 if connection.vendor == "postgresql" else 6):
        waiting = services.registration_create(event=full, user=people[0]).registration
    assert waiting.status == S.WAITING and waiting.position == 1
    later = services.registration_create(event=full, user=people[1]).registration
    assert later.position == 2


def test_visitor_confirms_by_e_mail_and_only_then_takes_a_seat(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.registration_create(
            event=event, name="An Peeters", email="An@Example.org "
        )
    registration = result.registration
    assert registration.status == S.PENDING and registration.email == "an@example.org"
    assert event.seats_left() == 1
    # The link in the mail confirms this registration (its token carries a timestamp, so
    # it is read back rather than compared with a token made a second later).
    prefix = reverse("events:registration_confirm", args=["TOKEN"]).split("TOKEN")[0]
    token = mailoutbox[-1].body.split(prefix, 1)[1].split("/", 1)[0].split()[0]
    assert services.registration_from_token(token, salt=services.CONFIRM_SALT) == registration
    services.registration_confirm_email(registration=registration)
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    assert event.seats_left() == 0
    # Confirming twice changes nothing.
    services.registration_confirm_email(registration=registration)
    assert Registration.objects.filter(status=S.CONFIRMED).count() == 1


def test_full_event_fills_the_waiting_list_in_order_and_a_cancellation_promotes_the_next():
    event = EventFactory(capacity=2)
    people = [register(event, n) for n in range(5)]
    assert [p.status for p in people] == [S.CONFIRMED, S.CONFIRMED, S.WAITING, S.WAITING, S.WAITING]
    assert [p.position for p in people[2:]] == [1, 2, 3]
    assert services.waiting_rank(people[3]) == 2
    services.registration_cancel(registration=people[0])
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["lid2@example.org"] == S.CONFIRMED
    assert statuses["lid3@example.org"] == S.WAITING
    assert (
        OutboundEmail.objects.filter(key__startswith="promoted:", to="lid2@example.org").count()
        == 1
    )
    people[3].refresh_from_db()
    assert services.waiting_rank(people[3]) == 1
    # Cancelling a waiting-list place frees no seat.
    services.registration_cancel(registration=people[3])
    assert Registration.objects.filter(status__in=[S.CONFIRMED]).count() == 2


def test_no_waiting_list_refuses_with_a_reason_in_the_users_language():
    event = EventFactory(capacity=1, waitlist_enabled=False)
    register(event, 1)
    with translation.override("en"), pytest.raises(services.RegistrationRefused) as exc:
        register(event, 2)
    assert "full" in exc.value.messages[0]


def test_registration_window_and_deadline_are_enforced():
    event = EventFactory(registration_opens_at=in_days(2), registration_closes_at=in_days(5))
    with translation.override("en"), pytest.raises(services.RegistrationRefused) as exc:
        register(event, 1)
    assert "opens on" in exc.value.messages[0]
    later = in_days(6)
    with translation.override("en"), pytest.raises(services.RegistrationRefused) as exc:
        services.registration_create(event=event, user=member(2), now=later)
    assert "closed on" in exc.value.messages[0]
    ok = services.registration_create(event=event, user=member(3), now=in_days(3))
    assert ok.registration.status == S.CONFIRMED


def test_drafts_cancelled_and_past_events_refuse():
    for status, word in (
        (EventStatus.DRAFT, "not published"),
        (EventStatus.CANCELLED, "cancelled"),
    ):
        event = EventFactory(status=status)
        with translation.override("en"), pytest.raises(services.RegistrationRefused) as exc:
            register(event, 1)
        assert word in exc.value.messages[0]
    past = EventFactory(starts_at=in_days(-3), ends_at=in_days(-3) + datetime.timedelta(hours=2))
    with translation.override("fr"), pytest.raises(services.RegistrationRefused) as exc:
        register(past, 1)
    assert exc.value.messages[0]


def test_members_only_event_refuses_visitors_and_invited_roles_refuse_others():
    event = EventFactory(visibility="members")
    with pytest.raises(services.RegistrationRefused):
        services.registration_create(event=event, name="X", email="x@example.org")
    assert register(event, 1).status == S.CONFIRMED
    invited = EventFactory(visibility="roles", invited_roles=["steering"])
    with pytest.raises(services.RegistrationRefused):
        register(invited, 2)


def test_questions_are_required_and_answers_stored():
    event = EventFactory()
    q = QuestionFactory(event=event, required=True, label_nl="Organisatie")
    choice = QuestionFactory(event=event, kind="choice", choices_nl="Vegetarisch\nVeganistisch")
    with pytest.raises(services.RegistrationRefused):
        register(event, 1, answers={})
    with pytest.raises(services.RegistrationRefused):
        register(event, 1, answers={str(q.pk): "CAW", str(choice.pk): "Vlees"})
    registration = register(event, 1, answers={str(q.pk): "CAW", str(choice.pk): "Vegetarisch"})
    assert registration.answers == {str(q.pk): "CAW", str(choice.pk): "Vegetarisch"}


def test_sessions_without_time_clashes_and_with_their_own_capacity():
    event = EventFactory(capacity=50, starts_at=in_days(10, 9))
    a = SessionFactory(event=event, starts_at=in_days(10, 11), ends_at=in_days(10, 12), capacity=1)
    b = SessionFactory(event=event, starts_at=in_days(10, 11), ends_at=in_days(10, 12))
    c = SessionFactory(event=event, starts_at=in_days(10, 13), ends_at=in_days(10, 14))
    with translation.override("en"), pytest.raises(services.RegistrationRefused) as exc:
        register(event, 1, sessions=[a, b])
    assert "same time" in exc.value.messages[0]
    assert list(register(event, 1, sessions=[a, c]).sessions.all()) == [a, c]
    with translation.override("en"), pytest.raises(services.RegistrationRefused) as exc:
        register(event, 2, sessions=[a])
    assert "is full" in exc.value.messages[0]
    assert not Registration.objects.filter(email="lid2@example.org").exists()


def test_offered_seat_is_accepted_or_lapses_to_the_next_person():
    event = EventFactory(capacity=1, offer_hours=24)
    first, second, third = (register(event, n) for n in range(3))
    services.registration_cancel(registration=first)
    second.refresh_from_db()
    assert second.status == S.OFFERED and second.offer_expires_at
    assert event.seats_left() == 0  # held for the person offered
    # Not accepted in time: lapses, and the seat goes to the third person.
    later = timezone.now() + datetime.timedelta(hours=25)
    with pytest.raises(services.RegistrationRefused):
        services.registration_accept_offer(registration=second, now=later)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == S.CANCELLED and third.status == S.OFFERED
    services.registration_accept_offer(registration=third)
    third.refresh_from_db()
    assert third.status == S.CONFIRMED


def test_raising_the_capacity_promotes_the_waiting_list():
    event = EventFactory(capacity=1)
    register(event, 1)
    waiting = register(event, 2)
    services.event_update(actor=None, event=event, data={"capacity": 2})
    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED


def test_cancelling_an_event_mails_everyone_once_and_bumps_the_sequence():
    event = EventFactory(capacity=1)
    register(event, 1)
    register(event, 2)
    sequence = event.sequence
    cancelled = services.event_cancel(actor=None, event=event, reason="Ziekte")
    assert cancelled.status == EventStatus.CANCELLED and cancelled.sequence == sequence + 1
    assert OutboundEmail.objects.filter(key__startswith="event-cancelled:").count() == 2
    with pytest.raises(ValidationError):
        services.event_cancel(actor=None, event=cancelled)


def test_recording_mail_goes_to_registrants_and_wait_listers_once():
    event = EventFactory(capacity=1)
    register(event, 1)
    register(event, 2)
    chair = member(9)
    services.event_report(actor=chair, event=event, data={"recording_url": "https://youtu.be/x"})
    services.event_report(actor=chair, event=event, data={"attendance_count": 30})
    assert OutboundEmail.objects.filter(key__startswith="recording:").count() == 2
    assert AuditEntry.objects.filter(action="event.reported").exists()


def test_reminders_are_sent_once_for_tomorrows_events():
    tomorrow = EventFactory(starts_at=in_days(1, 14))
    later = EventFactory(starts_at=in_days(3, 14))
    register(tomorrow, 1)
    register(later, 2)
    assert services.reminders_send() == 1
    assert services.reminders_send() == 0
    call_command("send_event_reminders", verbosity=0)
    assert OutboundEmail.objects.filter(key__startswith="reminder:").count() == 1


def test_message_to_all_registrants_is_audited():
    event = EventFactory(capacity=1)
    register(event, 1)
    register(event, 2)
    sent = services.event_message_send(
        actor=member(9),
        event=event,
        subject="Parking",
        body="Parkeer achteraan.",
        include_waiting=True,
    )
    assert sent.recipient_count == 2
    assert OutboundEmail.objects.filter(key__startswith="message:").count() == 2


def test_stakeholder_cadence_warns_under_two_meetings_a_year():
    year = timezone.localdate().year + 1
    start = datetime.datetime(year, 3, 10, 14, tzinfo=timezone.get_current_timezone())
    EventFactory(
        type="stakeholder_meeting", starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    assert selectors.stakeholder_cadence(year).warning
    EventFactory(
        type="stakeholder_meeting",
        status=EventStatus.DRAFT,
        starts_at=start.replace(month=10),
        ends_at=start.replace(month=10) + datetime.timedelta(hours=2),
    )
    EventFactory(
        type="stakeholder_meeting",
        status=EventStatus.CANCELLED,
        starts_at=start.replace(month=11),
        ends_at=start.replace(month=11) + datetime.timedelta(hours=1),
    )
    cadence = selectors.stakeholder_cadence(year)
    assert cadence.count == 2 and not cadence.warning


def test_my_agenda_lists_registrations_and_waiting_places():
    event = EventFactory(capacity=1)
    other = EventFactory(capacity=1)
    user = member(1)
    register(other, 5)
    services.registration_create(event=event, user=user)
    services.registration_create(event=other, user=user)
    rows = list(selectors.my_agenda(user))
    assert [(r.event, r.status) for r in rows] == [(event, S.CONFIRMED), (other, S.WAITING)]
    assert rows[1].rank == 1


def test_load_events_is_idempotent_and_demo_refuses_without_debug(settings):
    call_command("load_events", verbosity=0)
    call_command("load_events", verbosity=0)
    from sterk.events.models import Event

    webinar = Event.objects.get(slug="webinar-kies-voor-een-diverse-organisatie")
    assert webinar.is_free and webinar.audience == "managers"
    assert timezone.localtime(webinar.starts_at).hour == 10
    assert timezone.localtime(webinar.registration_closes_at).date() == datetime.date(2021, 4, 19)
    assert Event.objects.filter(slug="european-social-work-conference-2024").get().title_en
    assert Event.objects.count() == 7
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_events_demo", verbosity=0)
    call_command("load_events_demo", "--force", verbosity=0)
    count = Event.objects.count()
    call_command("load_events_demo", "--force", verbosity=0)
    assert Event.objects.count() == count
    full = Event.objects.get(slug="demo-bijeenkomst-werken-in-vertrouwen")
    assert full.registrations.filter(status=S.WAITING).count() == 2
