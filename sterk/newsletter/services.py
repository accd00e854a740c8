"""Writes of the newsletter: subscribing (double opt-in), preferences, unsubscribing, the
expiry of unconfirmed sign-ups; editions and their blocks; sending, pausing, resuming and
cancelling a send (one outbox row per recipient)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sterk.accounts.models import Consent
from sterk.core import outbox
from sterk.core.audit import audit_record
from sterk.core.models import OutboundEmail, OutboxStatus
from sterk.core.personal_data import ConsentKind, consent_record, text_version
from sterk.core.slugs import SlugSource, save_with_unique_slug, unique_slug

from . import selectors
from .mail import CONFIRM_KIND, EDITION_KIND, KNOWN_KIND, TEST_KIND, edition_key, edition_prefix
from .models import (
    Block,
    BlockKind,
    Delivery,
    Edition,
    EditionStatus,
    Subscriber,
    SubscriberStatus,
    join_interests,
    new_token,
)
from .types import BlockData, EditionData, PreferencesData

if TYPE_CHECKING:
    from sterk.accounts.models import User

# Paths under /nieuwsbrief/ that an edition's slug must not take.
RESERVED = ("inschrijven", "bevestigen", "afmelden", "voorkeuren", "mijn")
# Paused rows wait here until resumed (a date no backoff ever reaches).
PAUSED_UNTIL = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)


def consent_text() -> str:
    """The words the sign-up form shows next to its button, in the active language."""
    return _(
        "I want to receive the newsletter of Sterk Sociaal Werk by e-mail. My address and "
        "choices are used for nothing else, and every newsletter has a link to unsubscribe."
    )


def confirm_hours() -> int:
    return int(getattr(settings, "STERK_NEWSLETTER_CONFIRM_HOURS", 72))


# --- subscribing ----------------------------------------------------------------------------


def _apply_preferences(subscriber: Subscriber, data: PreferencesData) -> None:
    subscriber.name = data.get("name", subscriber.name) or ""
    subscriber.language = data.get("language") or subscriber.language
    subscriber.interests = join_interests(list(data.get("interests", [])))
    subscriber.full_clean(exclude=["regions", "krachtlijnen"])
    subscriber.save()
    subscriber.regions.set(data.get("regions", []))
    subscriber.krachtlijnen.set(data.get("krachtlijnen", []))


@transaction.atomic
def subscribe_request(*, email: str, data: PreferencesData, consent: str) -> None:
    """A visitor asks for the newsletter. Whatever the state of the address, the answer
    (the page, the time taken) is the same; what differs is the mail it gets: a link to
    confirm (new, waiting or unsubscribed: a new confirmation each time) or, when already
    subscribed, a link to its preferences (a stranger cannot change them)."""
    email = email.strip().lower()
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    now = timezone.now()
    if subscriber is not None and subscriber.status == SubscriberStatus.ACTIVE:
        outbox.enqueue(
            key=f"newsletter:known:{subscriber.pk}:{now:%Y%m%d}",
            to=subscriber.email,
            kind=KNOWN_KIND,
            context={"subscriber_id": subscriber.pk},
        )
        return
    if subscriber is None:
        subscriber = Subscriber(email=email)
    subscriber.status = SubscriberStatus.PENDING
    subscriber.confirm_token = new_token()
    subscriber.confirm_sent_at = now
    subscriber.consent_text = consent
    subscriber.consent_version = text_version(consent)
    _apply_preferences(subscriber, data)
    outbox.enqueue(
        key=f"newsletter:confirm:{subscriber.pk}:{subscriber.confirm_token[:16]}",
        to=subscriber.email,
        kind=CONFIRM_KIND,
        context={"subscriber_id": subscriber.pk},
    )


def _expired(subscriber: Subscriber, now: datetime.datetime) -> bool:
    sent = subscriber.confirm_sent_at
    return sent is None or sent < now - datetime.timedelta(hours=confirm_hours())


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscriber | None:
    """The button on the confirmation page (never the GET of the link). Returns the
    subscriber, or None for an unknown, used or expired link."""
    if not token:
        return None
    subscriber = (
        Subscriber.objects.select_for_update()
        .filter(confirm_token=token, status=SubscriberStatus.PENDING)
        .first()
    )
    now = timezone.now()
    if subscriber is None or _expired(subscriber, now):
        return None
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.confirmed_at = now
    subscriber.consent_at = now
    subscriber.unsubscribed_at = None
    subscriber.confirm_token = ""
    subscriber.save()
    consent_record(
        kind=ConsentKind.NEWSLETTER,
        text=subscriber.consent_text,
        user=subscriber.user,
        email=subscriber.email,
        obj=subscriber,
    )
    return subscriber


@transaction.atomic
def preferences_update(*, subscriber: Subscriber, data: PreferencesData) -> Subscriber:
    """The subscriber (by their personal link) changes what they receive."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    _apply_preferences(subscriber, data)
    return subscriber


def _withdraw(subscriber: Subscriber, now: datetime.datetime) -> None:
    Consent.objects.filter(
        kind=ConsentKind.NEWSLETTER, email__iexact=subscriber.email, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    """At once (the one-click POST of RFC 8058, or the button): no more newsletters; the
    consent is withdrawn; subscribing again needs a new confirmation. Idempotent."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return subscriber
    now = timezone.now()
    subscriber.status = SubscriberStatus.UNSUBSCRIBED
    subscriber.unsubscribed_at = now
    subscriber.confirm_token = ""
    subscriber.save(update_fields=["status", "unsubscribed_at", "confirm_token", "updated_at"])
    _withdraw(subscriber, now)
    # Queued editions not yet sent to them are dropped.
    keys = Delivery.objects.filter(subscriber=subscriber).values("outbox_key")
    OutboundEmail.objects.filter(key__in=keys, status=OutboxStatus.QUEUED).update(
        status=OutboxStatus.FAILED, last_error="unsubscribed"
    )
    return subscriber


def _verified(user: User) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


@transaction.atomic
def member_preferences_save(
    *, user: User, subscribed: bool, data: PreferencesData, consent: str
) -> Subscriber | None:
    """A member ticks the newsletter in their profile. Their address is verified by the
    account, so this is the confirmation (recorded as consent); an unverified address gets
    the confirmation mail like a visitor. Unticking unsubscribes."""
    subscriber = (
        Subscriber.objects.select_for_update().filter(user=user).first()
        or Subscriber.objects.select_for_update().filter(email__iexact=user.email).first()
    )
    if not subscribed:
        if subscriber is not None and subscriber.status != SubscriberStatus.UNSUBSCRIBED:
            unsubscribe(subscriber=subscriber)
        return subscriber
    if subscriber is None:
        subscriber = Subscriber(email=user.email.lower())
    subscriber.user = user
    if subscriber.status == SubscriberStatus.ACTIVE:
        _apply_preferences(subscriber, data)
        return subscriber
    if not _verified(user):
        subscriber.save()
        subscribe_request(email=subscriber.email, data=data, consent=consent)
        return Subscriber.objects.get(pk=subscriber.pk)
    now = timezone.now()
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.confirmed_at = subscriber.consent_at = now
    subscriber.unsubscribed_at = None
    subscriber.confirm_token = ""
    subscriber.consent_text = consent
    subscriber.consent_version = text_version(consent)
    _apply_preferences(subscriber, data)
    consent_record(
        kind=ConsentKind.NEWSLETTER, text=consent, user=user, email=user.email, obj=subscriber
    )
    return subscriber


def cleanup_expired(*, now: datetime.datetime | None = None) -> int:
    """Unconfirmed sign-ups older than STERK_NEWSLETTER_CONFIRM_HOURS: a never-confirmed
    address is deleted; one that was subscribed before goes back to unsubscribed."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(hours=confirm_hours())
    stale = Subscriber.objects.filter(status=SubscriberStatus.PENDING, confirm_sent_at__lt=limit)
    count = stale.count()
    with transaction.atomic():
        stale.filter(confirmed_at__isnull=False).update(
            status=SubscriberStatus.UNSUBSCRIBED, confirm_token=""
        )
        stale.filter(confirmed_at__isnull=True, deliveries__isnull=True).delete()
    return count


# --- editions -----------------------------------------------------------------------------


def _guard(actor: User, perm: str, obj: Any) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied


def _region_id(edition: Edition) -> int | None:
    return edition.region_id


def _editable(edition: Edition) -> None:
    if edition.status != EditionStatus.DRAFT:
        raise ValidationError(_("This edition has been sent; it can no longer be changed."))


def _set_edition(edition: Edition, data: EditionData) -> None:
    for name in ("title_nl", "title_fr", "title_en", "intro_nl", "intro_fr", "intro_en"):
        if name in data:
            setattr(edition, name, data[name])  # type: ignore[literal-required]
    edition.region = data.get("region")
    edition.segment_language = data.get("segment_language", "")
    edition.segment_interests = join_interests(list(data.get("segment_interests", [])))


@transaction.atomic
def edition_create(*, actor: User, data: EditionData) -> Edition:
    edition = Edition(created_by=actor)
    _set_edition(edition, data)
    _guard(actor, "newsletter.add_edition_for", edition.region)
    source = SlugSource(text=edition.title_nl or "", fallback="nieuwsbrief", reserved=RESERVED)
    edition.slug = unique_slug(Edition, source)
    edition.full_clean()
    save_with_unique_slug(edition, source)
    edition.segment_regions.set(data.get("segment_regions", []))
    edition.segment_krachtlijnen.set(data.get("segment_krachtlijnen", []))
    audit_record(
        actor=actor,
        action="edition.created",
        obj=edition,
        region_id=_region_id(edition),
        changes={"title": [None, edition.title_nl]},
    )
    return edition


@transaction.atomic
def edition_update(*, actor: User, edition: Edition, data: EditionData) -> Edition:
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _guard(actor, "newsletter.change_edition", edition)
    _editable(edition)
    before = {"title": edition.title_nl, "region": edition.region_id}
    _set_edition(edition, data)
    _guard(actor, "newsletter.add_edition_for", edition.region)
    edition.full_clean()
    edition.save()
    edition.segment_regions.set(data.get("segment_regions", []))
    edition.segment_krachtlijnen.set(data.get("segment_krachtlijnen", []))
    after = {"title": edition.title_nl, "region": edition.region_id}
    audit_record(
        actor=actor,
        action="edition.updated",
        obj=edition,
        region_id=_region_id(edition),
        changes={k: [before[k], after[k]] for k in before if before[k] != after[k]},
    )
    return edition


@transaction.atomic
def edition_delete(*, actor: User, edition: Edition) -> None:
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _guard(actor, "newsletter.change_edition", edition)
    _editable(edition)
    audit_record(actor=actor, action="edition.deleted", obj=edition, region_id=edition.region_id)
    edition.delete()


def _set_block(block: Block, data: BlockData) -> None:
    for name in ("heading_nl", "heading_fr", "heading_en", "text_nl", "text_fr", "text_en"):
        if name in data:
            setattr(block, name, data[name])  # type: ignore[literal-required]
    block.next_count = data.get("next_count")
    block.call = data.get("call")
    block.post = data.get("post")


@transaction.atomic
def block_save(
    *, actor: User, edition: Edition, data: BlockData, block: Block | None = None
) -> Block:
    """Add a block at the end (block=None) or change one."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _guard(actor, "newsletter.change_edition", edition)
    _editable(edition)
    if block is None:
        last = edition.blocks.aggregate(m=Max("position"))["m"]
        block = Block(edition=edition, kind=data["kind"], position=(last or 0) + 1)
    elif block.edition_id != edition.pk:
        raise PermissionDenied
    _set_block(block, data)
    if block.kind == BlockKind.CALL and block.call is None:
        raise ValidationError({"call": _("Choose the call this block shows.")})
    if block.kind == BlockKind.NEWS and block.post is None:
        raise ValidationError({"post": _("Choose the news post this block shows.")})
    if block.kind == BlockKind.TEXT and not block.text_nl:
        raise ValidationError({"text_nl": _("Write the text of this block (at least in Dutch).")})
    block.full_clean()
    block.save()
    block.events.set(data.get("events", []))
    block.next_regions.set(data.get("next_regions", []))
    block.practices.set(data.get("practices", []))
    audit_record(
        actor=actor,
        action="block.changed",
        obj=edition,
        region_id=edition.region_id,
        changes={"block": [None, f"{block.kind} {block.position}"]},
    )
    return block


@transaction.atomic
def block_delete(*, actor: User, block: Block) -> None:
    edition = Edition.objects.select_for_update().get(pk=block.edition_id)
    _guard(actor, "newsletter.change_edition", edition)
    _editable(edition)
    audit_record(
        actor=actor,
        action="block.deleted",
        obj=edition,
        region_id=edition.region_id,
        changes={"block": [f"{block.kind} {block.position}", None]},
    )
    block.delete()


@transaction.atomic
def block_move(*, actor: User, block: Block, up: bool) -> None:
    edition = Edition.objects.select_for_update().get(pk=block.edition_id)
    _guard(actor, "newsletter.change_edition", edition)
    _editable(edition)
    blocks = list(edition.blocks.order_by("position", "pk"))
    index = next(i for i, b in enumerate(blocks) if b.pk == block.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(blocks):
        blocks[index], blocks[other] = blocks[other], blocks[index]
    for position, item in enumerate(blocks, start=1):
        if item.position != position:
            Block.objects.filter(pk=item.pk).update(position=position)
    audit_record(
        actor=actor,
        action="block.changed",
        obj=edition,
        region_id=edition.region_id,
        changes={"block": [index + 1, other + 1]},
    )


# --- sending ------------------------------------------------------------------------------


def test_send(*, actor: User, edition: Edition, language: str) -> bool:
    """The edition to the actor's own address, as a subscriber would get it (one mail per
    edition, language and minute: a double click sends one)."""
    _guard(actor, "newsletter.change_edition", edition)
    now = timezone.now()
    with transaction.atomic():
        sent = outbox.enqueue(
            key=f"newsletter:test:{edition.pk}:{actor.pk}:{language}:{now:%Y%m%d%H%M}",
            to=actor.email,
            kind=TEST_KIND,
            context={"edition_id": edition.pk, "language": language},
        )
        audit_record(
            actor=actor,
            action="edition.test_sent",
            obj=edition,
            region_id=edition.region_id,
            changes={"language": [None, language]},
        )
    return sent


@transaction.atomic
def edition_send(*, actor: User, edition: Edition, expected: int | None = None) -> int:
    """Send the edition to its segment: one delivery and one outbox row per recipient, in
    one transaction (all or none); the outbox sends them. `expected` is the number the
    composer showed: if the segment changed since, nothing is sent and the composer shows
    the new number. Returns the number of recipients."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _guard(actor, "newsletter.send_edition", edition)
    _editable(edition)
    if not edition.blocks.exists():
        raise ValidationError(_("Add at least one block before sending."))
    recipients = selectors.recipients(edition)
    count = recipients.count()
    if count == 0:
        raise ValidationError(_("This segment has no subscribers: nobody would get it."))
    if expected is not None and expected != count:
        raise ValidationError(
            _("The number of recipients changed to %(count)s since you looked. Check it again.")
            % {"count": count}
        )
    now = timezone.now()
    ids = list(recipients.values_list("pk", "email"))
    Delivery.objects.bulk_create(
        [
            Delivery(edition=edition, subscriber_id=pk, outbox_key=edition_key(edition.pk, pk))
            for pk, _email in ids
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    outbox.enqueue_many(
        outbox.Bulk(
            key=edition_key(edition.pk, pk),
            to=email,
            kind=EDITION_KIND,
            context={"edition_id": edition.pk, "subscriber_id": pk},
        )
        for pk, email in ids
    )
    edition.status = EditionStatus.SENDING
    edition.send_started_at = edition.sent_at = now
    edition.mailed_count = count
    edition.save(update_fields=["status", "send_started_at", "sent_at", "mailed_count"])
    audit_record(
        actor=actor,
        action="edition.sent",
        obj=edition,
        region_id=edition.region_id,
        changes={"recipients": [None, count]},
    )
    return count


def _queued(edition: Edition) -> Any:
    return OutboundEmail.objects.filter(
        key__startswith=edition_prefix(edition.pk), status=OutboxStatus.QUEUED
    )


def _change_status(
    actor: User, edition: Edition, want: str, allowed: tuple[str, ...], action: str
) -> Edition:
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _guard(actor, "newsletter.send_edition", edition)
    if edition.status not in allowed:
        raise ValidationError(_("This is not possible in the edition's present state."))
    before = edition.status
    edition.status = want
    edition.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=f"edition.{action}",
        obj=edition,
        region_id=edition.region_id,
        changes={"status": [before, want]},
    )
    return edition


@transaction.atomic
def edition_pause(*, actor: User, edition: Edition) -> Edition:
    """The queued mails wait (those being sent this second still go)."""
    edition = _change_status(
        actor, edition, EditionStatus.PAUSED, (EditionStatus.SENDING,), "paused"
    )
    _queued(edition).update(next_attempt_at=PAUSED_UNTIL)
    return edition


@transaction.atomic
def edition_resume(*, actor: User, edition: Edition) -> Edition:
    edition = _change_status(
        actor, edition, EditionStatus.SENDING, (EditionStatus.PAUSED,), "resumed"
    )
    _queued(edition).update(next_attempt_at=timezone.now())
    transaction.on_commit(outbox._trigger_drain)
    return edition


@transaction.atomic
def edition_cancel(*, actor: User, edition: Edition) -> Edition:
    """The mails not yet sent are not sent (recorded as failed: cancelled)."""
    edition = _change_status(
        actor,
        edition,
        EditionStatus.CANCELLED,
        (EditionStatus.SENDING, EditionStatus.PAUSED),
        "cancelled",
    )
    _queued(edition).update(status=OutboxStatus.FAILED, last_error="cancelled")
    return edition


def edition_finish_if_done(edition: Edition) -> Edition:
    """Sending -> sent once no mail of the edition waits (read by the progress view)."""
    if edition.status != EditionStatus.SENDING:
        return edition
    waiting = OutboundEmail.objects.filter(
        key__startswith=edition_prefix(edition.pk),
        status__in=[OutboxStatus.QUEUED, OutboxStatus.SENDING],
    ).exists()
    if not waiting:
        Edition.objects.filter(pk=edition.pk, status=EditionStatus.SENDING).update(
            status=EditionStatus.SENT
        )
        edition.status = EditionStatus.SENT
    return edition


def language_of(request_language: str | None) -> str:
    code = (request_language or translation.get_language() or "nl")[:2]
    return code if code in ("nl", "fr", "en") else "nl"
