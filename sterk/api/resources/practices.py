"""The practice library and its calls, as /nl/praktijken/, a practice's page and a call's
page show them.

The list is the library's own search (sterk.practices.selectors.library_search): the same
full-text search, the same facet parameters (Dutch names, several values each), the same
order and the same facet counts, only cut by `limit` and `offset` instead of pages. Only
published practices are in the library's index, so nothing else can appear."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, Literal, overload

from django.http import Http404, HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from sterk.api.texts import lazy as _
from sterk.core.site import absolute_url
from sterk.practices import selectors
from sterk.practices.models import Call, Practice

from ..datasets import Dataset
from ..fields import DateTime, RegionRefOut, page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "practices",
    _(
        "The practice library: published good practices and practice stories, with the "
        "library's full-text search and facet counts, and the calls that gather them."
    ),
)
router = Router(tags=[TAG[0]])


# --- schemas ---------------------------------------------------------------------------------


class PracticeRefOut(Schema):
    slug: str
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class PracticeOrganisationOut(Schema):
    name: str
    website: str | None

    @staticmethod
    def resolve_website(obj: Any) -> str | None:
        return obj.website or None


class LicenceOut(Schema):
    code: str
    name: str
    url: str | None


class PracticeOut(Schema):
    """A practice as a card of the library shows it (and what it is filtered on)."""

    slug: str
    title: str
    summary: str
    language: str = Field(description="The language the practice was written in.")
    url: str
    published_at: DateTime | None
    organisations: list[PracticeOrganisationOut]
    organisation_names: str = Field(
        description="The organisations as the author named them, where none is linked."
    )
    region: RegionRefOut | None
    sector: str
    sector_label: str
    target_group: str
    target_group_label: str
    krachtlijnen: list[PracticeRefOut]
    licence: LicenceOut
    snippet: str | None = Field(
        description="With a search: the matching words in context, as HTML with <mark>."
    )

    @staticmethod
    def resolve_url(obj: Practice) -> str:
        return page_url(obj)

    @staticmethod
    def resolve_organisations(obj: Practice) -> list[Any]:
        return list(obj.organisations.all())

    @staticmethod
    def resolve_organisation_names(obj: Practice) -> str:
        return "" if obj.organisations.all() else obj.organisation_names

    @staticmethod
    def resolve_sector_label(obj: Practice) -> str:
        return str(obj.get_sector_display()) if obj.sector else ""

    @staticmethod
    def resolve_target_group_label(obj: Practice) -> str:
        return str(obj.get_target_group_display()) if obj.target_group else ""

    @staticmethod
    def resolve_krachtlijnen(obj: Practice) -> list[Any]:
        return list(obj.krachtlijnen.all())

    @staticmethod
    def resolve_licence(obj: Practice) -> dict[str, Any]:
        return {
            "code": obj.licence,
            "name": str(obj.get_licence_display()),
            "url": obj.licence_url or None,
        }

    @staticmethod
    def resolve_snippet(obj: Practice) -> str | None:
        snippet = getattr(obj, "snippet", None)
        return str(snippet) if snippet else None


class PracticeChallengeRefOut(PracticeRefOut):
    number: int


class PracticeLinkOut(Schema):
    kind: str
    kind_label: str
    url: str
    title: str

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj.get_kind_display())


class ImageOut(Schema):
    url: str
    alt_text: str
    caption: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return absolute_url(obj.image.url)


class ContactOut(Schema):
    name: str
    email: str


class PracticeDetailOut(PracticeOut):
    """A practice as its page shows it."""

    story: str = Field(description="Markdown.")
    subregion: str | None
    functions: list[PracticeRefOut]
    challenges: list[PracticeChallengeRefOut]
    actions: list[PracticeRefOut]
    links: list[PracticeLinkOut]
    images: list[ImageOut]
    contact: ContactOut | None = Field(
        description="Only where the contact person agreed to be shown."
    )
    call: PracticeRefOut | None = Field(description="The call it was shared through.")
    related: list[PracticeRefOut] = Field(description="Related practices, as the page lists them.")

    @staticmethod
    def resolve_subregion(obj: Practice) -> str | None:
        return obj.subregion.name if obj.subregion else None

    @staticmethod
    def resolve_functions(obj: Practice) -> list[Any]:
        return list(obj.functions.all())

    @staticmethod
    def resolve_challenges(obj: Practice) -> list[Any]:
        return list(obj.challenges.all())

    @staticmethod
    def resolve_actions(obj: Practice) -> list[Any]:
        return list(obj.actions.all())

    @staticmethod
    def resolve_links(obj: Practice) -> list[Any]:
        return list(obj.links.all())

    @staticmethod
    def resolve_images(obj: Practice) -> list[Any]:
        return list(obj.images.all())

    @staticmethod
    def resolve_related(obj: Practice) -> list[Any]:
        return list(getattr(obj, "related", []))

    @staticmethod
    def resolve_contact(obj: Practice) -> dict[str, str] | None:
        if obj.contact_consent and obj.contact_name:
            return {"name": obj.contact_name, "email": obj.contact_email}
        return None


class FacetOptionOut(Schema):
    value: str = Field(description="The value to pass in the facet's parameter.")
    label: str
    count: int = Field(description="Practices with this value among the results.")
    selected: bool


class FacetOut(Schema):
    label: str
    options: list[FacetOptionOut]


class PracticePage(Page[PracticeOut]):
    facets: dict[str, FacetOut] = Field(
        description="Per facet parameter, its values with their counts, as the library "
        "shows them: a facet with a choice counts as if that choice were not made."
    )
    suggestions: list[str] = Field(
        description="Without results: the search words with unknown words replaced."
    )


# --- parameters ------------------------------------------------------------------------------

_SEVERAL = "Several values: any of them."


class LibraryParams(Paging):
    """The library page's search box and facets, under the page's own (Dutch) names."""

    q: str = Field("", description="Search words (as in the library's search box).")
    krachtlijn: list[str] = Field([], description=f"Krachtlijn slugs. {_SEVERAL}")
    functie: list[str] = Field([], description=f"Function slugs. {_SEVERAL}")
    uitdaging: list[str] = Field(
        [], description=f"Slugs of challenges of the current action plan. {_SEVERAL}"
    )
    regio: list[str] = Field([], description=f"Region slugs. {_SEVERAL}")
    sector: list[str] = Field([], description=f"Sectors (see the facet's values). {_SEVERAL}")
    doelgroep: list[str] = Field(
        [], description=f"Target groups (see the facet's values). {_SEVERAL}"
    )
    organisatie: list[str] = Field([], description=f"Organisation ids. {_SEVERAL}")
    jaar: list[str] = Field([], description=f"Years of publication. {_SEVERAL}")


FACET_PARAMS = tuple(selectors.PARAMS)


def _query(params: LibraryParams) -> QueryDict:
    query = QueryDict(mutable=True)
    if params.q:
        query["q"] = params.q
    for name in FACET_PARAMS:
        query.setlist(name, getattr(params, name))
    return query


class _Window(Sequence[Any]):
    """One window of search results that `page()` counts and slices like a whole list."""

    def __init__(self, rows: list[Any], total: int, offset: int) -> None:
        self.rows, self.total, self.offset = rows, total, offset

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if not isinstance(index, slice) or (index.start or 0) != self.offset:
            raise IndexError("only the window that was searched")
        return self.rows


def _facets(results: selectors.Results) -> dict[str, dict[str, Any]]:
    return {
        param: {
            "label": label,
            "options": [
                {"value": o.param, "label": str(o.label), "count": o.count, "selected": o.selected}
                for o in options
            ],
        }
        for _facet, label, param, options in results.facets
    }


# --- reads -----------------------------------------------------------------------------------


def practices() -> Any:
    """The whole library, newest first (the download)."""
    return selectors.library_all()


def calls(open_now: bool | None = None) -> Any:
    qs = selectors.public_calls()
    if open_now is True:
        qs = qs.open_now()
    elif open_now is False:
        qs = qs.exclude(pk__in=Call.objects.open_now().values("pk"))
    return qs


@router.get(
    "/practices",
    response=PracticePage,
    summary=_("Practices"),
    description=_(
        "The practice library's published practices with its full-text search and facets: "
        "newest first, or by relevance with search words; with the count of every facet "
        "value among the results."
    ),
    operation_id="practices_list",
)
def practices_list(request: HttpRequest, params: Query[LibraryParams]) -> dict[str, Any]:
    results = selectors.library_search(_query(params), limit=params.limit, offset=params.offset)
    body = page(request, _Window(results.practices, results.total, params.offset), params)
    body["facets"] = _facets(results)
    body["suggestions"] = [s.text for s in results.suggestions]
    return body


@router.get(
    "/practices/{slug}",
    response=PracticeDetailOut,
    summary=_("One practice"),
    description=_("One published practice, as its page shows it."),
    operation_id="practices_detail",
)
def practices_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Practice:
    try:
        practice = selectors.practice_detail(slug)
    except Practice.DoesNotExist as exc:
        raise Http404 from exc
    practice.related = selectors.related_practices(practice)  # type: ignore[attr-defined]
    return practice


# --- calls -----------------------------------------------------------------------------------


class CallOut(Schema):
    slug: str
    title: str
    question: str = Field(description="What the call asks (Markdown).")
    audience: str = Field(description="Who the call is for.")
    theme: str
    owner: str = Field(description="The organisation that runs the call.")
    opens_on: datetime.date
    closes_on: datetime.date
    state: Literal["open", "not_yet_open", "closed"]
    krachtlijn: PracticeRefOut | None = Field(description="The krachtlijn it asks for.")
    challenge: PracticeChallengeRefOut | None = Field(description="The challenge it asks for.")
    published_count: int = Field(description="Stories published through this call.")
    url: str

    @staticmethod
    def resolve_owner(obj: Call) -> str:
        return obj.owner.name

    @staticmethod
    def resolve_state(obj: Call) -> str:
        if obj.is_open:
            return "open"
        return "not_yet_open" if obj.not_yet_open else "closed"

    @staticmethod
    def resolve_url(obj: Call) -> str:
        return page_url(obj)


class CallParams(Paging):
    open: bool | None = Field(
        None,
        description="true: only calls open today (as the library shows them); false: only "
        "calls not yet open or closed.",
    )


@router.get(
    "/calls",
    response=Page[CallOut],
    summary=_("Calls for practices"),
    description=_(
        "The calls for practice stories, open, not yet open or closed, newest first, each "
        "with the number of stories published through it."
    ),
    operation_id="calls_list",
)
def calls_list(request: HttpRequest, params: Query[CallParams]) -> dict[str, Any]:
    return page(request, calls(params.open), params)


@router.get(
    "/calls/{slug}",
    response=CallOut,
    summary=_("One call for practices"),
    description=_("One call for practice stories, as its page shows it."),
    operation_id="calls_detail",
)
def calls_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Call:
    return get_object_or_404(calls(), slug=slug)


DATASETS = [
    Dataset(
        "practices",
        _("Practices"),
        _("Every published practice of the library, newest first."),
        PracticeOut,
        practices,
    ),
    Dataset(
        "calls",
        _("Calls for practices"),
        _("The calls for practice stories, newest first."),
        CallOut,
        calls,
    ),
]
