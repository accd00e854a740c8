"""Public pages of the news: the list with its filters and a post's page. Thin: read
through the selectors, render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from sterk.core.paging import paginate
from sterk.core.site import absolute_url

from . import selectors
from .forms import NewsFilterForm
from .models import Post
from .share import share_links, share_text

OG_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}


def post_list(request: HttpRequest) -> HttpResponse:
    form = NewsFilterForm(request.GET or None)
    filters = form.filters()
    page = paginate(request, selectors.news_list(filters), selectors.PAGE_SIZE)
    region = filters.get("region")
    return render(
        request,
        "news/post_list.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "region_slug": region if region and region != "platform" else "",
            "canonical_url": absolute_url(reverse("news:post_list")),
        },
    )


def post_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        post = selectors.post_for_page(slug, request.user)
    except Post.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "news/post_detail.html",
        {
            "post": post,
            "related": selectors.related_of(post, request.user),
            "share_links": share_links(post),
            "share_text": share_text(post),
            "canonical_url": absolute_url(post.get_absolute_url()),
            "image_url": absolute_url(post.image.url) if post.image else "",
            "og_locale": OG_LOCALES.get(get_language() or "nl", "nl_BE"),
            "can_edit": request.user.has_perm("news.change_post", post),
        },
    )
