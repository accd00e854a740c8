"""Consents recorded with a story (and their date on the moderation page), withdrawing
consent to publish, and the licence a story is published under."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sterk.accounts.models import Consent
from sterk.accounts.services import consent_withdraw
from sterk.core.models import AuditEntry
from sterk.core.personal_data import ConsentKind, text_version
from sterk.practices import services
from sterk.practices.models import Licence, Practice, Status

from .factories import (
    CallFactory,
    PracticeFactory,
    UserFactory,
    call_story_form,
    published,
    stakeholder_of,
)

pytestmark = pytest.mark.django_db


def test_a_story_records_its_consents_and_licence(client, socius) -> None:
    call = CallFactory(owner=socius, slug="politiserend")
    page = client.get("/nl/oproepen/politiserend/").content.decode()
    assert 'name="licence"' in page and 'value="cc-by-4.0"' in page
    response = client.post(
        "/nl/oproepen/politiserend/",
        call_story_form(licence="cc-by-sa-4.0", contact_consent="on", contact_name="Sara"),
    )
    assert response.status_code == 302
    practice = Practice.objects.get(call=call)
    assert practice.licence == Licence.CC_BY_SA
    consents = {c.kind: c for c in Consent.objects.filter(object_id=str(practice.pk))}
    assert set(consents) == {
        ConsentKind.STORY_PUBLISH,
        ConsentKind.STORY_ANONYMOUS,
        ConsentKind.PRACTICE_CONTACT,
    }
    anonymous = consents[ConsentKind.STORY_ANONYMOUS]
    assert anonymous.email == "sara@example.org" and anonymous.user is None
    assert anonymous.text == call.anonymous_consent_text()
    assert anonymous.text_version == text_version(anonymous.text)
    assert anonymous.object_type == "practices.practice"


def test_a_story_sent_without_a_licence_keeps_all_rights(client, socius) -> None:
    call = CallFactory(owner=socius, slug="oproep")
    assert client.post("/nl/oproepen/oproep/", call_story_form()).status_code == 302
    assert Practice.objects.get(call=call).licence == Licence.ALL_RIGHTS_RESERVED


def test_moderation_shows_when_no_client_recognisable_was_confirmed(client, socius) -> None:
    rep = stakeholder_of(socius)
    call = CallFactory(owner=socius)
    practice = services.call_submission_create(
        call=call,
        user=None,
        data={"title_nl": "Verhaal", "summary_nl": "Kort."},
        answers={0: "Veel"},
        consent_publish=True,
        consent_anonymous=True,
        submitter_name="Sara",
        submitter_email="sara@example.org",
    )
    services.submission_confirm(token=services.confirmation_token(practice))
    when = timezone.localtime(timezone.now()) - datetime.timedelta(days=3, hours=2, minutes=17)
    Consent.objects.filter(kind=ConsentKind.STORY_ANONYMOUS).update(given_at=when)
    client.force_login(rep)
    # In English: the label is the msgid, whatever the catalogues say.
    html = client.get(f"/en/beheer/praktijken/{practice.pk}/").content.decode()
    assert f"{when.day} " in _anonymous_fact(html) and f"{when:%H:%M}" in _anonymous_fact(html)
    consented = Consent.objects.get(kind=ConsentKind.STORY_PUBLISH).given_at
    assert f"{timezone.localtime(consented):%H:%M}" in _fact(html, "Consent to publish")
    # A story from before consents were recorded shows when it was sent.
    old = PracticeFactory(call=call, consent_publish=True, consent_anonymous=True)
    html = client.get(f"/en/beheer/praktijken/{old.pk}/").content.decode()
    assert f"{timezone.localtime(old.created_at):%H:%M}" in _anonymous_fact(html)


def _fact(html: str, label: str) -> str:
    """The value next to a label in the facts of the (English) moderation page."""
    import re

    match = re.search(rf"{label}</dt><dd>(.*?)</dd>", html)
    assert match, html
    return match.group(1)


def _anonymous_fact(html: str) -> str:
    return _fact(html, "No client can be recognised")


def test_withdrawing_consent_to_publish_takes_the_story_out(client, socius) -> None:
    member = UserFactory()
    call = CallFactory(owner=socius)
    practice = services.call_submission_create(
        call=call,
        user=member,
        data={"title_nl": "Verhaal", "summary_nl": "Kort."},
        answers={0: "Veel"},
        consent_publish=True,
        consent_anonymous=True,
    )
    services.practice_publish(actor=stakeholder_of(socius), practice=practice)
    consent = Consent.objects.get(kind=ConsentKind.STORY_PUBLISH, object_id=str(practice.pk))
    client.force_login(member)
    page = client.get("/nl/mijn/privacy/").content.decode()
    assert f"/nl/mijn/privacy/toestemming/{consent.pk}/intrekken/" in page
    # The confirmation that no client is recognisable is not something to withdraw.
    anonymous = Consent.objects.get(kind=ConsentKind.STORY_ANONYMOUS)
    assert f"/toestemming/{anonymous.pk}/intrekken/" not in page
    response = client.post(f"/nl/mijn/privacy/toestemming/{consent.pk}/intrekken/")
    assert response.status_code == 302
    practice.refresh_from_db()
    consent.refresh_from_db()
    assert practice.status == Status.ARCHIVED and not practice.consent_publish
    assert consent.withdrawn_at is not None
    assert AuditEntry.objects.filter(action="consent.withdrawn", actor=member).exists()
    assert client.get(practice.get_absolute_url()).status_code == 404
    # Withdrawing again changes nothing; a confirmation cannot be withdrawn.
    client.post(f"/nl/mijn/privacy/toestemming/{consent.pk}/intrekken/")
    assert AuditEntry.objects.filter(action="consent.withdrawn").count() == 1
    client.post(f"/nl/mijn/privacy/toestemming/{anonymous.pk}/intrekken/")
    anonymous.refresh_from_db()
    assert anonymous.withdrawn_at is None


def test_someone_elses_consent_cannot_be_withdrawn(client) -> None:
    owner, other = UserFactory(), UserFactory()
    practice = published(contact_consent=True)
    consent = Consent.objects.create(
        user=owner,
        kind=ConsentKind.PRACTICE_CONTACT,
        text="x",
        text_version="x",
        object_type="practices.practice",
        object_id=str(practice.pk),
    )
    client.force_login(other)
    assert client.post(f"/nl/mijn/privacy/toestemming/{consent.pk}/intrekken/").status_code == 404
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        consent_withdraw(consent=consent, actor=other)
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawing_the_contact_consent_hides_the_contact(client) -> None:
    member = UserFactory()
    practice = services.practice_create(
        actor=member,
        data={
            "title_nl": "Buurtkeuken",
            "summary_nl": "Kort.",
            "contact_name": "Jan Peeters",
            "contact_consent": True,
        },
    )
    consent = Consent.objects.get(kind=ConsentKind.PRACTICE_CONTACT, user=member)
    assert consent.object_id == str(practice.pk)
    consent_withdraw(consent=consent, actor=member)
    practice.refresh_from_db()
    assert practice.contact_consent is False
    # Switching it off in the form itself also marks the consent withdrawn.
    services.practice_update_by_submitter(
        actor=member, practice=practice, data={"contact_consent": True}
    )
    services.practice_update_by_submitter(
        actor=member, practice=practice, data={"contact_consent": False}
    )
    assert not Consent.objects.filter(
        kind=ConsentKind.PRACTICE_CONTACT, withdrawn_at__isnull=True
    ).exists()


def test_the_practice_page_shows_the_licence(client) -> None:
    published(slug="cc", licence=Licence.CC_BY)
    html = client.get("/nl/praktijken/cc/").content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html and "CC BY 4.0" in html
    published(slug="arr")
    html = client.get("/nl/praktijken/arr/").content.decode()
    assert "creativecommons.org" not in html
    assert Practice._meta.get_field("licence").default == Licence.ALL_RIGHTS_RESERVED
