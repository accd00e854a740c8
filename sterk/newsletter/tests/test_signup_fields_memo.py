"""The footer's sign-up form is on every visitor's page; its fields are rendered once per
data version and language (#14), and a change to a region shows at the next request."""

import pytest
from django.test import Client

from sterk.core.tests.support import get_counting_queries, without_page_cache  # noqa: F401
from sterk.network.models import Region
from sterk.network.tests.factories import RegionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def test_the_fields_are_rendered_once_per_data_version_and_language(client):
    region = RegionFactory(name_nl="Antwerpen", name_fr="Anvers")
    first, body = get_counting_queries(client, "/nl/over/")
    second, again = get_counting_queries(client, "/nl/over/")
    assert second == first - 2  # the form's regions and krachtlijnen, read once
    assert 'id="id_footer_regions_0"' in body and ">Antwerpen</span>" in again
    _, french = get_counting_queries(client, "/fr/over/")
    assert ">Anvers</span>" in french and 'value="fr" selected' in french
    Region.objects.filter(pk=region.pk).update(name_nl="Provincie Antwerpen")
    third, changed = get_counting_queries(client, "/nl/over/")
    assert third == first
    assert ">Provincie Antwerpen</span>" in changed


def test_a_second_visitor_signs_up_with_the_token_of_their_own_page():
    """The kept fields hold no CSRF token: each visitor's page carries their own."""
    RegionFactory()
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        _, page = get_counting_queries(visitor, "/nl/over/")
        token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        response = visitor.post(
            "/nl/nieuwsbrief/inschrijven/",
            {
                "csrfmiddlewaretoken": token,
                "email": f"bezoeker{_}@example.org",
                "language": "nl",
                "consent": "on",
            },
        )
        assert response.status_code == 302  # to the thank-you page, not a 403
