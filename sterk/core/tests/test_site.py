"""Every absolute link the platform writes is on STERK_SITE_URL (never the Host header of
the request, never a hard-coded 127.0.0.1:8000); the dev default follows the served port;
production refuses to start without a site URL; allauth's mails carry the platform's name."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core import mail
from django.urls import reverse

from sterk.core.site import absolute_url, rebase, site_domain, site_sync

ROOT = Path(__file__).resolve().parents[3]
ELSEWHERE = "https://sociaalwerk.example:8443"


def test_absolute_url_is_on_the_site_url(settings):
    settings.STERK_SITE_URL = "https://sterksociaalwerk.be/"
    assert absolute_url("/nl/agenda/") == "https://sterksociaalwerk.be/nl/agenda/"
    assert absolute_url("nl/agenda/") == "https://sterksociaalwerk.be/nl/agenda/"
    assert absolute_url("https://example.org/x") == "https://example.org/x"
    assert rebase("http://testserver/nl/account/x/?a=1#b") == (
        "https://sterksociaalwerk.be/nl/account/x/?a=1#b"
    )
    settings.STERK_SITE_URL = "http://127.0.0.1:8080"
    assert site_domain() == "127.0.0.1:8080"


# --- the settings ----------------------------------------------------------------------


def _settings_value(module: str, env: dict[str, str | None], argv: list[str] | None = None):
    script = (
        "import sys, django\n"
        f"sys.argv = {argv or ['manage.py', 'check']!r}\n"
        "django.setup()\n"
        "from django.conf import settings\n"
        "print(settings.STERK_SITE_URL)\n"
    )
    full = {**os.environ, "DJANGO_SETTINGS_MODULE": module, **env}
    full = {k: v for k, v in full.items() if v is not None}
    full.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 (our own interpreter, a fixed script)
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_dev_settings_follow_the_served_port(tmp_path):
    base = {"STERK_VAR_DIR": str(tmp_path), "STERK_SITE_URL": None}
    default = _settings_value("config.settings.dev", {**base, "PORT": None})
    assert default.stdout.strip() == "http://127.0.0.1:8000", default.stderr
    on_8080 = _settings_value("config.settings.dev", {**base, "PORT": "8080"})
    assert on_8080.stdout.strip() == "http://127.0.0.1:8080", on_8080.stderr
    # `manage.py runserver` on another address without PORT: the links follow it too.
    served = _settings_value(
        "config.settings.dev",
        {**base, "PORT": None},
        argv=["manage.py", "runserver", "--noreload", "localhost:9001"],
    )
    assert served.stdout.strip() == "http://localhost:9001", served.stderr
    only_port = _settings_value(
        "config.settings.dev", {**base, "PORT": None}, argv=["manage.py", "runserver", "9002"]
    )
    assert only_port.stdout.strip() == "http://127.0.0.1:9002", only_port.stderr
    # An explicit site URL wins (a demo behind a tunnel, say).
    explicit = _settings_value(
        "config.settings.dev", {**base, "PORT": "8080", "STERK_SITE_URL": ELSEWHERE}
    )
    assert explicit.stdout.strip() == ELSEWHERE, explicit.stderr


def test_the_makefile_serves_and_links_on_the_same_port():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^export PORT\b", makefile, flags=re.M)
    assert "runserver 127.0.0.1:$(PORT)" in makefile


def _prod(env: dict[str, str | None]) -> subprocess.CompletedProcess[str]:
    return _settings_value(
        "config.settings.prod",
        {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "DJANGO_ALLOWED_HOSTS": "sterksociaalwerk.be",
            "REDIS_URL": "redis://127.0.0.1:6379/15",
            **env,
        },
    )


def test_production_requires_an_https_site_url():
    missing = _prod({"STERK_SITE_URL": None})
    assert missing.returncode != 0
    assert "STERK_SITE_URL" in missing.stderr
    plain_http = _prod({"STERK_SITE_URL": "http://sterksociaalwerk.be"})
    assert plain_http.returncode != 0
    assert "STERK_SITE_URL" in plain_http.stderr
    ok = _prod({"STERK_SITE_URL": "https://sterksociaalwerk.be"})
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == "https://sterksociaalwerk.be"


# --- every link the platform writes ------------------------------------------------------


@pytest.fixture
def elsewhere(settings):
    settings.STERK_SITE_URL = ELSEWHERE
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    return ELSEWHERE


def _assert_only_site_links(text: str) -> None:
    assert "127.0.0.1" not in text and "testserver" not in text, text
    for url in re.findall(r"https?://[^\s\"'<>]+", text):
        if "example.org" not in url:
            assert url.startswith(ELSEWHERE), url


@pytest.mark.django_db
def test_event_mail_and_ics_use_the_site_url(elsewhere, django_capture_on_commit_callbacks):
    from icalendar import Calendar

    from sterk.events import services
    from sterk.events.tests.factories import EventFactory, UserFactory

    event = EventFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, user=UserFactory(email="lid@example.org"))
    message = mail.outbox[-1]
    assert ELSEWHERE + "/nl/" in message.body
    _assert_only_site_links(message.body)
    _name, content, _mimetype = message.attachments[0]
    vevent = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["URL"]) == ELSEWHERE + event.get_absolute_url()
    assert str(vevent["UID"]).endswith("@sociaalwerk.example")


@pytest.mark.django_db
def test_contact_request_mail_uses_the_site_url(
    elsewhere, client, django_capture_on_commit_callbacks
):
    from sterk.network.models import ContactTopic
    from sterk.network.tests.factories import RoleAssignmentFactory

    RoleAssignmentFactory(role="coordinator", region=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:contact"),
            {
                "name": "An",
                "email": "an@example.org",
                "topic": ContactTopic.choices[0][0],
                "message": "Een vraag over het platform.",
                "consent": "on",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    bodies = "\n".join(m.body for m in mail.outbox)
    assert ELSEWHERE + "/nl/beheer/" in bodies
    _assert_only_site_links(bodies)


@pytest.mark.django_db
def test_pdf_footer_and_exports_use_the_site_url(elsewhere, client):
    from weasyprint.formatting_structure import boxes

    from sterk.actionplan import exports
    from sterk.actionplan.tests.factories import ActionFactory, current_plan

    plan = current_plan()
    action = ActionFactory()
    document = exports.state_document(plan, region=None, language="nl")
    footer = " ".join(
        b.text
        for page in document.pages
        for margin in page._page_box.children
        if isinstance(margin, boxes.MarginBox)
        for b in margin.descendants()
        if isinstance(b, boxes.TextBox)
    )
    assert ELSEWHERE in footer
    _assert_only_site_links(footer)
    csv_text = client.get(reverse("actionplan:export_csv")).content.decode("utf-8-sig")
    assert ELSEWHERE + action.get_absolute_url() in csv_text
    _assert_only_site_links(csv_text)
    json_text = client.get(reverse("actionplan:export_json")).content.decode()
    assert ELSEWHERE + action.get_absolute_url() in json_text


@pytest.mark.django_db
def test_share_links_use_the_site_url_not_the_request_host(elsewhere, client):
    from sterk.practices.tests.factories import published

    practice = published()
    html = client.get(practice.get_absolute_url(), HTTP_HOST="127.0.0.1:8000").content.decode()
    shared = quote(ELSEWHERE + practice.get_absolute_url(), safe="")
    links = re.findall(r'<ul class="share-links">(.*?)</ul>', html, flags=re.S)
    assert links and shared in links[0]
    assert quote("127.0.0.1", safe="") not in links[0]


# --- allauth ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_sites_framework_carries_the_platform_name_and_site_url(settings):
    from django.contrib.sites.models import Site

    # After migrate (the test database was built by it): the platform's name, not example.com.
    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.name == "Sterk Sociaal Werk"
    assert site.domain == site_domain()
    settings.STERK_SITE_URL = ELSEWHERE
    site_sync()
    assert Site.objects.get_current().domain == "sociaalwerk.example:8443"
    assert Site.objects.count() == 1


@pytest.mark.django_db
def test_signup_confirmation_mail_names_the_platform_and_links_to_the_site(elsewhere, client):
    response = client.post(
        "/nl/account/signup/",
        {
            "email": "nieuw@example.org",
            "password1": "correct horse battery staple",
            "password2": "correct horse battery staple",
            "first_name": "Nieuw",
            "last_name": "Lid",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    (message,) = mail.outbox
    assert "Sterk Sociaal Werk" in message.body
    assert "sociaalwerk.example:8443" in message.body
    assert re.search(re.escape(ELSEWHERE) + r"/nl/account/confirm-email/\S+", message.body)
    _assert_only_site_links(message.body)
    assert "Sterk Sociaal Werk" in message.subject


@pytest.mark.django_db
def test_password_reset_mail_names_the_platform_and_links_to_the_site(elsewhere, client):
    from allauth.account.models import EmailAddress

    from sterk.network.tests.factories import UserFactory

    user = UserFactory(email="lid@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/nl/account/password/reset/", {"email": "lid@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "Sterk Sociaal Werk" in message.body
    assert re.search(re.escape(ELSEWHERE) + r"/nl/account/password/reset/key/\S+", message.body)
    _assert_only_site_links(message.body)
