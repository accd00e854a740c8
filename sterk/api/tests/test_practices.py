"""The practice library and its calls through the API: the library page's search, facets
and counts, and what a practice's and a call's page show, for everyone alike."""

import re

import pytest

from sterk.api.resources.practices import practices
from sterk.network.tests.factories import RegionFactory
from sterk.practices.models import Status
from sterk.practices.selectors import library_changed
from sterk.practices.tests import factories
from sterk.practices.tests.factories import (
    CallFactory,
    KrachtlijnFactory,
    OrganisationFactory,
    PracticeFactory,
)

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    get_json,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_library_cache():
    # The library caches its counts per version in the locmem cache, which outlives a
    # test's rolled-back rows.
    from django.core.cache import cache

    cache.clear()


def published(**kwargs):
    """A practice in the library, and the library's cached counts told (as the commit of
    the publishing transaction does; a test's transaction never commits)."""
    practice = factories.published(**kwargs)
    library_changed()
    return practice


CARD = r'<h3><a href="/nl/praktijken/([\w-]+)/">'
# One option of a facet on the library page: its parameter, value and count.
OPTION = r'name="(\w+)" value="([^"]+)"[^>]*>[^\n]*?<span class="count">\((\d+)\)</span>'


@pytest.fixture
def library():
    nabij = KrachtlijnFactory(slug="nabij")
    verbind = KrachtlijnFactory(slug="verbind")
    gent = RegionFactory(slug="gent")
    socius = OrganisationFactory(name="Socius")
    p = {
        "armoede": published(
            slug="armoede-titel",
            title_nl="Armoede samen aanpakken",
            krachtlijnen=[nabij],
            region=gent,
            sector="care",
        ),
        "armoede_tekst": published(
            slug="armoede-tekst",
            title_nl="Een buurthuis",
            summary_nl="Ook over armoede, terloops.",
            krachtlijnen=[nabij, verbind],
            organisations=[socius],
        ),
        "jong": published(
            slug="jongeren", title_nl="Thuisloze jongeren", sector="care", target_group="homeless"
        ),
        "verbind": published(slug="verbinden", title_nl="Verbinden", krachtlijnen=[verbind]),
        # Never in the library: submitted, draft, declined.
        "submitted": PracticeFactory(slug="ingediend", title_nl="Armoede ingediend"),
        "draft": PracticeFactory(slug="klad", status=Status.DRAFT, title_nl="Armoede klad"),
        "declined": PracticeFactory(slug="geweigerd", status=Status.DECLINED),
    }
    return p


HIDDEN = {"ingediend", "klad", "geweigerd"}
QUERIES = [
    "",
    "q=armoede",
    "krachtlijn=nabij",
    "krachtlijn=nabij&krachtlijn=verbind",
    "q=armoede&krachtlijn=verbind",
    "sector=care&regio=gent",
    "q=onbekendwoord",
]


def _page(client, query):
    html = client.get(f"/nl/praktijken/?{query}").content.decode()
    counts = {(param, value): int(n) for param, value, n in re.findall(OPTION, html)}
    return re.findall(CARD, html), counts


def _api(client, query):
    body = get_json(client, f"/api/v1/practices?limit=100&{query}")
    counts = {
        (param, o["value"]): o["count"]
        for param, facet in body["facets"].items()
        for o in facet["options"]
    }
    return [p["slug"] for p in body["results"]], counts


@pytest.mark.parametrize("query", QUERIES)
def test_the_practices_and_facet_counts_are_the_library_pages(client, library, query):
    api, api_counts = _api(client, query)
    shown, page_counts = _page(client, query)
    assert api == shown  # the same practices in the same order
    assert api_counts == page_counts
    assert not set(api) & HIDDEN
    if query != "q=onbekendwoord":
        assert api and page_counts


def test_a_search_ranks_and_a_window_keeps_the_order(client, library):
    slugs = [p["slug"] for p in all_results(client, "/api/v1/practices?q=armoede&limit=1")]
    assert slugs == ["armoede-titel", "armoede-tekst"]
    newest_first = [p["slug"] for p in all_results(client, "/api/v1/practices?limit=3")]
    assert newest_first == ["verbinden", "jongeren", "armoede-tekst", "armoede-titel"]
    assert [p["slug"] for p in all_results(client, "/api/v1/practices?limit=3")] == [
        p.slug for p in practices()
    ]
    assert page_links(client, "/nl/praktijken/", CARD) == set(newest_first)


def test_a_chosen_facet_counts_as_on_the_page(client, library):
    body = get_json(client, "/api/v1/practices?krachtlijn=verbind&lang=en")
    options = {o["value"]: o for o in body["facets"]["krachtlijn"]["options"]}
    # Counted as if the choice were not made, so "nabij" shows what choosing it adds.
    assert options["verbind"] == {**options["verbind"], "count": 2, "selected": True}
    assert options["nabij"]["count"] == 2 and not options["nabij"]["selected"]
    assert body["facets"]["krachtlijn"]["label"] == "Core principle"
    assert {o["value"]: o["count"] for o in body["facets"]["sector"]["options"]} == {}
    assert body["count"] == 2


def test_unknown_words_get_the_pages_suggestion(client, library):
    body = get_json(client, "/api/v1/practices?q=armoedr")
    assert body["count"] == 0 and body["suggestions"][0] == "armoede"


def test_a_repeated_facet_stays_in_the_next_link(client, library):
    slugs = {
        p["slug"]
        for p in all_results(
            client, "/api/v1/practices?krachtlijn=nabij&krachtlijn=verbind&limit=1"
        )
    }
    assert slugs == {"armoede-titel", "armoede-tekst", "verbinden"}


def test_a_practice_shows_what_its_page_shows(client, library):
    practice = library["armoede"]
    practice.contact_name, practice.contact_email = "Lies", "lies@example.org"
    practice.save()
    body = get_json(client, "/api/v1/practices/armoede-titel")
    assert body["contact"] is None  # no consent: the page does not show it
    practice.contact_consent = True
    practice.save()
    body = get_json(client, "/api/v1/practices/armoede-titel?lang=fr")
    assert body["contact"] == {"name": "Lies", "email": "lies@example.org"}
    assert body["region"]["slug"] == "gent"
    assert body["url"].endswith("/fr/praktijken/armoede-titel/")
    assert [k["slug"] for k in body["krachtlijnen"]] == ["nabij"]
    assert body["story"] == "Het **volledige** verhaal."
    related = page_links(client, "/nl/praktijken/armoede-titel/", CARD)
    assert {p["slug"] for p in body["related"]} == related == {"armoede-tekst"}


def test_a_practice_not_in_the_library_is_a_problem_detail(client, library):
    for slug in [*sorted(HIDDEN), "nergens"]:
        response = client.get(f"/api/v1/practices/{slug}")
        assert response.status_code == 404, slug
        assert response["Content-Type"] == "application/problem+json"


def test_the_library_takes_a_constant_number_of_queries(client):
    krachtlijn = KrachtlijnFactory()
    region = RegionFactory()

    def grow(n):
        for i in range(n):
            published(
                title_nl=f"Armoede {i}",
                krachtlijnen=[krachtlijn],
                organisations=[OrganisationFactory()],
                region=region,
            )

    # 3 and 30 keep the test quick; the benchmark covers 10 to 1,000 and 100,000.
    url = "/api/v1/practices?limit=100&q=armoede&krachtlijn=" + krachtlijn.slug
    assert_constant_queries(client, url, grow, small=3, large=30)


# --- calls -----------------------------------------------------------------------------------


@pytest.fixture
def calls():
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    c = {
        "open": CallFactory(slug="open"),
        "soon": CallFactory(
            slug="binnenkort",
            opens_on=today + datetime.timedelta(days=3),
            closes_on=today + datetime.timedelta(days=30),
        ),
        "closed": CallFactory(
            slug="gesloten",
            opens_on=today - datetime.timedelta(days=60),
            closes_on=today - datetime.timedelta(days=1),
        ),
    }
    published(slug="via-oproep", call=c["closed"])
    PracticeFactory(slug="nog-niet", call=c["closed"])  # submitted: not counted
    return c


def test_every_call_has_its_page_and_the_open_ones_are_the_librarys(client, calls):
    api = {c["slug"]: c for c in all_results(client, "/api/v1/calls?limit=1")}
    assert set(api) == {"open", "binnenkort", "gesloten"}
    for slug, call in api.items():
        path = "/" + call["url"].split("/", 3)[3]
        assert client.get(path).status_code == 200, slug
    assert {k: c["state"] for k, c in api.items()} == {
        "open": "open",
        "binnenkort": "not_yet_open",
        "gesloten": "closed",
    }
    open_now = {c["slug"] for c in all_results(client, "/api/v1/calls?open=true")}
    assert open_now == page_links(client, "/nl/praktijken/", r'href="/nl/oproepen/([\w-]+)/"')
    others = {c["slug"] for c in all_results(client, "/api/v1/calls?open=false")}
    assert others == {"binnenkort", "gesloten"}


def test_a_call_counts_its_published_stories_as_its_page(client, calls):
    body = get_json(client, "/api/v1/calls/gesloten")
    html = client.get("/nl/oproepen/gesloten/").content.decode()
    assert body["published_count"] == 1
    assert re.search(r"<dd>1</dd>", html)
    assert get_json(client, "/api/v1/calls/open")["published_count"] == 0
    response = client.get("/api/v1/calls/nergens")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_call_list_takes_a_constant_number_of_queries(client):
    krachtlijn = KrachtlijnFactory()

    def grow(n):
        for _ in range(n):
            call = CallFactory(krachtlijn=krachtlijn)
            published(call=call)

    assert_constant_queries(client, "/api/v1/calls?limit=100", grow, small=3, large=30)


def test_a_session_of_any_role_changes_nothing(client, library, calls):
    region = RegionFactory()
    everyone = people(
        region=region,
        other_region=RegionFactory(),
        organisation=calls["open"].owner,
        other_organisation=OrganisationFactory(),
    )
    assert_same_for_everyone(
        client,
        [
            "/api/v1/practices",
            "/api/v1/practices?q=armoede&krachtlijn=nabij",
            "/api/v1/practices/armoede-titel",
            "/api/v1/calls",
            "/api/v1/calls/open",
        ],
        everyone,
    )


def test_the_downloads_are_the_lists(client, library, calls):
    from sterk.api.resources.practices import DATASETS

    for dataset in DATASETS:
        assert dataset.objects() == all_results(client, f"/api/v1/{dataset.name}?limit=2")
