"""allauth's pages use the site's form partials (templates/allauth/elements/fields.html):
an error summary that takes focus, errors after their label, required fields marked and
"*" explained once, and help text (the password rules are a list) in an element that may
hold a list. e2e/test_focus.py checks the same in a browser."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sterk.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _summary(html: str) -> str:
    match = re.search(r'<div class="error-summary"[^>]*>.*?</div>', html, re.S)
    assert match, "no error summary"
    return match.group(0)


def test_signup_with_errors_has_a_summary_that_takes_focus(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-address", "password1": "a", "password2": "b", "first_name": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    summary = _summary(html)
    assert 'tabindex="-1"' in summary and "data-focus-on-load" in summary
    assert 'role="alert"' in summary
    # Each error links to its field.
    assert 'href="#id_email"' in summary and 'href="#id_first_name"' in summary
    # "*" is explained once per form.
    assert html.count('class="required-note"') == 1


def test_signup_marks_required_fields_and_puts_errors_after_their_label(client):
    html = client.post(reverse("account_signup"), {"email": "x"}).content.decode()
    label = html.index('<label for="id_email">')
    assert re.search(r'<label for="id_email">[^<]*<span aria-hidden="true">\*</span>', html)
    assert html.index('id="id_email_error"') > label
    assert re.search(r'<input[^>]*name="email"[^>]*required', html)


def test_password_rules_are_a_list_in_a_div_not_a_span_in_a_p(client):
    html = client.get(reverse("account_signup")).content.decode()
    # Django points the password input at this id (aria-describedby); a <ul> inside a
    # <span> inside a <p> is invalid HTML and the browser leaves that element empty.
    match = re.search(r'<(\w+) class="helptext" id="id_password1_helptext">(.*?)</\1>', html, re.S)
    assert match, "no help text for the password"
    assert match.group(1) == "div" and "<li>" in match.group(2)
    assert 'aria-describedby="id_password1_helptext"' in html
    assert not re.search(r"<p>(?:(?!</p>).)*<ul", html, re.S)


def test_a_failed_login_is_announced_in_the_error_summary(client):
    UserFactory(email="lid@example.org")
    response = client.post(
        reverse("account_login"), {"login": "lid@example.org", "password": "wrong-password"}
    )
    assert response.status_code == 200
    summary = _summary(response.content.decode())
    assert 'role="alert"' in summary and "data-focus-on-load" in summary
    assert "errorlist" in summary  # the form's own message (not about one field)
