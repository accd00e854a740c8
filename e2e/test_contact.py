"""Journeys 6 and 7: the contact form reports errors without losing what was typed, sends
a filled-in request to the region's chair, and hides its honeypot from people."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.support import wait_for_mail

pytestmark = pytest.mark.browser


def submit(page: Page) -> None:
    follow(page, lambda: page.locator("main form button[type=submit]").click())


def error_summary_targets(page: Page) -> list[str]:
    summary = page.locator("main .error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    hrefs = summary.locator("a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    for href in hrefs:
        # Each entry links to its field, so keyboard users jump straight to the problem.
        expect(page.locator(href)).to_have_count(1)
    return hrefs


def test_contact_errors_then_thanks_and_the_chair_is_mailed(page: Page, content, make_user) -> None:
    from sterk.network.models import ContactRequest, Region, Role
    from sterk.network.services import role_assign

    chair = make_user("voorzitter.limburg@example.org", first_name="Lies", last_name="Claes")
    role_assign(actor=None, user=chair, role=Role.CHAIR, region=Region.objects.get(slug="limburg"))

    visit(page, "/nl/contact/")
    form = page.locator("main form")
    form.locator("#id_topic").select_option("question")
    form.locator("#id_region").select_option(label="Limburg")
    submit(page)

    # Nothing typed is lost, and the summary names every missing field.
    expect(page).to_have_url(re.compile(r"/nl/contact/$"))
    targets = error_summary_targets(page)
    assert set(targets) >= {"#id_name", "#id_email", "#id_message", "#id_consent"}, targets
    expect(form.locator("#id_topic")).to_have_value("question")
    expect(form.locator("#id_region option:checked")).to_have_text("Limburg")
    for field in ("name", "email", "message"):
        expect(form.locator(f"#id_{field}")).to_have_attribute("aria-invalid", "true")
    assert ContactRequest.objects.count() == 0

    form.locator("#id_name").fill("Sara Janssens")
    form.locator("#id_email").fill("sara@example.org")
    form.locator("#id_organisation_name").fill("OCMW Hasselt")
    form.locator("#id_message").fill("Mogen we het platform voorstellen op ons overleg?")
    form.locator("#id_consent").check()
    submit(page)

    expect(page).to_have_url(re.compile(r"/nl/contact/bedankt/$"))
    request = ContactRequest.objects.get()
    assert (request.region.slug, request.topic, request.email) == (
        "limburg",
        "question",
        "sara@example.org",
    )
    message = wait_for_mail("voorzitter.limburg@example.org")
    assert "Mogen we het platform voorstellen" in message.body
    assert message.reply_to == ["sara@example.org"]


def test_contact_honeypot_is_hidden_from_people(page: Page, content) -> None:
    visit(page, "/nl/contact/")
    honeypot = page.locator("#id_website")
    expect(honeypot).to_have_count(1)
    # Out of sight, out of the accessibility tree, out of the tab order.
    box = honeypot.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 0, f"honeypot on screen: {box}"
    expect(honeypot).to_have_attribute("tabindex", "-1")
    hidden = honeypot.evaluate("(el) => el.closest('[aria-hidden=true]') !== null")
    assert hidden, "honeypot is not inside an aria-hidden container"
    label = page.locator('label[for="id_website"]').inner_text().strip()
    assert label, "the honeypot needs a label for the odd screen reader that still finds it"
    expect(page.get_by_role("textbox", name=label, exact=True)).to_have_count(0)

    page.locator("#id_name").focus()
    for _ in range(20):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id || document.activeElement.tagName")
        assert focused != "id_website", "Tab reached the honeypot"
        if focused == "id_consent":
            break
    else:
        pytest.fail("Tab never reached the consent checkbox")


def test_contact_bad_e_mail_keeps_what_was_typed(page: Page, content) -> None:
    from sterk.network.models import ContactRequest

    visit(page, "/nl/contact/")
    form = page.locator("main form")
    form.locator("#id_name").fill("Ahmed El Amrani")
    form.locator("#id_email").fill("ahmed-at-example")
    form.locator("#id_organisation_name").fill("CAW Brussel")
    form.locator("#id_topic").select_option("practice")
    form.locator("#id_region").select_option(label="Brussel")
    form.locator("#id_message").fill("Een praktijk over outreachend werken,\nmet twee regels.")
    form.locator("#id_consent").check()
    submit(page)

    expect(page).to_have_url(re.compile(r"/nl/contact/$"))
    assert error_summary_targets(page) == ["#id_email"]
    expect(form.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    expect(form.locator("#id_name")).to_have_value("Ahmed El Amrani")
    expect(form.locator("#id_email")).to_have_value("ahmed-at-example")
    expect(form.locator("#id_organisation_name")).to_have_value("CAW Brussel")
    expect(form.locator("#id_topic")).to_have_value("practice")
    expect(form.locator("#id_region option:checked")).to_have_text("Brussel")
    expect(form.locator("#id_message")).to_have_value(
        "Een praktijk over outreachend werken,\nmet twee regels."
    )
    expect(form.locator("#id_consent")).to_be_checked()
    assert ContactRequest.objects.count() == 0
