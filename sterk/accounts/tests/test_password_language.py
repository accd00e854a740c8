"""The password rules and their errors speak the reader's language, in the platform's
voice ("je", never "Uw"): Django 5.2's Dutch catalogue lacks its own minimum-length
message, so the platform's validators (sterk.accounts.password_validation) take their
messages from the platform's catalogue."""

from __future__ import annotations

import html as html_lib

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import (
    get_default_password_validators,
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_every_configured_validator_is_the_platforms() -> None:
    names = [v["NAME"] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names and all(n.startswith("sterk.accounts.password_validation.") for n in names)
    assert len(get_default_password_validators()) == 4


def _errors(password: str, language: str) -> list[str]:
    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            validate_password(password)
        return [str(m) for m in caught.value.messages]


def test_short_password_message_is_dutch_on_the_dutch_sign_up(client) -> None:
    with translation.override("nl"):
        url = reverse("account_signup")
    response = client.post(
        url,
        {"email": "iemand@example.org", "password1": "kort", "password2": "kort"},
    )
    assert response.status_code == 200
    page = html_lib.unescape(response.content.decode())
    assert "This password is too short" not in page
    assert "te kort" in page


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_no_validator_message_is_left_in_english(language) -> None:
    with translation.override("en"):
        english = _errors("1234", "en") + password_validators_help_texts()
    with translation.override(language):
        shown = _errors("1234", language) + password_validators_help_texts()
    assert not set(shown) & set(english), set(shown) & set(english)


def test_dutch_password_rules_say_je() -> None:
    with translation.override("nl"):
        texts = password_validators_help_texts() + _errors("1234", "nl")
    assert not [t for t in texts if t.startswith("Uw ") or " uw " in t.lower()], texts
