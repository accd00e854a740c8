"""Writes of the news app: create, edit, publish, unpublish and delete a post, each in a
transaction, validated with full_clean() and recorded in the audit trail with the region
it belongs to. Who may call them is the views' business (rules.py)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core import slugs
from sterk.core.audit import audit_record
from sterk.core.services import (
    instance_create_audited,
    instance_delete_audited,
    instance_update_audited,
)
from sterk.core.slugs import SlugSource

from .models import RESERVED_SLUGS, Post, PostStatus
from .types import PostData

if TYPE_CHECKING:
    from sterk.accounts.models import User


def _slug_source(text: str) -> SlugSource:
    return SlugSource(text, fallback="bericht", reserved=RESERVED_SLUGS)


@transaction.atomic
def post_create(*, actor: User | None, data: PostData, status: str = PostStatus.DRAFT) -> Post:
    """A new post, a draft unless a loader says otherwise (`status`; a published post
    without a date is published now)."""
    values: dict[str, Any] = dict(data)
    source = None
    if not values.get("slug"):
        source = _slug_source(str(values.get("title_nl") or ""))
        values["slug"] = slugs.unique_slug(Post, source)
    values["status"] = status
    if status == PostStatus.PUBLISHED and not values.get("publish_at"):
        values["publish_at"] = timezone.now()
    region = values.get("region")
    return instance_create_audited(
        actor=actor,
        model=Post,
        data=values,
        action="news.post_created",
        region_id=region.pk if region is not None else None,
        slug_source=source,
    )


@transaction.atomic
def post_update(*, actor: User | None, post: Post, data: PostData) -> Post:
    locked = Post.objects.select_for_update().get(pk=post.pk)
    values: dict[str, Any] = dict(data)
    if locked.status == PostStatus.PUBLISHED and "publish_at" in values:
        # A published post keeps a date: emptying it means "now".
        values["publish_at"] = values["publish_at"] or locked.publish_at or timezone.now()
    return instance_update_audited(
        actor=actor,
        instance=locked,
        data=values,
        action="news.post_updated",
        region_id=values["region"].pk if values.get("region") else locked.region_id,
    )


@transaction.atomic
def post_publish(
    *, actor: User | None, post: Post, publish_at: datetime.datetime | None = None
) -> Post:
    """Publish a draft: at `publish_at`, else at the date it carries, else now. A date in
    the future schedules it: it stays out of every public page until then."""
    locked = Post.objects.select_for_update().get(pk=post.pk)
    if locked.status == PostStatus.PUBLISHED:
        raise ValidationError(_("This post is published already."))
    before = locked.publish_at
    locked.status = PostStatus.PUBLISHED
    locked.publish_at = publish_at or locked.publish_at or timezone.now()
    locked.full_clean()
    locked.save(update_fields=["status", "publish_at", "updated_at"])
    audit_record(
        actor=actor,
        action="news.post_published",
        obj=locked,
        changes={
            "status": [PostStatus.DRAFT, PostStatus.PUBLISHED],
            "publish_at": [
                before.isoformat() if before else None,
                locked.publish_at.isoformat(),
            ],
        },
        region_id=locked.region_id,
    )
    return locked


@transaction.atomic
def post_unpublish(*, actor: User | None, post: Post) -> Post:
    """Take a published (or scheduled) post back to a draft: it leaves the public pages
    at once. Its date is kept for when it is published again."""
    locked = Post.objects.select_for_update().get(pk=post.pk)
    if locked.status != PostStatus.PUBLISHED:
        raise ValidationError(_("This post is a draft already."))
    locked.status = PostStatus.DRAFT
    locked.full_clean()
    locked.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="news.post_unpublished",
        obj=locked,
        changes={"status": [PostStatus.PUBLISHED, PostStatus.DRAFT]},
        region_id=locked.region_id,
    )
    return locked


@transaction.atomic
def post_delete(*, actor: User | None, post: Post) -> None:
    instance_delete_audited(
        actor=actor,
        instance=post,
        action="news.post_deleted",
        fields=["title", "status", "publish_at"],
        region_id=post.region_id,
    )
