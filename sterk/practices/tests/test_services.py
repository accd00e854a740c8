"""The life of a practice: every step validated, audited with its region, and mailed once."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sterk.core.models import AuditEntry, OutboundEmail
from sterk.practices import services
from sterk.practices.models import PracticeFacet, PracticeSearchEntry, Status

from .factories import (
    CallFactory,
    KrachtlijnFactory,
    UserFactory,
    chair_of,
    coordinator,
    stakeholder_of,
)

pytestmark = pytest.mark.django_db


class _Outbox:
    """The e-mails recorded by sterk.core.mail (sent after commit, so not in mail.outbox
    inside a test transaction)."""

    @property
    def outbox(self):
        return [_Mail(e) for e in OutboundEmail.objects.order_by("id")]


class _Mail:
    def __init__(self, email):
        self.to, self.body, self.subject = [email.to], email.body, email.subject


mail = _Outbox()


def data(**extra):
    return {
        "title_nl": "Buurtwerk in de Brugse Poort",
        "summary_nl": "Samen meubels maken.",
        **extra,
    }


def test_member_lifecycle_draft_to_archived(antwerpen) -> None:
    chair = chair_of(antwerpen)
    member = UserFactory()
    k = KrachtlijnFactory(slug="nabijheid")
    practice = services.practice_create(
        actor=member,
        data=data(region=antwerpen, krachtlijnen=[k]),
        links=[{"kind": "video", "url": "https://youtube.com/x", "title": "Safari"}],
    )
    assert practice.status == Status.DRAFT
    assert mail.outbox == []
    services.practice_submit(actor=member, practice=practice)
    assert {m.to[0] for m in mail.outbox} == {chair.email, member.email}

    practice = services.practice_start_review(actor=chair, practice=practice)
    practice = services.practice_request_changes(actor=chair, practice=practice, comment="Meer?")
    assert practice.status == Status.CHANGES_REQUESTED
    assert "Meer?" in mail.outbox[-1].body
    practice = services.practice_update_by_submitter(
        actor=member, practice=practice, data={"story_nl": "Meer uitleg."}, submit=True
    )
    assert (practice.status, practice.revision) == (Status.SUBMITTED, 2)

    practice = services.practice_publish(actor=chair, practice=practice)
    assert practice.published_at is not None
    assert PracticeSearchEntry.objects.filter(practice=practice).exists()
    assert set(PracticeFacet.objects.filter(practice=practice).values_list("facet", flat=True)) == {
        "k",
        "r",
        "y",
    }
    practice = services.practice_archive(actor=chair, practice=practice)
    assert not PracticeSearchEntry.objects.filter(practice=practice).exists()
    assert not PracticeFacet.objects.filter(practice=practice).exists()

    actions = list(
        AuditEntry.objects.filter(object_id=str(practice.pk))
        .order_by("id")
        .values_list("action", "region_id")
    )
    assert [a for a, _ in actions] == [
        "practice.created",
        "practice.submitted",
        "practice.in_review",
        "practice.changes_requested",
        "practice.edited",
        "practice.submitted",
        "practice.published",
        "practice.archived",
    ]
    assert {r for _, r in actions} == {antwerpen.pk}


def test_submitter_cannot_edit_during_review(antwerpen) -> None:
    member = UserFactory()
    practice = services.practice_create(actor=member, data=data(region=antwerpen), submit=True)
    with pytest.raises(ValidationError):
        services.practice_update_by_submitter(actor=member, practice=practice, data=data())


def test_decline_needs_a_reason_and_mails_it(antwerpen) -> None:
    member = UserFactory()
    practice = services.practice_create(actor=member, data=data(region=antwerpen), submit=True)
    with pytest.raises(ValidationError):
        services.practice_decline(actor=coordinator(), practice=practice, reason=" ")
    services.practice_decline(actor=coordinator(), practice=practice, reason="Geen praktijk.")
    assert "Geen praktijk." in mail.outbox[-1].body
    with pytest.raises(ValidationError):
        services.practice_publish(actor=coordinator(), practice=practice)


def test_visitor_submission_waits_for_confirmation(socius) -> None:
    rep = stakeholder_of(socius)
    call = CallFactory(owner=socius)
    practice = services.call_submission_create(
        call=call,
        user=None,
        data=data(),
        answers={0: "Veel"},
        consent_publish=True,
        consent_anonymous=True,
        submitter_name="Sara",
        submitter_email="sara@example.org",
    )
    assert practice.status == Status.UNCONFIRMED
    assert [m.to for m in mail.outbox] == [["sara@example.org"]]
    assert practice.answers[0] == {"question": "Wat leerde je?", "answer": "Veel"}
    with pytest.raises(ValidationError):
        services.practice_publish(actor=rep, practice=practice)

    token = mail.outbox[0].body.split("/bevestigen/")[1].split("/")[0]
    confirmed = services.submission_confirm(token=token)
    assert confirmed.status == Status.SUBMITTED
    assert rep.email in [m.to[0] for m in mail.outbox]
    # A second click changes nothing and mails nobody.
    count = len(mail.outbox)
    services.submission_confirm(token=token)
    assert len(mail.outbox) == count
    with pytest.raises(ValidationError):
        services.submission_confirm(token=token + "x")


def test_call_rules(socius) -> None:
    call = CallFactory(owner=socius)
    kwargs = {
        "call": call,
        "user": None,
        "data": data(),
        "answers": {0: "x"},
        "consent_publish": True,
        "submitter_email": "a@example.org",
    }
    with pytest.raises(ValidationError) as exc:
        services.call_submission_create(consent_anonymous=False, **kwargs)
    assert "consent_anonymous" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        services.call_submission_create(consent_anonymous=True, **{**kwargs, "answers": {}})
    assert "answer_0" in exc.value.error_dict
    call.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    call.save()
    with pytest.raises(ValidationError):
        services.call_submission_create(consent_anonymous=True, **kwargs)


def test_member_submission_to_call_is_submitted_at_once(socius) -> None:
    member = UserFactory()
    call = CallFactory(owner=socius, questions=[])
    practice = services.call_submission_create(
        call=call,
        user=member,
        data=data(),
        answers={},
        consent_publish=False,
        consent_anonymous=True,
    )
    assert practice.status == Status.SUBMITTED
    assert practice.submitted_by == member
    # Without consent to publish it can be read, not published.
    with pytest.raises(ValidationError):
        services.practice_publish(actor=stakeholder_of(socius), practice=practice)


def test_mail_is_sent_once_per_step(antwerpen) -> None:
    member = UserFactory()
    practice = services.practice_create(actor=member, data=data(region=antwerpen), submit=True)
    before = OutboundEmail.objects.count()
    services._notify_submitter(practice, "submitted")
    assert OutboundEmail.objects.count() == before


def test_call_questions_parse_and_validate(socius) -> None:
    from sterk.practices.forms import format_questions, parse_questions

    text = "* Wat leerde je?\nSector | Zorg | Welzijn"
    questions = parse_questions(text)
    assert questions[0]["required"] and questions[1]["kind"] == "choice"
    assert format_questions(questions) == "* Wat leerde je?\nSector | Zorg | Welzijn"
    with pytest.raises(ValidationError):
        services.clean_questions([{"label": "Eén keuze", "kind": "choice", "choices": ["a"]}])
