"""The page cache (sterk.core.pagecache): what is kept, for whom, and when it changes.

The tests commit for real (transaction=True): the version changes when a transaction
commits, and a connection with uncommitted writes of its own bypasses the cache."""

from __future__ import annotations

import datetime
import re
from unittest import mock

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from sterk.core import pagecache
from sterk.core.models import AuditEntry
from sterk.events import services as event_services
from sterk.events.models import Event
from sterk.events.tests.factories import EventFactory, coordinator
from sterk.network.tests.factories import UserFactory
from sterk.practices import selectors as practice_selectors
from sterk.practices import services as practice_services
from sterk.practices.tests.factories import PracticeFactory, published

pytestmark = pytest.mark.django_db(transaction=True)

AGENDA = "/nl/agenda/"
LIBRARY = "/nl/praktijken/"
NONCE = re.compile(r'nonce="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ONCE = re.compile(r'name="_once" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    settings.STERK_PAGE_CACHE = True
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    cache.clear()


def state(response) -> str | None:  # type: ignore[no-untyped-def]
    return response.headers.get("X-Page-Cache")


def test_second_visit_is_a_hit_without_queries(client, django_assert_num_queries):
    EventFactory(title_nl="Intervisie jeugdhulp")
    first = client.get(AGENDA)
    assert first.status_code == 200 and state(first) == "miss"
    with django_assert_num_queries(0):
        second = client.get(AGENDA)
    assert state(second) == "hit"
    assert "Intervisie jeugdhulp" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "nl"


def test_a_change_through_a_service_shows_at_once(client):
    event = EventFactory(title_nl="Oude titel")
    client.get(AGENDA)
    assert state(client.get(AGENDA)) == "hit"
    event_services.event_update(actor=coordinator(), event=event, data={"title_nl": "Nieuwe titel"})
    response = client.get(AGENDA)
    body = response.content.decode()
    assert "Nieuwe titel" in body and "Oude titel" not in body
    assert state(response) == "miss"


def test_an_update_without_signals_bumps_the_version(client):
    event = EventFactory(title_nl="Oude titel")
    client.get(AGENDA)
    Event.objects.filter(pk=event.pk).update(title_nl="Bijgewerkt")
    assert "Bijgewerkt" in client.get(AGENDA).content.decode()


def test_a_bulk_create_bumps_the_version(client):
    client.get(AGENDA)
    template = EventFactory.build(slug="bulk-een", title_nl="Massaal aangemaakt")
    Event.objects.bulk_create([template])
    assert "Massaal aangemaakt" in client.get(AGENDA).content.decode()


def test_a_statement_that_touches_no_row_keeps_the_version():
    before = pagecache.version()
    Event.objects.filter(slug="does-not-exist").update(title_nl="x")
    Event.objects.filter(slug="does-not-exist").delete()
    assert pagecache.version() == before


def test_a_rolled_back_change_keeps_the_version():
    before = pagecache.version()
    with pytest.raises(RuntimeError), transaction.atomic():
        EventFactory()
        raise RuntimeError
    assert pagecache.version() == before


def test_writes_that_change_no_page_keep_the_version():
    user = UserFactory()
    before = pagecache.version()
    AuditEntry.objects.create(action="test.done", object_type="x")
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    assert pagecache.version() == before
    user.first_name = "Anders"
    user.save(update_fields=["first_name"])
    assert pagecache.version() != before


def test_uncommitted_writes_bypass_the_cache(client):
    EventFactory(title_nl="Vast")
    client.get(AGENDA)
    with transaction.atomic():
        Event.objects.filter(title_nl="Vast").update(title_nl="Nog niet vastgelegd")
        response = client.get(AGENDA)
        assert state(response) is None
        assert "Nog niet vastgelegd" in response.content.decode()


def test_signed_in_people_never_get_or_fill_the_cache(client):
    client.get(AGENDA)
    assert state(client.get(AGENDA)) == "hit"
    member = Client()
    member.force_login(UserFactory())
    for _ in range(2):
        response = member.get(AGENDA)
        assert state(response) is None
        assert 'href="/nl/mijn/"' in response.content.decode()
    cache.clear()
    member.get(AGENDA)
    assert state(Client().get(AGENDA)) == "miss"


def test_a_session_with_data_is_not_served_from_the_cache(client):
    client.get(AGENDA)
    session = client.session
    session["something"] = "personal"
    session.save()
    assert state(client.get(AGENDA)) is None


def test_pending_messages_are_never_cached(client):
    client.get(AGENDA)
    assert state(client.get(AGENDA)) == "hit"
    with_message = Client()
    storage = CookieStorage(RequestFactory().get("/"))
    encoded = storage._encode([Message(constants.SUCCESS, "Bericht voor jou")])
    with_message.cookies["messages"] = encoded
    response = with_message.get(AGENDA)
    assert "Bericht voor jou" in response.content.decode()
    assert state(response) is None
    other = Client().get(AGENDA)
    assert state(other) == "hit" and "Bericht voor jou" not in other.content.decode()


def test_the_csp_nonce_is_fresh_and_matches_the_header_on_a_hit(client):
    client.get(AGENDA)
    nonces = set()
    for _ in range(2):
        response = client.get(AGENDA)
        assert state(response) == "hit"
        in_body = set(NONCE.findall(response.content.decode()))
        assert len(in_body) == 1
        nonce = in_body.pop()
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.add(nonce)
    assert len(nonces) == 2


def test_csrf_tokens_on_a_hit_belong_to_the_visitor():
    Client().get(AGENDA)
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(AGENDA)
        assert state(response) == "hit"
        tokens = CSRF.findall(response.content.decode())
        assert tokens
        secret = visitor.cookies["csrftoken"].value
        assert all(_unmask_cipher_token(t) == secret for t in tokens)
        # The language switcher on the cached page posts with this visitor's token.
        switched = visitor.post(
            "/i18n/setlang/", {"language": "fr", "csrfmiddlewaretoken": tokens[0]}
        )
        assert switched.status_code == 302


def test_one_time_form_tokens_are_fresh_on_every_hit(client):
    client.get("/nl/contact/")
    seen = set()
    for _ in range(2):
        response = client.get("/nl/contact/")
        assert state(response) == "hit"
        tokens = ONCE.findall(response.content.decode())
        assert len(tokens) == 1
        seen.add(tokens[0])
    assert len(seen) == 2


def test_language_and_query_are_part_of_the_key(client):
    client.get(AGENDA)
    french = client.get("/fr/agenda/")
    assert state(french) == "miss" and 'lang="fr"' in french.content.decode()
    client.get("/nl/praktijken/?q=jongeren&sector=x")
    assert state(client.get("/nl/praktijken/?sector=x&q=jongeren")) == "hit"
    assert state(client.get("/nl/praktijken/?q=ouderen&sector=x")) == "miss"


def test_htmx_partials_are_kept_apart_from_the_page(client):
    EventFactory(title_nl="Deel van de pagina")
    partial = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "agenda-results"}
    client.get(AGENDA, **partial)
    response = client.get(AGENDA, **partial)
    assert state(response) == "hit"
    assert "Deel van de pagina" in response.content.decode()
    assert "<html" not in response.content.decode()
    full = client.get(AGENDA)
    assert state(full) == "miss" and "<html" in full.content.decode()


def test_head_is_served_from_the_cache(client):
    client.get(AGENDA)
    response = client.head(AGENDA)
    assert response.status_code == 200 and state(response) == "hit"


def test_an_event_that_ends_leaves_upcoming_at_once(client):
    now = timezone.now()
    EventFactory(
        title_nl="Bijna voorbij",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(minutes=30),
    )
    assert "Bijna voorbij" in client.get(AGENDA).content.decode()
    assert state(client.get(AGENDA)) == "hit"
    later = now + datetime.timedelta(minutes=31)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(AGENDA)
    assert state(response) == "miss"
    assert "Bijna voorbij" not in response.content.decode()


def test_next_change_names_the_clock_moments_of_the_data():
    now = timezone.now()
    soon = now + datetime.timedelta(hours=2)
    EventFactory(starts_at=soon, ends_at=soon + datetime.timedelta(hours=1))
    assert pagecache.next_change(now) <= soon
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    assert pagecache.next_change(now) <= midnight + datetime.timedelta(days=1)


def test_next_change_includes_a_registration_deadline():
    now = timezone.now()
    deadline = now + datetime.timedelta(minutes=10)
    EventFactory(
        starts_at=now + datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=3, hours=2),
        registration_closes_at=deadline,
    )
    assert pagecache.next_change(now) == deadline


def test_a_published_practice_shows_in_the_library_at_once(client):
    published(title_nl="Eerste verhaal")
    client.get(LIBRARY)
    assert state(client.get(LIBRARY)) == "hit"
    waiting = PracticeFactory(title_nl="Tweede verhaal")
    practice_services.practice_publish(actor=coordinator(), practice=waiting)
    response = client.get(LIBRARY)
    assert state(response) == "miss" and "Tweede verhaal" in response.content.decode()


def test_new_facet_counts_change_the_page_version_after_them():
    # The library's own cache of facet counts is renewed after commit; pages rendered
    # with the old counts in between must not outlive it.
    before = pagecache.version()
    practice_selectors.library_changed()
    assert pagecache.version() != before


def test_pages_outside_the_list_are_not_cached(client):
    response = client.get("/nl/agenda/inschrijving/not-a-token/")
    assert state(response) is None
    assert state(client.get("/healthz")) is None


def test_switched_off_by_the_setting(client, settings):
    settings.STERK_PAGE_CACHE = False
    client.get(AGENDA)
    assert state(client.get(AGENDA)) is None


def _named_patterns(patterns, namespace=""):  # type: ignore[no-untyped-def]
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from _named_patterns(item.url_patterns, inner)
        elif isinstance(item, URLPattern) and item.name:
            yield f"{namespace}{item.name}"


PUBLIC_NAMESPACES = (
    "identity",
    "network",
    "actionplan",
    "events",
    "practices",
    "news",
    "governance",
    "newsletter",
    "surveys",
    "api_pages",
)


def test_every_public_url_is_classified():
    names = {
        n
        for n in _named_patterns(get_resolver().url_patterns)
        if n.split(":")[0] in PUBLIC_NAMESPACES
    }
    unclassified = names - pagecache.CACHEABLE_VIEWS - set(pagecache.NOT_CACHED)
    assert not unclassified, f"add to CACHEABLE_VIEWS or NOT_CACHED: {sorted(unclassified)}"
    assert not pagecache.CACHEABLE_VIEWS & set(pagecache.NOT_CACHED)
    assert (pagecache.CACHEABLE_VIEWS | set(pagecache.NOT_CACHED)) <= names
