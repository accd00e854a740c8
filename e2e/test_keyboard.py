"""Journey 3: keyboard users reach the content first (WCAG 2.4.1 bypass blocks)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from e2e.axe import visit

pytestmark = pytest.mark.browser

ACTIVE = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), id: el.id, cls: el.className,
          href: el.getAttribute("href"), top: box.top, height: box.height,
          inMain: !!el.closest("main")};
}"""


@pytest.mark.parametrize("path", ["/nl/", "/fr/regio/brussel/", "/en/contact/"])
def test_first_tab_is_the_skip_link_and_enter_moves_to_main(page: Page, content, path: str) -> None:
    visit(page, path)
    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE)
    assert focused["cls"] == "skip-link", f"first Tab focused {focused}"
    assert focused["href"] == "#main"
    # Shown on focus: inside the viewport, not just in the accessibility tree.
    assert focused["top"] >= 0 and focused["height"] > 0, f"skip link not visible: {focused}"

    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE)
    assert focused["inMain"], f"Tab after the skip link went to {focused}"
