"""A NUL byte, a non-numeric id or an id beyond a bigint never gives a 500."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from sterk.core.params import MAX_ID, parse_id
from sterk.events.tests.factories import EventFactory, coordinator
from sterk.network.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db

ISSUE_URLS = [
    "/nl/praktijken/?q=a%00b",
    "/nl/contact/?regio=a%00b",
    "/nl/agenda/?q=a%00b",
    "/nl/regio/?q=a%00b",
    "/nl/actieplan/?regio=a%00b",
    "/nl/praktijken/?organisatie=a%00b",
    "/nl/agenda/?pagina=a%00b",
    "/nl/praktijken/a%00b/",
]

# Every query parameter the views read (grep request.GET / params.get / form fields).
PARAMS = [
    "q",
    "regio",
    "pagina",
    "page",
    "onderwerp",
    "toon",
    "status",
    "uitdaging",
    "herkomst",
    "email",
    "vanaf",
    "tot",
    "type",
    "krachtlijn",
    "organisatie",
    "jaar",
    "next",
]


def parameterless_urls() -> list[str]:
    """Every URL of the project that takes no argument, in Dutch."""
    found: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for p in patterns:
            route = str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + route)
            elif isinstance(p, URLPattern) and "<" not in route and "(?P" not in route:
                url = prefix + route
                if url.startswith(("admin/", "^admin")) or "^" in url or "$" in url:
                    continue
                found.append("/" + url)

    with translation.override("nl"):
        walk(get_resolver().url_patterns, "")
    return sorted(set(found))


@pytest.fixture(autouse=True)
def _no_totp(settings):
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False


@pytest.fixture
def content(db):
    region = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    EventFactory(organiser="region", region=region)
    return region


@pytest.mark.parametrize("url", ISSUE_URLS)
def test_a_nul_byte_in_the_query_string_is_a_400_with_a_page(client, content, url):
    response = client.get(url)
    assert response.status_code == 400
    assert b"<h1>" in response.content


def test_a_nul_byte_in_a_posted_form_is_a_400(client, content):
    response = client.post(
        "/nl/contact/", {"name": "An\x00", "email": "an@example.org", "message": "Hallo"}
    )
    assert response.status_code == 400


def test_a_nul_byte_in_a_cookie_is_dropped_not_a_500(client, content):
    """The session key went into a PostgreSQL query: a 500 on every page."""
    client.raise_request_exception = False
    cookie = 'sessionid="abcdefgh\\000xyz"; csrftoken="a\\000b"; django_language="n\\000l"'
    assert client.get("/nl/", HTTP_COOKIE=cookie).status_code == 200
    assert client.get("/nl/contact/", HTTP_COOKIE=cookie).status_code == 200


def test_ordinary_requests_pass(client, content):
    assert client.get("/nl/praktijken/?q=zorg").status_code == 200
    assert client.get("/nl/contact/?regio=antwerpen").status_code == 200


def test_every_parameterless_url_with_a_nul_in_every_known_parameter_is_not_a_500(client, content):
    urls = parameterless_urls()
    assert "/nl/agenda/" in urls and "/nl/praktijken/" in urls and "/nl/beheer/" in urls
    query = "&".join(f"{name}=a%00b" for name in PARAMS)
    client.force_login(coordinator())
    for url in urls:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, url


@pytest.mark.parametrize("value", ["abc", "²", "-1", "0", "9" * 30, "1.5", " 1", ""])
def test_odd_ids_and_numbers_in_every_known_parameter_are_not_a_500(client, content, value):
    client.force_login(coordinator())
    query = "&".join(f"{name}={value}" for name in PARAMS)
    for url in parameterless_urls():
        if url.endswith("/uitloggen/") or "logout" in url:
            continue
        response = client.get(f"{url}?{query}")
        assert response.status_code < 500, url


def urls_with_every_argument(value: str) -> list[str]:
    """Every URL of the project with each path argument replaced by `value` (ints by a
    number beyond a bigint), in Dutch."""
    import re

    found: list[str] = []

    def fill(route: str) -> str:
        route = re.sub(r"<int:\w+>", "9" * 25, route)
        return re.sub(r"<(?:\w+:)?\w+>", value, route)

    def walk(patterns, prefix: str) -> None:
        for p in patterns:
            route = str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + fill(route))
            elif isinstance(p, URLPattern) and "<" in route and "(?P" not in route:
                url = prefix + fill(route)
                if url.startswith("admin/") or "^" in url or "$" in url:
                    continue
                found.append("/" + url)

    with translation.override("nl"):
        walk(get_resolver().url_patterns, "")
    return sorted(set(found))


def test_every_url_with_an_unknown_or_oversized_id_is_a_4xx(client, content):
    urls = urls_with_every_argument("onbekend")
    assert any("/beheer/agenda/" in u for u in urls)
    client.force_login(coordinator())
    for url in urls:
        assert client.get(url).status_code in (400, 403, 404, 405), url


@pytest.mark.parametrize("value", ["abc", "²", "9" * 30, ""])
def test_check_in_with_a_non_numeric_registration_is_a_404(client, content, value):
    from django.urls import reverse

    event = EventFactory(organiser="region", region=content)
    client.force_login(coordinator())
    url = reverse("events_manage:check_in", args=[event.pk])
    assert client.post(url, {"registration": value, "present": "1"}).status_code == 404


def test_parse_id():
    assert parse_id("12") == 12 and parse_id(12) == 12
    for bad in ("abc", "²", "-1", "0", str(MAX_ID + 1), "1.5", None, True, " 1"):
        assert parse_id(bad) is None, bad
