"""/mijn/ reads the person's own rows once per data version and clock moment (#14), kept
per person: a second visit reads none of them, a change (theirs or another's) shows at
the next visit, and one person never sees another's. The newsletter fields are rendered
once per set of choices and show each person's own ticks. Commits for real."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sterk.core.tests.support import without_page_cache  # noqa: F401
from sterk.events.tests.factories import EventFactory
from sterk.network.tests.factories import MembershipFactory, RegionFactory, UserFactory
from sterk.newsletter.tests.factories import SubscriberFactory

LEAVE_LIMBURG = "Limburg verlaten"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def _my_page(client):  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/nl/mijn/")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_visit_reads_nothing_from_the_database(client):
    user = UserFactory()
    MembershipFactory(user=user, region=RegionFactory(name_nl="Limburg"))
    client.force_login(user)
    first, _ = _my_page(client)
    again, queries = _my_page(client)
    assert "Limburg" in first and again.count("Limburg") == first.count("Limburg")
    # The session (the shared cache), the person and their rows (kept per worker).
    assert queries == 0


def test_a_registration_shows_at_the_next_visit(client):
    user = UserFactory()
    client.force_login(user)
    html, _ = _my_page(client)
    assert "Terugkomdag" not in html
    event = EventFactory(title_nl="Terugkomdag", capacity=10)
    response = client.post(f"/nl/agenda/{event.slug}/inschrijven/", {})
    assert response.status_code == 302
    html, _ = _my_page(client)
    assert "Terugkomdag" in html


def test_one_person_never_sees_another_persons_page(client):
    an, bo = UserFactory(first_name="An"), UserFactory(first_name="Bo")
    MembershipFactory(user=an, region=RegionFactory(name_nl="Limburg"))
    client.force_login(an)
    assert LEAVE_LIMBURG in _my_page(client)[0]
    client.force_login(bo)
    html, _ = _my_page(client)
    assert "Hallo Bo" in html
    assert LEAVE_LIMBURG not in html


def test_the_newsletter_fields_show_each_persons_own_ticks(client):
    limburg = RegionFactory(name_nl="Limburg")
    an, bo = UserFactory(), UserFactory()
    subscriber = SubscriberFactory(user=an, email=an.email)
    subscriber.regions.add(limburg)
    checked = f'value="{limburg.pk}" id="id_newsletter_regions_'
    client.force_login(an)
    html, _ = _my_page(client)
    mine = html[html.index(checked) - 120 : html.index(checked) + 80]
    assert "checked" in mine
    client.force_login(bo)
    html, _ = _my_page(client)
    theirs = html[html.index(checked) - 120 : html.index(checked) + 80]
    assert "checked" not in theirs
