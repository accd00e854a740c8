"""The management lists and the dashboard's panels are read once per data version (and
management version, clock moment) for everyone with the same roles (#14): a second visit
reads neither the rows nor the counts; a change shows at the next request; a chair of
another region never gets the coordinator's rows. Commits for real."""

import pytest
from django.urls import reverse

from sterk.actionplan.tests.factories import ActionFactory
from sterk.core.tests.support import get_counting_queries, without_page_cache  # noqa: F401
from sterk.events.tests.factories import EventFactory
from sterk.network.models import Role
from sterk.network.tests.factories import ContactRequestFactory, RegionFactory
from sterk.network.tests.test_manage_views import manager
from sterk.practices.models import Status
from sterk.practices.tests.factories import PracticeFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def _sql(client, url):  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), " ".join(q["sql"] for q in queries.captured_queries)


def test_the_agenda_list_is_read_once_and_follows_a_new_event(client):
    antwerpen = RegionFactory(name_nl="Antwerpen")
    EventFactory(title_nl="Intervisie Antwerpen", region=antwerpen)
    client.force_login(manager(Role.COORDINATOR))
    url = reverse("events_manage:event_list")
    html, sql = _sql(client, url)
    assert "Intervisie Antwerpen" in html and "events_event" in sql
    again, sql = _sql(client, url)
    assert again.count("<tr>") == html.count("<tr>") and "events_event" not in sql
    EventFactory(title_nl="Lerend netwerk")
    html, _ = _sql(client, url)
    assert "Lerend netwerk" in html


def test_a_chair_of_another_region_gets_their_own_events_not_the_kept_ones(client):
    antwerpen, limburg = RegionFactory(name_nl="Antwerpen"), RegionFactory(name_nl="Limburg")
    EventFactory(title_nl="Intervisie Antwerpen", region=antwerpen)
    EventFactory(title_nl="Intervisie Limburg", region=limburg)
    url = reverse("events_manage:event_list")
    client.force_login(manager(Role.COORDINATOR))
    html, _ = _sql(client, url)
    assert "Intervisie Antwerpen" in html and "Intervisie Limburg" in html
    client.force_login(manager(Role.CHAIR, region=limburg))
    html, _ = _sql(client, url)
    assert "Intervisie Limburg" in html and "Intervisie Antwerpen" not in html


def test_the_action_list_is_read_once_per_filter(client):
    ActionFactory(title_nl="Samen sterker")
    ActionFactory(title_nl="Jongeren eerst")
    client.force_login(manager(Role.COORDINATOR))
    url = reverse("actionplan_manage:action_list")
    html, sql = _sql(client, url)
    assert "Samen sterker" in html and "Jongeren eerst" in html
    _, sql = _sql(client, url)
    assert "actionplan_action" not in sql and "actionplan_challenge" not in sql
    html, _ = _sql(client, f"{url}?q=jongeren")
    assert "Jongeren eerst" in html and "Samen sterker" not in html
    ActionFactory(title_nl="Jongeren mee")
    assert "Jongeren mee" in _sql(client, f"{url}?q=jongeren")[0]


def test_the_moderation_queue_is_kept_per_roles(client):
    antwerpen, limburg = RegionFactory(name_nl="Antwerpen"), RegionFactory(name_nl="Limburg")
    PracticeFactory(title_nl="Buurtwerk Antwerpen", region=antwerpen, status=Status.SUBMITTED)
    PracticeFactory(title_nl="Buurtwerk Limburg", region=limburg, status=Status.SUBMITTED)
    url = reverse("practices_manage:queue")
    client.force_login(manager(Role.COORDINATOR))
    html, _ = _sql(client, url)
    assert "Buurtwerk Antwerpen" in html and "Buurtwerk Limburg" in html
    _, sql = _sql(client, url)
    assert "practices_practice" not in sql
    client.force_login(manager(Role.CHAIR, region=antwerpen))
    html, _ = _sql(client, url)
    assert "Buurtwerk Antwerpen" in html and "Buurtwerk Limburg" not in html


def test_the_dashboard_panels_are_read_once_and_follow_the_management_data(client):
    antwerpen = RegionFactory(name_nl="Antwerpen")
    client.force_login(manager(Role.COORDINATOR))
    url = reverse("manage:dashboard")
    _sql(client, url)
    _, sql = _sql(client, url)
    # Neither the practices' nor the contact requests' counts are read again...
    assert "practices_practice" not in sql and "network_contactrequest" not in sql
    before = _sql(client, url)[0]
    # ...and a contact request (management data, the public version stays) shows at once.
    ContactRequestFactory(region=antwerpen)
    assert _sql(client, url)[0] != before


def test_a_chair_gets_their_own_dashboard_counts(client):
    antwerpen, limburg = RegionFactory(name_nl="Antwerpen"), RegionFactory(name_nl="Limburg")
    PracticeFactory(region=antwerpen, status=Status.SUBMITTED)
    url = reverse("manage:dashboard")
    client.force_login(manager(Role.CHAIR, region=antwerpen))
    mine = _sql(client, url)[0]
    client.force_login(manager(Role.CHAIR, region=limburg))
    other = _sql(client, url)[0]
    assert "1 praktijk wacht op moderatie" in mine
    assert "0 praktijken wachten op moderatie" in other
