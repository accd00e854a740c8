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


def library_practices():  # type: ignore[no-untyped-def]
    from sterk.identity.models import Krachtlijn
    from sterk.network.models import Region
    from sterk.practices.tests.factories import published

    nabijheid = Krachtlijn.objects.get(slug="nabijheid")
    limburg = Region.objects.get(slug="limburg")
    published(
        slug="dichtbij", title_nl="Dichtbij in de wijk", krachtlijnen=[nabijheid], region=limburg
    )
    published(slug="ook-limburg", title_nl="Ook in Limburg", region=limburg)
    published(
        slug="elders", title_nl="Een andere praktijk", region=Region.objects.get(slug="brussel")
    )


def test_library_filters_keep_working_and_keep_focus(page: Page, content) -> None:
    """Every checkbox change updates the results, also after the first update (the htmx
    trigger is on the form, which is never swapped); keyboard focus stays where it was,
    and the new number of results is announced in a live region outside the swapped part."""
    library_practices()
    visit(page, "/nl/praktijken/")
    results = page.locator("#library-results .practice-list > *")
    status = page.locator("#library-status")
    expect(results).to_have_count(3)

    page.locator("#facet-r-limburg").check()
    expect(page).to_have_url(re.compile(r"regio=limburg"))
    expect(results).to_have_count(2)
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("2")
    assert page.evaluate("document.activeElement.id") == "facet-r-limburg"
    expect(page.locator("#library-filter-count")).to_have_text("1")
    assert_accessible(page)

    # The second change: before, the trigger listened on the replaced block, so nothing.
    page.locator("#facet-k-nabijheid").check()
    expect(page).to_have_url(re.compile(r"krachtlijn=nabijheid"))
    expect(results).to_have_count(1)
    expect(status).to_contain_text("1")
    expect(page.locator("#library-filter-count")).to_have_text("2")
    assert_accessible(page)

    # Unticked with the keyboard, then "Apply filters" with the keyboard: focus stays.
    page.locator("#facet-k-nabijheid").focus()
    page.keyboard.press("Space")
    expect(results).to_have_count(2)
    assert page.evaluate("document.activeElement.id") == "facet-k-nabijheid"
    page.locator("#library-apply").focus()
    # The count was 2 already: wait for the update itself, or it may land (and replace the
    # results) after the skip link below has moved focus into them.
    with page.expect_response(lambda r: "/nl/praktijken/" in r.url):
        page.keyboard.press("Enter")
    expect(status).to_contain_text("2")
    assert page.evaluate("document.activeElement.id") == "library-apply"

    # "Skip to the results" takes the keyboard past the filters.
    page.locator("main a.skip-link-inline").focus()
    expect(page.locator("main a.skip-link-inline")).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused_in_results = page.evaluate("!!document.activeElement.closest('#library-results')")
    assert focused_in_results, page.evaluate("document.activeElement.outerHTML")


def test_library_on_a_phone_shows_results_first(page: Page, content) -> None:
    library_practices()
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, "/nl/praktijken/?regio=limburg")
    toggle = page.locator("main details.library-facets > summary")
    expect(toggle).to_be_visible()
    expect(toggle).to_contain_text("(1)")
    expect(page.locator("#facet-r-limburg")).to_be_hidden()
    # The results follow the closed toggle, not 45 checkboxes.
    toggle_bottom = toggle.evaluate("(el) => el.getBoundingClientRect().bottom")
    first = page.locator("#library-results .practice-list > *").first
    first_top = first.evaluate("(el) => el.getBoundingClientRect().top")
    assert 0 < first_top - toggle_bottom < 150, (toggle_bottom, first_top)
    # Opened (keyboard), the filters work as on a wide screen.
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#facet-r-limburg")).to_be_visible()
    page.locator("#facet-r-brussel").check()
    expect(page).to_have_url(re.compile(r"regio=brussel"))
    expect(page.locator("#library-results .practice-list > *")).to_have_count(3)
    # The update leaves the filters open.
    expect(page.locator("#facet-r-brussel")).to_be_visible()
    assert_accessible(page)

    # Wide: the filters stand beside the results, no toggle.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(toggle).to_be_hidden()
    visit(page, "/nl/praktijken/")
    expect(page.locator("#facet-r-limburg")).to_be_visible()
