"""The open-data API as a partner uses it: the documentation page in three languages
(axe, reflow), and its example, pasted on a partner's page on another origin, shows the
next five events of a region in a real Chromium: CORS, JSON and the fields the example
reads, all for real. Screenshots go to test-artifacts/api/."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.axe import visit
from e2e.support import ARTIFACTS

pytestmark = pytest.mark.browser
SHOTS = ARTIFACTS / "api"
PARTNER = "https://www.partner.example/agenda.html"


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_documentation_page_is_accessible(page: Page, content, lang: str) -> None:
    visit(page, f"/{lang}/open-data/api/")
    expect(page.locator("main#main h1")).to_have_count(1)
    expect(page.locator("#api-example-code")).to_contain_text("/api/v1/events?region=")
    if lang == "nl":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "1280-docs.png", full_page=True)
        page.set_viewport_size({"width": 320, "height": 640})
        page.screenshot(path=SHOTS / "320-docs.png", full_page=True)


def test_the_example_shows_the_next_five_events_on_a_partner_site(
    browser, page: Page, content, live_server
) -> None:
    from sterk.events.tests.factories import EventFactory
    from sterk.network.models import Region

    antwerpen = Region.objects.get(slug="antwerpen")
    limburg = Region.objects.get(slug="limburg")
    now = timezone.now()
    for day in range(1, 8):
        EventFactory(
            region=antwerpen,
            title_nl=f"Samenkomst {day}",
            starts_at=now + datetime.timedelta(days=day),
        )
    EventFactory(region=limburg, title_nl="Elders", starts_at=now + datetime.timedelta(hours=5))

    visit(page, "/nl/open-data/api/")
    snippet = html.unescape(page.locator("#api-example-code").inner_text())
    # The example names the site's address; here the site is the live server.
    snippet = re.sub(r"https?://[^\"/]+/api/v1", f"{live_server.url}/api/v1", snippet)

    partner = browser.new_context()  # not one of our pages: no axe here
    try:
        tab = partner.new_page()
        tab.route(
            PARTNER,
            lambda route: route.fulfill(
                content_type="text/html",
                body=f"<!doctype html><html lang='nl'><title>Partner</title><body>{snippet}</body></html>",
            ),
        )
        tab.goto(PARTNER)
        items = tab.locator("#sterk-agenda li a")
        expect(items).to_have_count(5)
        texts = items.all_inner_texts()
        assert [t.split(": ", 1)[1] for t in texts] == [f"Samenkomst {d}" for d in range(1, 6)]
        assert all("/nl/agenda/" in (a.get_attribute("href") or "") for a in items.all())
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=SHOTS / "partner-example.png")
    finally:
        partner.close()
