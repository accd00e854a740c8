"""Bad input never breaks a page: dates outside the window, titles with line breaks."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from icalendar import Calendar

from sterk.events import ics, services
from sterk.events.models import Event, Registration, Session

from .factories import EventFactory, SessionFactory, UserFactory, coordinator

pytestmark = pytest.mark.django_db
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def event_form_data(region, **overrides):
    data = {
        "title_nl": "Regionale bijeenkomst",
        "type": "gathering",
        "audience": "everyone",
        "organiser": "region",
        "region": region.pk,
        "format": "on_site",
        "venue": "Zaal",
        "starts_at": "2027-03-01T10:00",
        "ends_at": "2027-03-01T12:00",
        "registration_required": "on",
        "price": "0",
        "offer_hours": "0",
        "visibility": "public",
        "waitlist_enabled": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("starts_at", ["0001-01-01T00:00", "2101-01-01T10:00", "1989-12-31T10:00"])
def test_the_event_form_refuses_a_date_outside_the_window_and_keeps_the_input(
    client, antwerpen, starts_at
):
    client.force_login(coordinator())
    data = event_form_data(antwerpen, starts_at=starts_at, title_nl="Oude datum")
    response = client.post(reverse("events_manage:event_create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Oude datum" in page and starts_at in page
    assert 'aria-invalid="true"' in page or "errorlist" in page
    assert not Event.objects.exists()


def test_services_refuse_the_same_dates_as_the_forms(antwerpen):
    event = EventFactory(organiser="region", region=antwerpen)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.event_update(
            actor=None,
            event=event,
            data={
                "starts_at": datetime.datetime(1, 1, 1, tzinfo=BRUSSELS),
                "ends_at": datetime.datetime(1, 1, 1, 2, tzinfo=BRUSSELS),
            },
        )
    assert "starts_at" in caught.value.error_dict


@pytest.mark.parametrize(
    "values",
    [
        {"starts_at": datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)},
        {"ends_at": datetime.datetime(9999, 12, 31, 23, tzinfo=datetime.UTC)},
        {"registration_opens_at": datetime.datetime(1, 1, 2, tzinfo=BRUSSELS)},
        {"registration_closes_at": datetime.datetime(2101, 1, 2, tzinfo=BRUSSELS)},
    ],
)
def test_the_database_refuses_an_out_of_range_row_that_bypasses_the_services(antwerpen, values):
    """Such a row took every page that listed it down on PostgreSQL (the driver cannot
    read a year before 1 back), so it cannot be stored at all, even by an UPDATE."""
    event = EventFactory(organiser="region", region=antwerpen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(**values)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite cannot even write 0001-01-01 00:00 Brussels time (it is before year 1 UTC)",
)
def test_postgresql_refuses_a_date_before_year_one_utc(antwerpen):
    """0001-01-01 00:00 in Brussels is 0001-12-31 BC 23:42 UTC: PostgreSQL stores it, and
    then no page that reads the row can load it (psycopg: "timestamp too small")."""
    event = EventFactory(organiser="region", region=antwerpen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(
            starts_at=datetime.datetime(1, 1, 1, tzinfo=BRUSSELS)
        )


def test_the_database_refuses_an_out_of_range_session(antwerpen):
    session = SessionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(
            starts_at=datetime.datetime(1, 1, 2, tzinfo=BRUSSELS)
        )


def test_events_at_the_edges_of_the_window_render_everywhere(client, antwerpen):
    early = EventFactory(organiser="region", region=antwerpen, title_nl="Vroeg")
    late = EventFactory(organiser="region", region=antwerpen, title_nl="Laat")
    Event.objects.filter(pk=early.pk).update(
        starts_at=datetime.datetime(1990, 1, 1, 1, tzinfo=BRUSSELS),
        ends_at=datetime.datetime(2100, 12, 31, 23, 59, tzinfo=BRUSSELS),  # still upcoming
    )
    Event.objects.filter(pk=late.pk).update(
        starts_at=datetime.datetime(2100, 12, 31, 22, tzinfo=BRUSSELS),
        ends_at=datetime.datetime(2100, 12, 31, 23, 59, tzinfo=BRUSSELS),
    )
    client.force_login(coordinator())
    for url in [
        "/nl/agenda/",
        "/fr/agenda/",
        "/en/agenda/",
        "/nl/agenda.ics",
        "/nl/agenda/regio/antwerpen.ics",
        "/nl/regio/antwerpen/",
        reverse("events:event_detail", args=[early.slug]),
        reverse("events:event_ics", args=[late.slug]),
        reverse("events_manage:event_edit", args=[early.pk]),
        reverse("events_manage:event_list"),
    ]:
        assert client.get(url).status_code == 200, url


def test_a_title_with_a_line_break_is_refused_by_the_form(client, antwerpen):
    client.force_login(coordinator())
    data = event_form_data(antwerpen, title_nl="Eerste regel\r\nTweede regel")
    response = client.post(reverse("events_manage:event_create"), data)
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_a_stored_title_with_line_breaks_still_gives_valid_calendars_and_mails(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(title_nl="Een\nTwee\r\nDrie; vier, vijf", summary_nl="Regel 1\nRegel 2")
    for url in ("/nl/agenda.ics", reverse("events:event_ics", args=[event.slug])):
        response = client.get(url)
        assert response.status_code == 200
        cal = Calendar.from_ical(response.content)
        [vevent] = cal.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == "Een Twee Drie; vier, vijf"
        assert str(vevent["DESCRIPTION"]) == "Regel 1\nRegel 2"
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(
            event=event, user=UserFactory(first_name="An", last_name="A")
        ).registration
    Calendar.from_ical(ics.for_registration(registration))
    assert mailoutbox, "the confirmation with its .ics was sent"
    message = mailoutbox[-1]
    assert "\n" not in message.subject and "\r" not in message.subject
    [attachment] = [a for a in message.attachments if a[0].endswith(".ics")]
    Calendar.from_ical(attachment[1])
    assert Registration.objects.count() == 1


def test_a_member_with_a_very_long_name_registers(client):
    event = EventFactory()
    user = UserFactory(first_name="A" * 150, last_name="B" * 150)
    client.force_login(user)
    response = client.post(reverse("events:event_register", args=[event.slug]), {})
    assert response.status_code in (200, 302)
    registration = Registration.objects.get()
    assert registration.name == f"{'A' * 150} {'B' * 150}"


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_rows_typed_before_the_check_into_the_window(client):
    """A database that already holds a year-0001 event (before the check existed): the
    migration moves it to the edge of the window, so the constraint can be added and the
    organiser can open the edit page and fix the date."""
    from django.db.migrations.executor import MigrationExecutor

    from sterk.network.tests.factories import RegionFactory

    region = RegionFactory(slug="antwerpen")
    event = EventFactory(organiser="region", region=region)
    session = SessionFactory(event=event)
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()  # every app: dependants come back too
    executor.migrate([("events", "0001_initial")])
    try:
        old = executor.loader.project_state([("events", "0001_initial")]).apps
        # Year 1 is representable in Python only from 00:00 UTC; on PostgreSQL, Brussels
        # midnight of year 1 (stored "BC") is what could not be read back.
        bad_start = (
            datetime.datetime(1, 1, 1, tzinfo=BRUSSELS)
            if connection.vendor == "postgresql"
            else datetime.datetime(1, 1, 1, 12, tzinfo=datetime.UTC)
        )
        old.get_model("events", "Event").objects.filter(pk=event.pk).update(
            starts_at=bad_start,
            ends_at=datetime.datetime(1, 1, 1, 14, tzinfo=datetime.UTC),
            registration_closes_at=datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC),
        )
        old.get_model("events", "Session").objects.filter(pk=session.pk).update(
            starts_at=datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(9999, 1, 1, 1, tzinfo=datetime.UTC),
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    event.refresh_from_db()
    session.refresh_from_db()
    assert event.starts_at.year == 1990 and event.ends_at > event.starts_at
    assert event.registration_closes_at is None
    assert session.starts_at.year == 2100 and session.ends_at > session.starts_at
    client.force_login(coordinator())
    assert client.get(reverse("events_manage:event_edit", args=[event.pk])).status_code == 200
    assert client.get("/nl/agenda.ics").status_code == 200


def test_a_name_with_a_line_break_is_refused_for_visitors_and_flattened_for_members(client):
    event = EventFactory()
    url = reverse("events:event_register", args=[event.slug])
    response = client.post(url, {"name": "An\nPeeters", "email": "an@example.org"})
    assert response.status_code == 200
    assert not Registration.objects.exists()
    member = UserFactory(first_name="Bo\r\n", last_name="Smet")
    client.force_login(member)
    assert client.post(url, {}).status_code in (200, 302)
    assert Registration.objects.get().name == "Bo Smet"


def test_one_event_that_cannot_be_written_as_icalendar_leaves_the_feed_standing(
    client, caplog, monkeypatch
):
    broken = EventFactory(title_nl="Kapot")
    EventFactory(title_nl="Heel")
    original = ics._vevent

    def vevent(event, **kwargs):
        if event.pk == broken.pk:
            raise OverflowError("date value out of range")
        return original(event, **kwargs)

    monkeypatch.setattr(ics, "_vevent", vevent)
    response = client.get("/nl/agenda.ics")
    assert response.status_code == 200
    summaries = [str(v["SUMMARY"]) for v in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries == ["Heel"]
    assert any("left out" in r.getMessage() for r in caplog.records)
