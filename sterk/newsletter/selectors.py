"""Reads of the newsletter: the recipients of a segment, the archive, the composer's
lists, the progress of a send and a subscriber's history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, Q, QuerySet, Value, When

from sterk.core.models import OutboundEmail, OutboxStatus
from sterk.core.roles import roles_of

from .mail import edition_prefix
from .models import Delivery, Edition, EditionStatus, Subscriber, SubscriberStatus, split_interests


def recipients(edition: Edition) -> QuerySet[Subscriber]:
    """The active subscribers the edition goes to: of its region (a chair's edition); of
    any of the chosen regions; interested in any chosen krachtlijn or kind of content;
    reading the chosen language. Nothing chosen: everyone."""
    rows = Subscriber.objects.filter(status=SubscriberStatus.ACTIVE)
    if edition.region_id:
        rows = rows.filter(
            pk__in=Subscriber.regions.through.objects.filter(region_id=edition.region_id).values(
                "subscriber_id"
            )
        )
    if edition.pk:
        region_ids = list(edition.segment_regions.values_list("pk", flat=True))
        krachtlijn_ids = list(edition.segment_krachtlijnen.values_list("pk", flat=True))
    else:
        region_ids, krachtlijn_ids = [], []
    if region_ids:
        rows = rows.filter(
            pk__in=Subscriber.regions.through.objects.filter(region_id__in=region_ids).values(
                "subscriber_id"
            )
        )
    interests = split_interests(edition.segment_interests)
    if krachtlijn_ids or interests:
        wanted = Q(pk__in=[])
        if krachtlijn_ids:
            wanted |= Q(
                pk__in=Subscriber.krachtlijnen.through.objects.filter(
                    krachtlijn_id__in=krachtlijn_ids
                ).values("subscriber_id")
            )
        for interest in interests:
            wanted |= Q(interests__contains=f",{interest},")
        rows = rows.filter(wanted)
    if edition.segment_language:
        rows = rows.filter(language=edition.segment_language)
    return rows.order_by("pk")


def archive() -> QuerySet[Edition]:
    """The public archive: every edition that was sent (not a cancelled one), newest first."""
    return (
        Edition.objects.filter(sent_at__isnull=False)
        .exclude(status=EditionStatus.CANCELLED)
        .select_related("region")
        .order_by("-sent_at", "-pk")
    )


def public_edition(slug: str) -> Edition:
    return archive().get(slug=slug)


def editions_managed_by(user: Any) -> QuerySet[Edition]:
    """The editions a person manages: every one for a coordinator, their regions' for a
    chair (the scoping twin of `newsletter.change_edition`)."""
    roles = roles_of(user)
    if roles.coordinator:
        return Edition.objects.all()
    return Edition.objects.filter(region_id__in=roles.chair_region_ids)


def editions_for(user: Any) -> QuerySet[Edition]:
    """The editions a person manages, for their list: newest first, with block counts."""
    return (
        editions_managed_by(user)
        .select_related("region", "created_by")
        .annotate(block_count=Count("blocks"))
        .order_by("-created_at", "-pk")
    )


def edition_with_blocks(edition: Edition) -> list[Any]:
    return list(
        edition.blocks.select_related("call", "post").prefetch_related(
            "events", "practices", "next_regions"
        )
    )


@dataclass
class Progress:
    total: int
    queued: int
    sending: int
    sent: int
    failed: int

    @property
    def done(self) -> int:
        return self.sent + self.failed

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.queued == 0 and self.sending == 0


def progress(edition: Edition) -> Progress:
    """Per status, the outbox rows of the edition (one query)."""
    counts = dict(
        OutboundEmail.objects.filter(key__startswith=edition_prefix(edition.pk))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return Progress(
        total=sum(counts.values()),
        queued=counts.get(OutboxStatus.QUEUED, 0),
        sending=counts.get(OutboxStatus.SENDING, 0),
        sent=counts.get(OutboxStatus.SENT, 0),
        failed=counts.get(OutboxStatus.FAILED, 0),
    )


def failures(edition: Edition) -> QuerySet[OutboundEmail]:
    return (
        OutboundEmail.objects.filter(
            key__startswith=edition_prefix(edition.pk), status=OutboxStatus.FAILED
        )
        .only("to", "last_error", "attempts")
        .order_by("pk")
    )


def subscribers() -> QuerySet[Subscriber]:
    return Subscriber.objects.annotate(edition_count=Count("deliveries")).order_by("email")


def history(subscriber: Subscriber) -> list[dict[str, Any]]:
    """The editions addressed to a subscriber, each with what became of its mail (two
    queries, whatever the number)."""
    deliveries = list(
        Delivery.objects.filter(subscriber=subscriber)
        .select_related("edition")
        .order_by("-created_at", "-pk")
    )
    mails = {
        m.key: m
        for m in OutboundEmail.objects.filter(key__in=[d.outbox_key for d in deliveries]).only(
            "key", "status", "sent_at", "last_error"
        )
    }
    return [{"delivery": d, "mail": mails.get(d.outbox_key)} for d in deliveries]


def subscription_of(user: Any) -> Subscriber | None:
    if not getattr(user, "is_authenticated", False):
        return None
    # One query: the subscription tied to the account first, else one by the address.
    return (
        Subscriber.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .annotate(by_address=Case(When(user=user, then=Value(0)), default=Value(1)))
        .order_by("by_address", "pk")
        .first()
    )
