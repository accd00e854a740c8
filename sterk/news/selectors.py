"""Reads of the news app: the public list and its filters, a post's page, the latest news
for the composed pages (home, region, krachtlijn), the feeds, the management list, and
the moments scheduled posts appear (for the page cache)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Min, Q, QuerySet

from sterk.core.roles import roles_of

from .models import Post, PostQuerySet, PostStatus

LATEST = 3
FEED_SIZE = 20
PAGE_SIZE = 10


def public_posts(now: datetime.datetime | None = None) -> PostQuerySet:
    return Post.objects.public(now).order_by("-publish_at", "-id")


def news_list(filters: dict[str, Any], *, now: datetime.datetime | None = None) -> QuerySet[Post]:
    """The public news, newest first; `region` is a region's slug or "platform" (news of
    the platform itself), `krachtlijn` a core principle's slug."""
    qs = public_posts(now)
    region = filters.get("region")
    if region == "platform":
        qs = qs.filter(region__isnull=True)
    elif region:
        qs = qs.filter(region__slug=region)
    if filters.get("krachtlijn"):
        through = Post.krachtlijnen.through
        qs = qs.filter(
            pk__in=through.objects.filter(krachtlijn__slug=filters["krachtlijn"]).values("post_id")
        )
    return qs.for_list()


def post_for_page(slug: str, user: Any) -> Post:
    """A public post; a draft or scheduled one only for someone who may edit it (a
    preview). Raises Post.DoesNotExist otherwise."""
    post = Post.objects.select_related("region", "organisation").get(slug=slug)
    if post.is_public or user.has_perm("news.change_post", post):
        return post
    raise Post.DoesNotExist


def related_of(post: Post, user: Any) -> dict[str, list[Any]]:
    """What a post is tied to, as its page lists it: only what is public itself."""
    from sterk.events.models import Event
    from sterk.practices.models import Practice

    return {
        "krachtlijnen": list(post.krachtlijnen.all()),
        "challenges": list(post.challenges.all()),
        "actions": list(post.actions.all()),
        "events": list(
            Event.objects.visible_to(user).filter(news_posts=post).order_by("starts_at")
        ),
        "practices": list(Practice.objects.published().filter(news_posts=post)),
    }


def latest(*, region: Any = None, krachtlijn: Any = None, limit: int = LATEST) -> list[Post]:
    """The newest public posts: all of them, of a region, or tied to a core principle."""
    qs = public_posts()
    if region is not None:
        qs = qs.filter(region=region)
    if krachtlijn is not None:
        through = Post.krachtlijnen.through
        qs = qs.filter(pk__in=through.objects.filter(krachtlijn=krachtlijn).values("post_id"))
    return list(qs.select_related("region", "organisation")[:limit])


def feed_posts(*, region: Any = None) -> list[Post]:
    qs = public_posts().select_related("region", "organisation")
    if region is not None:
        qs = qs.filter(region=region)
    return list(qs[:FEED_SIZE])


def posts_managed_by(user: Any) -> QuerySet[Post]:
    """The posts this person manages: the twin of `news.change_post`."""
    roles = roles_of(user)
    qs = Post.objects.select_related("region", "organisation")
    if roles.coordinator:
        return qs
    return qs.filter(
        Q(region_id__in=roles.chair_region_ids)
        | Q(
            status=PostStatus.DRAFT,
            region__isnull=True,
            organisation_id__in=roles.stakeholder_organisation_ids,
        )
    )


def management_list(user: Any) -> QuerySet[Post]:
    """Drafts first, then by date (scheduled ones on top of the published)."""
    return posts_managed_by(user).order_by("status", "-publish_at", "-id")


def drafts_to_publish_count(user: Any) -> int:
    """For the dashboard: drafts this person may publish."""
    roles = roles_of(user)
    qs = Post.objects.filter(status=PostStatus.DRAFT)
    if not roles.coordinator:
        qs = qs.filter(region_id__in=roles.chair_region_ids)
    return qs.count()


def clock_moments(now: datetime.datetime) -> list[datetime.datetime | None]:
    """The next moment a scheduled post appears: the list, the feeds, the home, region and
    krachtlijn pages change then by the clock alone (sterk.core.pagecache.next_change)."""
    found = Post.objects.filter(status=PostStatus.PUBLISHED, publish_at__gt=now).aggregate(
        next=Min("publish_at")
    )
    return [found["next"]]
