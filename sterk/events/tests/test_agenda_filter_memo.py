"""The unfiltered agenda's filter fields are the same for everyone but the language: they
are rendered once per data version (#14); a filtered agenda shows the visitor's choices,
and a change to a region shows at the next request."""

import pytest

from sterk.core.tests.support import get_counting_queries, without_page_cache  # noqa: F401
from sterk.network.models import Region
from sterk.network.tests.factories import RegionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def test_the_unfiltered_fields_are_rendered_once_and_a_change_shows_at_once(client):
    region = RegionFactory(name_nl="Antwerpen", name_fr="Anvers", slug="antwerpen")
    get_counting_queries(client, "/nl/over/")  # the footer's form is kept (its own memo)
    first, body = get_counting_queries(client, "/nl/agenda/")
    second, again = get_counting_queries(client, "/nl/agenda/")
    # The filter's regions and krachtlijnen, and the agenda's page itself, read once.
    assert second == 0 < first
    assert body.count('name="regio"') == again.count('name="regio"') == 1
    assert '<option value="antwerpen">Antwerpen</option>' in again
    _, french = get_counting_queries(client, "/fr/agenda/")
    assert ">Anvers</option>" in french and "Toutes les régions" in french
    Region.objects.filter(pk=region.pk).update(name_nl="Provincie Antwerpen")
    get_counting_queries(client, "/nl/over/")
    third, changed = get_counting_queries(client, "/nl/agenda/")
    assert third == first
    assert ">Provincie Antwerpen</option>" in changed


def test_a_filtered_agenda_keeps_what_the_visitor_chose(client):
    RegionFactory(name_nl="Antwerpen", slug="antwerpen")
    get_counting_queries(client, "/nl/agenda/")  # the unfiltered fields are kept
    _, body = get_counting_queries(client, "/nl/agenda/?regio=antwerpen&voorbij=on")
    assert '<option value="antwerpen" selected>Antwerpen</option>' in body
    assert 'name="voorbij" id="id_voorbij" checked' in body
    assert 'name="opname"' in body  # only offered among past events
    _, unfiltered = get_counting_queries(client, "/nl/agenda/")
    assert " selected>Antwerpen" not in unfiltered and 'name="opname"' not in unfiltered
