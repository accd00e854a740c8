"""The newsletter in the browser: a visitor subscribes from the home page, confirms with
the button of the link's page, changes their choices and unsubscribes; a coordinator
composes an edition, previews it, test-sends and sends it to a segment; the archive shows
it. Every page passes axe; screenshots at 1280 and 320 px go to test-artifacts/newsletter/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.support import ARTIFACTS, wait_for_mail
from e2e.test_actionplan import log_in_manager, make_manager

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "newsletter"


def shoot(page: Page, name: str) -> None:
    """The page at 1280 and at 320 px wide (full length), for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 1280, "height": 900}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(size)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_visitor_subscribes_confirms_changes_and_unsubscribes(page: Page, content) -> None:
    from sterk.core import outbox
    from sterk.newsletter.models import Subscriber

    visit(page, "/en/")
    shoot(page, "home")
    form = page.locator("main .newsletter-signup form")
    form.locator("input[type=email]").fill("lezer@example.org")
    # Without the consent ticked: an error, and what was typed stays.
    follow(page, form.locator("button[type=submit]").click)
    expect(page.locator("main .error-summary")).to_be_visible()
    expect(page.locator("main input[type=email]")).to_have_value("lezer@example.org")
    shoot(page, "signup-error")
    main_form = page.locator("main form[method=post]")
    main_form.locator("input[name=consent]").check()
    main_form.locator("input[name=interests][value=events]").check()
    follow(page, main_form.locator("button[type=submit]").click)
    expect(page.locator("main h1")).to_have_text("Check your mailbox")
    shoot(page, "signup-thanks")

    outbox.drain()
    message = wait_for_mail("lezer@example.org")
    link = re.search(r"https?://\S+/bevestigen/\S+/", message.body).group(0)
    visit(page, _path(link))
    # Opening the link confirms nothing: a scanner would not press the button.
    assert Subscriber.objects.get(email="lezer@example.org").status == "pending"
    shoot(page, "confirm")
    follow(page, page.locator("main form button[type=submit]").click)
    expect(page.locator("main h1")).to_have_text("You are subscribed")
    assert Subscriber.objects.get(email="lezer@example.org").status == "active"
    shoot(page, "confirmed")

    follow(page, page.locator("main a", has_text="Change what you receive").click)
    page.locator("main select[name=language]").select_option("fr")
    follow(page, page.locator("main form button[type=submit]").click)
    expect(page.locator(".messages")).to_be_visible()
    shoot(page, "preferences")
    follow(page, page.locator("main a", has_text="Unsubscribe").click)
    shoot(page, "unsubscribe")
    follow(page, page.locator("main form button[type=submit]").click)
    expect(page.locator("main h1")).to_have_text("You are unsubscribed")
    assert Subscriber.objects.get(email="lezer@example.org").status == "unsubscribed"
    shoot(page, "unsubscribed")


def test_a_coordinator_composes_previews_test_sends_and_sends(
    page: Page, content, make_user
) -> None:
    from sterk.core import outbox
    from sterk.network.models import Region, Role
    from sterk.newsletter.models import Edition
    from sterk.newsletter.tests.factories import SubscriberFactory

    antwerpen = Region.objects.get(slug="antwerpen")
    for n in range(3):
        SubscriberFactory(email=f"abonnee{n}@example.org").regions.set([antwerpen])
    SubscriberFactory(email="elders@example.org")
    coordinator = make_manager(
        make_user, "cas.coordinatie@example.org", Role.COORDINATOR, totp=True
    )
    log_in_manager(page, coordinator, lang="en")
    visit(page, "/en/beheer/nieuwsbrief/")
    shoot(page, "manage-list")
    follow(page, page.locator("main a", has_text="New edition").click)
    form = page.locator("main form[method=post]")
    form.locator("#id_title_nl").fill("Nieuws uit Antwerpen")
    form.locator("#id_title_fr").fill("Nouvelles d'Anvers")
    form.locator("#id_intro_nl").fill("Dag **iedereen**.")
    follow(page, form.locator("button[type=submit]").click)
    expect(page.locator("main h1")).to_have_text("Nieuws uit Antwerpen")
    expect(page.locator("main")).to_contain_text("goes to 4 subscribers")

    # A text block.
    page.locator("#new-block-kind").select_option("text")
    follow(page, page.locator("main form[method=get] button[type=submit]").click)
    page.locator("main #id_text_nl").fill("Een tekst met [een link](/nl/over/).")
    page.locator("main #id_text_fr").fill("Un texte avec [un lien](/fr/over/).")
    follow(page, page.locator("main form[method=post] button[type=submit]").click)
    expect(page.locator("main ol.newsletter-blocks li")).to_have_count(1)

    # The segment: Antwerpen only -> the exact number.
    edition_form = page.locator("main section[aria-labelledby=edition-form-title] form")
    edition_form.locator(f"input[name=segment_regions][value='{antwerpen.pk}']").check()
    follow(page, edition_form.locator("button[type=submit]").click)
    expect(page.locator("main")).to_contain_text("goes to 3 subscribers")
    shoot(page, "composer")

    follow(page, page.locator("main a", has_text="See who exactly").click)
    expect(page.locator("main tbody tr")).to_have_count(3)
    shoot(page, "recipients")
    edition = Edition.objects.get(title_nl="Nieuws uit Antwerpen")
    visit(page, f"/en/beheer/nieuwsbrief/{edition.pk}/voorbeeld/fr/")
    expect(page.frame_locator("iframe.newsletter-preview").locator("h1")).to_have_text(
        "Nouvelles d'Anvers"
    )
    shoot(page, "preview")

    visit(page, f"/en/beheer/nieuwsbrief/{edition.pk}/")
    follow(page, page.locator("main button", has_text="Send a test to me").click)
    outbox.drain()
    test_mail = wait_for_mail("cas.coordinatie@example.org")
    assert test_mail.subject.startswith("[Test]")

    follow(page, page.locator("main a", has_text="Send…").click)
    shoot(page, "send")
    follow(page, page.locator("main form button[type=submit]").click)
    outbox.drain()
    visit(page, f"/en/beheer/nieuwsbrief/{edition.pk}/")
    expect(page.locator("#newsletter-progress")).to_contain_text("3 of 3 handled")
    shoot(page, "progress")

    visit(page, "/en/nieuwsbrief/")
    expect(page.locator("main")).to_contain_text("Nieuws uit Antwerpen")
    shoot(page, "archive")
    follow(page, page.locator("main a", has_text="Nieuws uit Antwerpen").click)
    expect(page.locator("main")).to_contain_text("Een tekst met")
    shoot(page, "archive-edition")
    visit(page, "/en/beheer/nieuwsbrief/abonnees/")
    shoot(page, "subscribers")
    follow(page, page.locator("main tbody a").first.click)
    expect(page.locator("main tbody tr")).to_have_count(1)
    shoot(page, "subscriber-history")
