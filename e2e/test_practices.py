"""The practice library end to end: a partner opens a call, a visitor sends a story and
confirms it by e-mail, the call's owner moderates and publishes it, and anyone finds it
in the library (in Dutch, French and English), every page checked with axe."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import assert_accessible, follow, visit
from e2e.support import PASSWORD, wait_for_mail

pytestmark = pytest.mark.browser


def log_in(page: Page, email: str) -> None:
    visit(page, "/nl/account/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill(PASSWORD)
    follow(page, lambda: page.locator("main form button[type=submit]").click())


def test_call_submission_moderation_publication(page: Page, content, make_user, settings) -> None:
    from django.utils import timezone

    from sterk.network.models import Organisation, Role
    from sterk.network.services import role_assign
    from sterk.practices import services
    from sterk.practices.models import Practice, Status

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    socius = Organisation.objects.get(name="Socius")
    owner = make_user("socius@example.org", first_name="Sofie", last_name="Socius")
    role_assign(actor=None, user=owner, role=Role.STAKEHOLDER, organisation=socius)
    today = timezone.localdate()
    call = services.call_create(
        actor=None,
        data={
            "slug": "politiserende-praktijken",
            "title_nl": "Politiserende praktijken in zorg en welzijn",
            "title_fr": "Pratiques politisantes",
            "title_en": "Politicising practices",
            "question_nl": "Vertel ons over een praktijk gericht op **maatschappelijke verandering**.",
            "owner": socius,
            "opens_on": today - datetime.timedelta(days=1),
            "closes_on": today + datetime.timedelta(days=30),
            "questions": [
                {"label": "Wat veranderde er?", "kind": "text", "choices": [], "required": True},
                {
                    "label": "Werkveld",
                    "kind": "choice",
                    "choices": ["Zorg", "Welzijn"],
                    "required": False,
                },
            ],
        },
    )

    # A visitor sends a story; a missing answer keeps what was typed.
    visit(page, "/nl/oproepen/politiserende-praktijken/")
    page.locator("#id_submitter_name").fill("Sara Janssens")
    page.locator("#id_submitter_email").fill("sara@example.org")
    page.locator("#id_title_nl").fill("Buurtwerkers brengen onderbescherming in kaart")
    page.locator("#id_summary_nl").fill(
        "Samen met bewoners zoeken we wie zijn rechten niet opneemt."
    )
    page.locator("#id_region").select_option(label="Antwerpen")
    page.locator("#id_consent_publish").check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    expect(page.locator("main .error-summary")).to_be_visible()
    expect(page.locator("#id_title_nl")).to_have_value(
        "Buurtwerkers brengen onderbescherming in kaart"
    )
    page.locator("#id_answer_0").fill("Het OCMW past zijn onthaal aan.")
    page.locator("#id_consent_anonymous").check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    expect(page).to_have_url(re.compile(r"/verstuurd/$"))
    practice = Practice.objects.get(call=call)
    assert practice.status == Status.UNCONFIRMED

    # Nothing is moderated before the e-mail link is followed.
    message = wait_for_mail("sara@example.org")
    link = re.search(r"https?://\S+/bevestigen/\S+/", message.body).group(0)
    visit(page, "/nl/" + link.split("/nl/", 1)[1])
    follow(
        page, lambda: page.get_by_role("button", name=re.compile("confirm|bevestig", re.I)).click()
    )
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
    wait_for_mail("socius@example.org")

    # The call's owner moderates: asks nothing, publishes.
    page.context.clear_cookies()
    log_in(page, "socius@example.org")
    visit(page, "/nl/beheer/praktijken/")
    follow(
        page,
        lambda: page.get_by_role(
            "link", name="Buurtwerkers brengen onderbescherming in kaart"
        ).click(),
    )
    page.locator('input[name="decision"][value="publish"]').check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED

    # Anyone finds it: Dutch stemming, no accents or case needed, live with htmx.
    page.context.clear_cookies()
    visit(page, "/nl/praktijken/")
    page.locator("#library-q").fill("Onderbescherming")
    expect(page.locator("#library-results")).to_contain_text("Buurtwerkers brengen")
    expect(page).to_have_url(re.compile(r"q=Onderbescherming"))
    assert_accessible(page)
    follow(
        page,
        lambda: page.get_by_role(
            "link", name="Buurtwerkers brengen onderbescherming in kaart"
        ).click(),
    )
    expect(page.locator("h1")).to_have_text("Buurtwerkers brengen onderbescherming in kaart")

    # The same pages in French and English.
    for lang in ("fr", "en"):
        visit(page, f"/{lang}/praktijken/?q=onderbescherming")
        expect(page.locator("#library-results")).to_contain_text("Buurtwerkers brengen")
        visit(page, f"/{lang}/praktijken/{practice.slug}/")
        visit(page, f"/{lang}/oproepen/politiserende-praktijken/")


def test_library_facets_work_without_javascript(browser, live_server, content) -> None:
    from sterk.identity.models import Krachtlijn
    from sterk.network.models import Region
    from sterk.practices.tests.factories import published

    nabijheid = Krachtlijn.objects.get(slug="nabijheid")
    published(
        slug="dichtbij",
        title_nl="Dichtbij in de wijk",
        krachtlijnen=[nabijheid],
        region=Region.objects.get(slug="limburg"),
    )
    published(
        slug="elders", title_nl="Een andere praktijk", region=Region.objects.get(slug="brussel")
    )
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, bypass_csp=True
    )
    try:
        page = context.new_page()
        page.goto("/nl/praktijken/")
        page.locator("#facet-k-nabijheid").check()
        page.get_by_role("button", name=re.compile("filter", re.I)).click()
        page.wait_for_load_state()
        expect(page).to_have_url(re.compile(r"krachtlijn=nabijheid"))
        expect(page.locator(".practice-list")).to_contain_text("Dichtbij in de wijk")
        expect(page.locator(".practice-list")).not_to_contain_text("Een andere praktijk")
    finally:
        context.close()
