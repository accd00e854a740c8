"""Writes for the practice library. Views, commands and the API call these; nothing else
saves a practice, a call, the search index or the facets.

Every step of a practice's life is validated, runs in one transaction, is audited (with
the practice's region) and mailed after commit through sterk.core.mail (send-once keys)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sterk.accounts.services import consents_withdraw_where
from sterk.core import search, slugs
from sterk.core.audit import audit_record, diff, snapshot
from sterk.core.fields import fit_to_field
from sterk.core.mail import email_enqueue
from sterk.core.personal_data import ConsentKind, consent_record
from sterk.core.site import absolute_url
from sterk.core.slugs import SlugSource
from sterk.network.models import Role
from sterk.network.selectors import role_holder_emails

# The content loaders call `services.organisation_ensure`: network's, re-exported.
from sterk.network.services import organisation_ensure as organisation_ensure

from .models import (
    MODERATION_QUEUE,
    Call,
    Facet,
    Practice,
    PracticeFacet,
    PracticeImage,
    PracticeLink,
    PracticeSearchEntry,
    SearchWord,
    Status,
)
from .types import CallData, PracticeData

if TYPE_CHECKING:
    from sterk.accounts.models import User

RESERVED_SLUGS = {"delen", "mijn", "nieuw", "zoeken"}
CONFIRM_SALT = "sterk.practices.confirm"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)

PRACTICE_FIELDS = [
    "title_nl",
    "title_fr",
    "title_en",
    "summary_nl",
    "summary_fr",
    "summary_en",
    "story_nl",
    "story_fr",
    "story_en",
    "language",
    "organisations",
    "organisation_names",
    "region",
    "subregion",
    "sector",
    "target_group",
    "krachtlijnen",
    "functions",
    "challenges",
    "actions",
    "contact_name",
    "contact_email",
    "contact_consent",
    "licence",
]
MANY = {"organisations", "krachtlijnen", "functions", "challenges", "actions"}
AUDITED = [f for f in PRACTICE_FIELDS if not f.startswith(("title_", "summary_", "story_"))] + [
    "title_nl",
    "summary_nl",
    "story_nl",
]


def _slug_source(text: str) -> SlugSource:
    return SlugSource(text, fallback="praktijk", reserved=RESERVED_SLUGS)


# --- the search index and facets ----------------------------------------------------------


def _texts(practice: Practice) -> tuple[str, str, str]:
    def all_languages(name: str) -> list[str]:
        values = [getattr(practice, f"{name}_{code}", "") or "" for code in ("nl", "fr", "en")]
        return [v for i, v in enumerate(values) if v and v not in values[:i]]

    tags: list[str] = []
    tags += [o.name for o in practice.organisations.all()]
    tags += [practice.organisation_names]
    if practice.region:
        tags += [practice.region.name_nl or "", practice.region.name_fr or ""]
    if practice.subregion:
        tags += [practice.subregion.name_nl or ""]
    tags += [k.title_nl or "" for k in practice.krachtlijnen.all()]
    tags += [f.title_nl or "" for f in practice.functions.all()]
    tags += [c.title_nl or "" for c in practice.challenges.all()]
    with translation.override("nl"):
        tags += [str(practice.get_sector_display()), str(practice.get_target_group_display())]
    title = " ".join(all_languages("title"))
    summary = " ".join(all_languages("summary"))
    body = " ".join([*all_languages("story"), *[t for t in tags if t]])
    return title, summary, body


def facet_values(practice: Practice) -> list[tuple[str, str]]:
    values: list[tuple[str, str]] = []
    values += [
        (Facet.KRACHTLIJN, str(pk)) for pk in practice.krachtlijnen.values_list("pk", flat=True)
    ]
    values += [(Facet.FUNCTION, str(pk)) for pk in practice.functions.values_list("pk", flat=True)]
    values += [
        (Facet.CHALLENGE, str(pk)) for pk in practice.challenges.values_list("pk", flat=True)
    ]
    values += [
        (Facet.ORGANISATION, str(pk)) for pk in practice.organisations.values_list("pk", flat=True)
    ]
    if practice.region_id:
        values.append((Facet.REGION, str(practice.region_id)))
    if practice.sector:
        values.append((Facet.SECTOR, practice.sector))
    if practice.target_group:
        values.append((Facet.TARGET_GROUP, practice.target_group))
    if practice.published_at:
        values.append((Facet.YEAR, str(timezone.localtime(practice.published_at).year)))
    return values


def practice_reindex(practice: Practice) -> None:
    """Put a published practice in the search index and facets; take any other out."""
    PracticeFacet.objects.filter(practice=practice).delete()
    if practice.status != Status.PUBLISHED:
        if PracticeSearchEntry.objects.filter(practice=practice).delete()[0]:
            # It left the library: every kept count is counted afresh.
            transaction.on_commit(_bump_library_version)
        return
    title, summary, body = _texts(practice)
    _entry, created = PracticeSearchEntry.objects.update_or_create(
        practice=practice,
        defaults={
            "published_at": practice.published_at or timezone.now(),
            "is_demo": practice.is_demo,
            **search.index_row_values(title=title, summary=summary, body=body),
        },
    )
    PracticeFacet.objects.bulk_create(
        [PracticeFacet(practice=practice, facet=f, value=v) for f, v in facet_values(practice)]
    )
    # New in the library: the kept counts take it in (selectors.library_changed).
    transaction.on_commit(
        functools.partial(_bump_library_version, practice.pk if created else None)
    )


@transaction.atomic
def search_words_rebuild() -> int:
    """Rebuild the library's vocabulary (SearchWord, for "Did you mean") from the words of
    the published practices in the search index (titles, summaries and stories). Called by the selectors when
    the library changed since the last build; returns the number of words."""
    from django.db import connection

    if connection.vendor == "postgresql":
        # Two requests rebuilding at once: the second waits, then writes the same words.
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {SearchWord._meta.db_table} IN EXCLUSIVE MODE")
    texts = (
        f"{title} {summary} {body}"
        for title, summary, body in PracticeSearchEntry.objects.values_list(
            "title", "summary", "body"
        )
        .order_by("pk")
        .iterator(chunk_size=500)
    )
    counts = search.vocabulary_counts(texts)
    SearchWord.objects.all().delete()
    SearchWord.objects.bulk_create(
        [
            SearchWord(word=word, spelling=spelling[:60], frequency=n)
            for word, (spelling, n) in sorted(counts.items())
        ],
        batch_size=1000,
    )
    return len(counts)


def _bump_library_version(entered: int | None = None) -> None:
    from . import selectors

    selectors.library_changed(entered=entered)


# --- writing practice fields ------------------------------------------------------------


def _set_fields(practice: Practice, data: Mapping[str, Any]) -> dict[str, Any]:
    many = {}
    for key, value in data.items():
        if key not in PRACTICE_FIELDS:
            continue
        if key in MANY:
            many[key] = value
        elif key in {"region", "subregion"}:
            setattr(practice, key, value or None)
        else:
            setattr(practice, key, value if value is not None else "")
    return many


def _save_practice(
    practice: Practice,
    data: Mapping[str, Any],
    *,
    links: list[dict[str, Any]] | None,
    new_images: list[dict[str, Any]] | None,
    remove_image_ids: list[int] | None = None,
) -> None:
    many = _set_fields(practice, data)
    source = None
    if not practice.slug:
        source = _slug_source(practice.title_nl or "")
        practice.slug = slugs.unique_slug(Practice, source, exclude_pk=practice.pk)
    practice.full_clean()
    if source is not None:
        slugs.save_with_unique_slug(practice, source)
    else:
        practice.save()
    for key, value in many.items():
        getattr(practice, key).set(value)
    if links is not None:
        practice.links.all().delete()
        for order, link in enumerate(links):
            item = PracticeLink(practice=practice, order=order, **link)
            item.full_clean()
            item.save()
    if remove_image_ids:
        practice.images.filter(pk__in=remove_image_ids).delete()
    for order, image in enumerate(new_images or [], start=practice.images.count()):
        image_item = PracticeImage(practice=practice, order=order, **image)
        image_item.full_clean()
        image_item.save()


def _record_consents(
    practice: Practice, person: Any, *, call: Call | None = None, contact_before: bool = False
) -> None:
    """Record what the submitter agreed to, in the words the form showed them."""

    email = "" if person is not None else practice.submitter_email
    if person is None and not email:
        return  # loaded from content files: nobody gave a consent on the platform
    if call is not None:
        consent_record(
            kind=ConsentKind.STORY_ANONYMOUS,
            text=call.anonymous_consent_text(),
            user=person,
            email=email,
            obj=practice,
        )
        if practice.consent_publish:
            consent_record(
                kind=ConsentKind.STORY_PUBLISH,
                text=call.publish_consent_text(),
                user=person,
                email=email,
                obj=practice,
            )
    if practice.contact_consent and not contact_before:
        consent_record(
            kind=ConsentKind.PRACTICE_CONTACT,
            text=Practice.contact_consent_text(),
            user=person,
            email=email,
            obj=practice,
        )
    elif contact_before and not practice.contact_consent and person is not None:
        consents_withdraw_where(user=person, kind=ConsentKind.PRACTICE_CONTACT, obj=practice)


def _audit(
    actor: User | None, action: str, practice: Practice, changes: dict[str, Any] | None = None
):
    audit_record(
        actor=actor,
        action=action,
        obj=practice,
        changes=changes or {},
        region_id=practice.region_id,
    )


@transaction.atomic
def practice_create(
    *,
    actor: User | None,
    data: PracticeData,
    links: list[dict[str, Any]] | None = None,
    new_images: list[dict[str, Any]] | None = None,
    submit: bool = False,
) -> Practice:
    """A member shares a practice: saved as a draft, or submitted for moderation."""
    practice = Practice(submitted_by=actor, status=Status.DRAFT)
    _save_practice(practice, data, links=links, new_images=new_images)
    _record_consents(practice, actor)
    _audit(actor, "practice.created", practice, diff({}, snapshot(practice, AUDITED)))
    if submit:
        practice = practice_submit(actor=actor, practice=practice)
    return practice


@transaction.atomic
def practice_update_by_submitter(
    *,
    actor: User,
    practice: Practice,
    data: PracticeData,
    links: list[dict[str, Any]] | None = None,
    new_images: list[dict[str, Any]] | None = None,
    remove_image_ids: list[int] | None = None,
    submit: bool = False,
) -> Practice:
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.status not in (Status.DRAFT, Status.CHANGES_REQUESTED):
        raise ValidationError(_("This practice is being moderated and can no longer be edited."))
    before = snapshot(practice, AUDITED)
    _save_practice(
        practice, data, links=links, new_images=new_images, remove_image_ids=remove_image_ids
    )
    _record_consents(practice, actor, contact_before=before.get("contact_consent", False))
    _audit(actor, "practice.edited", practice, diff(before, snapshot(practice, AUDITED)))
    if submit:
        practice = practice_submit(actor=actor, practice=practice)
    return practice


def _transition(
    practice: Practice, *, allowed: tuple[str, ...], status: str, error: str
) -> tuple[Practice, str]:
    locked = Practice.objects.select_for_update().get(pk=practice.pk)
    if locked.status not in allowed:
        raise ValidationError(error)
    before = locked.status
    locked.status = status
    return locked, before


@transaction.atomic
def practice_submit(*, actor: User | None, practice: Practice) -> Practice:
    """Draft (or changes requested) -> submitted; the moderators hear of it."""
    practice, before = _transition(
        practice,
        allowed=(Status.DRAFT, Status.CHANGES_REQUESTED),
        status=Status.SUBMITTED,
        error=_("Only a draft or a practice with requested changes can be submitted."),
    )
    if before == Status.CHANGES_REQUESTED:
        practice.revision += 1
    practice.submitted_at = timezone.now()
    practice.full_clean()
    practice.save()
    _audit(actor, "practice.submitted", practice, {"status": [before, practice.status]})
    _notify_moderators(practice, resubmitted=before == Status.CHANGES_REQUESTED)
    _notify_submitter(practice, "submitted")
    return practice


@transaction.atomic
def practice_start_review(*, actor: User | None, practice: Practice) -> Practice:
    practice, before = _transition(
        practice,
        allowed=(Status.SUBMITTED,),
        status=Status.IN_REVIEW,
        error=_("Only a submitted practice can be taken into review."),
    )
    practice.moderated_by = actor
    practice.save()
    _audit(actor, "practice.in_review", practice, {"status": [before, practice.status]})
    _notify_submitter(practice, "in_review")
    return practice


@transaction.atomic
def practice_request_changes(*, actor: User | None, practice: Practice, comment: str) -> Practice:
    if not comment.strip():
        raise ValidationError({"message": _("Say what should change.")})
    practice, before = _transition(
        practice,
        allowed=(Status.SUBMITTED, Status.IN_REVIEW),
        status=Status.CHANGES_REQUESTED,
        error=_("Changes can be asked for a practice in moderation only."),
    )
    practice.review_comment = comment.strip()
    practice.moderated_by = actor
    practice.save()
    _audit(
        actor,
        "practice.changes_requested",
        practice,
        {"status": [before, practice.status], "review_comment": [None, practice.review_comment]},
    )
    _notify_submitter(practice, "changes_requested")
    return practice


@transaction.atomic
def practice_publish(
    *, actor: User | None, practice: Practice, published_at: datetime.datetime | None = None
) -> Practice:
    practice, before = _transition(
        practice,
        allowed=(*MODERATION_QUEUE, Status.ARCHIVED),
        status=Status.PUBLISHED,
        error=_("This practice cannot be published from its current state."),
    )
    if practice.call_id and not practice.consent_publish:
        raise ValidationError(_("The submitter did not consent to publication."))
    practice.published_at = published_at or practice.published_at or timezone.now()
    practice.moderated_by = actor
    practice.full_clean()
    practice.save()
    practice_reindex(practice)
    _audit(actor, "practice.published", practice, {"status": [before, practice.status]})
    _notify_submitter(practice, "published")
    return practice


@transaction.atomic
def practice_decline(*, actor: User | None, practice: Practice, reason: str) -> Practice:
    if not reason.strip():
        raise ValidationError({"message": _("Give the reason for declining.")})
    practice, before = _transition(
        practice,
        allowed=MODERATION_QUEUE,
        status=Status.DECLINED,
        error=_("Only a practice in moderation can be declined."),
    )
    practice.decline_reason = reason.strip()
    practice.moderated_by = actor
    practice.save()
    _audit(
        actor,
        "practice.declined",
        practice,
        {"status": [before, practice.status], "decline_reason": [None, practice.decline_reason]},
    )
    _notify_submitter(practice, "declined")
    return practice


@transaction.atomic
def practice_archive(*, actor: User, practice: Practice) -> Practice:
    practice, before = _transition(
        practice,
        allowed=(Status.PUBLISHED,),
        status=Status.ARCHIVED,
        error=_("Only a published practice can be archived."),
    )
    practice.moderated_by = actor
    practice.save()
    practice_reindex(practice)
    _audit(actor, "practice.archived", practice, {"status": [before, practice.status]})
    _notify_submitter(practice, "archived")
    return practice


@transaction.atomic
def practice_update(
    *,
    actor: User | None,
    practice: Practice,
    data: PracticeData,
    links: list[dict[str, Any]] | None = None,
    new_images: list[dict[str, Any]] | None = None,
    remove_image_ids: list[int] | None = None,
) -> Practice:
    """A moderator completes or corrects a practice (tags, texts, translations)."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    before = snapshot(practice, AUDITED)
    _save_practice(
        practice, data, links=links, new_images=new_images, remove_image_ids=remove_image_ids
    )
    changes = diff(before, snapshot(practice, AUDITED))
    if changes or links is not None or new_images or remove_image_ids:
        _audit(actor, "practice.updated", practice, changes)
    practice_reindex(practice)
    return practice


# --- calls -------------------------------------------------------------------------------

CALL_FIELDS = [
    "title_nl",
    "title_fr",
    "title_en",
    "question_nl",
    "question_fr",
    "question_en",
    "audience_nl",
    "theme_nl",
    "owner",
    "opens_on",
    "closes_on",
    "krachtlijn",
    "challenge",
    "questions",
    "consent_publish_text_nl",
    "consent_anonymous_text_nl",
]


def clean_questions(questions: list[Any]) -> list[dict[str, Any]]:
    cleaned = []
    for q in questions or []:
        label = str(q.get("label", "")).strip()[:300]
        if not label:
            continue
        kind = "choice" if q.get("kind") == "choice" else "text"
        choices = [str(c).strip()[:200] for c in q.get("choices") or [] if str(c).strip()]
        if kind == "choice" and len(choices) < 2:
            raise ValidationError(
                {
                    "questions": _("A choice question “%(label)s” needs two choices or more.")
                    % {"label": label}
                }
            )
        cleaned.append(
            {"label": label, "kind": kind, "choices": choices, "required": bool(q.get("required"))}
        )
    return cleaned


def _set_call(call: Call, data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if key in CALL_FIELDS:
            setattr(call, key, clean_questions(value) if key == "questions" else value)


@transaction.atomic
def call_create(*, actor: User | None, data: CallData) -> Call:
    call = Call(created_by=actor if getattr(actor, "is_authenticated", False) else None)
    _set_call(call, data)
    source = None
    if data.get("slug"):
        call.slug = data["slug"]
    else:
        source = _slug_source(call.title_nl or "")
        call.slug = slugs.unique_slug(Call, source)
    call.full_clean()
    if source is not None:
        slugs.save_with_unique_slug(call, source)
    else:
        call.save()
    audit_record(
        actor=actor,
        action="call.created",
        obj=call,
        changes=diff({}, snapshot(call, [k for k in CALL_FIELDS if k in data])),
    )
    return call


@transaction.atomic
def call_update(*, actor: User | None, call: Call, data: CallData) -> Call:
    fields = [k for k in CALL_FIELDS if k in data]
    before = snapshot(call, fields)
    _set_call(call, data)
    call.full_clean()
    call.save()
    changes = diff(before, snapshot(call, fields))
    if changes:
        audit_record(actor=actor, action="call.updated", obj=call, changes=changes)
    return call


def _answers(call: Call, answers: dict[int, str]) -> list[dict[str, str]]:
    rows, errors = [], {}
    for i, question in enumerate(call.questions):
        value = str(answers.get(i, "") or "").strip()
        if question.get("required") and not value:
            errors[f"answer_{i}"] = _("Please answer this question.")
        if question.get("kind") == "choice" and value and value not in question.get("choices", []):
            errors[f"answer_{i}"] = _("Choose one of the options.")
        rows.append({"question": question["label"], "answer": value})
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def call_submission_create(
    *,
    call: Call,
    user: Any,
    data: PracticeData,
    answers: dict[int, str],
    consent_publish: bool,
    consent_anonymous: bool,
    submitter_name: str = "",
    submitter_email: str = "",
    links: list[dict[str, Any]] | None = None,
    new_images: list[dict[str, Any]] | None = None,
) -> Practice:
    """A story sent to a call. A member's is submitted at once; a visitor's waits for the
    e-mail confirmation (`submission_confirm`) before anyone moderates it."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    if not call.is_open:
        raise ValidationError(_("This call is closed: it no longer takes stories."))
    if not consent_anonymous:
        raise ValidationError(
            {"consent_anonymous": _("Confirm that no client can be recognised in the story.")}
        )
    member = user if getattr(user, "is_authenticated", False) else None
    if member is None and not submitter_email:
        raise ValidationError({"submitter_email": _("We need your e-mail address to confirm.")})
    practice = Practice(
        call=call,
        submitted_by=member,
        submitter_name=fit_to_field(
            Practice, "submitter_name", submitter_name or (member.get_full_name() if member else "")
        ),
        submitter_email=(member.email if member else submitter_email),
        answers=_answers(call, answers),
        consent_publish=consent_publish,
        consent_anonymous=consent_anonymous,
        status=Status.DRAFT if member else Status.UNCONFIRMED,
    )
    data = data.copy()
    if call.krachtlijn and not data.get("krachtlijnen"):
        data["krachtlijnen"] = [call.krachtlijn]
    if call.challenge and not data.get("challenges"):
        data["challenges"] = [call.challenge]
    _save_practice(practice, data, links=links, new_images=new_images)
    _record_consents(practice, member, call=call)
    _audit(member, "practice.sent_to_call", practice, {"call": [None, call.title_nl]})
    if member is not None:
        practice = practice_submit(actor=member, practice=practice)
    else:
        _send_confirmation(practice, call)
    return practice


def confirmation_token(practice: Practice) -> str:
    return signing.dumps({"p": practice.pk, "e": practice.submitter_email}, salt=CONFIRM_SALT)


def _send_confirmation(practice: Practice, call: Call) -> None:
    url = absolute_url(
        reverse(
            "practices:call_confirm",
            kwargs={"slug": call.slug, "token": confirmation_token(practice)},
        )
    )
    with translation.override(practice.language or "nl"):
        body = render_to_string(
            "practices/email/confirm.txt",
            {"practice": practice, "url": url, "days": CONFIRM_MAX_AGE.days},
        )
        subject = _("Confirm your practice story for “%(call)s”") % {"call": call.title}
    email_enqueue(
        key=f"practices:{practice.pk}:confirm:{practice.submitter_email}",
        to=practice.submitter_email,
        subject=subject,
        body=body,
    )


@transaction.atomic
def submission_confirm(*, token: str) -> Practice:
    """Follow the e-mail link: the story becomes submitted (once; later clicks are no-ops)."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ValidationError(_("This link has expired. Please send your story again.")) from exc
    except signing.BadSignature as exc:
        raise ValidationError(_("This link is not valid.")) from exc
    practice = (
        Practice.objects.select_for_update()
        .filter(pk=payload.get("p"), submitter_email=payload.get("e"))
        .first()
    )
    if practice is None:
        raise ValidationError(_("This link is not valid."))
    if practice.status != Status.UNCONFIRMED:
        return practice
    practice.status = Status.SUBMITTED
    practice.confirmed_at = practice.submitted_at = timezone.now()
    practice.save()
    _audit(None, "practice.confirmed", practice, {"status": [Status.UNCONFIRMED, Status.SUBMITTED]})
    _notify_moderators(practice, resubmitted=False)
    _notify_submitter(practice, "submitted")
    return practice


# --- e-mail ---------------------------------------------------------------------------------


def moderator_addresses(practice: Practice) -> list[str]:
    """The call owner's representatives; else the region's chairs; else the coordinators."""
    found: list[str] = []
    if practice.call:
        found = role_holder_emails(Role.STAKEHOLDER, organisation_id=practice.call.owner_id)
    elif practice.region_id:
        found = role_holder_emails(Role.CHAIR, region_id=practice.region_id)
    return found or role_holder_emails(Role.COORDINATOR)


def _manage_url(practice: Practice) -> str:
    return absolute_url(reverse("practices_manage:practice_detail", kwargs={"pk": practice.pk}))


def _notify_moderators(practice: Practice, *, resubmitted: bool) -> None:
    for email in moderator_addresses(practice):
        with translation.override("nl"):
            body = render_to_string(
                "practices/email/to_moderators.txt",
                {"practice": practice, "url": _manage_url(practice), "resubmitted": resubmitted},
            )
            subject = _("Practice to moderate: %(title)s") % {"title": practice.title_nl}
        email_enqueue(
            key=f"practices:{practice.pk}:r{practice.revision}:moderate:{email}",
            to=email,
            subject=subject,
            body=body,
        )


def _notify_submitter(practice: Practice, event: str) -> None:
    email = practice.submitter_address
    if not email:
        return
    language = practice.language or "nl"
    if practice.submitted_by_id and practice.submitted_by:
        language = getattr(practice.submitted_by, "language", "") or language
    own_url = ""
    if practice.submitted_by_id:
        own_url = absolute_url(reverse("practices:my_practice", kwargs={"pk": practice.pk}))
    with translation.override(language):
        body = render_to_string(
            "practices/email/to_submitter.txt",
            {
                "practice": practice,
                "event": event,
                "own_url": own_url,
                "public_url": absolute_url(practice.get_absolute_url())
                if event == "published"
                else "",
            },
        )
        subject = _("Your practice “%(title)s”: %(status)s") % {
            "title": practice.title_nl,
            "status": str(practice.get_status_display()).lower(),
        }
    email_enqueue(
        key=f"practices:{practice.pk}:r{practice.revision}:{event}:{email}",
        to=email,
        subject=subject,
        body=body,
    )
