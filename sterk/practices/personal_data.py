"""The practice library's part of a person's data: practices and call stories they sent
(drafts too, with their answers), practices that name them as contact person, and what
they moderated or set up as a manager.

Erasing: a published (or archived, once published) practice is what the network keeps: its
text stays, without the submitter and contact person. Everything else they sent (drafts,
unconfirmed, in moderation, declined) is deleted, images included. Withdrawing consent to
publish takes a published story out of the library."""

from __future__ import annotations

import functools
from typing import Any

from django.db import transaction
from django.db.models import Q

from sterk.core.personal_data import (
    ConsentKind,
    DataSubject,
    Provider,
    address_q,
    register,
    register_consent_withdrawal,
    scrub,
)

from .models import Call, Practice, Status

KEPT = (Status.PUBLISHED, Status.ARCHIVED)


def _own(subject: DataSubject) -> Any:
    return Practice.objects.filter(
        Q(submitted_by=subject.user) | address_q("submitter_email", subject.emails)
    )


def _as_contact(subject: DataSubject) -> Any:
    return Practice.objects.filter(address_q("contact_email", subject.emails)).exclude(
        pk__in=_own(subject).values("pk")
    )


def _practice_row(p: Practice) -> dict[str, Any]:
    return {
        "title": p.title_nl,
        "url": p.get_absolute_url() if p.is_published else "",
        "status": p.status,
        "call": p.call.title if p.call else None,
        "summary": p.summary_nl,
        "story": p.story_nl,
        "language": p.language,
        "organisations_as_given": p.organisation_names,
        "region": p.region.name if p.region else None,
        "submitter_name": p.submitter_name,
        "submitter_email": p.submitter_email,
        "contact_name": p.contact_name,
        "contact_email": p.contact_email,
        "contact_may_be_shown": p.contact_consent,
        "answers": p.answers,
        "consent_to_publish": p.consent_publish,
        "no_client_recognisable": p.consent_anonymous,
        "licence": p.licence,
        "links": [{"url": link.url, "title": link.title} for link in p.links.all()],
        "images": [{"file": i.image.name, "alt_text": i.alt_text} for i in p.images.all()],
        "created_at": p.created_at,
        "submitted_at": p.submitted_at,
        "confirmed_at": p.confirmed_at,
        "published_at": p.published_at,
        "comments_to_you": p.review_comment,
        "reason_declined": p.decline_reason,
    }


def export(subject: DataSubject) -> dict[str, Any]:
    related = ("call", "region")
    return {
        "practices_and_stories": [
            _practice_row(p)
            for p in _own(subject)
            .select_related(*related)
            .prefetch_related("links", "images")
            .order_by("created_at", "pk")
        ],
        "practices_naming_you_as_contact": [
            {
                "title": p.title_nl,
                "status": p.status,
                "contact_name": p.contact_name,
                "contact_email": p.contact_email,
                "may_be_shown": p.contact_consent,
            }
            for p in _as_contact(subject).order_by("pk")
        ],
        "practices_you_moderated": [
            {"title": p.title_nl, "status": p.status}
            for p in Practice.objects.filter(moderated_by=subject.user).order_by("pk")
        ],
        "calls_you_created": [
            {"title": c.title, "opens_on": c.opens_on, "closes_on": c.closes_on}
            for c in Call.objects.filter(created_by=subject.user).order_by("pk")
        ],
    }


def identifiers(subject: DataSubject) -> list[str]:
    found: list[str] = []
    for row in _own(subject).values_list(
        "submitter_name", "submitter_email", "contact_name", "contact_email"
    ):
        found += [v for v in row if v]
    for row in _as_contact(subject).values_list("contact_name", "contact_email"):
        found += [v for v in row if v]
    return found


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    from . import selectors

    terms = subject.scrub_terms()
    changed_library = False
    for practice in _own(subject).prefetch_related("images"):
        if practice.status in KEPT:
            Practice.objects.filter(pk=practice.pk).update(
                submitted_by=None,
                submitter_name="",
                submitter_email="",
                contact_name="",
                contact_email="",
                contact_consent=False,
                answers=scrub(practice.answers, terms),
                review_comment=scrub(practice.review_comment, terms),
                decline_reason="",
            )
            changed_library = True
        else:
            for image in practice.images.all():
                # The file goes when the transaction holds (a rollback keeps it).
                transaction.on_commit(
                    functools.partial(image.image.storage.delete, image.image.name)
                )
            practice.delete()
    if _as_contact(subject).update(contact_name="", contact_email="", contact_consent=False):
        changed_library = True
    Practice.objects.filter(moderated_by=subject.user).update(moderated_by=None)
    Call.objects.filter(created_by=subject.user).update(created_by=None)
    if changed_library:
        selectors.library_changed()


# --- consents ------------------------------------------------------------------------------


def _consented_practice(consent: Any) -> Practice | None:
    if consent.object_type != "practices.practice" or not consent.object_id:
        return None
    return Practice.objects.filter(pk=consent.object_id).first()


def withdraw_publish(consent: Any, *, actor: Any = None) -> None:
    """No longer consenting to publication: a published story leaves the library; one in
    moderation can no longer be published (practice_publish checks the consent)."""
    from .services import practice_archive

    practice = _consented_practice(consent)
    if practice is None:
        return
    Practice.objects.filter(pk=practice.pk).update(consent_publish=False)
    if practice.status == Status.PUBLISHED:
        practice_archive(actor=actor, practice=practice)


def withdraw_contact(consent: Any, *, actor: Any = None) -> None:
    from . import selectors

    practice = _consented_practice(consent)
    if practice is None:
        return
    Practice.objects.filter(pk=practice.pk).update(contact_consent=False)
    selectors.library_changed()


PROVIDER = Provider(
    key="practices",
    export=export,
    erase=erase,
    identifiers=identifiers,
    covers={
        "practices.Practice": (
            "submitted_by",
            "submitter_name",
            "submitter_email",
            "contact_name",
            "contact_email",
            "contact_consent",
            "answers",
            "moderated_by",
            # The organisations as the submitter typed them: organisations, not people;
            # exported with the practice and kept with a published one.
            "organisation_names",
        ),
        "practices.Call": ("created_by",),
    },
    order=20,
)


def register_provider() -> None:
    register(PROVIDER)
    register_consent_withdrawal(ConsentKind.STORY_PUBLISH, withdraw_publish)
    register_consent_withdrawal(ConsentKind.PRACTICE_CONTACT, withdraw_contact)
