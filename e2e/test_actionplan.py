"""The action plan in the browser: the public pages in three languages (overview with its
filter, a challenge, an action, the Socius spearhead, the PDF), and the regional proposal
workflow end to end: a chair signs in with two-factor authentication and proposes an
action, a steering-group member approves it, the chair is mailed, and the action shows up
as a regional action on the overview and on the region page. A chair of another region
gets the 403 page for that proposal.

`log_in_manager` and `make_manager` are also used by e2e/test_management.py."""

from __future__ import annotations

import contextlib
import re
import time

import pytest
from django.core.management import call_command
from playwright.sync_api import BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from e2e.axe import PageTracker, assert_accessible, follow, track, untrack, visit
from e2e.conftest import DESKTOP
from e2e.support import PASSWORD, wait_for_mail

pytestmark = pytest.mark.browser

SOCIUS_SPEARHEAD = "draagvlak-en-politiserend-werken"


# --- helpers shared with e2e/test_management.py ---------------------------------------


def current_totp_code(user) -> str:  # type: ignore[no-untyped-def]
    """The code the user's authenticator app shows now (allauth's own HOTP computation on
    the decrypted secret). Waits for the next period when this one is about to end, so the
    code is still valid when the server checks it (allauth's tolerance is 0 periods)."""
    from allauth.mfa import app_settings
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 3:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def log_in_manager(page: Page, user, *, lang: str = "nl") -> None:  # type: ignore[no-untyped-def]
    """Sign in through the real log-in form; with an authenticator, through allauth's
    second step as well (the TOTP code)."""
    from allauth.mfa.models import Authenticator

    visit(page, f"/{lang}/account/login/")
    form = page.locator("main form.account-form")
    form.locator('input[name="login"]').fill(user.email)
    form.locator('input[name="password"]').fill(PASSWORD)
    follow(page, lambda: form.locator("button[type=submit]").click())
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        expect(page).to_have_url(re.compile(rf"/{lang}/account/2fa/authenticate/$"))
        code = page.locator('main form.account-form input[name="code"]')
        expect(code).to_have_count(1)
        code.fill(current_totp_code(user))
        follow(
            page,
            lambda: page.locator("main form.account-form button[type=submit]:not([form])").click(),
        )
    expect(page).to_have_url(re.compile(rf"/{lang}/mijn/$"))
    expect(page.locator('header form[action$="/account/logout/"]')).to_have_count(1)


@pytest.fixture
def browser_pages(browser, live_server, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """new_page() -> a page in a fresh browser context (another person's browser), set up
    and checked like the `page` fixture: when the test passes, every page it loaded must
    have been checked by axe, without JavaScript errors or failed sub-resources."""
    opened: list[tuple[BrowserContext, Page, PageTracker]] = []

    def new_page() -> Page:
        context = browser.new_context(
            base_url=live_server.url, locale="nl-BE", viewport=DESKTOP, bypass_csp=True
        )
        context.set_default_timeout(10_000)
        context.set_default_navigation_timeout(20_000)
        browser_page = context.new_page()
        opened.append((context, browser_page, track(browser_page)))
        return browser_page

    try:
        yield new_page
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.passed:
            problems = []
            for _context, browser_page, tracker in opened:
                browser_page.evaluate("0")  # let pending page events arrive
                if tracker.unchecked():
                    problems.append(f"pages never checked with axe: {tracker.unchecked()}")
                if tracker.page_errors:
                    problems.append(f"JavaScript errors: {tracker.page_errors}")
                if tracker.bad_responses:
                    problems.append(f"failed sub-resources: {tracker.bad_responses}")
            if problems:
                pytest.fail("\n".join(problems), pytrace=False)
    finally:
        for context, browser_page, _tracker in opened:
            untrack(browser_page)
            with contextlib.suppress(PlaywrightError):
                context.close()


def make_manager(make_user, email: str, role: str, *, region: str | None = None, totp: bool):  # type: ignore[no-untyped-def]
    """A user (first.last@...) with a role, and an authenticator when totp is true."""
    from sterk.network.models import Region
    from sterk.network.services import role_assign
    from sterk.network.tests.factories import give_totp

    first, last = email.split("@")[0].split(".")
    user = make_user(email, first_name=first.title(), last_name=last.title())
    role_assign(
        actor=None,
        user=user,
        role=role,
        region=Region.objects.get(slug=region) if region else None,
    )
    if totp:
        give_totp(user)
    return user


# --- public pages ----------------------------------------------------------------------


@pytest.fixture
def actionplan(content):  # type: ignore[no-untyped-def]
    call_command("load_actionplan", verbosity=0)
    return content


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_public_action_plan_pages(page: Page, actionplan, lang: str) -> None:
    from sterk.actionplan.models import Action
    from sterk.actionplan.tests import source
    from sterk.network.models import Region

    # One action of the plan is carried by Antwerpen, so the region filter has a result.
    carried = source.ACTIONS[1]
    Action.objects.get(slug=carried["slug"]).carrier_regions.add(
        Region.objects.get(slug="antwerpen")
    )

    visit(page, f"/{lang}/actieplan/")
    expect(page.locator("main h1")).to_contain_text(source.PLAN["title"][lang])
    expect(page.locator("main .challenge-card h3 a")).to_have_count(len(source.CHALLENGES))
    listed = page.locator("#plan-results .action-list > li")
    expect(listed).to_have_count(len(source.ACTIONS))

    # The filter: choose a region and submit. htmx swaps the results in place and puts the
    # filter in the address, so the filtered view can be shared.
    form = page.locator("main form.filters")
    form.locator('select[name="regio"]').select_option("antwerpen")
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"[?&]regio=antwerpen"))
    expect(listed).to_have_count(1)
    expect(listed.first.locator("a")).to_have_text(carried["title"][lang])
    expect(page.locator("#plan-results-status")).not_to_be_empty()
    assert_accessible(page)
    if lang == "nl":
        # The same filtered view loaded as a page (the form is a plain GET form without
        # JavaScript); the PDF link then gives the region's state of the plan.
        visit(page, f"/{lang}/actieplan/?regio=antwerpen")
        expect(page.locator('main select[name="regio"]')).to_have_value("antwerpen")
        expect(listed).to_have_count(1)
        expect(page.locator('main .plan-links a[href*="stand.pdf"]')).to_have_attribute(
            "href", re.compile(r"stand\.pdf\?regio=antwerpen$")
        )

    # The spearhead on politicising work, led by Socius, from its card on the overview.
    spearhead = next(s for s in source.SPEARHEADS if s["slug"] == SOCIUS_SPEARHEAD)
    follow(page, page.locator(f'main a[href$="/speerpunten/{SOCIUS_SPEARHEAD}/"]').first.click)
    expect(page).to_have_url(re.compile(rf"/{lang}/actieplan/speerpunten/{SOCIUS_SPEARHEAD}/$"))
    expect(page.locator("main h1")).to_have_text(spearhead["title"][lang])
    expect(page.locator("main")).to_contain_text("Socius")

    # A challenge, from its card on the overview.
    visit(page, f"/{lang}/actieplan/")
    first = source.CHALLENGES[0]
    follow(
        page, page.locator(f'main .challenge-card a[href$="/uitdagingen/{first["slug"]}/"]').click
    )
    expect(page).to_have_url(re.compile(rf"/{lang}/actieplan/uitdagingen/{first['slug']}/$"))
    expect(page.locator("main h1")).to_have_text(first["title"][lang])

    # An action of that challenge, from the challenge page.
    action = next(a for a in source.ACTIONS if a["challenge"] == first["number"])
    follow(page, page.locator(f'main a[href$="/acties/{action["slug"]}/"]').first.click)
    expect(page).to_have_url(re.compile(rf"/{lang}/actieplan/acties/{action['slug']}/$"))
    expect(page.locator("main h1")).to_have_text(action["title"][lang])

    if lang == "nl":
        # The printable state of the plan is a real PDF.
        response = page.request.get("/nl/actieplan/stand.pdf")
        assert response.status == 200, response.status
        assert response.headers["content-type"] == "application/pdf", response.headers
        assert response.body().startswith(b"%PDF-")


# --- the proposal workflow -------------------------------------------------------------


def test_chair_proposes_an_action_and_the_steering_group_approves_it(
    page: Page, actionplan, make_user, browser_pages
) -> None:
    from sterk.actionplan.models import Action, ActionProposal, Challenge, Origin, ProposalStatus
    from sterk.actionplan.tests import source
    from sterk.network.models import Role

    chair = make_manager(
        make_user, "nora.antwerpen@example.org", Role.CHAIR, region="antwerpen", totp=True
    )
    steering = make_manager(make_user, "stef.stuurgroep@example.org", Role.STEERING, totp=False)
    other_chair = make_manager(
        make_user, "lode.limburg@example.org", Role.CHAIR, region="limburg", totp=True
    )
    title = "Buurtgerichte zorg samen met de eerstelijnszone Antwerpen"
    challenge = source.CHALLENGES[0]

    # The chair signs in (password, then the authenticator code) and proposes an action.
    log_in_manager(page, chair)
    visit(page, "/nl/beheer/actieplan/voorstellen/")
    follow(page, page.locator('main a[href$="/beheer/actieplan/voorstellen/nieuw/"]').click)
    form = page.locator("main form[method=post]")
    # Antwerpen is the only region this chair may propose for: chosen already.
    expect(form.locator("#id_region option:checked")).to_have_text("Antwerpen")
    challenge_select = form.locator("#id_challenge")
    challenge_select.select_option(str(Challenge.objects.get(slug=challenge["slug"]).pk))
    expect(challenge_select.locator("option:checked")).to_contain_text(challenge["title"]["nl"])
    form.locator("#id_title").fill(title)
    form.locator("#id_description").fill(
        "Sociaal werkers en eerstelijnszones bouwen samen een **buurtgerichte** aanpak uit."
    )
    form.locator("#id_initiatives").fill(
        "Kennismakingsmoment met de ELZ\nGezamenlijke casusbespreking"
    )
    form.locator('input[name="krachtlijnen"]').first.check()
    follow(page, form.locator("button[type=submit]").click)

    proposal = ActionProposal.objects.get(title=title)
    assert proposal.region.slug == "antwerpen"
    assert proposal.status == ProposalStatus.SUBMITTED
    expect(page).to_have_url(re.compile(rf"/nl/beheer/actieplan/voorstellen/{proposal.pk}/$"))
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("main h1")).to_have_text(title)
    # The chair cannot decide on their own proposal.
    expect(page.locator("#decide-title")).to_have_count(0)
    # The steering group hears of it.
    wait_for_mail(steering.email)

    # A steering-group member (no authenticator needed) approves it in their own browser.
    deciding = browser_pages()
    log_in_manager(deciding, steering)
    visit(deciding, "/nl/beheer/actieplan/voorstellen/")
    follow(deciding, deciding.locator("main table a", has_text=title).click)
    expect(deciding).to_have_url(re.compile(rf"/beheer/actieplan/voorstellen/{proposal.pk}/$"))
    decide = deciding.locator("main form[method=post]")
    decide.locator('input[name="decision"][value="approve"]').check()
    decide.locator('textarea[name="message"]').fill("Mooi voorstel, goedgekeurd.")
    follow(deciding, decide.locator("button[type=submit]").click)
    expect(deciding.locator(".messages")).to_be_visible()
    expect(deciding.locator('main a[href*="/actieplan/acties/"]')).to_have_count(1)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    action = Action.objects.get(pk=proposal.action_id)
    assert action.origin == Origin.REGIONAL
    assert action.origin_region.slug == "antwerpen"

    # The chair is told, with a link to the new action.
    message = wait_for_mail(chair.email)
    assert title in message.subject, message.subject
    assert action.get_absolute_url() in message.body, message.body

    # The action is on the public overview, marked as an action of Antwerpen...
    visit(deciding, "/nl/actieplan/")
    item = deciding.locator("main .action-list > li", has_text=title)
    expect(item).to_have_count(1)
    expect(item).to_have_class(re.compile(r"\bis-regional\b"))
    expect(item.locator(".tag")).to_contain_text("Antwerpen")
    # ...and on the region page.
    visit(deciding, "/nl/regio/antwerpen/")
    regional = deciding.locator("main section.plan-actions li", has_text=title)
    expect(regional).to_have_count(1)
    expect(regional.locator(".tag")).to_contain_text("Antwerpen")
    follow(deciding, regional.locator("a", has_text=title).click)
    expect(deciding.locator("main h1")).to_have_text(title)

    # A chair of another region may not open Antwerpen's proposal.
    intruder = browser_pages()
    log_in_manager(intruder, other_chair)
    visit(intruder, f"/nl/beheer/actieplan/voorstellen/{proposal.pk}/", status=403)
    expect(intruder.locator("main h1")).to_be_visible()
    expect(intruder.locator("main")).not_to_contain_text(title)
