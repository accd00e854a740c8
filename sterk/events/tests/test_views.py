import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from sterk.events import services
from sterk.events.models import Event, EventStatus, Registration, RegistrationStatus

from .factories import EventFactory, QuestionFactory, SessionFactory, UserFactory, chair_of, in_days

pytestmark = pytest.mark.django_db
S = RegistrationStatus


def assert_clean_markup(html: str) -> None:
    assert not re.search(r"\sstyle\s*=", html), "inline style attribute"
    for script in re.findall(r"<script[^>]*>", html):
        assert "src=" in script, f"inline script: {script}"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    for control in re.findall(r'<(?:select|input|textarea)[^>]*\sid="([^"]+)"', html):
        assert f'for="{control}"' in html, f"no label for #{control}"


def _bulk_events(n: int, region, krachtlijn=None) -> None:  # type: ignore[no-untyped-def]
    start = in_days(5)
    events = Event.objects.bulk_create(
        Event(
            slug=f"bulk-{n}-{i}",
            title_nl=f"Bulk {i}",
            organiser="region",
            region=region,
            format="online",
            status=EventStatus.PUBLISHED,
            capacity=10,
            starts_at=start + datetime.timedelta(hours=i),
            ends_at=start + datetime.timedelta(hours=i + 1),
        )
        for i in range(n)
    )
    if krachtlijn is not None:
        Event.krachtlijnen.through.objects.bulk_create(
            Event.krachtlijnen.through(event_id=e.pk, krachtlijn_id=krachtlijn.pk) for e in events
        )


def test_agenda_query_count_does_not_grow_with_the_number_of_events(client, antwerpen):
    from sterk.actionplan.tests.factories import KrachtlijnFactory

    krachtlijn = KrachtlijnFactory()
    _bulk_events(10, antwerpen, krachtlijn)
    url = reverse("events:agenda")
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _bulk_events(990, antwerpen, krachtlijn)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url + "?regio=antwerpen")
    assert response.status_code == 200
    assert len(large) <= len(small)
    # The count line says 1000 in whatever words the active language uses.
    assert re.search(rb"\b1000\b", response.content)


def test_agenda_filters_and_past_events_with_recordings(client, antwerpen, limburg):
    EventFactory(
        title_nl="Webinar A", type="webinar", format="online", organiser="region", region=antwerpen
    )
    EventFactory(title_nl="Bijeenkomst L", organiser="region", region=limburg)
    EventFactory(
        title_nl="Verleden",
        starts_at=in_days(-10),
        ends_at=in_days(-10) + datetime.timedelta(hours=1),
        recording_url="https://youtu.be/x",
        status=EventStatus.HELD,
    )
    EventFactory(title_nl="Concept", status=EventStatus.DRAFT)
    page = client.get("/nl/agenda/").content.decode()
    assert "Webinar A" in page and "Bijeenkomst L" in page
    assert "Verleden" not in page and "Concept" not in page
    assert_clean_markup(page)
    page = client.get("/nl/agenda/?regio=antwerpen&vorm=online").content.decode()
    assert "Webinar A" in page and "Bijeenkomst L" not in page
    page = client.get("/nl/agenda/?type=gathering").content.decode()
    assert "Bijeenkomst L" in page and "Webinar A" not in page
    page = client.get("/nl/agenda/?voorbij=on&opname=on").content.decode()
    assert "Verleden" in page and "Webinar A" not in page
    partial = client.get(
        "/nl/agenda/?regio=limburg", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="agenda-results"
    )
    assert b"<html" not in partial.content and b"Bijeenkomst L" in partial.content


def test_event_page_shows_seats_and_the_online_link_only_to_seat_holders(client):
    event = EventFactory(
        capacity=2, format="online", online_url="https://example.org/live", venue=""
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert (
        "2 seats left" in page or "2 plaatsen" in page or "seats left" in page or "plaats" in page
    )
    assert "https://example.org/live" not in page
    assert_clean_markup(page)
    user = UserFactory()
    services.registration_create(event=event, user=user)
    client.force_login(user)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "https://example.org/live" in page


def test_member_registers_with_one_post_and_a_double_post_keeps_one(client):
    event = EventFactory(capacity=5)
    q = QuestionFactory(event=event, required=True)
    user = UserFactory()
    client.force_login(user)
    url = reverse("events:event_register", args=[event.slug])
    response = client.post(url, {})
    assert response.status_code == 200 and b"error-summary" in response.content
    assert client.post(url, {f"q_{q.pk}": "CAW Antwerpen"}).status_code == 302
    assert client.post(url, {f"q_{q.pk}": "CAW Antwerpen"}).status_code == 302
    assert Registration.objects.get().answers == {str(q.pk): "CAW Antwerpen"}


def test_visitor_registers_confirms_by_link_and_cancels_by_link(client):
    event = EventFactory(capacity=1)
    url = reverse("events:event_register", args=[event.slug])
    response = client.post(url, {"name": "An", "email": "an@example.org", "organisation_name": ""})
    assert response.status_code == 200 and b"an@example.org" in response.content
    registration = Registration.objects.get()
    assert registration.status == S.PENDING
    confirm = reverse("events:registration_confirm", args=[services.confirm_token(registration)])
    response = client.get(confirm)
    assert response.status_code == 200  # a page with a button: a GET confirms nothing
    registration.refresh_from_db()
    assert registration.status == S.PENDING
    response = client.post(confirm)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    waiting = services.registration_create(event=event, user=UserFactory()).registration
    manage = response["Location"]
    page = client.get(manage)
    assert page.status_code == 200
    assert_clean_markup(page.content.decode())
    client.post(manage, {"action": "cancel"})
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == S.CANCELLED and waiting.status == S.CONFIRMED
    assert client.get(reverse("events:registration_manage", args=["forged"])).status_code == 404


def test_a_refusal_is_explained_in_the_users_language(client):
    event = EventFactory(registration_closes_at=in_days(-1), starts_at=in_days(3))
    page = client.get("/fr" + event.get_absolute_url()[3:]).content.decode()
    assert "closes" not in page.lower()
    response = client.post(
        "/en" + reverse("events:event_register", args=[event.slug])[3:],
        {"name": "An", "email": "an@example.org"},
    )
    assert b"Registration closed on" in response.content


def test_sessions_are_offered_and_clashes_refused(client):
    event = EventFactory(capacity=10, starts_at=in_days(8, 9))
    a = SessionFactory(
        event=event, starts_at=in_days(8, 11), ends_at=in_days(8, 12), title_nl="Workshop A"
    )
    b = SessionFactory(
        event=event, starts_at=in_days(8, 11), ends_at=in_days(8, 12), title_nl="Workshop B"
    )
    user = UserFactory()
    client.force_login(user)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Workshop A" in page and 'name="sessions"' in page
    response = client.post(
        reverse("events:event_register", args=[event.slug]), {"sessions": [a.pk, b.pk]}
    )
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_feeds_are_valid_icalendar_with_stable_uids_sequence_and_cancellation(client, antwerpen):
    event = EventFactory(organiser="region", region=antwerpen, title_nl="Bijeenkomst")
    private = EventFactory(visibility="members", title_nl="Alleen leden")
    first = Calendar.from_ical(client.get("/nl/agenda.ics").content)
    [vevent] = first.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Bijeenkomst"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert int(vevent["SEQUENCE"]) == 0
    assert vevent.decoded("DTSTART") == event.starts_at
    assert first.walk("VTIMEZONE")
    services.event_update(
        actor=None,
        event=event,
        data={
            "starts_at": event.starts_at + datetime.timedelta(hours=1),
            "ends_at": event.ends_at + datetime.timedelta(hours=1),
        },
    )
    services.event_cancel(actor=None, event=event)
    second = Calendar.from_ical(client.get("/nl/agenda/regio/antwerpen.ics").content)
    [changed] = second.walk("VEVENT")
    assert str(changed["UID"]) == str(vevent["UID"])
    assert int(changed["SEQUENCE"]) == 2
    assert str(changed["STATUS"]) == "CANCELLED"
    assert changed.decoded("LAST-MODIFIED") >= vevent.decoded("LAST-MODIFIED")
    assert private.title not in client.get("/nl/agenda.ics").content.decode()
    one = Calendar.from_ical(client.get(reverse("events:event_ics", args=[event.slug])).content)
    assert len(one.walk("VEVENT")) == 1


def test_exports_parse_back_with_the_answers(client, antwerpen):
    event = EventFactory(organiser="region", region=antwerpen, capacity=1)
    q = QuestionFactory(event=event, label_nl="Dieet")
    services.registration_create(
        event=event,
        user=UserFactory(first_name="An", last_name="A"),
        answers={str(q.pk): "=veggie"},
    )
    services.registration_create(
        event=event, user=UserFactory(first_name="Bo", last_name="B"), answers={str(q.pk): "vegan"}
    )
    client.force_login(chair_of(antwerpen))
    response = client.get(reverse("events_manage:export_csv", args=[event.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "Dieet"
    assert rows[1][0] == "An A" and rows[1][-1] == "'=veggie"  # formula defused
    assert rows[2][4] == "1"  # waiting-list position
    from openpyxl import load_workbook

    response = client.get(reverse("events_manage:export_xlsx", args=[event.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][-1] == "Dieet" and values[2][0] == "Bo B"


def test_check_in_on_the_phone_page(client, antwerpen):
    event = EventFactory(organiser="region", region=antwerpen)
    registration = services.registration_create(
        event=event, user=UserFactory(first_name="Cas")
    ).registration
    client.force_login(chair_of(antwerpen))
    url = reverse("events_manage:check_in", args=[event.pk])
    page = client.get(url).content.decode()
    assert "Cas" in page
    assert_clean_markup(page)
    assert client.post(url, {"registration": registration.pk, "present": "1"}).status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


def test_chair_creates_publishes_and_reports_an_event(client, antwerpen):
    chair = chair_of(antwerpen)
    client.force_login(chair)
    start = timezone.localtime() + datetime.timedelta(days=7)
    data = {
        "title_nl": "Regionale bijeenkomst",
        "type": "gathering",
        "audience": "everyone",
        "organiser": "region",
        "region": antwerpen.pk,
        "format": "on_site",
        "venue": "Zaal",
        "starts_at": start.strftime("%Y-%m-%dT10:00"),
        "ends_at": start.strftime("%Y-%m-%dT12:00"),
        "registration_required": "on",
        "price": "0",
        "offer_hours": "0",
        "visibility": "public",
        "waitlist_enabled": "on",
    }
    response = client.post(reverse("events_manage:event_create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.status == EventStatus.DRAFT and event.region == antwerpen
    client.post(reverse("events_manage:event_publish", args=[event.pk]))
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    bad = dict(data, ends_at=start.strftime("%Y-%m-%dT09:00"), title_nl="Nieuwe titel")
    response = client.post(reverse("events_manage:event_edit", args=[event.pk]), bad)
    assert response.status_code == 200 and "Nieuwe titel" in response.content.decode()


def test_organiser_adds_and_removes_a_question_and_a_bad_form_keeps_the_input(client):
    from sterk.events.tests.factories import coordinator

    event = EventFactory()
    client.force_login(coordinator())
    create = reverse("events_manage:question_create", args=[event.pk])
    # A choice question without choices is refused; what was typed stays in the form.
    response = client.post(create, {"kind": "choice", "order": 1, "label_nl": "Dieetwensen"})
    assert response.status_code == 200
    assert "Dieetwensen" in response.content.decode()
    assert not event.questions.exists()
    response = client.post(
        create, {"kind": "text", "order": 1, "label_nl": "Organisatie", "required": "on"}
    )
    assert response.status_code == 302
    question = event.questions.get()
    assert question.label == "Organisatie" and question.required
    delete = reverse("events_manage:question_delete", args=[event.pk, question.pk])
    assert client.get(delete).status_code == 200  # asks first
    assert client.post(delete).status_code == 302
    assert not event.questions.exists()


@pytest.mark.parametrize(("sessions", "questions"), [(0, 0), (1, 0), (0, 2), (1, 1)])
def test_empty_registration_tables_span_exactly_their_columns(client, sessions, questions):
    """The "Nobody yet." row spans the columns of its table's header, no more (the HTML checker
    rejects a colspan that establishes columns with no cell beginning in them)."""
    from sterk.events.tests.factories import coordinator

    event = EventFactory()
    for _ in range(sessions):
        SessionFactory(event=event)
    for _ in range(questions):
        QuestionFactory(event=event)
    client.force_login(coordinator())
    html = client.get(reverse("events_manage:registration_list", args=[event.pk])).content
    tables = re.findall(r"<table>.*?</table>", html.decode(), re.S)
    empty = [t for t in tables if 'colspan="' in t]
    assert empty, "no empty registration table"
    for table in empty:
        header = re.search(r"<thead>.*?</thead>", table, re.S)
        assert header is not None
        columns = len(re.findall(r"<th[\s>]", header.group(0)))
        assert f'colspan="{columns}"' in table, (columns, table)
