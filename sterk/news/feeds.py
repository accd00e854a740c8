"""Atom feeds of the news: all of it, and per region (`/nieuws/feed/`,
`/nieuws/regio/<slug>/feed/`). Every link is absolute on the site URL (core.site)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sterk.core.site import absolute_url, site_name
from sterk.network.models import Region

from . import selectors
from .models import Post


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Region | None:
        return None

    def title(self, obj: Region | None) -> str:
        return _("News of %(site)s") % {"site": site_name()}

    def subtitle(self, obj: Region | None) -> str:
        return _("News of the Flemish platform for strong social work and its regions.")

    def link(self, obj: Region | None) -> str:
        return absolute_url(reverse("news:post_list"))

    def feed_url(self, obj: Region | None) -> str:
        return absolute_url(reverse("news:feed"))

    def author_name(self, obj: Region | None) -> str:
        return site_name()

    def get_feed(self, obj: Region | None, request: HttpRequest) -> Any:
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language() or "nl"
        return feed

    def items(self, obj: Region | None) -> list[Post]:
        return selectors.feed_posts(region=obj)

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        return item.lead

    def item_link(self, item: Post) -> str:
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item: Post) -> str:
        return absolute_url(reverse("news:post_detail", kwargs={"slug": item.slug}))

    def item_pubdate(self, item: Post) -> datetime.datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Post) -> datetime.datetime:
        return max(item.updated_at, item.publish_at or item.updated_at)

    def item_author_name(self, item: Post) -> str:
        return item.organisation.name if item.organisation else site_name()

    def item_categories(self, item: Post) -> list[str]:
        return [item.region.name] if item.region else []


class RegionNewsFeed(NewsFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Region | None:
        return get_object_or_404(Region, slug=kwargs["slug"])

    def title(self, obj: Region | None) -> str:
        assert obj is not None
        return _("News of %(site)s – %(region)s") % {"site": site_name(), "region": obj.name}

    def subtitle(self, obj: Region | None) -> str:
        assert obj is not None
        return _("News of the regional platform %(region)s.") % {"region": obj.name}

    def link(self, obj: Region | None) -> str:
        assert obj is not None
        return absolute_url(reverse("news:post_list") + f"?regio={obj.slug}")

    def feed_url(self, obj: Region | None) -> str:
        assert obj is not None
        return absolute_url(reverse("news:region_feed", kwargs={"slug": obj.slug}))
