"""News posts: what /nl/nieuws/ and each post's page show. Only public posts (published
and their moment come): a draft or a scheduled post is not found, as on the pages."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from sterk.api.texts import lazy as _
from sterk.core.site import absolute_url
from sterk.news import selectors
from sterk.news.models import Post

from ..datasets import Dataset
from ..fields import DateTime, RegionRefOut, page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "news",
    _("News of the platform and the regional platforms, newest first, as the news page shows it."),
)
router = Router(tags=[TAG[0]])


class NewsLinkOut(Schema):
    """Something a post is tied to: its title and its page."""

    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class NewsKrachtlijnOut(Schema):
    slug: str
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class NewsPostOut(Schema):
    slug: str
    title: str
    lead: str
    body: str = Field(description="Markdown.")
    published_at: DateTime = Field(description="When the post appeared.")
    region: RegionRefOut | None = Field(description="Null: news of the platform itself.")
    organisation: str | None = Field(description="The organisation the post comes from.")
    krachtlijnen: list[NewsKrachtlijnOut]
    image: str | None = Field(description="The image's address, or null.")
    image_alt: str
    url: str

    @staticmethod
    def resolve_published_at(obj: Post) -> Any:
        return obj.publish_at

    @staticmethod
    def resolve_organisation(obj: Post) -> str | None:
        return obj.organisation.name if obj.organisation else None

    @staticmethod
    def resolve_krachtlijnen(obj: Post) -> list[Any]:
        return list(obj.krachtlijnen.all())

    @staticmethod
    def resolve_image(obj: Post) -> str | None:
        return absolute_url(obj.image.url) if obj.image else None

    @staticmethod
    def resolve_url(obj: Post) -> str:
        return page_url(obj)


class NewsPostDetailOut(NewsPostOut):
    """A post with what its page lists under "Read more" (only what is public itself)."""

    challenges: list[NewsLinkOut]
    actions: list[NewsLinkOut]
    events: list[NewsLinkOut]
    practices: list[NewsLinkOut]

    @staticmethod
    def resolve_challenges(obj: Any) -> list[Any]:
        return obj.related["challenges"]

    @staticmethod
    def resolve_actions(obj: Any) -> list[Any]:
        return obj.related["actions"]

    @staticmethod
    def resolve_events(obj: Any) -> list[Any]:
        return obj.related["events"]

    @staticmethod
    def resolve_practices(obj: Any) -> list[Any]:
        return obj.related["practices"]


class NewsFilters(Paging):
    # The news page calls these `regio` and `krachtlijn` (its form's field names).
    region: str | None = Field(
        None,
        description=(
            "A region's slug, or `platform` for the news of the platform itself "
            "(`regio` on the news page). A slug no region has matches no post."
        ),
    )
    krachtlijn: str | None = Field(
        None, description="A krachtlijn's slug; one that does not exist matches no post."
    )


def posts(region: str | None = None, krachtlijn: str | None = None) -> Any:
    """The public news, newest first (the downloads read it whole)."""
    return selectors.news_list({"region": region, "krachtlijn": krachtlijn}).order_by(
        "-publish_at", "-pk"
    )


@router.get(
    "/news",
    response=Page[NewsPostOut],
    summary=_("News"),
    description=_(
        "The public news posts, newest first, with the news page's filters: a region "
        "(or the platform) and a krachtlijn."
    ),
    operation_id="news_list",
)
def news_list(request: HttpRequest, params: Query[NewsFilters]) -> dict[str, Any]:
    return page(request, posts(params.region, params.krachtlijn), params)


@router.get(
    "/news/{slug}",
    response=NewsPostDetailOut,
    summary=_("One news post"),
    description=_("One public news post, with what its page links to."),
    operation_id="news_detail",
)
def news_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Post:
    anyone = AnonymousUser()
    try:
        post = selectors.post_for_page(slug, anyone)
    except Post.DoesNotExist as exc:
        raise Http404 from exc
    post.related = selectors.related_of(post, anyone)  # type: ignore[attr-defined]
    return post


DATASETS = [
    Dataset(
        "news",
        _("News"),
        _("The public news posts of the platform and the regional platforms."),
        NewsPostOut,
        posts,
    )
]
