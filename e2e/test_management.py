"""The network's management area (/beheer/) in the browser: a chair of Antwerpen walks the
region's pages (texts in two languages, priorities, sub-regions, members with search,
CSV export and a two-step import, the contact inbox), then a coordinator checks the
organisations, the roles and the audit trail. And the member list at phone width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import assert_accessible, follow, visit
from e2e.test_actionplan import log_in_manager, make_manager

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
TAGLINE_NL = "Samen sterk in de Antwerpse buurten"
TAGLINE_FR = "Ensemble, plus forts dans les quartiers d'Anvers"
PRIORITY = "Jongeren in kwetsbare situaties"

BAD_CSV = (
    "email;voornaam;achternaam;organisatie;subregio;actieve_rol\n"
    "lotte.peeters@example.org;Lotte;Peeters;CAW Antwerpen;antwerpen-stad;ja\n"
    "geen-adres;Tom;Jacobs;;;nee\n"
)
GOOD_CSV = (
    "email;voornaam;achternaam;organisatie;subregio;actieve_rol\n"
    "lotte.peeters@example.org;Lotte;Peeters;CAW Antwerpen;antwerpen-stad;ja\n"
    "tom.jacobs@example.org;Tom;Jacobs;;;nee\n"
)


def add_members(region_slug: str, count: int) -> list[str]:
    from sterk.network.models import Membership, Region
    from sterk.network.tests.factories import UserFactory

    region = Region.objects.get(slug=region_slug)
    emails = []
    for n in range(count):
        user = UserFactory(
            email=f"lid{n}.met.een.lang.adres.voor.de.tabel@voorbeeld-organisatie.example.org",
            first_name="Marie-Christine",
            last_name=f"Vandenbroucke-Van Der Straeten {n}",
            job_title="Maatschappelijk werker in het algemeen welzijnswerk",
        )
        Membership.objects.create(user=user, region=region)
        emails.append(user.email)
    return emails


def upload(page: Page, path: Path) -> None:
    page.locator('main input[type="file"]').set_input_files(path)
    follow(page, page.locator('main form[enctype="multipart/form-data"] button[type=submit]').click)


def htmx_submit(page: Page, form, url_part: str) -> None:  # type: ignore[no-untyped-def]
    """Submit a form that htmx enhances: the results are swapped in place (no page load)
    and the address is updated; then check the page as it is now."""
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(url_part))
    assert_accessible(page)


def test_chair_and_coordinator_manage_the_network(
    page: Page, content, make_user, tmp_path: Path
) -> None:
    from sterk.core.models import AuditEntry
    from sterk.network.models import ContactRequest, ContactStatus, Membership, Region, Role
    from sterk.network.tests.factories import ContactRequestFactory

    antwerpen = Region.objects.get(slug="antwerpen")
    chair = make_manager(
        make_user, "nora.antwerpen@example.org", Role.CHAIR, region="antwerpen", totp=True
    )
    coordinator = make_manager(
        make_user, "cas.coordinatie@example.org", Role.COORDINATOR, totp=True
    )
    existing = add_members("antwerpen", 2)
    request_from = ContactRequestFactory(
        region=antwerpen, name="Sara Janssens", message="Kunnen we samen iets organiseren?"
    )

    # --- the chair -----------------------------------------------------------------------
    log_in_manager(page, chair)
    visit(page, "/nl/beheer/")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("main table")).to_contain_text("Antwerpen")

    # Page texts: a tagline in Dutch and in French, shown on the public page.
    follow(page, page.locator('main a[href$="/beheer/regio/antwerpen/teksten/"]').click)
    form = page.locator("main form[method=post]")
    form.locator("#id_tagline_nl").fill(TAGLINE_NL)
    form.locator("#id_tagline_fr").fill(TAGLINE_FR)
    follow(page, form.locator("button[type=submit]").click)
    expect(page).to_have_url(re.compile(r"/nl/beheer/regio/antwerpen/teksten/$"))
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("#id_tagline_nl")).to_have_value(TAGLINE_NL)
    visit(page, "/nl/regio/antwerpen/")
    expect(page.locator("main .lead").first).to_have_text(TAGLINE_NL)
    visit(page, "/fr/regio/antwerpen/")
    expect(page.locator("main .lead").first).to_have_text(TAGLINE_FR)

    # Priorities: the list, and a new one.
    visit(page, "/nl/beheer/regio/antwerpen/prioriteiten/")
    follow(page, page.locator('main a[href$="/prioriteiten/nieuw/"]').click)
    form = page.locator("main form[method=post]")
    form.locator("#id_title_nl").fill(PRIORITY)
    follow(page, form.locator("button[type=submit]").click)
    expect(page).to_have_url(re.compile(r"/nl/beheer/regio/antwerpen/prioriteiten/$"))
    expect(page.locator("main table tbody")).to_contain_text(PRIORITY)

    # Sub-regions.
    follow(page, page.locator('main nav.region-nav a[href$="/subregios/"]').click)
    expect(page.locator("main table tbody")).to_contain_text("Antwerpen stad")

    # Members: the list, a search, the CSV export.
    follow(page, page.locator('main nav.region-nav a[href$="/leden/"]').click)
    rows = page.locator("#member-results table tbody tr")
    expect(rows).to_have_count(len(existing))
    search = page.locator("main form.filters")
    search.locator('input[name="q"]').fill("lid1.")
    htmx_submit(page, search, r"[?&]q=lid1")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(existing[1])
    export = page.locator('main a[href*="/leden/export.csv"]')
    response = page.request.get(export.get_attribute("href") or "")
    assert response.status == 200, response.status
    assert response.headers["content-type"].startswith("text/csv"), response.headers
    assert existing[1] in response.text() and existing[0] not in response.text()

    # Import, step 1: a file with one bad row. Every row is shown, the bad one with its
    # error, and importing is not offered.
    follow(page, page.locator('main nav.region-nav a[href$="/leden/import/"]').click)
    bad = tmp_path / "leden-met-fout.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    upload(page, bad)
    expect(page).to_have_url(re.compile(r"/nl/beheer/regio/antwerpen/leden/import/[^/]+/$"))
    expect(page.locator("main .error-summary")).to_be_visible()
    table_rows = page.locator("main table tbody tr")
    expect(table_rows).to_have_count(2)
    expect(table_rows.nth(0).locator(".errorlist")).to_have_count(0)
    expect(table_rows.nth(1).locator(".errorlist")).to_contain_text("geen-adres")
    expect(page.locator("main form[method=post]")).to_have_count(0)
    assert not Membership.objects.filter(user__email="lotte.peeters@example.org").exists()

    # Step 2: the corrected file, confirmed.
    follow(page, page.locator('main p > a.button[href$="/leden/import/"]').click)
    good = tmp_path / "leden.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    upload(page, good)
    expect(page.locator("main .error-summary")).to_have_count(0)
    follow(page, page.locator("main form[method=post] button[type=submit]").click)
    expect(page).to_have_url(re.compile(r"/nl/beheer/regio/antwerpen/leden/$"))
    expect(page.locator(".messages")).to_be_visible()
    expect(rows).to_have_count(len(existing) + 2)
    expect(page.locator("#member-results table")).to_contain_text("lotte.peeters@example.org")
    expect(page.locator("#member-results table")).to_contain_text("tom.jacobs@example.org")
    lotte = Membership.objects.select_related("subregion").get(
        user__email="lotte.peeters@example.org", region=antwerpen
    )
    assert lotte.subregion is not None and lotte.subregion.slug == "antwerpen-stad"

    # The contact inbox: open the request, take it in hand with a note.
    visit(page, "/nl/beheer/contact/")
    follow(page, page.locator("main table a", has_text="Sara Janssens").click)
    expect(page).to_have_url(re.compile(rf"/nl/beheer/contact/{request_from.pk}/$"))
    expect(page.locator("main blockquote")).to_contain_text("samen iets organiseren")
    form = page.locator("main form[method=post]")
    form.locator("#id_status").select_option(ContactStatus.IN_PROGRESS)
    form.locator("#id_note").fill("Nora belt Sara deze week terug.")
    follow(page, form.locator("button[type=submit]").click)
    expect(page).to_have_url(re.compile(r"/nl/beheer/contact/$"))
    request_from.refresh_from_db()
    assert request_from.status == ContactStatus.IN_PROGRESS
    assert request_from.note == "Nora belt Sara deze week terug."
    assert request_from.handled_by_id == chair.pk
    expect(page.locator("main table tbody tr", has_text="Sara Janssens")).to_have_count(1)
    assert ContactRequest.objects.count() == 1

    # A chair has no coordinator pages.
    expect(page.locator('nav.manage-nav a[href$="/beheer/rollen/"]')).to_have_count(0)
    visit(page, "/nl/beheer/rollen/", status=403)

    logout = page.locator('header form[action$="/account/logout/"] button[type=submit]')
    follow(page, logout.click)

    # --- the coordinator -----------------------------------------------------------------
    log_in_manager(page, coordinator)
    visit(page, "/nl/beheer/")
    expect(page.locator("#coordination-heading")).to_be_visible()

    follow(page, page.locator('nav.manage-nav a[href$="/beheer/organisaties/"]').click)
    expect(page.locator("main table tbody tr").first).to_be_visible()

    follow(page, page.locator('nav.manage-nav a[href$="/beheer/rollen/"]').click)
    expect(page.locator("main table tbody tr", has_text=chair.email)).to_have_count(1)

    follow(page, page.locator('nav.manage-nav a[href$="/beheer/audit/"]').click)
    audit_filter = page.locator("main form.filters")
    audit_filter.locator("#id_action").select_option("region.updated")
    follow(page, audit_filter.locator("button[type=submit]").click)
    entry = page.locator("main table tbody tr", has_text=chair.email)
    expect(entry).to_have_count(1)
    # The action in words of the page's language, not its code (sterk.core.audit_display).
    from django.utils import translation

    from sterk.core.audit_display import action_label

    with translation.override("nl"):
        expect(entry).to_contain_text(action_label("region.updated", "network.region"))
    expect(entry).not_to_contain_text("region.updated")
    expect(entry).to_contain_text(TAGLINE_NL)
    assert AuditEntry.objects.filter(action="region.updated", actor=chair).count() == 1


def test_member_list_fits_a_phone(page: Page, content, make_user) -> None:
    from sterk.network.models import Role

    chair = make_manager(
        make_user, "nora.antwerpen@example.org", Role.CHAIR, region="antwerpen", totp=True
    )
    add_members("antwerpen", 3)
    log_in_manager(page, chair)

    page.set_viewport_size(PHONE)
    visit(page, "/nl/beheer/regio/antwerpen/leden/")
    expect(page.locator("#member-results table tbody tr")).to_have_count(3)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], f"the page scrolls sideways: {page_width}px wide"
    # The wide table scrolls inside its own wrapper instead.
    wrapper = page.locator("#member-results .table-wrap")
    overflow = wrapper.evaluate("(el) => [el.scrollWidth, el.clientWidth]")
    assert overflow[0] > overflow[1], f"the table is not wider than its wrapper: {overflow}"
