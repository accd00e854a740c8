"""Browser journeys: Playwright (sync API) driving Debian's Chromium against live_server.

Every test here is marked `browser`. Without /usr/bin/chromium the tests are skipped, or
fail when STERK_REQUIRE_BROWSER=1 (CI), so a missing browser never passes silently.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

from e2e import htmlcheck
from e2e.axe import track, untrack
from e2e.support import ARTIFACTS, PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MISSING_CHROMIUM = (
    "Chromium not found at /usr/bin/chromium; install Debian's chromium to run the browser tests"
)
DESKTOP = {"width": 1280, "height": 900}
REGION_SLUGS = [
    "antwerpen",
    "limburg",
    "oost-vlaanderen",
    "west-vlaanderen",
    "vlaams-brabant",
    "brussel",
]


def _require_chromium() -> None:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    if os.environ.get("STERK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{MISSING_CHROMIUM} (STERK_REQUIRE_BROWSER=1 is set).", pytrace=False)
    pytest.skip(MISSING_CHROMIUM)


def pytest_sessionstart(session: pytest.Session) -> None:
    # Screenshots of failed tests are kept in test-artifacts/failures/ (gitignored): start
    # each run without the previous run's pictures. Only the controller does this under
    # xdist, so a worker never removes another worker's screenshot.
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(ARTIFACTS / "failures", ignore_errors=True)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Browser tests run after every other test (after pytest-django's own ordering), so
    # that DJANGO_ALLOW_ASYNC_UNSAFE, set while the browser is open, is never seen by
    # another test (sterk/core/tests/test_deploy.py runs `check --deploy`, which rightly
    # fails when a subprocess inherits it).
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before any fixture: no database, no live server for a test that cannot run.
    if item.get_closest_marker("browser") is not None:
        _require_chromium()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    _require_chromium()
    from playwright.sync_api import sync_playwright

    # The Playwright sync API keeps an asyncio event loop running in this thread from
    # start to stop; Django refuses ORM calls from a thread with a running loop unless
    # told that this is safe. It is here: the loop only drives the browser, and the ORM
    # calls (fixtures, assertions, database flushes) are ordinary blocking test code.
    # Set for exactly as long as the loop runs, and put back afterwards.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session", autouse=True)
def _valid_html() -> Iterator[None]:
    """Every document the browser tests loaded must pass the Nu HTML Checker: checked once
    for the whole session (e2e/htmlcheck.py), failing the last test's teardown with a list
    of URL, line and message."""
    yield
    if shutil.which("java") is None and os.environ.get("STERK_REQUIRE_BROWSER") != "1":
        # Like a missing Chromium outside CI: say so instead of failing (CI installs Java).
        sys.stderr.write(
            "\nHTML validation skipped: no Java runtime (apt-get install default-jre-headless)\n"
        )
        return
    htmlcheck.assert_valid_session()


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Rate limits (contact form, allauth log-in) count in the cache: one test's hits must
    # not block the next one.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(browser, live_server, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A fresh browser context per test (no cookies carried over), Belgian Dutch, desktop."""
    assert request.node.get_closest_marker("browser") is not None, (
        "browser tests must be marked @pytest.mark.browser"
    )
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-BE",
        viewport=DESKTOP,
        # Only so that axe-core can be injected as an inline script: our CSP forbids them.
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(20_000)
    browser_page = context.new_page()
    tracker = track(browser_page)
    htmlcheck.watch(browser_page)  # validated in one batch at the end (_valid_html)
    try:
        yield browser_page
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.passed:
            browser_page.evaluate("0")  # let pending page events arrive
            problems = []
            if tracker.unchecked():
                problems.append(
                    "pages loaded but never checked with axe (use visit/follow or "
                    f"assert_accessible): {tracker.unchecked()}"
                )
            if tracker.page_errors:
                problems.append(f"JavaScript errors: {tracker.page_errors}")
            if tracker.bad_responses:
                problems.append(f"failed sub-resources: {tracker.bad_responses}")
            if problems:
                pytest.fail("\n".join(problems), pytrace=False)
        elif report is not None and report.failed:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
            (ARTIFACTS / "failures").mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(PlaywrightError):  # a crashed page has no picture
                browser_page.screenshot(path=ARTIFACTS / "failures" / f"{name}.png", full_page=True)
    finally:
        untrack(browser_page)
        context.close()


@pytest.fixture
def live_url(live_server) -> Callable[[str], str]:  # type: ignore[no-untyped-def]
    """live_url("/nl/contact/") -> "http://localhost:PORT/nl/contact/"."""

    def build(path: str) -> str:
        return f"{live_server.url}{path}"

    return build


@dataclass(frozen=True)
class Content:
    region_slugs: list[str]
    krachtlijn_slug: str
    function_slug: str


@pytest.fixture
def content(transactional_db) -> Content:  # type: ignore[no-untyped-def]
    """The Sterk Sociaal Werk content: 6 regions, 5 krachtlijnen, 3 functions, pages."""
    from sterk.identity.models import Function, Krachtlijn
    from sterk.network.models import Region

    call_command("load_content", verbosity=0)
    slugs = set(Region.objects.values_list("slug", flat=True))
    assert set(REGION_SLUGS) <= slugs, f"load_content made regions {sorted(slugs)}"
    krachtlijn = Krachtlijn.objects.order_by("number").first()
    function = Function.objects.order_by("number").first()
    assert krachtlijn is not None and function is not None, "load_content made no identity"
    return Content(
        region_slugs=REGION_SLUGS, krachtlijn_slug=krachtlijn.slug, function_slug=function.slug
    )


@pytest.fixture
def make_user(transactional_db):  # type: ignore[no-untyped-def]
    """make_user(email, first_name=..., last_name=...) -> a user who can log in."""
    from allauth.account.models import EmailAddress

    from sterk.accounts.models import User

    def create(email: str, *, first_name: str = "Test", last_name: str = "Persoon") -> User:
        user = User.objects.create_user(
            email=email, password=PASSWORD, first_name=first_name, last_name=last_name
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return create
