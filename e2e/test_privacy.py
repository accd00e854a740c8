"""A member sees what they agreed to, withdraws a consent, and deletes their account after
reading what is erased and what is kept."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.test_membership import log_in

pytestmark = pytest.mark.browser


def test_member_withdraws_a_consent_and_deletes_the_account(page: Page, content, make_user) -> None:
    from sterk.accounts.models import Consent, User
    from sterk.accounts.services import profile_update

    user = make_user("lotte.peeters@example.org", first_name="Lotte", last_name="Peeters")
    profile_update(user=user, data={"directory_visible": True})
    log_in(page, "lotte.peeters@example.org")
    follow(page, lambda: page.locator('main a[href$="/mijn/privacy/"]').click())
    expect(page).to_have_url(re.compile(r"/nl/mijn/privacy/$"))
    withdraw = page.locator('main form[action*="/intrekken/"] button[type=submit]')
    expect(withdraw).to_have_count(1)
    follow(page, withdraw.click)
    expect(page.locator(".messages")).to_have_count(1)
    expect(withdraw).to_have_count(0)
    assert Consent.objects.get(user=user).withdrawn_at is not None
    user.refresh_from_db()
    assert user.directory_visible is False

    visit(page, "/nl/mijn/verwijderen/")
    expect(page.locator("main #erased-title")).to_have_count(1)
    expect(page.locator("main #kept-title")).to_have_count(1)
    page.locator('main input[name="confirm"]').check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    expect(page).to_have_url(re.compile(r"/nl/$"))
    assert not User.objects.filter(email="lotte.peeters@example.org").exists()
