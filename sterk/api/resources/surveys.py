"""Survey outcomes: what the public results page and the follow-up page ("you said, we
did") of a survey show, read through the same functions (sterk.surveys.results).

`/surveys` lists the surveys whose results or follow-up are public (the earlier surveys
on /nl/bevragingen/); `/surveys/{slug}/results` and `/surveys/{slug}/follow-up` are those
two pages, each a 404 while its page is not public. Counts only for the questions the
owner chose to publish, and as the page shows them (the public pages hide no small
numbers: the threshold of five applies to the owner's group comparisons, which are not
public); of the written answers only those the owner approved for the results page, and
on the follow-up the quotes a finding cites. Never a response, a respondent or an open
or unpublished survey."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from sterk.api.texts import lazy as _
from sterk.core.site import absolute_url
from sterk.surveys import results as survey_results
from sterk.surveys import selectors
from sterk.surveys.models import Survey

from ..datasets import Dataset
from ..fields import DateTime, page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "surveys",
    _(
        "Published survey results and their follow-up: what social professionals said "
        "and what the network did with it."
    ),
)
router = Router(tags=[TAG[0]])


def _page(name: str, survey: Survey) -> str:
    return absolute_url(reverse(f"surveys:{name}", kwargs={"slug": survey.slug}))


class SurveyOut(Schema):
    slug: str
    title: str
    intro: str
    owner: str = Field(description="Who asked: the platform, a region or a partner.")
    region: str | None = Field(description="The owning region's slug, or null.")
    opens_at: DateTime
    closes_at: DateTime
    anonymous: bool
    is_demo: bool = Field(description="The questions and answers are demo data.")
    reported_respondents: int | None = Field(
        description="For a survey held elsewhere: how many took part, as its owner reports."
    )
    results_published_at: DateTime | None
    follow_up_published_at: DateTime | None
    results_url: str | None = Field(description="The public results page, or null.")
    follow_up_url: str | None = Field(description="The public follow-up page, or null.")
    url: str = Field(description="The results page, else the follow-up page.")

    @staticmethod
    def resolve_owner(obj: Survey) -> str:
        return obj.owner_label()

    @staticmethod
    def resolve_region(obj: Survey) -> str | None:
        return obj.region.slug if obj.region is not None else None

    @staticmethod
    def resolve_follow_up_published_at(obj: Survey) -> datetime.datetime | None:
        return obj.followup_published_at

    @staticmethod
    def resolve_results_url(obj: Survey) -> str | None:
        return _page("results", obj) if obj.results_published_at else None

    @staticmethod
    def resolve_follow_up_url(obj: Survey) -> str | None:
        return _page("followup", obj) if obj.followup_published_at else None

    @staticmethod
    def resolve_url(obj: Survey) -> str:
        return _page("results" if obj.results_published_at else "followup", obj)


class SurveyBarOut(Schema):
    label: str
    n: int = Field(description="How many gave this answer.")
    percent: float = Field(description="Of those who answered the question (or the row).")


class SurveyRowOut(Schema):
    """A row of a matrix question."""

    label: str
    respondents: int
    mean: float | None
    bars: list[SurveyBarOut]


class SurveyQuestionResultOut(Schema):
    question: str
    kind: str = Field(
        description="single, multiple, scale, short_text, long_text, number, list or matrix."
    )
    respondents: int = Field(description="How many answered this question.")
    mean: float | None
    minimum: int | None
    maximum: int | None
    bars: list[SurveyBarOut]
    rows: list[SurveyRowOut] = Field(description="A matrix question's rows.")
    quotes: list[str] = Field(description="Written answers the owner approved for publication.")

    @staticmethod
    def resolve_question(obj: Any) -> str:
        return str(obj.question.text)


class SurveyResultsOut(Schema):
    survey: SurveyOut
    respondents: int = Field(description="How many responded on the platform.")
    questions: list[SurveyQuestionResultOut] = Field(
        description="The questions the owner published, in the survey's order."
    )


class SurveyLinkOut(Schema):
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class SurveyPointOut(Schema):
    """What the network does about a finding; its state follows what it is linked to."""

    title: str
    description: str
    responsible: str
    due: datetime.date | None
    status: str = Field(description="planned, proposed, in_progress, done or dropped.")
    status_label: str
    action: SurveyLinkOut | None = Field(description="The action of the action plan.")
    proposed: bool = Field(description="Proposed to the steering group as a new action.")
    event: SurveyLinkOut | None = Field(description="A public event it led to.")
    call: SurveyLinkOut | None = Field(description="A call for practices it led to.")

    @staticmethod
    def resolve_status(obj: Any) -> str:
        return str(obj.effective_status)

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return obj.effective_status_label()

    @staticmethod
    def resolve_action(obj: Any) -> Any:
        return obj.linked_action()

    @staticmethod
    def resolve_proposed(obj: Any) -> bool:
        return obj.linked_action() is None and obj.proposal_id is not None

    @staticmethod
    def resolve_event(obj: Any) -> Any:
        # Only a listed public event: the follow-up page keeps others' titles off too.
        return obj.public_event()

    @staticmethod
    def resolve_call(obj: Any) -> Any:
        return obj.call if obj.call_id else None


class SurveyFindingOut(Schema):
    statement: str
    results: list[SurveyQuestionResultOut] = Field(description="The numbers it is based on.")
    quotes: list[str] = Field(description="The written answers it cites.")
    points: list[SurveyPointOut]

    @staticmethod
    def resolve_statement(obj: dict[str, Any]) -> str:
        return str(obj["finding"].statement)

    @staticmethod
    def resolve_quotes(obj: dict[str, Any]) -> list[str]:
        return [answer.text for answer in obj["finding"].quotes.all()]


class SurveyFollowUpOut(Schema):
    survey: SurveyOut
    respondents: int = Field(description="How many responded on the platform.")
    findings: list[SurveyFindingOut]


def surveys() -> Any:
    """Surveys with public results or follow-up, newest first (the downloads read this)."""
    return selectors.surveys_with_public_outcome().order_by("-closes_at", "-pk")


@router.get(
    "/surveys",
    response=Page[SurveyOut],
    summary=_("Surveys"),
    description=_(
        "The surveys whose results or follow-up are public, the most recently closed first."
    ),
    operation_id="surveys_list",
)
def surveys_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, surveys(), params)


@router.get(
    "/surveys/{slug}",
    response=SurveyOut,
    summary=_("One survey"),
    description=_("A survey whose results or follow-up are public."),
    operation_id="surveys_detail",
)
def surveys_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Survey:
    survey: Survey = get_object_or_404(surveys(), slug=slug)
    return survey


@router.get(
    "/surveys/{slug}/results",
    response=SurveyResultsOut,
    summary=_("Results of a survey"),
    description=_(
        "The published results, as the results page shows them: per published question "
        "its counts and percentages, its mean where it has one, and approved quotes."
    ),
    operation_id="surveys_results",
)
def surveys_results(request: HttpRequest, slug: str, params: Query[Common]) -> dict[str, Any]:
    survey = get_object_or_404(selectors.surveys_with_public_results(), slug=slug)
    count, items = survey_results.published(survey)
    return {"survey": survey, "respondents": count, "questions": items}


@router.get(
    "/surveys/{slug}/follow-up",
    response=SurveyFollowUpOut,
    summary=_("Follow-up of a survey"),
    description=_(
        "You said, we did: per finding the numbers and quotes it rests on, and the action "
        "points with their state and what they are linked to."
    ),
    operation_id="surveys_follow_up",
)
def surveys_follow_up(request: HttpRequest, slug: str, params: Query[Common]) -> dict[str, Any]:
    try:
        survey = selectors.surveys_with_public_followup().get(slug=slug)
    except Survey.DoesNotExist as exc:
        raise Http404 from exc
    count, rows = survey_results.followup(survey)
    return {"survey": survey, "respondents": count, "findings": rows}


DATASETS = [
    Dataset(
        "surveys",
        _("Surveys"),
        _("The surveys whose results or follow-up are public, with links to both."),
        SurveyOut,
        surveys,
    )
]
