"""The newsletter archive: every edition that was sent, as /nl/nieuwsbrief/ lists it and
its page shows it (the blocks with their live items). Never a subscriber, a segment or
a delivery: an edition's audience is nobody's business."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema

from sterk.api.texts import lazy as _
from sterk.newsletter import mail, selectors, services
from sterk.newsletter.models import Edition

from ..datasets import Dataset
from ..fields import DateTime, RegionRefOut, page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "newsletters",
    _("The newsletter archive: every edition that was sent, newest first, with its blocks."),
)
router = Router(tags=[TAG[0]])


class NewsletterPostOut(Schema):
    slug: str
    title: str
    lead: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class NewsletterEventOut(Schema):
    slug: str
    title: str
    summary: str
    starts_at: DateTime
    region: str | None
    url: str

    @staticmethod
    def resolve_region(obj: Any) -> str | None:
        return str(obj.region.name) if obj.region_id else None

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class NewsletterPracticeOut(Schema):
    slug: str
    title: str
    summary: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class NewsletterCallOut(Schema):
    slug: str
    title: str
    question: str = Field(description="Markdown.")
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class NewsletterPlanOut(Schema):
    actions: int = Field(description="How many actions the current action plan holds.")
    average_progress: int | None = Field(description="Their average progress in percent.")
    url: str


class NewsletterBlockOut(Schema):
    kind: str = Field(description="text, news, events, practices, call or actionplan.")
    heading: str = Field(description="Empty: the page shows the item's own title.")
    text: str = Field(description="Markdown. For a news block or a call, empty: its lead.")
    post: NewsletterPostOut | None = Field(description="A news block's post, if public.")
    events: list[NewsletterEventOut] = Field(description="An events block's events.")
    practices: list[NewsletterPracticeOut] = Field(description="A practices block's.")
    call: NewsletterCallOut | None = Field(description="A call block's call.")
    action_plan: NewsletterPlanOut | None = Field(description="An action plan block's numbers.")


class NewsletterOut(Schema):
    slug: str
    title: str
    intro: str = Field(description="Markdown.")
    sent_at: DateTime
    region: RegionRefOut | None = Field(description="Null: a newsletter of the platform.")
    url: str

    @staticmethod
    def resolve_url(obj: Edition) -> str:
        return page_url(obj)


class NewsletterDetailOut(NewsletterOut):
    blocks: list[NewsletterBlockOut]

    @staticmethod
    def resolve_blocks(obj: Any) -> list[dict[str, Any]]:
        return list(obj.api_blocks)


def editions() -> Any:
    """The archive, newest first (the downloads read it whole)."""
    return selectors.archive().order_by("-sent_at", "-pk")


def _plan(plan: dict[str, Any] | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    summary = plan["summary"]
    return {
        "actions": summary.total,
        "average_progress": summary.average_progress,
        "url": page_url(plan["plan"]),
    }


def _block(item: dict[str, Any]) -> dict[str, Any]:
    """One block as the edition's page shows it (newsletter/email/_blocks.html)."""
    block = item["block"]
    return {
        "kind": block.kind,
        "heading": block.heading or "",
        "text": block.text or "",
        "post": item.get("post"),
        "events": item.get("events", []),
        "practices": item.get("practices", []),
        "call": block.call if block.kind == "call" else None,
        "action_plan": _plan(item.get("plan")) if block.kind == "actionplan" else None,
    }


@router.get(
    "/newsletters",
    response=Page[NewsletterOut],
    summary=_("Newsletters"),
    description=_("Every newsletter that was sent, newest first, as the archive lists it."),
    operation_id="newsletters_list",
)
def newsletters_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, editions(), params)


@router.get(
    "/newsletters/{slug}",
    response=NewsletterDetailOut,
    summary=_("One newsletter"),
    description=_(
        "One sent newsletter with its blocks, as its page in the archive shows them: the "
        "items are read now (a post no longer public is left out)."
    ),
    operation_id="newsletters_detail",
)
def newsletters_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Edition:
    try:
        edition = selectors.public_edition(slug)
    except Edition.DoesNotExist as exc:
        raise Http404 from exc
    content = mail.edition_content(edition, services.language_of(get_language()))
    edition.api_blocks = [_block(item) for item in content["blocks"]]  # type: ignore[attr-defined]
    return edition


DATASETS = [
    Dataset(
        "newsletters",
        _("Newsletters"),
        _("Every newsletter that was sent: title, introduction, date and region."),
        NewsletterOut,
        editions,
    )
]
