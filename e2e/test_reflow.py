"""Reflow (WCAG 1.4.10) and the phone layout, on the pages that scrolled sideways.

Every visit() runs the reflow check of e2e/axe.py (320 CSS px, and 640: 1280 px at
200 % zoom). These journeys load the pages that used to be too wide with content that
stretches them: long challenge titles as tags, long e-mail addresses and names in the
management tables, the audit trail's before/after values. Screenshots at 320 px go to
test-artifacts/reflow/.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from e2e.axe import assert_accessible, follow, visit
from e2e.support import ARTIFACTS
from e2e.test_actionplan import log_in_manager, make_manager

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
LONG_EMAIL = (
    "marie-christine.vandenbroucke-vanderstraeten@samenlevingsopbouw-antwerpen-stad.example.org"
)
SHOTS = ARTIFACTS / "reflow"


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"320-{name}.png", full_page=True)


def header_height(page: Page) -> float:
    return page.locator("header.site-header").evaluate("(el) => el.getBoundingClientRect().height")


def long_practice():  # type: ignore[no-untyped-def]
    from sterk.actionplan.models import Challenge
    from sterk.identity.models import Function, Krachtlijn
    from sterk.network.models import Region
    from sterk.practices.tests.factories import published

    call_command("load_actionplan", verbosity=0)
    practice = published(
        slug="buurtgerichte-samenwerking",
        title_nl="Buurtgerichte samenwerkingsverbanden tussen maatschappelijkwerkorganisaties",
        region=Region.objects.get(slug="antwerpen"),
        contact_consent=True,
        contact_name="Marie-Christine Vandenbroucke",
        contact_email=LONG_EMAIL,
    )
    practice.krachtlijnen.set(Krachtlijn.objects.all())
    practice.functions.set(Function.objects.all())
    practice.challenges.set(Challenge.objects.all()[:6])
    return practice


def test_public_pages_at_320px(page: Page, content) -> None:
    practice = long_practice()
    page.set_viewport_size(NARROW)

    visit(page, "/nl/")
    shoot(page, "home")
    home_header = header_height(page)
    visit(page, "/nl/praktijken/")
    shoot(page, "library")
    visit(page, practice.get_absolute_url())
    shoot(page, "practice")
    expect(page.locator("main h1")).to_be_visible()
    visit(page, "/nl/regio/antwerpen/")
    shoot(page, "region")
    # The main action comes right after the title, in reading and in Tab order.
    join = page.locator('main a[href$="/regio/antwerpen/aansluiten/"]')
    intro_bottom = page.locator("main .region-intro").evaluate(
        "(el) => el.getBoundingClientRect().bottom"
    )
    join_top = join.evaluate("(el) => el.getBoundingClientRect().top")
    assert 0 < join_top - intro_bottom < 200, (intro_bottom, join_top)
    stops = 0
    while stops < 40:
        page.keyboard.press("Tab")
        stops += 1
        if page.evaluate("document.activeElement.href || ''").endswith("/aansluiten/"):
            break
    assert stops <= 8, f"the join link is tab stop {stops}"

    # Wide: "Take part" stands in the right-hand column, beside the title and the text.
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, "/nl/regio/antwerpen/")
    page.screenshot(path=SHOTS / "1280-region.png")
    intro = page.locator("main .region-intro").bounding_box()
    aside = page.locator("main .region-page > aside").bounding_box()
    body = page.locator("main .region-body").bounding_box()
    assert intro and aside and body
    assert aside["x"] > intro["x"] + intro["width"], (intro, aside)
    assert abs(aside["y"] - intro["y"]) < 40, (intro, aside)
    assert body["y"] < intro["y"] + intro["height"] + 60, (intro, body)
    # The compact header: brand and a menu button, not a wall of links.
    assert home_header < 160, f"the header is {home_header}px high"


def test_management_pages_at_320px(page: Page, content, make_user) -> None:
    from sterk.core.audit import audit_record
    from sterk.events.models import Registration, RegistrationStatus
    from sterk.events.tests.factories import EventFactory
    from sterk.network.models import Membership, Region, Role
    from sterk.network.services import region_update
    from sterk.network.tests.factories import ContactRequestFactory, OrganisationFactory

    antwerpen = Region.objects.get(slug="antwerpen")
    coordinator = make_manager(
        make_user, "cas.coordinatie@example.org", Role.COORDINATOR, totp=True
    )
    member = make_user(LONG_EMAIL, first_name="Marie-Christine", last_name="Vandenbroucke")
    Membership.objects.create(user=member, region=antwerpen)
    OrganisationFactory(name="Samenlevingsopbouw Antwerpen Stad en Rand vzw", website="")
    ContactRequestFactory(region=antwerpen, name="Marie-Christine Vandenbroucke", email=LONG_EMAIL)
    event = EventFactory(title_nl="Ontmoetingsdag sociaal werk in de Antwerpse buurten")
    for n in range(3):
        Registration.objects.create(
            event=event,
            name=f"Marie-Christine Vandenbroucke-Van Der Straeten {n}",
            email=f"{n}.{LONG_EMAIL}",
            organisation_name="Samenlevingsopbouw Antwerpen Stad en Rand vzw",
            status=RegistrationStatus.CONFIRMED,
        )
    region_update(
        actor=coordinator,
        region=antwerpen,
        data={"tagline_nl": "Samen sterk in de Antwerpse buurten, van Linkeroever tot Merksem"},
    )
    audit_record(
        actor=coordinator,
        action="member.note",
        obj=member,
        changes={"email": [LONG_EMAIL, f"nieuw.{LONG_EMAIL}"]},
    )

    log_in_manager(page, coordinator)
    # 1280 px at 200 % zoom: the widest tables, at their desktop size first (the check at
    # 640 CSS px runs on every visit at desktop size).
    visit(page, "/nl/beheer/rollen/")
    visit(page, "/nl/beheer/organisaties/")

    page.set_viewport_size(NARROW)
    visit(page, "/nl/beheer/")
    shoot(page, "dashboard")
    for path in (
        "/nl/beheer/rollen/",
        "/nl/beheer/organisaties/",
        "/nl/beheer/audit/",
        "/nl/beheer/contact/",
        f"/nl/beheer/agenda/{event.pk}/inschrijvingen/",
        "/nl/beheer/regio/antwerpen/leden/",
    ):
        visit(page, path)
    # Every management table scrolls inside its own focusable wrapper.
    wrap = page.locator("main .table-wrap").first
    expect(wrap).to_have_attribute("tabindex", "0")


def test_header_menu_opens_without_javascript_by_keyboard(page: Page, content) -> None:
    page.set_viewport_size(NARROW)
    visit(page, "/nl/")
    nav = page.locator("header nav.main-nav")
    expect(nav.locator("a").first).to_be_hidden()
    summary = page.locator("header details.site-menu > summary")
    expect(summary).to_be_visible()
    # Tab from the skip link and the brand to the menu button; Enter opens it.
    summary.focus()
    page.keyboard.press("Enter")
    expect(nav.locator("a").first).to_be_visible()
    assert_accessible(page)
    shoot(page, "menu-open")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('nav')?.className")
    assert focused == "main-nav", focused
    follow(page, lambda: page.keyboard.press("Enter"))
    expect(page).to_have_url(re.compile(r"/nl/.+/$"))

    # On a wide screen the navigation is always shown, and there is no menu button.
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, "/nl/")
    expect(nav.locator("a").first).to_be_visible()
    expect(summary).to_be_hidden()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "1280-home.png")


def test_reflow_check_finds_what_sticks_out(browser) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a hidden span escaping an unpositioned scroll box widens the page
    and is named; inside a positioned scroll box that fits, the same table is fine."""
    from e2e.axe import reflow_problems

    table = (
        '<div class="wrap" style="overflow-x:auto;{pos}"><table><tr><td style="white-space:'
        'nowrap">{cells}<a href="#">Edit<span style="position:absolute;width:1px;height:1px;'
        'overflow:hidden;clip:rect(0 0 0 0)"> the row</span></a></td></tr></table></div>'
    ).replace("{cells}", "a very long cell " * 20)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_content(f'<body style="margin:0">{table.replace("{pos}", "")}</body>')
        problems = reflow_problems(page)
        assert len(problems) == 2, problems  # at 320 and at 640
        assert "span" in problems[0] and "'the row'" in problems[0], problems[0]
        assert page.viewport_size == {"width": 1280, "height": 900}
        page.set_content(
            f'<body style="margin:0">{table.replace("{pos}", "position:relative")}</body>'
        )
        assert reflow_problems(page) == []
        page.set_content('<body style="margin:0"><p style="width:500px">wide</p></body>')
        problems = reflow_problems(page)
        assert len(problems) == 1 and "p (left=0 right=500" in problems[0], problems
    finally:
        context.close()
