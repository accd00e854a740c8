"""The open-data page with a build (the table of datasets and their files) passes axe;
the coordinator rebuilds the files from the management dashboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.support import ARTIFACTS

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def fresh_storage(settings) -> None:  # type: ignore[no-untyped-def]
    """A storage of its own (InMemoryStorage otherwise keeps the builds of every test of
    the process); setting STORAGES again resets django's default_storage, before and
    after the test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


def test_the_open_data_page_with_its_files_is_accessible(page: Page, content) -> None:
    from sterk.api import opendata

    opendata.open_data_build()
    visit(page, "/nl/open-data/")
    expect(page.locator("main#main h1")).to_have_count(1)
    expect(page.locator("table.opendata-table tbody tr")).not_to_have_count(0)
    expect(page.locator(f'a[href="/nl/open-data/{opendata.ZIP_NAME}"]')).to_have_count(1)
    shots = ARTIFACTS / "api"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / "1280-open-data.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 640})
    page.screenshot(path=shots / "320-open-data.png", full_page=True)


def test_the_coordinator_rebuilds_from_the_dashboard(page: Page, content, make_user) -> None:
    from e2e.test_actionplan import log_in_manager, make_manager
    from sterk.api import opendata
    from sterk.network.models import Role

    coordinator = make_manager(
        make_user, "cas.coordinatie@example.org", Role.COORDINATOR, totp=True
    )
    log_in_manager(page, coordinator)
    visit(page, "/nl/beheer/")
    panel = page.locator("section[aria-labelledby=opendata-panel-title]")
    expect(panel).to_be_visible()
    assert opendata.current() is None
    follow(page, panel.locator("button[type=submit]").click)
    expect(page).to_have_url(re.compile(r"/nl/beheer/$"))
    assert opendata.current() is not None  # the Immediate backend built it at once
