"""The agenda's page is read once per data version and clock moment for everyone who may
see the same events (#14): visitors share one, signed-in people with the same roles
another; a members' event is never shown to a visitor, a chair sees their region's
draft-free events as before, and a new event shows at the next request."""

import pytest

from sterk.core.tests.support import get_counting_queries, without_page_cache  # noqa: F401
from sterk.events.models import Visibility
from sterk.events.tests.factories import EventFactory, chair_of
from sterk.network.tests.factories import RegionFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def test_visitors_and_members_each_get_their_own_agenda(client):
    EventFactory(title_nl="Voor iedereen")
    EventFactory(title_nl="Voor leden", visibility=Visibility.MEMBERS)
    _, visitor = get_counting_queries(client, "/nl/agenda/")
    assert "Voor iedereen" in visitor and "Voor leden" not in visitor
    client.force_login(UserFactory())
    _, member = get_counting_queries(client, "/nl/agenda/")
    assert "Voor leden" in member
    client.force_login(UserFactory())  # another member, the same roles: the same page
    _, other = get_counting_queries(client, "/nl/agenda/")
    assert "Voor leden" in other
    client.logout()
    _, again = get_counting_queries(client, "/nl/agenda/")
    assert "Voor leden" not in again  # the visitors' page, not the members'


def test_a_visitor_reads_the_agenda_once_and_a_new_event_shows_at_once(client):
    EventFactory(title_nl="Eerste")
    get_counting_queries(client, "/nl/agenda/")
    second, _ = get_counting_queries(client, "/nl/agenda/")
    assert second == 0
    EventFactory(title_nl="Tweede")
    third, body = get_counting_queries(client, "/nl/agenda/")
    assert third > 0 and "Tweede" in body


def test_a_chair_sees_the_roles_events_of_their_region(client):
    antwerpen = RegionFactory(slug="antwerpen")
    EventFactory(title_nl="Voor voorzitters", visibility=Visibility.ROLES, invited_roles=["chair"])
    client.force_login(UserFactory())
    assert "Voor voorzitters" not in get_counting_queries(client, "/nl/agenda/")[1]
    client.force_login(chair_of(antwerpen))
    assert "Voor voorzitters" in get_counting_queries(client, "/nl/agenda/")[1]
