"""Journey 1: the public pages in every language pass axe, carry the right <html lang>,
and the language switcher keeps the visitor on the same page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import AccessibilityError, follow, visit

pytestmark = pytest.mark.browser

LANGUAGES = ["nl", "fr", "en"]


def public_paths(lang: str, content) -> list[str]:  # type: ignore[no-untyped-def]
    paths = [
        f"/{lang}/",
        f"/{lang}/over/",
        f"/{lang}/over/krachtlijnen/{content.krachtlijn_slug}/",
        f"/{lang}/over/functies/{content.function_slug}/",
        *(f"/{lang}/regio/{slug}/" for slug in content.region_slugs),
        f"/{lang}/stuurgroep/",
        f"/{lang}/stakeholders/",
        f"/{lang}/contact/",
        f"/{lang}/open-data/",
        f"/{lang}/account/login/",
        f"/{lang}/account/signup/",
    ]
    return paths


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_pages_are_accessible_in_every_language(page: Page, content, lang: str) -> None:
    problems: list[str] = []
    for path in public_paths(lang, content):
        try:
            visit(page, path)
        except AccessibilityError as exc:
            # Go on: one report with every page's violations is worth more than the first.
            problems.append(str(exc))
            continue
        assert page.locator("html").get_attribute("lang") == lang, path
        assert page.title().strip(), f"{path} has no <title>"
        expect(page.locator("main#main h1")).to_have_count(1)
    assert not problems, "\n\n".join(problems)


def test_root_redirects_to_dutch(page: Page, content) -> None:
    visit(page, "/")
    expect(page).to_have_url(re.compile(r"/nl/$"))
    assert page.locator("html").get_attribute("lang") == "nl"


@pytest.mark.parametrize(
    ("start", "button", "target"),
    [
        ("/nl/regio/limburg/", "FR", "/fr/regio/limburg/"),
        ("/fr/regio/limburg/", "EN", "/en/regio/limburg/"),
        ("/en/contact/", "NL", "/nl/contact/"),
    ],
)
def test_language_switcher_keeps_the_page(
    page: Page, content, start: str, button: str, target: str
) -> None:
    visit(page, start)
    switcher = page.locator("header form.language-switcher")
    follow(page, lambda: switcher.get_by_role("button", name=button, exact=True).click())
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    lang = target.split("/")[1]
    assert page.locator("html").get_attribute("lang") == lang
    expect(switcher.locator(f'button[value="{lang}"]')).to_have_attribute("aria-current", "true")
