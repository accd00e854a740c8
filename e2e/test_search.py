"""Search that forgives, in the browser: a typo gets "Did you mean" (a link that keeps
the filters), zero results keep the filters and offer ways on, with and without htmx, in
nl/fr/en; every page checked with axe, reflow and the HTML checker."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from e2e.axe import assert_accessible, follow, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def practices(content) -> None:
    call_command("load_actionplan", verbosity=0)
    call_command("load_practices", verbosity=0)


def test_a_typo_is_forgiven_and_the_filters_stay(page: Page, practices) -> None:
    visit(page, "/nl/praktijken/?q=onderbeschermnig&regio=antwerpen")
    results = page.locator("#library-results")
    suggestion = results.locator(".search-suggestion a").first
    expect(suggestion).to_have_text("onderbescherming")
    # Nothing found, but no dead end: the chosen filter can be taken off, ways on.
    expect(page.locator("input[name=regio][value=antwerpen]")).to_be_checked()
    expect(results.locator(".no-results a[href='/nl/praktijken/']")).to_be_visible()
    follow(page, suggestion.click)
    expect(page).to_have_url(re.compile(r"q=onderbescherming"))
    expect(page).to_have_url(re.compile(r"regio=antwerpen"))
    expect(page.locator("#library-results .practice-list li").first).to_be_visible()
    for lang in ("fr", "en"):
        visit(page, f"/{lang}/praktijken/?q=jongren")
        expect(page.locator("#library-results .search-suggestion a").first).to_have_text("jongeren")


def test_the_suggestion_arrives_with_the_htmx_update(page: Page, practices) -> None:
    visit(page, "/nl/praktijken/")
    page.locator("#library-q").fill("onderbeschermnig")
    expect(page.locator("#library-results .search-suggestion a").first).to_have_text(
        "onderbescherming", timeout=5_000
    )
    # The filters did not vanish with the results.
    expect(page.locator("#library-facet-list fieldset.facet").first).to_be_attached()
    assert_accessible(page)
