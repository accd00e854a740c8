"""Journey 2: at 320 CSS pixels (WCAG 1.4.10 reflow) nothing scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from e2e.axe import visit
from e2e.support import ARTIFACTS

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize(
    ("name", "path"), [("home", "/{lang}/"), ("region", "/{lang}/regio/vlaams-brabant/")]
)
def test_no_horizontal_scroll_at_320px(
    page: Page, content, lang: str, name: str, path: str
) -> None:
    page.set_viewport_size(NARROW)
    visit(page, path.format(lang=lang))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"mobile-320-{name}-{lang}.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > NARROW["width"]:
        wide = page.evaluate(
            """(limit) => [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
                .slice(0, 10)
                .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : "")
                             + " right=" + Math.round(el.getBoundingClientRect().right))""",
            NARROW["width"],
        )
        pytest.fail(
            f"{page.url} is {scroll_width}px wide at 320px; too wide: {wide}", pytrace=False
        )
