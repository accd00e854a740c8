"""Focus after a submit (WCAG 2.4.3, 3.3.1): where the keyboard is once a page has loaded.

After a failed submit the page shows the error summary (core/_form_errors.html): focus
must be on it, not on <body> at the top of the page. After a success the page reports the
result, in the messages region (templates/base.html) or in a `.result` block (a thanks
page): focus must be there, unless the server sent the page back to a fragment (the
check-in list returns to the row just checked in: focus stays on that row).
sterk/core/static/js/site.js moves it, to what the server marked with
`data-focus-on-load` (the error summary wins).

`assert_focus_after_load(page)` checks the page as it is after a load; it is meant to run
in `follow()` (e2e/axe.py) after every action that loads a page, so that every form the
suite submits is covered. A page without an error summary, messages or result has nothing
to check.
"""

from __future__ import annotations

import contextlib
from typing import Any

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Where focus is, and where it should be. The error summary comes first; else the result
# of the action (a thanks page's block, a confirmation message, the messages region).
_FOCUS_STATE = """
() => {
  const describe = (el) => {
    if (!el) return null;
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (typeof el.className === "string" && el.className.trim())
      name += "." + el.className.trim().split(/\\s+/).join(".");
    return name;
  };
  const result =
    document.querySelector("main .result") ||
    document.querySelector("main p.message[tabindex]") ||
    document.querySelector("main .messages");
  // Sent back to a fragment (#r6, the row just checked in): focus stays there.
  const id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
  const fragment = id && document.getElementById(id);
  const expected =
    document.querySelector("main .error-summary") ||
    (result && fragment && fragment.closest("main") ? fragment : result);
  const active = document.activeElement;
  return {
    expected: describe(expected),
    active: describe(active),
    ok: !expected || (active !== null && (active === expected || expected.contains(active))),
    text: expected ? (expected.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 80) : "",
  };
}
"""


class FocusError(AssertionError):
    """After a page load, focus is not on the error summary or the reported result."""


def focus_state(page: Page) -> dict[str, Any]:
    """{"expected", "active", "ok", "text"} for the page as it is now."""
    return page.evaluate(_FOCUS_STATE)


def assert_focus_after_load(page: Page) -> None:
    """Focus is on the error summary after a failed submit, on the result after a success.

    Waits briefly: site.js is deferred and runs before the load event, but a slow runner
    may still be settling."""
    with contextlib.suppress(PlaywrightTimeoutError):  # reported below, with where focus is
        page.wait_for_function(f"({_FOCUS_STATE})().ok", timeout=2000)
    state = focus_state(page)
    if not state["ok"]:
        raise FocusError(
            f"{page.url}: focus is on {state['active']}, not on {state['expected']} "
            f"({state['text']!r}). Mark the element with data-focus-on-load "
            "(sterk/core/static/js/site.js)."
        )
