"""The newsletter: subscribers (double opt-in, consent, preferences), editions built from
ordered blocks, and one delivery per recipient of an edition (the mail itself is one row of
core's outbox, keyed `newsletter:<edition>:<subscriber>`)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import SingleLineCharField
from sterk.core.models import TimeStampedModel


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Interest(models.TextChoices):
    """Kinds of content a subscriber can ask for (besides krachtlijnen)."""

    EVENTS = "events", _("Events")
    PRACTICES = "practices", _("Practices")
    CALLS = "calls", _("Calls")
    ACTION_PLAN = "actionplan", _("Action plan")


def join_interests(values: list[str] | tuple[str, ...]) -> str:
    chosen = [v for v in Interest.values if v in values]
    return f",{','.join(chosen)}," if chosen else ""


def split_interests(value: str) -> list[str]:
    return [v for v in (value or "").split(",") if v]


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    ACTIVE = "active", _("subscribed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


LANGUAGE_CHOICES = [("nl", "Nederlands"), ("fr", "Français"), ("en", "English")]


class Subscriber(TimeStampedModel):
    """One address on the list. `token` is the personal key of every link in the mails
    (preferences, unsubscribe); `confirm_token` is the one-time key of the confirmation
    mail, emptied once used. An unconfirmed sign-up expires (`newsletter_cleanup`)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = SingleLineCharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="nl")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscription",
    )
    regions = models.ManyToManyField(
        "network.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    krachtlijnen = models.ManyToManyField(
        "identity.Krachtlijn", verbose_name=_("krachtlijnen"), blank=True, related_name="+"
    )
    # ",events,calls," (comma-framed, so a segment filters with icontains on every database)
    interests = models.CharField(_("kinds of content"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    confirm_token = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=16, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email

    @property
    def interest_list(self) -> list[str]:
        return split_interests(self.interests)


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENDING = "sending", _("sending")
    PAUSED = "paused", _("paused")
    CANCELLED = "cancelled", _("cancelled")
    SENT = "sent", _("sent")


class Edition(TimeStampedModel):
    """One newsletter (uitgave): a title and intro per language, ordered blocks, and the
    segment it goes to (regions x krachtlijnen/interests x language; empty = everyone).
    A chair's edition has their `region`, and goes only to that region's subscribers."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: a newsletter of the whole platform."),
    )
    segment_regions = models.ManyToManyField(
        "network.Region",
        verbose_name=_("only subscribers of these regions"),
        blank=True,
        related_name="+",
    )
    segment_krachtlijnen = models.ManyToManyField(
        "identity.Krachtlijn",
        verbose_name=_("only subscribers interested in these krachtlijnen"),
        blank=True,
        related_name="+",
    )
    segment_interests = models.CharField(
        _("only subscribers interested in these kinds of content"), max_length=100, blank=True
    )
    segment_language = models.CharField(
        _("only subscribers reading this language"),
        max_length=2,
        choices=LANGUAGE_CHOICES,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    send_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    mailed_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at", "-created_at"]
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("newsletter:edition_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.sent_at is not None and self.status == EditionStatus.SENT


class BlockKind(models.TextChoices):
    TEXT = "text", _("Text")
    NEWS = "news", _("A news post")
    EVENTS = "events", _("Upcoming events")
    PRACTICES = "practices", _("Practices")
    CALL = "call", _("An open call")
    ACTION_PLAN = "actionplan", _("Action plan progress")


class Block(models.Model):
    """One block of an edition, rendered from the live items when the mail is built, in
    the recipient's language (with the Dutch fallback of the content)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=BlockKind.choices)
    heading = SingleLineCharField(_("heading"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    post = models.ForeignKey(
        "news.Post",
        verbose_name=_("news post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="+"
    )
    next_count = models.PositiveSmallIntegerField(_("or the next N events"), null=True, blank=True)
    next_regions = models.ManyToManyField(
        "network.Region", verbose_name=_("in these regions"), blank=True, related_name="+"
    )
    practices = models.ManyToManyField(
        "practices.Practice", verbose_name=_("practices"), blank=True, related_name="+"
    )
    call = models.ForeignKey(
        "practices.Call",
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.position}"


class Delivery(models.Model):
    """That an edition was addressed to a subscriber: the history per subscriber, and the
    key of the outbox row that carries the mail (whose status says queued/sent/failed)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    outbox_key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="newsletter_one_delivery"
            )
        ]

    def __str__(self) -> str:
        return self.outbox_key
