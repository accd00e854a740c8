"""Search that forgives (issue 13): a typo gets "Did you mean" from the library's own
words, zero results keep the filters and offer ways on, and the real practices of the
seeds come before the demo ones for their own words. On both databases."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict

from sterk.core import search
from sterk.practices import selectors
from sterk.practices.models import Practice, SearchWord

from .factories import published

pytestmark = pytest.mark.django_db


def results(query: str) -> selectors.Results:
    return selectors.library_search(QueryDict(query))


@pytest.fixture
def library(antwerpen):
    published(
        slug="wonen",
        title_nl="Wonen met kansen",
        summary_nl="Samen tegen financiële onderbescherming in de wijk.",
        region=antwerpen,
    )
    published(slug="jong", title_nl="Jongeren op weg", summary_nl="Jongeren na de jeugdhulp.")


def test_a_typo_gets_the_nearest_word_of_the_index(library) -> None:
    found = results("q=onderbeschermnig")
    assert found.total == 0
    assert [s.text for s in found.suggestions][:1] == ["onderbescherming"]
    # The suggestion is a query that finds something.
    assert [p.slug for p in results(found.suggestions[0].url).practices] == ["wonen"]


def test_only_unknown_words_are_replaced_and_accents_come_back(library) -> None:
    assert selectors.suggest("jongren onderbescherming")[0] == "jongeren onderbescherming"
    assert selectors.suggest("financiel")[0] == "financiële"
    assert selectors.suggest("jongeren") == []  # every word known: nothing to suggest
    assert selectors.suggest("xqzwv") == []  # nothing near


def test_the_suggestion_keeps_the_filters_and_shows_as_a_link(client, library) -> None:
    response = client.get("/nl/praktijken/?q=onderbeschermnig&regio=antwerpen&pagina=2")
    html = response.content.decode()
    suggestion = re.search(r'<p class="search-suggestion">(.*?)</p>', html, re.S)
    assert suggestion is not None, html
    link = re.search(r'<a href="\?([^"]+)">onderbescherming</a>', suggestion.group(1))
    assert link is not None
    params = QueryDict(link.group(1).replace("&amp;", "&"))
    assert params["q"] == "onderbescherming" and params["regio"] == "antwerpen"
    assert "pagina" not in params


def test_zero_results_keep_the_filters_and_offer_ways_on(client, library) -> None:
    html = client.get("/nl/praktijken/?q=xqzwv&regio=antwerpen").content.decode()
    # The filters are still there: the chosen one to take off, the others at zero.
    assert 'name="regio" value="antwerpen"' in html and "checked" in html
    assert html.count('class="facet"') >= 3  # region, sector, target group
    assert 'class="chosen-filters"' in html
    ways = re.search(r'<div class="no-results">(.*?)</div>', html, re.S)
    assert ways is not None
    hrefs = re.findall(r'href="([^"]+)"', ways.group(1))
    assert "?regio=antwerpen" in hrefs  # the filters without the words
    assert "/nl/praktijken/?q=xqzwv" in hrefs  # the words without the filters
    assert "/nl/praktijken/" in hrefs  # everything
    assert "/nl/praktijken/delen/" in hrefs


def test_zero_results_without_filters_still_show_the_filters(client, library) -> None:
    html = client.get("/nl/praktijken/?q=xqzwv").content.decode()
    assert 'name="regio" value="antwerpen"' in html
    assert html.count('class="facet"') >= 3  # region, sector, target group


def test_the_vocabulary_follows_the_library(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        published(slug="een", title_nl="Buurtsoep", summary_nl="Soep.")
    assert selectors.suggest("buurtsop") == ["buurtsoep"]
    with django_capture_on_commit_callbacks(execute=True):
        published(slug="twee", title_nl="Kangoeroewerking", summary_nl="Samen.")
    assert selectors.suggest("kangoeroewerkng") == ["kangoeroewerking"]
    assert SearchWord.objects.filter(word="kangoeroewerking").exists()


@pytest.mark.parametrize(
    ("a", "b"), [("onderbeschermnig", "onderbescherming"), ("jongren", "jongeren"), ("a", "b")]
)
def test_python_similarity_is_pg_trgm_similarity(a: str, b: str) -> None:
    expected = {
        ("onderbeschermnig", "onderbescherming"): 0.6190476,
        ("jongren", "jongeren"): 0.5454545,
        ("a", "b"): 0.0,
    }[(a, b)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT similarity(%s, %s)", [a, b])
            expected = cursor.fetchone()[0]
    assert search.similarity(a, b) == pytest.approx(expected, abs=1e-6)


def test_real_practices_come_before_demo_ones(settings) -> None:
    call_command("load_content", verbosity=0)
    call_command("load_actionplan", verbosity=0)
    call_command("load_practices", verbosity=0)
    settings.DEBUG = True
    call_command("load_practices_demo", verbosity=0)
    real = set(Practice.objects.filter(is_demo=False).values_list("slug", flat=True))
    assert len(real) == 6 and not any(slug.startswith("demo-") for slug in real)
    assert Practice.objects.filter(is_demo=True).count() >= 200
    top = [p.slug for p in results("q=jongeren").practices]
    assert top[0] == "cachet-mechelen-grote-stap", top
    # Every real practice that "jongeren" finds comes before the demo ones it finds.
    found_real = [s for s in top if s in real]
    assert top[: len(found_real)] == found_real and len(found_real) >= 2
