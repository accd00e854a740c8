"""The platform's own address and name: the one place absolute links are built.

Every link the platform writes outside a page (e-mails, .ics `URL:`, the PDF, CSV/JSON
exports, share links) is `absolute_url(path)`, on `settings.STERK_SITE_URL`: required in
production, in development the address `make run` serves (`config/settings/dev.py` follows
`PORT`). Never `request.build_absolute_uri()`: behind a proxy the Host header is not ours to
trust, and a mail sent by a worker has no request.

django.contrib.sites carries the same name and domain for allauth ("Hello from Sterk
Sociaal Werk!", its subject and throttling keys): `site_sync` runs after every `migrate`."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def site_url() -> str:
    """`STERK_SITE_URL` without a trailing slash, e.g. "https://sterksociaalwerk.be"."""
    return str(settings.STERK_SITE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    """The absolute address of a path on this platform: "/nl/agenda/x/" ->
    "https://sterksociaalwerk.be/nl/agenda/x/". A URL that already has a host (a link to
    elsewhere) is returned as it is."""
    bits = urlsplit(path)
    if bits.scheme or bits.netloc:
        return path
    if not path.startswith("/"):
        path = "/" + path
    return site_url() + path


def rebase(url: str) -> str:
    """An absolute URL that some library built from the request's host (allauth's mail
    links), moved onto the site URL: path, query and fragment are kept."""
    bits = urlsplit(url)
    return site_url() + urlunsplit(("", "", bits.path or "/", bits.query, bits.fragment))


def site_domain() -> str:
    """The host (and port, when it is not the default) of the site URL: "127.0.0.1:8080"."""
    return urlsplit(site_url()).netloc or "localhost"


def site_hostname() -> str:
    """The host name alone (for identifiers like an iCalendar UID)."""
    return urlsplit(site_url()).hostname or "localhost"


def site_name() -> str:
    return str(settings.SITE_NAME)


class CurrentSite:
    """What allauth's templates read from `current_site` (name, domain), from settings at
    the moment of use, so a mail never says the Host header a request came in on."""

    def __init__(self) -> None:
        self.name = site_name()
        self.domain = site_domain()

    def __str__(self) -> str:
        return self.domain


def site_sync(using: str = "default", apps: Any = None, **_kwargs: Any) -> None:
    """Make the sites framework's Site (SITE_ID) carry the platform's name and the site URL's
    domain. Connected to post_migrate: every `migrate` (a fresh database, each deploy, `make
    run` on another PORT) brings it in line with the settings. Idempotent."""
    from django.apps import apps as global_apps
    from django.db import router
    from django.utils import translation

    if not global_apps.is_installed("django.contrib.sites"):
        return
    try:
        Site = (apps or global_apps).get_model("sites", "Site")
    except LookupError:  # migrated back to before the sites app
        return
    if not router.allow_migrate_model(using, Site):
        return
    with translation.override(settings.LANGUAGE_CODE):
        name = site_name()
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": site_domain()[:100], "name": name[:50]}
    )
    from django.contrib.sites.models import SITE_CACHE

    SITE_CACHE.clear()
