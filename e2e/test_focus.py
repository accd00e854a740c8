"""Keyboard and focus after a submit (issue 13): a failed submit puts focus on the error
summary, a success on the message that reports it; allauth's pages have the same summary,
and the password rules are readable through aria-describedby; a long multiple choice is
a checkbox list with a filter box (JavaScript) that works as a plain list without it.

Screenshots of the sign-up page with errors and of the event form's checkbox list, at
320 and 1280 px, are written to test-artifacts/focus/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import assert_accessible, follow, visit
from e2e.focus import assert_focus_after_load, focus_state
from e2e.support import ARTIFACTS, PASSWORD

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "focus"
WIDTHS = [{"width": 320, "height": 640}, {"width": 1280, "height": 900}]

ACTIVE = "() => document.activeElement && document.activeElement.id"


def submit(page: Page) -> None:
    follow(page, lambda: page.locator("main form[method=post] button[type=submit]").first.click())


def test_contact_form_focus_goes_to_the_summary_then_to_the_thanks(page: Page, content) -> None:
    visit(page, "/nl/contact/")
    submit(page)
    assert page.evaluate(ACTIVE) == "error-summary"
    assert_focus_after_load(page)
    # "*" is explained once, in the form.
    expect(page.locator("main form .required-note")).to_have_count(1)

    # From the summary, Tab reaches its first link (to the field with the problem).
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('.error-summary')")

    form = page.locator("main form[method=post]")
    form.locator("#id_name").fill("Sara Janssens")
    form.locator("#id_email").fill("sara@example.org")
    form.locator("#id_topic").select_option("question")
    form.locator("#id_message").fill("Mogen we het platform voorstellen op ons overleg?")
    form.locator("#id_consent").check()
    submit(page)
    expect(page).to_have_url(re.compile(r"/nl/contact/bedankt/$|/nl/contact/.+"))
    assert page.evaluate(ACTIVE) == "result", focus_state(page)


def test_joining_a_region_puts_focus_on_the_message(page: Page, content, make_user) -> None:
    from e2e.test_membership import join_button, log_in

    make_user("jan.maes@example.org", first_name="Jan", last_name="Maes")
    log_in(page, "jan.maes@example.org")
    visit(page, "/nl/regio/limburg/")
    follow(page, join_button(page, "limburg").click)
    expect(page.locator("main .messages")).to_contain_text("Limburg")
    assert page.evaluate(ACTIVE) == "messages", focus_state(page)
    assert_focus_after_load(page)


def test_a_failed_log_in_is_announced_and_focused(page: Page, content, make_user) -> None:
    make_user("jan.maes@example.org")
    visit(page, "/nl/account/login/")
    form = page.locator("main form.account-form")
    form.locator('input[name="login"]').fill("jan.maes@example.org")
    form.locator('input[name="password"]').fill("niet-het-wachtwoord")
    follow(page, lambda: form.locator("button[type=submit]").click())

    summary = page.locator("main .error-summary")
    expect(summary).to_have_attribute("role", "alert")
    # The form's own message ("the e-mail address and/or password are not correct").
    expect(summary.locator(".errorlist")).not_to_be_empty()
    assert page.evaluate(ACTIVE) == "error-summary", focus_state(page)
    # Required fields are marked, and "*" is explained once.
    expect(form.locator('label[for="id_login"] [aria-hidden="true"]')).to_have_text("*")
    expect(form.locator(".required-note")).to_have_count(1)


def test_sign_up_errors_are_summarised_and_the_password_rules_are_readable(
    page: Page, content
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit(page, "/nl/account/signup/")
    # The element aria-describedby points at holds the rules (a list in a <div>; in a
    # <span> in a <p> the browser moved the list out and left the element empty).
    described = page.evaluate(
        """() => {
          const input = document.querySelector('#id_password1');
          const ids = (input.getAttribute('aria-describedby') || '').split(/\\s+/);
          return ids.map((id) => (document.getElementById(id) || {}).textContent || '')
                    .join(' ').trim();
        }"""
    )
    assert len(described) > 20, f"the password's description is {described!r}"

    form = page.locator("main form.account-form")
    form.locator('input[name="first_name"]').fill("Marie")
    form.locator('input[name="last_name"]').fill("Dubois")
    form.locator('input[name="email"]').fill("marie.dubois@example.org")
    form.locator('input[name="password1"]').fill(PASSWORD)
    form.locator('input[name="password2"]').fill(PASSWORD + "x")
    follow(page, lambda: form.locator("button[type=submit]").click())

    assert page.evaluate(ACTIVE) == "error-summary", focus_state(page)
    summary = page.locator("main .error-summary")
    expect(summary.locator('a[href="#id_password2"]')).to_have_count(1)
    # Errors come after their label.
    label = form.locator('label[for="id_password2"]')
    error = form.locator("#id_password2_error")
    expect(error).to_be_visible()
    assert label.bounding_box()["y"] < error.bounding_box()["y"]  # type: ignore[index]
    for size in WIDTHS:
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"signup-errors-{size['width']}.png"), full_page=True)


def test_event_form_lists_actions_as_checkboxes_with_a_filter(
    page: Page, browser, live_server, content, make_user, settings
) -> None:
    from e2e.test_actionplan import log_in_manager, make_manager
    from sterk.actionplan.models import Action
    from sterk.actionplan.tests.factories import ActionFactory, ChallengeFactory
    from sterk.network.models import Role

    SHOTS.mkdir(parents=True, exist_ok=True)
    # The plan's 18 actions (the Ctrl-click list), under two challenges.
    challenges = [ChallengeFactory(), ChallengeFactory()]
    for n in range(18 - Action.objects.in_current_plan().count()):
        ActionFactory(challenge=challenges[n % 2], title_nl=f"Actie over samenwerking {n + 1}")
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    coordinator = make_manager(
        make_user, "cas.coordinatie@example.org", Role.COORDINATOR, totp=False
    )
    log_in_manager(page, coordinator)
    visit(page, "/nl/beheer/agenda/nieuw/")

    actions = page.locator("main fieldset[data-checkbox-list]").filter(
        has=page.locator('input[name="actions"]')
    )
    expect(actions).to_have_count(1)
    expect(page.locator("main select[multiple]")).to_have_count(0)
    boxes = actions.locator('input[name="actions"]')
    total = boxes.count()
    assert total >= 8, total
    # With JavaScript the filter box shows; typing narrows the list, ticked options stay.
    search = actions.locator('input[type="search"]')
    expect(search).to_be_visible()
    boxes.first.check()
    first_label = actions.locator("label[data-checkbox-option]").first.inner_text().strip()
    search.fill("zzz-geen-actie")
    expect(actions.locator("label[data-checkbox-option]:visible")).to_have_count(1)
    assert actions.locator("label[data-checkbox-option]:visible").inner_text().strip() == (
        first_label
    )
    search.fill("")
    expect(actions.locator("label[data-checkbox-option]:visible")).to_have_count(total)
    assert_accessible(page)
    for size in WIDTHS:
        page.set_viewport_size(size)
        actions.scroll_into_view_if_needed()
        actions.screenshot(path=str(SHOTS / f"event-form-actions-{size['width']}.png"))

    # Without JavaScript: the same checkboxes, no filter box.
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    try:
        context.add_cookies(page.context.cookies())
        plain = context.new_page()
        plain.goto("/nl/beheer/agenda/nieuw/")
        fieldset = plain.locator("main fieldset.checkbox-group").filter(
            has=plain.locator('input[name="actions"]')
        )
        expect(fieldset.locator('input[name="actions"]')).to_have_count(total)
        expect(fieldset.locator('input[type="search"]')).to_be_hidden()
        expect(fieldset.locator("legend")).to_have_count(1)
    finally:
        context.close()
