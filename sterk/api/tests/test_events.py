"""Events and series through the API: what the agenda, event and series pages show
anyone, for every filter of the agenda and for everyone alike."""

import pytest

from sterk.actionplan.tests.factories import KrachtlijnFactory
from sterk.events.models import EventFormat, EventStatus, Registration, Series, Visibility
from sterk.events.tests.factories import EventFactory, SessionFactory, in_days
from sterk.network.tests.factories import OrganisationFactory, RegionFactory

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    get_json,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db

CARD = r'<h2 class="ev-card-title"><a href="/nl/agenda/([\w-]+)/">'


def past(days: float, **kwargs):
    return EventFactory(starts_at=in_days(-days, 10), ends_at=in_days(-days, 12), **kwargs)


@pytest.fixture
def agenda():
    """Events of every kind the agenda filters on, and some nobody anonymous may see."""
    antwerpen = RegionFactory(slug="antwerpen")
    limburg = RegionFactory(slug="limburg")
    nabijheid = KrachtlijnFactory(slug="nabijheid")
    e = {
        "antwerpen": EventFactory(organiser="region", region=antwerpen),
        "limburg_webinar": EventFactory(
            organiser="region", region=limburg, type="webinar", format=EventFormat.ONLINE
        ),
        "hybrid": EventFactory(format=EventFormat.HYBRID, audience="managers"),
        "later": EventFactory(starts_at=in_days(60), ends_at=in_days(60, 16)),
        "cancelled": EventFactory(status=EventStatus.CANCELLED, region=antwerpen),
        "recorded": past(5, recording_url="https://video.example/opname"),
        "past": past(8),
        # Never in the API: a draft, a members' event, an invited-roles meeting.
        "draft": EventFactory(status=EventStatus.DRAFT),
        "members": EventFactory(visibility=Visibility.MEMBERS, region=antwerpen),
        "roles": EventFactory(visibility=Visibility.ROLES, invited_roles=["chair"]),
        "members_past": past(3, visibility=Visibility.MEMBERS, recording_url="https://x.example/"),
    }
    e["antwerpen"].krachtlijnen.set([nabijheid])
    e["members"].krachtlijnen.set([nabijheid])
    return e


HIDDEN = {"draft", "members", "roles", "members_past"}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "regio=antwerpen",
        "regio=limburg&type=webinar",
        "vorm=online",
        "vorm=ter-plaatse",
        "doelgroep=managers",
        "krachtlijn=nabijheid",
        "voorbij=on",
        "voorbij=on&opname=on",
    ],
)
def test_the_events_are_those_the_agenda_links_to_for_the_same_filter(client, agenda, query):
    api = {e["slug"] for e in all_results(client, f"/api/v1/events?limit=2&{query}")}
    shown = page_links(client, f"/nl/agenda/?{query}", CARD)
    assert api == shown and api
    assert not api & {agenda[k].slug for k in HIDDEN}


def test_dates_filter_as_on_the_agenda(client, agenda):
    day = (in_days(60)).date().isoformat()
    query = f"vanaf={day}&tot={day}"
    api = {e["slug"] for e in all_results(client, f"/api/v1/events?{query}")}
    assert api == page_links(client, f"/nl/agenda/?{query}", CARD) == {agenda["later"].slug}


def test_upcoming_by_date_and_past_latest_first_with_the_key_last(client, agenda):
    # Most of the fixture's events start at the same moment: the key decides.
    slugs = [e["slug"] for e in all_results(client, "/api/v1/events?limit=1")]
    expected = sorted(
        (e for k, e in agenda.items() if k not in HIDDEN and not e.is_past),
        key=lambda e: (e.starts_at, e.pk),
    )
    assert slugs == [e.slug for e in expected]
    past_slugs = [e["slug"] for e in all_results(client, "/api/v1/events?voorbij=true")]
    assert past_slugs == [agenda["recorded"].slug, agenda["past"].slug]


def test_a_slug_that_names_nothing_matches_nothing(client, agenda):
    # The page drops every filter when one is unknown; a client asked for that region.
    for query in ("regio=nergens", "krachtlijn=nergens&regio=antwerpen", "reeks=nergens"):
        assert get_json(client, f"/api/v1/events?{query}")["count"] == 0, query


def test_days_beyond_any_event_mean_from_the_start_or_to_the_end(client, agenda):
    whole = {e["slug"] for e in all_results(client, "/api/v1/events")}
    wide = {
        e["slug"] for e in all_results(client, "/api/v1/events?vanaf=0001-01-01&tot=9999-12-31")
    }
    assert wide == whole


def test_a_value_outside_the_schema_is_a_problem_detail(client, agenda):
    for query in ("type=feest", "vorm=overal", "vanaf=2026-13-01", "voorbij=misschien"):
        response = client.get(f"/api/v1/events?{query}")
        assert response.status_code == 422, query
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["errors"][0]["parameter"] == query.split("=")[0]


def test_an_event_not_for_everyone_is_absent_even_for_a_member_who_sees_it(client, agenda):
    everyone = people(
        region=agenda["antwerpen"].region,
        other_region=agenda["limburg_webinar"].region,
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )
    for who in ("member", "chair", "coordinator"):
        client.force_login(everyone[who])
        # The page shows them the members' event; the API does not.
        assert agenda["members"].slug in page_links(client, "/nl/agenda/", CARD)
        listed = {e["slug"] for e in all_results(client, "/api/v1/events?limit=100")}
        past_listed = {e["slug"] for e in all_results(client, "/api/v1/events?voorbij=1")}
        assert not (listed | past_listed) & {agenda[k].slug for k in HIDDEN}, who
        for key in sorted(HIDDEN):
            response = client.get(f"/api/v1/events/{agenda[key].slug}")
            assert response.status_code == 404, (who, key)
            assert response["Content-Type"] == "application/problem+json"
        client.logout()


def test_an_event_shows_what_its_page_shows(client):
    region = RegionFactory(slug="gent-test")
    event = EventFactory(
        slug="conferentie",
        organiser="region",
        region=region,
        format=EventFormat.HYBRID,
        online_url="https://meet.example/geheim",
        capacity=2,
        waitlist_enabled=True,
        recording_url="https://video.example/later",
        report_nl="Verslag dat nog niet mag.",
    )
    SessionFactory(event=event, title_nl="Workshop", capacity=1)
    Registration.objects.create(event=event, name="A", email="a@example.org", status="confirmed")
    body = get_json(client, "/api/v1/events/conferentie?lang=en")
    assert "geheim" not in str(body)
    assert body["online"] is True and body["online_link_for_registrants"] is True
    assert body["region"]["slug"] == "gent-test"
    assert body["seats_left"] == 1 and body["places"] == "available"
    assert body["registration"] == "open"
    # Not yet held: no recording or report, as on the page.
    assert body["recording_url"] is None and body["report"] is None
    assert body["sessions"][0]["title"] == "Workshop"
    assert body["sessions"][0]["seats_left"] == 1
    SessionFactory(event=event, title_nl="Plenair")
    unlimited = get_json(client, "/api/v1/events/conferentie")["sessions"][1]
    assert (unlimited["title"], unlimited["seats_taken"], unlimited["seats_left"]) == (
        "Plenair",
        None,
        None,
    )
    assert body["url"].endswith("/en/agenda/conferentie/")
    assert body["ics_url"].endswith("/en/agenda/conferentie/kalender.ics")
    assert body["starts_at"].endswith(("+01:00", "+02:00"))
    ics = client.get(body["ics_url"].split("8000", 1)[-1].split(".test", 1)[-1])
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content


def test_a_full_event_and_a_past_one(client):
    full = EventFactory(slug="vol", capacity=1, waitlist_enabled=False)
    Registration.objects.create(event=full, name="A", email="a@example.org", status="confirmed")
    body = get_json(client, "/api/v1/events/vol")
    assert (body["places"], body["seats_left"], body["registration"]) == ("full", 0, "full")
    full.waitlist_enabled = True
    full.save()
    body = get_json(client, "/api/v1/events/vol")
    assert (body["places"], body["registration"]) == ("full_waiting_list", "waitlist")
    past(2, slug="voorbij", recording_url="https://video.example/x", attendance_count=12)
    body = get_json(client, "/api/v1/events/voorbij")
    assert body["recording_url"] == "https://video.example/x"
    assert body["attendance_count"] == 12
    assert (body["places"], body["seats_left"], body["registration_deadline"]) == (
        "past",
        None,
        None,
    )


def test_series_are_those_with_a_page_and_list_what_their_page_lists(client, agenda):
    campaign = Series.objects.create(slug="wereld", title_nl="Werelddag")
    Series.objects.create(slug="leeg", title_nl="Leeg")
    for key in ("antwerpen", "recorded", "members", "draft"):
        agenda[key].series = campaign
        agenda[key].save()
    assert {s["slug"] for s in all_results(client, "/api/v1/series?limit=1")} == {"wereld", "leeg"}
    body = get_json(client, "/api/v1/series/wereld")
    shown = page_links(client, "/nl/agenda/reeks/wereld/", CARD)
    assert {e["slug"] for e in body["events"]} == shown
    assert shown == {agenda["antwerpen"].slug, agenda["recorded"].slug}
    assert [e["slug"] for e in body["events"]] == [
        agenda["recorded"].slug,
        agenda["antwerpen"].slug,
    ]
    upcoming = {e["slug"] for e in all_results(client, "/api/v1/events?reeks=wereld")}
    assert upcoming == {agenda["antwerpen"].slug}
    assert client.get("/api/v1/series/nergens").status_code == 404


def test_the_event_and_series_lists_take_a_constant_number_of_queries(client):
    region = RegionFactory()
    krachtlijn = KrachtlijnFactory()
    campaign = Series.objects.create(slug="reeks-q", title_nl="Reeks")

    def grow(n):
        for _ in range(n):
            event = EventFactory(organiser="region", region=region, series=campaign, capacity=9)
            event.krachtlijnen.set([krachtlijn])
            SessionFactory(event=event, capacity=3)
            Series.objects.create(slug=f"reeks-{event.pk}", title_nl="Nog een")

    # 3 and 30 objects keep the test quick; the benchmark covers 10 to 1,000.
    assert_constant_queries(client, "/api/v1/events?limit=100", grow, small=3, large=30)
    assert_constant_queries(client, "/api/v1/series?limit=100", grow, small=3, large=30)


def test_a_session_of_any_role_changes_nothing(client, agenda):
    everyone = people(
        region=agenda["antwerpen"].region,
        other_region=agenda["limburg_webinar"].region,
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )
    Series.objects.create(slug="wereld", title_nl="Werelddag")
    agenda["members"].series = agenda["antwerpen"].series = Series.objects.get(slug="wereld")
    agenda["members"].save()
    agenda["antwerpen"].save()
    assert_same_for_everyone(
        client,
        [
            "/api/v1/events",
            "/api/v1/events?voorbij=on",
            f"/api/v1/events/{agenda['antwerpen'].slug}",
            "/api/v1/series",
            "/api/v1/series/wereld",
        ],
        everyone,
    )


def test_the_downloads_are_the_lists(client, agenda):
    from sterk.api.resources.events import DATASETS

    Series.objects.create(slug="wereld", title_nl="Werelddag")
    agenda["antwerpen"].series = Series.objects.get(slug="wereld")
    agenda["antwerpen"].save()
    lists = {
        "events": "/api/v1/events?limit=3",
        "past-events": "/api/v1/events?voorbij=true&limit=3",
        "series": "/api/v1/series?limit=3",
    }
    assert {d.name for d in DATASETS} == set(lists)
    for dataset in DATASETS:
        assert dataset.objects() == all_results(client, lists[dataset.name]), dataset.name
