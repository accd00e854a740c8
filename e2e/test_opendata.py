"""The open-data page with a build (the table of datasets and their files) passes axe, and
its zip link downloads the zip."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import visit

pytestmark = pytest.mark.browser


def test_the_open_data_page_with_its_files_is_accessible(page: Page, content) -> None:
    from sterk.api import opendata

    opendata.open_data_build()
    visit(page, "/nl/open-data/")
    expect(page.locator("main#main h1")).to_have_count(1)
    expect(page.locator("table.opendata-table tbody tr")).not_to_have_count(0)
    expect(page.locator(f'a[href="/nl/open-data/{opendata.ZIP_NAME}"]')).to_have_count(1)
