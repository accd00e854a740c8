"""Accessibility checks with axe-core, and the helpers every journey navigates with.

Every document a test loads must pass axe. To make that hard to forget, the `page`
fixture (e2e/conftest.py) records each page load, and fails the test at teardown when a
loaded page was never checked. Navigate with:

- `visit(page, "/nl/")`: go to a URL, wait for the load, run axe;
- `follow(page, action)`: run an action that loads a new page (click a link, submit a
  form), wait for the load, run axe;
- `assert_accessible(page)`: run axe on the page as it is now (after an in-page change).

Each of them also checks reflow (WCAG 1.4.10): at 320 CSS pixels wide, and at 640 (a
1280 px screen at 200 % zoom), the page must not scroll sideways. The viewport is put back
afterwards. A failure names the widest elements that stick out (elements inside a scroll
box that itself fits, such as a table in `.table-wrap`, are fine).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Response

from e2e.focus import assert_focus_after_load

AXE_PATH = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN_AXE = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target,
      html: n.html,
      summary: n.failureSummary,
    })),
  }));
}
"""


# Widths (CSS px) at which no page may scroll sideways: a 320 px phone, and 1280 px at
# 200 % zoom. Heights as in WCAG 1.4.10.
REFLOW_VIEWPORTS = [{"width": 320, "height": 640}, {"width": 640, "height": 512}]
REFLOW_TOLERANCE = 1  # px: sub-pixel rounding

_WAIT_FOR_LAYOUT = """
() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
"""

# The page width, and the elements that stick out to the right (or left) of the viewport
# and are not clipped by a scroll box: an overflow-x ancestor clips an element only when it
# is (inside) the element's containing block, so an absolutely positioned descendant of a
# scroll box without a positioned ancestor in between escapes it, and widens the page.
_REFLOW_OFFENDERS = """
([limit, tolerance]) => {
  const root = document.documentElement;
  const width = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
  if (width <= limit + tolerance) return {width, offenders: []};
  const clipped = (el) => {
    const own = getComputedStyle(el).position;
    if (own === "fixed") return false;
    let needPositioned = own === "absolute";
    for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
      const s = getComputedStyle(a);
      const isBlock = s.position !== "static" || s.transform !== "none" || s.contain.includes("paint");
      const clips = /(auto|scroll|hidden|clip)/.test(s.overflowX);
      if (clips && (!needPositioned || isBlock)) return true;
      if (!needPositioned || isBlock) needPositioned = s.position === "absolute" || s.position === "fixed";
    }
    return false;
  };
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (typeof el.className === "string" && el.className.trim())
      name += "." + el.className.trim().split(/\\s+/).join(".");
    return name;
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right <= limit + tolerance && box.left >= -tolerance) continue;
    if (box.width === 0 && box.height === 0) continue;
    if (clipped(el)) continue;
    const parent = el.parentElement;
    const path = [];
    for (let a = parent; a && a !== document.body && path.length < 3; a = a.parentElement)
      path.unshift(describe(a));
    offenders.push({
      element: describe(el),
      path: path.join(" > "),
      right: Math.round(box.right),
      left: Math.round(box.left),
      width: Math.round(box.width),
      text: (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60),
    });
  }
  offenders.sort((a, b) => b.right - a.right || a.width - b.width);
  return {width, offenders: offenders.slice(0, 12)};
}
"""


class AccessibilityError(AssertionError):
    """axe-core found WCAG 2.1 A/AA violations on a page."""


class ReflowError(AssertionError):
    """A page scrolls sideways at 320 CSS px (or 640: 1280 px at 200 % zoom)."""


@dataclass
class PageLoad:
    url: str
    checked: bool = False


@dataclass
class PageTracker:
    """What happened in one browser page during a test (filled by event listeners)."""

    loads: list[PageLoad] = field(default_factory=list)
    document_statuses: list[tuple[int, str]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def unchecked(self) -> list[str]:
        return [load.url for load in self.loads if not load.checked]


_trackers: dict[int, PageTracker] = {}


def track(page: Page) -> PageTracker:
    """Start recording page loads, JavaScript errors and failed sub-resources of page."""
    tracker = PageTracker()
    _trackers[id(page)] = tracker

    def on_load(loaded: Page) -> None:
        tracker.loads.append(PageLoad(url=loaded.url))

    def on_page_error(error: Any) -> None:
        tracker.page_errors.append(f"{page.url}: {error}")

    def on_response(response: Response) -> None:
        request = response.request
        if request.resource_type == "document" and request.frame == page.main_frame:
            tracker.document_statuses.append((response.status, response.url))
            return
        if (
            response.status >= 400
            and request.resource_type != "document"
            and not request.url.endswith("/favicon.ico")
        ):
            tracker.bad_responses.append(f"{response.status} {request.url}")

    page.on("load", on_load)
    page.on("pageerror", on_page_error)
    page.on("response", on_response)
    return tracker


def untrack(page: Page) -> None:
    _trackers.pop(id(page), None)


@cache
def _axe_source() -> str:
    if not AXE_PATH.exists():
        pytest.fail(
            f"axe-core not found at {AXE_PATH}; run `npm ci` in the project root.",
            pytrace=False,
        )
    return AXE_PATH.read_text(encoding="utf-8")


def _format(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}]: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            target = " ".join(
                json.dumps(t) if not isinstance(t, str) else t for t in node["target"]
            )
            lines.append(f"    target: {target}")
            lines.append(f"      html: {node['html'][:200]}")
            summary = (node.get("summary") or "").replace("\n", "\n            ")
            if summary:
                lines.append(f"      why:  {summary}")
    return "\n".join(lines)


def _format_reflow(url: str, viewport: dict[str, int], found: dict[str, Any]) -> str:
    lines = [
        f"{url} scrolls sideways at {viewport['width']} CSS px (WCAG 1.4.10): "
        f"it is {found['width']} px wide. Widest elements that stick out:"
    ]
    for o in found["offenders"]:
        lines.append(
            f"- {o['element']} (left={o['left']} right={o['right']} width={o['width']}) "
            f"in {o['path'] or 'body'}: {o['text']!r}"
        )
    return "\n".join(lines)


def reflow_problems(page: Page) -> list[str]:
    """Resize the page to each REFLOW_VIEWPORTS width, look for sideways scrolling, and put
    the viewport back. Returns one message per width at which the page is too wide."""
    original = page.viewport_size
    problems = []
    try:
        for viewport in REFLOW_VIEWPORTS:
            if original is not None and original["width"] < viewport["width"]:
                continue  # a test at phone width: the wider check says nothing new
            page.set_viewport_size(viewport)
            page.evaluate(_WAIT_FOR_LAYOUT)
            found = page.evaluate(_REFLOW_OFFENDERS, [viewport["width"], REFLOW_TOLERANCE])
            if found["width"] > viewport["width"] + REFLOW_TOLERANCE:
                problems.append(_format_reflow(page.url, viewport, found))
    finally:
        if original is not None:
            page.set_viewport_size(original)
            page.evaluate(_WAIT_FOR_LAYOUT)
    return problems


def assert_reflows(page: Page) -> None:
    """Fail when the page scrolls sideways at 320 (or 640) CSS px."""
    problems = reflow_problems(page)
    if not problems:
        return
    raise ReflowError("\n".join(problems))


def assert_accessible(page: Page) -> None:
    """Run axe-core on the page (WCAG 2.0/2.1 A and AA rules) and fail on any violation;
    then check that the page reflows at 320 and 640 CSS px (assert_reflows)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # The context has bypass_csp=True only so that this inline script may run.
        page.add_script_tag(content=_axe_source())
    violations = page.evaluate(_RUN_AXE, WCAG_TAGS)
    tracker = _trackers.get(id(page))
    if tracker is not None and tracker.loads:
        # page.evaluate has returned, so the load event of this document has been seen:
        # the last recorded load is the document axe just checked.
        tracker.loads[-1].checked = True
    if violations:
        raise AccessibilityError(_format(page.url, violations))
    assert_reflows(page)


def visit(page: Page, url: str, *, status: int = 200) -> Response:
    """Open url (absolute, or a path on the live server), check the status, run axe."""
    response = page.goto(url, wait_until="load")
    assert response is not None, f"no response for {url}"
    assert response.status == status, f"{url} answered {response.status}, expected {status}"
    assert_accessible(page)
    return response


def follow(page: Page, action: Callable[[], Any]) -> None:
    """Run an action that loads a new document (a click, a form submit), check that the
    server answered without an error, then run axe."""
    tracker = _trackers[id(page)]
    seen = len(tracker.document_statuses)
    with page.expect_event("load"):
        action()
    answers = tracker.document_statuses[seen:]
    assert answers, f"no document response after the action (now on {page.url})"
    status, url = answers[-1]
    assert status < 400, f"{url} answered {status} (responses: {answers})"
    assert_accessible(page)
    # After a submit, focus is on the error summary or the result, never left on <body>.
    assert_focus_after_load(page)
