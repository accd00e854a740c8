"""News: posts the network shares on its site, in feeds and on social media.

A `Post` belongs to a region (its chairs manage it) or to the platform (`region` empty:
the coordinator manages it), and may name the organisation it comes from. It is public
once it is published *and* its publication moment has come (`publish_at <= now`): a post
can be scheduled. Ties to core principles, challenges, actions, events and practices let
those pages show their news."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import (
    LimitedImageField,
    SaneDateTimeField,
    SingleLineCharField,
    sane_datetime_check,
)
from sterk.core.models import TimeStampedModel

# Slugs the news URLs use for their own pages.
RESERVED_SLUGS = frozenset({"feed", "atom", "regio", "region"})


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PostQuerySet(models.QuerySet["Post"]):
    def public(self, now: datetime.datetime | None = None) -> Self:
        """Published posts whose publication moment has come."""
        return self.filter(status=PostStatus.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self, now: datetime.datetime | None = None) -> Self:
        """Published posts still waiting for their publication moment."""
        return self.filter(status=PostStatus.PUBLISHED, publish_at__gt=now or timezone.now())

    def for_list(self) -> Self:
        """Everything a news row shows, in a fixed number of queries."""
        return self.select_related("region", "organisation").prefetch_related("krachtlijnen")


PostManager = models.Manager.from_queryset(PostQuerySet)


class Post(TimeStampedModel):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("One or two sentences: shown in lists, feeds and shared links."),
    )
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    image = LimitedImageField(_("image"), upload_to="news/%Y/", blank=True)
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    share_text = models.CharField(
        _("text for sharing"),
        max_length=280,
        blank=True,
        help_text=_("Suggested text when the post is shared on social media. Empty: the title."),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("author organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_posts",
    )
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="news_posts",
        help_text=_("Empty: news of the platform."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    publish_at = SaneDateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A published post appears from this moment on. Empty: when it is published."),
    )
    krachtlijnen = models.ManyToManyField(
        "identity.Krachtlijn",
        verbose_name=_("core principles"),
        blank=True,
        related_name="news_posts",
    )
    challenges = models.ManyToManyField(
        "actionplan.Challenge",
        verbose_name=_("challenges"),
        blank=True,
        related_name="news_posts",
    )
    actions = models.ManyToManyField(
        "actionplan.Action", verbose_name=_("actions"), blank=True, related_name="news_posts"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="news_posts"
    )
    practices = models.ManyToManyField(
        "practices.Practice", verbose_name=_("practices"), blank=True, related_name="news_posts"
    )
    # Invented by load_news_demo.
    is_demo = models.BooleanField(_("demo content"), default=False, editable=False)

    # modeltranslation swaps this manager's class at runtime for one django-stubs cannot
    # find; declared, mypy knows the queryset methods here and on related managers.
    objects: ClassVar[PostManager[Post]] = PostManager()
    _default_manager: ClassVar[PostManager[Post]]

    class Meta:
        ordering = ["-publish_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="news_post_published_has_date",
                condition=~Q(status="published") | Q(publish_at__isnull=False),
            ),
            models.CheckConstraint(
                name="news_post_sane_dates",
                condition=sane_datetime_check("publish_at", nullable=True),
                violation_error_message=_("Enter dates between 1990 and 2100."),
            ),
        ]
        indexes = [models.Index(fields=["status", "publish_at"], name="news_post_status_publish")]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:post_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.image and not _alt_text(self):
            errors["image_alt"] = _("Describe the image: alternative text is required.")
        if self.status == PostStatus.PUBLISHED and self.publish_at is None:
            errors["publish_at"] = _("A published post needs a publication date.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This slug is reserved.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return (
            self.status == PostStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def dated_in_future(self) -> bool:
        """The publication date lies ahead (publishing then schedules the post)."""
        return self.publish_at is not None and self.publish_at > timezone.now()

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == PostStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )


def _alt_text(post: Post) -> str:
    # The Dutch column is the one every language falls back to.
    value = getattr(post, "image_alt_nl", None)
    if value is None:
        value = post.image_alt
    return (value or "").strip()
