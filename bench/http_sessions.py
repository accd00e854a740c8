"""Signed-in sessions for the HTTP benchmark (bench_pages), made in the database
beforehand, so that the load generator only sends cookies.

Run in the benchmark's environment (its database and settings):
`python -m bench.http_sessions OUT.json N` writes
- `pages`: a session cookie for a member (of Antwerpen and Limburg, registered for an
  event) and one for the coordinator (with TOTP set up, as production requires for the
  management area), with the URL of the member's event page;
- `register`: an event with seats for everyone, one with `CAPACITY` seats and a waiting
  list, and N members who have never registered, each with a session and a CSRF secret
  (the same value as cookie and `X-CSRFToken` header, as a browser's form would send).
"""

from __future__ import annotations

import datetime
import json
import secrets
import sys
from typing import Any

import django

MEMBER = "lid@demo.sterksociaalwerk.be"
COORDINATOR = "coordinator@demo.sterksociaalwerk.be"
CAPACITY = 50


def _session(user: Any, extra: dict[str, Any] | None = None) -> Any:
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        load_backend,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    # The backend a login records: the first that can load a user (not rules' permissions).
    backend = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
    )
    store = SessionStore()
    data = {
        SESSION_KEY: str(user.pk),
        BACKEND_SESSION_KEY: backend,
        HASH_SESSION_KEY: user.get_session_auth_hash(),
        **(extra or {}),
    }
    session = Session(
        session_key=store._get_new_session_key(),
        session_data=store.encode(data),
        expire_date=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1),
    )
    session.data = data  # type: ignore[attr-defined]
    return session


def _cache_as_a_login_does(sessions: list[Any]) -> None:
    """A login saves its session through the engine, which (sterk.accounts.sessions, a
    cached engine) also writes it to the shared cache: so do these, made in bulk."""
    from importlib import import_module

    from django.conf import settings
    from django.core.cache import caches

    store = import_module(settings.SESSION_ENGINE).SessionStore
    prefix = getattr(store, "cache_key_prefix", None)
    if prefix is None:
        return
    cache = caches[settings.SESSION_CACHE_ALIAS]
    for start in range(0, len(sessions), 1000):
        batch = sessions[start : start + 1000]
        cache.set_many({prefix + s.session_key: s.data for s in batch}, timeout=24 * 3600)


def _bench_event(slug: str, capacity: int) -> Any:
    from sterk.events.models import Event, EventStatus, Visibility

    template = (
        Event.objects.filter(status=EventStatus.PUBLISHED, visibility=Visibility.PUBLIC)
        .order_by("-starts_at")
        .first()
    )
    assert template is not None, "the demo data has no public event"
    now = datetime.datetime.now(datetime.UTC)
    template.pk = None
    template.id = None
    template._state.adding = True
    template.slug = slug
    template.capacity = capacity
    template.waitlist_enabled = True
    template.registration_required = True
    template.registration_opens_at = None
    template.registration_closes_at = None
    template.starts_at = now + datetime.timedelta(days=30)
    template.ends_at = template.starts_at + datetime.timedelta(hours=3)
    template.save()
    return template


def make(n: int) -> dict[str, Any]:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.models import Session

    from sterk.events import services

    users = get_user_model().objects
    member = users.get(email=MEMBER)
    coordinator = users.get(email=COORDINATOR)
    if not Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(coordinator, generate_totp_secret())
    page_event = _bench_event(f"bench-pagina-{secrets.token_hex(3)}", 100)
    services.registration_create(event=page_event, user=member)
    open_event = _bench_event(f"bench-open-{secrets.token_hex(3)}", 10_000_000)
    full_event = _bench_event(f"bench-vol-{secrets.token_hex(3)}", CAPACITY)

    stamp = secrets.token_hex(3)
    unusable = make_password(None)
    people = users.bulk_create(
        [
            users.model(
                email=f"bench-{stamp}-{i}@example.org",
                first_name="Bench",
                last_name=f"Lid {i}",
                password=unusable,
            )
            for i in range(n)
        ],
        batch_size=1000,
    )
    sessions = [_session(member), _session(coordinator)]
    sessions += [_session(person) for person in people]
    Session.objects.bulk_create(sessions, batch_size=1000)
    _cache_as_a_login_does(sessions)
    return {
        "pages": {
            "member": sessions[0].session_key,
            "coordinator": sessions[1].session_key,
            "event_page": page_event.get_absolute_url(),
        },
        "register": {
            "open_event": open_event.pk,
            "open_url": f"{open_event.get_absolute_url()}inschrijven/",
            "full_event": full_event.pk,
            "full_url": f"{full_event.get_absolute_url()}inschrijven/",
            "capacity": CAPACITY,
            "people": [[s.session_key, secrets.token_hex(16)] for s in sessions[2:]],
        },
    }


def main() -> None:
    django.setup()
    out, n = sys.argv[1], int(sys.argv[2])
    with open(out, "w") as f:
        json.dump(make(n), f)


if __name__ == "__main__":
    main()
