"""Journeys 4 and 5: a visitor signs up through "join" and becomes a member; a member
joins and leaves a regional platform with one click each. Also: a sign-up error keeps what
was typed (journey 7), and log-out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.support import PASSWORD, wait_for_mail

pytestmark = pytest.mark.browser


def is_member(email: str, slug: str) -> bool:
    from sterk.network.models import Membership

    return Membership.objects.filter(user__email=email, region__slug=slug).exists()


def leave_button(page: Page, slug: str):  # type: ignore[no-untyped-def]
    return page.locator(f'main form[action$="/regio/{slug}/verlaten/"] button[type=submit]')


def join_button(page: Page, slug: str):  # type: ignore[no-untyped-def]
    return page.locator(f'main form[action$="/regio/{slug}/aansluiten/"] button[type=submit]')


def log_in(page: Page, email: str, password: str = PASSWORD, lang: str = "nl") -> None:
    visit(page, f"/{lang}/account/login/")
    form = page.locator("main form.account-form")
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(password)
    follow(page, lambda: form.locator("button[type=submit]").click())
    expect(page).to_have_url(re.compile(rf"/{lang}/mijn/$"))
    # Signed in: the header offers "log out" instead of "log in".
    expect(page.locator('header form[action$="/account/logout/"]')).to_have_count(1)


def test_visitor_joins_a_region_through_sign_up_and_e_mail_confirmation(
    page: Page, content, live_url, settings
) -> None:
    from sterk.accounts.models import User

    # Mail links are on the site URL (sterk.core.site), here the live server's address.
    settings.STERK_SITE_URL = live_url("")
    email = "an.peeters@example.org"
    visit(page, "/nl/regio/antwerpen/")
    join_link = page.locator('main a[href*="/regio/antwerpen/aansluiten/"]')
    expect(join_link).to_have_count(1)
    follow(page, join_link.click)

    # Not signed in: the join is remembered and the visitor lands on the sign-up form.
    expect(page).to_have_url(re.compile(r"/nl/account/signup/"))
    expect(page.locator(".messages")).to_contain_text("Antwerpen")
    form = page.locator("main form.account-form")
    form.locator('input[name="first_name"]').fill("An")
    form.locator('input[name="last_name"]').fill("Peeters")
    form.locator('input[name="email"]').fill(email)
    form.locator('input[name="password1"]').fill(PASSWORD)
    form.locator('input[name="password2"]').fill(PASSWORD)
    follow(page, lambda: form.locator("button[type=submit]").click())

    # Verification is mandatory: the account exists, the address is not confirmed yet.
    expect(page).to_have_url(re.compile(r"/nl/account/confirm-email/$"))
    user = User.objects.get(email=email)
    assert (user.first_name, user.last_name) == ("An", "Peeters")
    assert not user.emailaddress_set.get(email=email).verified

    message = wait_for_mail(email)
    links = re.findall(r"https?://\S+/account/confirm-email/\S+/", message.body)
    assert links, f"no confirmation link in:\n{message.body}"
    # An absolute link to this site, in the language the visitor signed up in.
    assert links[0].startswith(live_url("/nl/account/confirm-email/")), links[0]
    visit(page, links[0])
    confirm = page.locator("main form button[type=submit]")
    expect(confirm).to_have_count(1)
    follow(page, confirm.click)

    # Confirmed in the same browser: signed in, back on the region page, and a member of
    # Antwerpen without a second "join" step.
    expect(page).to_have_url(re.compile(r"/nl/(regio/antwerpen|mijn)/$"))
    assert User.objects.get(email=email).emailaddress_set.get(email=email).verified
    expect(page.locator('header form[action$="/account/logout/"]')).to_have_count(1)
    assert is_member(email, "antwerpen")

    visit(page, "/nl/regio/antwerpen/")
    expect(leave_button(page, "antwerpen")).to_have_count(1)
    expect(join_button(page, "antwerpen")).to_have_count(0)
    visit(page, "/nl/mijn/")
    expect(page.locator("section[aria-labelledby=my-regions] .card-grid")).to_contain_text(
        "Antwerpen"
    )


def test_member_logs_in_joins_and_leaves_a_region(page: Page, content, make_user) -> None:
    make_user("jan.maes@example.org", first_name="Jan", last_name="Maes")
    log_in(page, "jan.maes@example.org")
    expect(page.locator("main h1")).to_contain_text("Jan")

    visit(page, "/nl/regio/limburg/")
    expect(leave_button(page, "limburg")).to_have_count(0)
    follow(page, join_button(page, "limburg").click)
    expect(page).to_have_url(re.compile(r"/nl/regio/limburg/$"))
    expect(page.locator(".messages")).to_contain_text("Limburg")
    expect(leave_button(page, "limburg")).to_have_count(1)
    assert is_member("jan.maes@example.org", "limburg")

    follow(page, leave_button(page, "limburg").click)
    expect(page).to_have_url(re.compile(r"/nl/regio/limburg/$"))
    expect(join_button(page, "limburg")).to_have_count(1)
    expect(leave_button(page, "limburg")).to_have_count(0)
    assert not is_member("jan.maes@example.org", "limburg")


def test_sign_up_error_keeps_names_and_e_mail(page: Page, content) -> None:
    visit(page, "/nl/account/signup/")
    form = page.locator("main form.account-form")
    form.locator('input[name="first_name"]').fill("Marie")
    form.locator('input[name="last_name"]').fill("Dubois")
    form.locator('input[name="email"]').fill("marie.dubois@example.org")
    form.locator('input[name="password1"]').fill(PASSWORD)
    form.locator('input[name="password2"]').fill(PASSWORD + "x")
    follow(page, lambda: form.locator("button[type=submit]").click())

    expect(page).to_have_url(re.compile(r"/nl/account/signup/$"))
    expect(form.locator(".errorlist").first).to_be_visible()
    expect(form.locator('input[name="first_name"]')).to_have_value("Marie")
    expect(form.locator('input[name="last_name"]')).to_have_value("Dubois")
    expect(form.locator('input[name="email"]')).to_have_value("marie.dubois@example.org")


def test_member_logs_out(page: Page, content, make_user) -> None:
    make_user("els.wouters@example.org", first_name="Els", last_name="Wouters")
    log_in(page, "els.wouters@example.org")
    logout = page.locator('header form[action$="/account/logout/"] button[type=submit]')
    follow(page, logout.click)
    expect(page).to_have_url(re.compile(r"/nl/$"))
    expect(page.locator('header a[href$="/account/login/"]')).to_have_count(1)
    expect(page.locator('header form[action$="/account/logout/"]')).to_have_count(0)


def test_member_finds_a_colleague_in_the_directory(page: Page, content, make_user) -> None:
    colleague = make_user("karim.elamrani@example.org", first_name="Karim", last_name="El Amrani")
    colleague.directory_visible = True
    colleague.job_title = "buurtwerker"
    colleague.save()
    make_user("ines.claes@example.org", first_name="Ines", last_name="Claes")
    log_in(page, "ines.claes@example.org")
    follow(page, lambda: page.locator('main a[href$="/leden/"]').click())
    expect(page.locator("main h2", has_text="Karim El Amrani")).to_have_count(1)
    expect(page.locator("main h2", has_text="Ines Claes")).to_have_count(0)
    page.locator("#directory-q").fill("buurtwerk")
    follow(page, lambda: page.locator("main form[role=search] button[type=submit]").click())
    expect(page).to_have_url(re.compile(r"/nl/leden/\?q=buurtwerk"))
    expect(page.locator("main h2", has_text="Karim El Amrani")).to_have_count(1)
