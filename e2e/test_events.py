"""Journeys of the agenda (texts are matched in English or Dutch: the new strings are
translated in locale/ later): browse (nl/fr/en), register as a member in one step, register as
a visitor and confirm by e-mail, join the waiting list of a full event, cancel by the link
in the e-mail (which promotes the next person), and the organiser's check-in on a phone."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.support import ARTIFACTS, PASSWORD, wait_for_mail

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 740}


def _event(**extra):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from sterk.events.models import Event
    from sterk.network.models import Region

    start = timezone.localtime() + datetime.timedelta(days=9)
    start = start.replace(hour=14, minute=0, second=0, microsecond=0)
    data = {
        "slug": "bijeenkomst-antwerpen",
        "title_nl": "Regionale bijeenkomst Antwerpen",
        "title_fr": "Rencontre régionale Anvers",
        "title_en": "Regional gathering Antwerp",
        "summary_nl": "Werken in vertrouwen.",
        "type": "gathering",
        "organiser": "region",
        "region": Region.objects.get(slug="antwerpen"),
        "format": "on_site",
        "venue": "Zaal De Link",
        "address": "Kerkstraat 1, 2000 Antwerpen",
        "status": "published",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "capacity": 20,
    }
    data.update(extra)
    return Event.objects.create(**data)


def log_in(page: Page, email: str, next_path: str) -> None:
    visit(page, f"/nl/account/login/?next={next_path}")
    form = page.locator("main form.account-form")
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(PASSWORD)
    follow(page, lambda: form.locator("button[type=submit]").click())


def _link(body: str, part: str) -> str:
    match = re.search(rf"https?://\S*{part}\S*", body)
    assert match, body
    return match.group(0)


def test_agenda_and_event_page_in_three_languages(page: Page, content) -> None:
    _event()
    for lang, title in (
        ("nl", "Regionale bijeenkomst Antwerpen"),
        ("fr", "Rencontre régionale Anvers"),
        ("en", "Regional gathering Antwerp"),
    ):
        visit(page, f"/{lang}/agenda/")
        link = page.locator("main .ev-card a", has_text=title)
        expect(link).to_have_count(1)
        follow(page, link.click)
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator("#inschrijven button[type=submit]")).to_be_visible()
    visit(page, "/nl/agenda/?voorbij=on")


def test_member_registers_in_one_step(page: Page, content, make_user, settings) -> None:
    from sterk.events.models import Registration

    settings.STERK_SITE_URL = "http://testserver"
    event = _event()
    make_user("lid@example.org", first_name="Lien")
    log_in(page, "lid@example.org", event.get_absolute_url())
    expect(page).to_have_url(re.compile(r"/agenda/bijeenkomst-antwerpen/$"))
    follow(page, lambda: page.locator("#inschrijven button[type=submit]").click())
    expect(page.locator(".messages")).to_contain_text(re.compile(r"registered|ingeschreven", re.I))
    expect(page.locator("#inschrijven")).to_contain_text(
        re.compile(r"registered|ingeschreven", re.I)
    )
    assert Registration.objects.get().status == "confirmed"
    message = wait_for_mail("lid@example.org")
    assert message.attachments and message.attachments[0][0] == "event.ics"


def test_visitor_registers_and_confirms_by_e_mail(page: Page, content, live_url, settings) -> None:
    from sterk.events.models import Registration

    settings.STERK_SITE_URL = live_url("")
    event = _event()
    visit(page, event.get_absolute_url())
    box = page.locator("#inschrijven")
    box.locator('input[name="name"]').fill("Bram Bezoeker")
    box.locator('input[name="email"]').fill("bram@example.org")
    follow(page, lambda: box.locator("button[type=submit]").click())
    expect(page.locator("h1")).to_contain_text(re.compile(r"mail", re.I))
    assert Registration.objects.get().status == "pending"
    link = _link(wait_for_mail("bram@example.org").body, "/bevestigen/")
    visit(page, link.replace(live_url(""), ""))
    # Opening the link alone confirms nothing (mail scanners open links too).
    assert Registration.objects.get().status == "pending"
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    expect(page.locator(".messages")).to_contain_text(re.compile(r"registered|ingeschreven", re.I))
    assert Registration.objects.get().status == "confirmed"


def test_full_event_offers_the_waiting_list_and_a_cancel_link_promotes_the_next(
    page: Page, content, live_url, settings
) -> None:
    from django.core import mail

    from sterk.events import services
    from sterk.events.models import Registration

    settings.STERK_SITE_URL = live_url("")
    event = _event(capacity=1)
    first = services.registration_create(
        event=event, name="Eerste", email="eerste@example.org"
    ).registration
    services.registration_confirm_email(registration=first)
    visit(page, event.get_absolute_url())
    box = page.locator("#inschrijven")
    expect(box.locator("h2")).to_have_text(re.compile(r"waiting list|wachtlijst", re.I))
    box.locator('input[name="name"]').fill("Tweede")
    box.locator('input[name="email"]').fill("tweede@example.org")
    follow(page, lambda: box.locator("button[type=submit]").click())
    link = _link(wait_for_mail("tweede@example.org").body, "/bevestigen/")
    visit(page, link.replace(live_url(""), ""))
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    expect(page.locator("main")).to_contain_text(re.compile(r"waiting list|wachtlijst", re.I))
    assert Registration.objects.get(email="tweede@example.org").status == "waiting"

    # The first person cancels with the link in their confirmation e-mail.
    mail.outbox.clear()
    manage = services.registration_url(first).replace(live_url(""), "")
    visit(page, manage)
    follow(
        page,
        lambda: page.locator(
            "main form:has(input[name=action][value=cancel]) button[type=submit]"
        ).click(),
    )
    expect(page.locator(".messages")).to_contain_text(re.compile(r"cancelled|geannuleerd", re.I))
    assert Registration.objects.get(email="tweede@example.org").status == "confirmed"
    assert wait_for_mail("tweede@example.org").attachments  # the promotion carries the .ics


def test_organiser_checks_people_in_on_a_phone(page: Page, content, make_user, settings) -> None:
    from sterk.events import services
    from sterk.network.models import Region, Role
    from sterk.network.services import role_assign

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    event = _event()
    for n in range(3):
        r = services.registration_create(
            event=event, name=f"Deelnemer {n}", email=f"d{n}@example.org"
        ).registration
        services.registration_confirm_email(registration=r)
    chair = make_user("voorzitter@example.org", first_name="Vera")
    role_assign(
        actor=None, user=chair, role=Role.CHAIR, region=Region.objects.get(slug="antwerpen")
    )
    page.set_viewport_size(PHONE)
    url = f"/nl/beheer/agenda/{event.pk}/aanwezigheid/"
    log_in(page, "voorzitter@example.org", url)
    expect(page.locator(".ev-count")).to_contain_text("0")
    row = page.locator("#r" + str(event.registrations.get(email="d1@example.org").pk))
    follow(page, lambda: row.locator("button[type=submit]").click())
    expect(page.locator(".ev-count")).to_contain_text("1")
    # Nothing wider than the phone.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    (ARTIFACTS / "mobile").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "mobile" / "events-check-in.png", full_page=True)
