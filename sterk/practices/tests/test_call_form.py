"""The call form asks a visitor without an account for their own name and e-mail address:
those inputs say so (autocomplete="name"/"email", WCAG 1.3.5), so browsers and assistive
technology can fill them in."""

from __future__ import annotations

import re

import pytest

from .factories import CallFactory, UserFactory, call_story_form

pytestmark = pytest.mark.django_db


def _input(html: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, f"no input {name}"
    return match.group(0)


def test_the_submitter_fields_say_what_they_collect(client) -> None:
    call = CallFactory(slug="open-oproep")
    html = client.get(f"/nl/oproepen/{call.slug}/").content.decode()
    assert 'autocomplete="name"' in _input(html, "submitter_name")
    assert 'autocomplete="email"' in _input(html, "submitter_email")
    # The honeypot stays out of autofill.
    assert 'autocomplete="off"' in _input(html, "website")


def test_a_member_is_not_asked_for_them(client) -> None:
    call = CallFactory(slug="open-oproep")
    client.force_login(UserFactory())
    html = client.get(f"/nl/oproepen/{call.slug}/").content.decode()
    assert 'name="submitter_name"' not in html


def test_only_a_wrong_link_still_gets_a_summary_that_takes_focus(client) -> None:
    """The story is fine but a link is not: the visitor must still land on a summary."""
    call = CallFactory(slug="open-oproep")
    form = call_story_form(
        **{
            "links-TOTAL_FORMS": "1",
            "links-0-kind": "website",
            "links-0-url": "geen adres met spaties",
        }
    )
    del form["consent_publish"]
    response = client.post(f"/nl/oproepen/{call.slug}/", form)
    assert response.status_code == 200
    assert not response.context["form"].errors
    html = response.content.decode()
    assert html.count('id="error-summary"') == 1
    summary = re.search(r'<div class="error-summary"[^>]*>.*?</div>', html, re.S).group(0)  # type: ignore[union-attr]
    assert "data-focus-on-load" in summary and 'href="#id_links-0-url"' in summary
