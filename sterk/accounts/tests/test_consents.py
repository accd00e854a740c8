"""Consent records where the platform asks for consent outside the practice library:
visibility in the member directory (profile) and the contact form."""

from __future__ import annotations

import pytest

from sterk.accounts.models import Consent
from sterk.core.personal_data import ConsentKind
from sterk.network.models import ContactRequest
from sterk.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "first_name": "Sara",
    "last_name": "Maes",
    "organisation": "",
    "job_title": "",
    "sector": "",
    "language": "nl",
}


def test_directory_visibility_is_a_consent_with_its_text(client):
    user = UserFactory()
    client.force_login(user)
    assert (
        client.post("/nl/mijn/profiel/", {**PROFILE, "directory_visible": "on"}).status_code == 302
    )
    consent = Consent.objects.get(user=user, kind=ConsentKind.DIRECTORY)
    assert consent.withdrawn_at is None and consent.text and consent.text_version
    # Saving again with it still on does not record a second consent.
    client.post("/nl/mijn/profiel/", {**PROFILE, "directory_visible": "on"})
    assert Consent.objects.filter(user=user).count() == 1
    # Switching it off marks it withdrawn.
    client.post("/nl/mijn/profiel/", PROFILE)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_withdrawing_directory_consent_on_the_privacy_page(client):
    user = UserFactory()
    client.force_login(user)
    client.post("/nl/mijn/profiel/", {**PROFILE, "directory_visible": "on"})
    consent = Consent.objects.get(user=user)
    page = client.get("/nl/mijn/privacy/")
    assert page.status_code == 200 and consent.text in page.content.decode()
    assert client.get(f"/nl/mijn/privacy/toestemming/{consent.pk}/intrekken/").status_code == 405
    client.post(f"/nl/mijn/privacy/toestemming/{consent.pk}/intrekken/")
    user.refresh_from_db()
    consent.refresh_from_db()
    assert user.directory_visible is False and consent.withdrawn_at is not None


def test_the_contact_form_records_its_consent(client):
    response = client.post(
        "/nl/contact/",
        {
            "name": "Piet",
            "email": "Piet@Example.org",
            "topic": "question",
            "message": "Een vraag.",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    request = ContactRequest.objects.get()
    consent = Consent.objects.get(kind=ConsentKind.CONTACT_REQUEST)
    assert consent.email == "piet@example.org"
    assert (consent.object_type, consent.object_id) == ("network.contactrequest", str(request.pk))
    from sterk.network.models import CONTACT_CONSENT_TEXT

    assert consent.text == str(CONTACT_CONSENT_TEXT)
