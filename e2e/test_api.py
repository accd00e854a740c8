"""The open-data API as a partner uses it: the documentation page in three languages
(axe, reflow), and its example, pasted on a partner's page on another origin, shows the
next five events of a region in a real Chromium: CORS, JSON and the fields the example
reads, all for real. Screenshots go to test-artifacts/api/."""

from __future__ import annotations

import datetime
import html
import http.server
import re
import threading

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.axe import visit
from e2e.support import ARTIFACTS

pytestmark = pytest.mark.browser
SHOTS = ARTIFACTS / "api"


def _partner_site(snippet: str) -> http.server.ThreadingHTTPServer:
    """A partner's web page with the example pasted in, served from its own origin."""
    page = (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Partner</title>"
        f"</head><body><h1>Onze agenda</h1>{snippet}</body></html>"
    ).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_documentation_page_is_accessible(page: Page, content, lang: str) -> None:
    visit(page, f"/{lang}/open-data/api/")
    expect(page.locator("main#main h1")).to_have_count(1)
    expect(page.locator("#api-example-code")).to_contain_text("/api/v1/events?regio=")
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

    partner_server = _partner_site(snippet)
    partner = browser.new_context()  # not one of our pages: no axe here
    try:
        tab = partner.new_page()
        console: list[str] = []
        tab.on("console", lambda message: console.append(message.text))
        tab.on("pageerror", lambda error: console.append(str(error)))
        # Another origin (127.0.0.1 and another port, where the site is localhost): the
        # browser applies CORS for real.
        tab.goto(f"http://127.0.0.1:{partner_server.server_port}/agenda.html")
        items = tab.locator("#sterk-agenda li a")
        try:
            expect(items).to_have_count(5)
        except AssertionError:
            raise AssertionError(f"the partner page's console: {console}") from None
        texts = items.all_inner_texts()
        assert [t.split(": ", 1)[1] for t in texts] == [f"Samenkomst {d}" for d in range(1, 6)]
        assert all("/nl/agenda/" in (a.get_attribute("href") or "") for a in items.all())
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=SHOTS / "partner-example.png")
    finally:
        partner.close()
        partner_server.shutdown()
        partner_server.server_close()
