"""The action plan: what /nl/actieplan/ and its challenge, action, spearhead and evaluation
pages show, read through the same selectors (sterk.actionplan.selectors).

Lists cover the current plan, as the overview does: a plan that is not current has no
page that lists it (it may be the next plan in preparation). A detail answers for every
slug its page answers for. Averages and counts are the pages' own
(selectors.StatusSummary, with effective_progress): never computed here."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema

from sterk.actionplan import selectors
from sterk.actionplan.models import (
    Action,
    Challenge,
    Evaluation,
    Initiative,
    Plan,
    Spearhead,
    Status,
)
from sterk.actionplan.selectors import Filters, StatusSummary, localise
from sterk.api.texts import lazy as _
from sterk.core.prefetch import shown
from sterk.core.site import absolute_url
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Region

from ..datasets import Dataset
from ..fields import DateTime, RegionRefOut, page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "action plan",
    _(
        "The current Flemish action plan for strong social work: its challenges, actions "
        "with their initiatives, carriers, status and progress history, spearheads with "
        "their activities, and evaluations."
    ),
)
router = Router(tags=[TAG[0]])


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)


# --- shared shapes ---------------------------------------------------------------------


class ProgressOut(Schema):
    """A selectors.StatusSummary: the numbers the pages' bars, tables and summary lines show."""

    total: int = Field(description="How many items the numbers are about.")
    counts: dict[str, int] = Field(
        description="How many items are in each status (every status, zeros included)."
    )
    average_progress: int | None = Field(
        description="The average progress in % over all items, as the pages show it: an "
        "item counts for the percentage it reported, else 100 when completed and 0 "
        "otherwise. Null without items."
    )
    progress_reported: int = Field(
        description="How many of the items reported a percentage themselves."
    )


# A schema with a state lists StateOut first among its bases: pydantic orders the fields
# of the bases from the last to the first, so the object's names come before its state.


class StatusOut(Schema):
    status: str = Field(description="not_started, preparing, running, completed or stopped.")
    status_label: str
    progress: int | None = Field(description="The reported percentage, or null.")

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(Status(_get(obj, "status")).label)


class StateOut(StatusOut):
    status_date: datetime.date | None = Field(description="The date of the latest update.")


class OrganisationOut(Schema):
    name: str


class LeadOrganisationOut(Schema):
    name: str
    website: str


class IdentityLinkOut(Schema):
    slug: str
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class ChallengeLinkOut(Schema):
    slug: str
    number: int
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Challenge) -> str:
        return page_url(obj)


class LinkOut(Schema):
    slug: str
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class EvaluationLinkOut(LinkOut):
    date: datetime.date


class WebLinkOut(Schema):
    title: str
    url: str


class ReporterOut(Schema):
    kind: Literal["region", "organisation", "coordination"]
    name: str


class DatedOut(Schema):
    date: datetime.date


class UpdateOut(StatusOut, DatedOut):
    """One progress update, as the page's timeline shows it (who posted it is not shown:
    the platform or organisation it was posted for, else the coordination)."""

    narrative: str
    links: list[WebLinkOut]
    reported_by: ReporterOut

    @staticmethod
    def resolve_links(obj: Any) -> list[dict[str, str]]:
        return [
            {"title": str(link.get("title") or link.get("url", "")), "url": str(link["url"])}
            for link in obj.links or []
            if isinstance(link, dict) and link.get("url")
        ]

    @staticmethod
    def resolve_reported_by(obj: Any) -> dict[str, str]:
        if obj.on_behalf_region:
            return {"kind": "region", "name": obj.on_behalf_region.name}
        if obj.on_behalf_organisation:
            return {"kind": "organisation", "name": obj.on_behalf_organisation.name}
        return {"kind": "coordination", "name": gettext("Coordination")}


class InitiativeRefOut(Schema):
    id: int
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Initiative) -> str:
        return page_url(obj)


class ActionUpdateOut(UpdateOut):
    initiative: InitiativeRefOut | None = Field(
        description="The initiative the update is about, or null for the action itself."
    )


class ConclusionOut(Schema):
    evaluation: EvaluationLinkOut
    text: str


# --- plans -----------------------------------------------------------------------------


class RegionProgressOut(Schema):
    region: RegionRefOut
    progress: ProgressOut


class ChallengeProgressOut(ChallengeLinkOut):
    progress: ProgressOut

    @staticmethod
    def resolve_progress(obj: Any) -> StatusSummary:
        return obj.status_summary  # type: ignore[no-any-return]


class FirstPriorityOut(Schema):
    year: int
    title: str
    description: str
    challenges: list[ChallengeLinkOut]


class PlanOut(Schema):
    slug: str
    title: str
    period: str
    start_year: int
    end_year: int
    description: str
    url: str
    is_current: bool
    progress: ProgressOut = Field(description="The plan's actions by status, with the average.")
    initiative_count: int
    regional_action_count: int = Field(description="Actions added by regional platforms.")
    challenges: list[ChallengeProgressOut]
    regions: list[RegionProgressOut] = Field(
        description="The actions each regional platform carries, by status."
    )
    spearheads: list[LinkOut]
    first_priorities: list[FirstPriorityOut]
    evaluations: list[EvaluationLinkOut]

    @staticmethod
    def resolve_url(obj: Plan) -> str:
        # The plan's page is the overview (a plan has no page of its own).
        return absolute_url(reverse("actionplan:overview"))

    @staticmethod
    def resolve_progress(obj: Any) -> StatusSummary:
        return obj.overview["summary"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_initiative_count(obj: Any) -> int:
        return obj.overview["initiative_count"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_regional_action_count(obj: Any) -> int:
        return obj.overview["regional_count"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_challenges(obj: Any) -> list[Any]:
        return obj.overview["challenges"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_regions(obj: Any) -> list[dict[str, Any]]:
        regions = obj.overview["regions"]
        return [
            {"region": region, "progress": summary}
            for region, (_label, summary, _link) in zip(
                regions, obj.overview["region_table"], strict=True
            )
        ]

    @staticmethod
    def resolve_spearheads(obj: Any) -> list[Any]:
        return obj.overview["spearheads"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_first_priorities(obj: Any) -> list[Any]:
        return obj.overview["first_priorities"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_evaluations(obj: Any) -> list[Any]:
        return obj.overview["evaluations"]  # type: ignore[no-any-return]


def plans() -> list[Plan]:
    """The current plan (the one the overview shows), or nothing."""
    plan = selectors.current_plan()
    if plan is None:
        return []
    plan.overview = selectors.plan_overview(plan)  # type: ignore[attr-defined]
    return [plan]


@router.get(
    "/plans",
    response=Page[PlanOut],
    summary=_("Action plans"),
    description=_(
        "The current action plan, as the action plan's overview page shows it: its "
        "challenges, the actions by status per challenge and per regional platform, "
        "spearheads, first priorities and evaluations. A plan that is not current is not "
        "listed."
    ),
    operation_id="plans_list",
)
def plans_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, plans(), params)


@router.get(
    "/plans/{slug}",
    response=PlanOut,
    summary=_("One action plan"),
    description=_("The current action plan by its short name."),
    operation_id="plans_detail",
)
def plans_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Plan:
    for plan in plans():
        if plan.slug == slug:
            return plan
    raise Http404


# --- challenges ------------------------------------------------------------------------


class ActionRefOut(Schema):
    slug: str
    number: int | None = Field(description="The number in the published plan, if any.")
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Action) -> str:
        return page_url(obj)


class ActionLinkOut(StateOut, ActionRefOut):
    pass


class ChallengeOut(Schema):
    slug: str
    number: int
    title: str
    summary: str
    description: str
    url: str
    plan: str = Field(description="The plan's short name.")
    progress: ProgressOut = Field(description="The challenge's actions by status.")
    actions: list[ActionLinkOut]

    @staticmethod
    def resolve_url(obj: Challenge) -> str:
        return page_url(obj)

    @staticmethod
    def resolve_plan(obj: Challenge) -> str:
        return obj.plan.slug

    @staticmethod
    def resolve_progress(obj: Any) -> StatusSummary:
        return obj.status_summary  # type: ignore[no-any-return]

    @staticmethod
    def resolve_actions(obj: Any) -> list[Action]:
        return obj.plan_actions  # type: ignore[no-any-return]


class FirstPriorityRefOut(Schema):
    year: int
    title: str


class ChallengeDetailOut(ChallengeOut):
    spearheads: list[LinkOut] = Field(description="Related spearheads.")
    first_priorities: list[FirstPriorityRefOut] = Field(description="Related first priorities.")
    conclusions: list[ConclusionOut]

    @staticmethod
    def resolve_spearheads(obj: Any) -> list[Any]:
        return obj.page["spearheads"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_first_priorities(obj: Any) -> list[Any]:
        return obj.page["first_priorities"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_conclusions(obj: Any) -> list[Any]:
        return obj.page["conclusions"]  # type: ignore[no-any-return]


class ChallengeQuery(Paging):
    plan: str | None = Field(
        None,
        description="A plan's short name. Only the current plan has a list; another plan "
        "gives an empty list.",
    )


def challenges(plan_slug: str | None = None) -> list[Challenge]:
    """The current plan's challenges, by number, each with its actions and their numbers
    as the overview shows them."""
    plan = selectors.current_plan()
    if plan is None or (plan_slug and plan_slug != plan.slug):
        return []
    rows: list[Challenge] = selectors.plan_overview(plan)["challenges"]
    return sorted(rows, key=lambda c: (c.number, c.pk))


@router.get(
    "/challenges",
    response=Page[ChallengeOut],
    summary=_("Challenges"),
    description=_(
        "The societal challenges of the current action plan, by number, each with its "
        "actions and their state."
    ),
    operation_id="challenges_list",
)
def challenges_list(request: HttpRequest, params: Query[ChallengeQuery]) -> dict[str, Any]:
    return page(request, challenges(params.plan), params)


@router.get(
    "/challenges/{slug}",
    response=ChallengeDetailOut,
    summary=_("One challenge"),
    description=_(
        "One societal challenge as its page shows it: its actions and their state, "
        "related spearheads and first priorities, and the evaluations' conclusions."
    ),
    operation_id="challenges_detail",
)
def challenges_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Challenge:
    try:
        challenge = selectors.challenge_detail(slug)
    except Challenge.DoesNotExist as exc:
        raise Http404 from exc
    context = selectors.challenge_page(challenge)
    challenge.plan_actions = context["actions"]  # type: ignore[attr-defined]
    challenge.status_summary = context["summary"]  # type: ignore[attr-defined]
    challenge.page = context  # type: ignore[attr-defined]
    return challenge


# --- actions ---------------------------------------------------------------------------


class InitiativeOut(StateOut, InitiativeRefOut):
    description: str


class ActionOut(StateOut, ActionRefOut):
    description: str
    challenge: ChallengeLinkOut
    origin: str = Field(description="plan, or regional: added by a regional platform.")
    origin_region: RegionRefOut | None = Field(
        description="The regional platform that proposed a regional action."
    )
    carrier_regions: list[RegionRefOut]
    carrier_organisations: list[OrganisationOut]
    krachtlijnen: list[IdentityLinkOut]
    functions: list[IdentityLinkOut]
    initiatives: list[InitiativeOut]


class ActionDetailOut(ActionOut):
    approved_at: DateTime | None = Field(
        description="When the steering group approved a regional action's proposal."
    )
    updates: list[ActionUpdateOut] = Field(
        description="The progress history of the action and its initiatives, newest first."
    )
    conclusions: list[ConclusionOut]

    @staticmethod
    def resolve_approved_at(obj: Any) -> datetime.datetime | None:
        proposal = obj.page["proposal"]
        return proposal.decided_at if proposal and obj.is_regional else None

    @staticmethod
    def resolve_updates(obj: Any) -> list[Any]:
        return obj.page["timeline"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_conclusions(obj: Any) -> list[Any]:
        return obj.page["conclusions"]  # type: ignore[no-any-return]


class ActionPage(Page[ActionOut]):
    progress: ProgressOut = Field(
        description="The matching actions by status, with the average, over all pages."
    )


class ActionQuery(Paging):
    challenge: str | None = Field(None, description="A challenge's short name (slug).")
    region: str | None = Field(
        None, description="A regional platform's short name: the actions it carries."
    )
    krachtlijn: str | None = Field(
        None, description="A krachtlijn's short name: the actions that strengthen it."
    )
    function: str | None = Field(
        None, description="A function's short name: the actions that strengthen it."
    )
    status: Status | None = Field(None, description="Only actions in this status.")


class _NoSuch(Exception):
    """A filter names an object that does not exist (or not in the current plan)."""


def _one(model: Any, slug: str | None, **scope: Any) -> Any:
    if not slug:  # empty, as the overview's form sends "all"
        return None
    obj = model.objects.filter(slug=slug, **scope).first()
    if obj is None:
        raise _NoSuch
    return obj


def actions(params: ActionQuery | None = None) -> Any:
    """The current plan's actions in plan order, filtered as the overview filters them
    (and by challenge, as a challenge's page lists them). A filter naming nothing that
    exists matches no action: an empty list, as any other filter without a match."""
    plan = selectors.current_plan()
    if plan is None:
        return Action.objects.none()
    filters = Filters()
    challenge = None
    if params is not None:
        try:
            filters = Filters(
                region=_one(Region, params.region),
                krachtlijn=_one(Krachtlijn, params.krachtlijn),
                function=_one(Function, params.function),
                status=params.status.value if params.status else "",
            )
            challenge = _one(Challenge, params.challenge, plan=plan)
        except _NoSuch:
            return Action.objects.none()
    rows = selectors.filtered_actions(plan, filters)
    if challenge is not None:
        rows = rows.filter(challenge=challenge)
    return rows.for_display().prefetch_related(*shown(Action, "initiatives")).in_plan_order()


@router.get(
    "/actions",
    response=ActionPage,
    summary=_("Actions"),
    description=_(
        "The actions of the current action plan in the plan's order, with the filters of "
        "the overview page (regional platform, krachtlijn, function, status) and by "
        "challenge; each with its initiatives, carriers and state. `progress` sums up all "
        "matching actions as the overview does."
    ),
    operation_id="actions_list",
)
def actions_list(request: HttpRequest, params: Query[ActionQuery]) -> dict[str, Any]:
    rows = actions(params)
    body = page(request, rows, params)
    body["progress"] = StatusSummary.of(rows.values("status", "progress").order_by())
    return body


@router.get(
    "/actions/{slug}",
    response=ActionDetailOut,
    summary=_("One action"),
    description=_(
        "One action as its page shows it, with its progress history (the updates of the "
        "action and its initiatives, newest first) and the evaluations' conclusions."
    ),
    operation_id="actions_detail",
)
def actions_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Action:
    try:
        action = selectors.action_detail(slug)
    except Action.DoesNotExist as exc:
        raise Http404 from exc
    action.page = selectors.action_page(action)  # type: ignore[attr-defined]
    return action


# --- spearheads ------------------------------------------------------------------------


class ActivityRefOut(Schema):
    id: int
    title: str


class ActivityOut(StateOut, ActivityRefOut):
    description: str
    timing: str
    url: str
    partners: list[OrganisationOut]

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class ActivityDetailOut(ActivityOut):
    updates: list[UpdateOut] = Field(description="The activity's progress history, newest first.")

    @staticmethod
    def resolve_updates(obj: Any) -> list[Any]:
        return obj.timeline  # type: ignore[no-any-return]


class SpearheadOut(Schema):
    slug: str
    number: int
    title: str
    summary: str
    description: str
    period: str
    start_year: int
    end_year: int
    url: str
    plan: str = Field(description="The plan's short name.")
    lead_organisation: LeadOrganisationOut | None
    partners: list[OrganisationOut]
    challenges: list[ChallengeLinkOut] = Field(description="Related challenges.")
    progress: ProgressOut = Field(description="The spearhead's activities by status.")
    activities: list[ActivityOut]

    @staticmethod
    def resolve_url(obj: Spearhead) -> str:
        return page_url(obj)

    @staticmethod
    def resolve_plan(obj: Spearhead) -> str:
        return obj.plan.slug

    @staticmethod
    def resolve_progress(obj: Spearhead) -> StatusSummary:
        return StatusSummary.of(obj.activities.all())


class SpearheadDetailOut(SpearheadOut):
    activities: list[ActivityDetailOut]  # type: ignore[assignment]
    conclusions: list[ConclusionOut]

    @staticmethod
    def resolve_conclusions(obj: Any) -> list[Any]:
        return obj.page["conclusions"]  # type: ignore[no-any-return]


def spearheads() -> Any:
    plan = selectors.current_plan()
    if plan is None:
        return Spearhead.objects.none()
    return selectors.spearheads_of(plan).select_related("plan").order_by("number", "pk")


@router.get(
    "/spearheads",
    response=Page[SpearheadOut],
    summary=_("Spearheads"),
    description=_(
        "The spearheads of the current action plan, by number, with their lead "
        "organisation, partners and activities with their state."
    ),
    operation_id="spearheads_list",
)
def spearheads_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, spearheads(), params)


@router.get(
    "/spearheads/{slug}",
    response=SpearheadDetailOut,
    summary=_("One spearhead"),
    description=_(
        "One spearhead as its page shows it, with each activity's progress history and "
        "the evaluations' conclusions."
    ),
    operation_id="spearheads_detail",
)
def spearheads_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Spearhead:
    try:
        spearhead = selectors.spearhead_detail(slug)
    except Spearhead.DoesNotExist as exc:
        raise Http404 from exc
    spearhead.page = selectors.spearhead_page(spearhead)  # type: ignore[attr-defined]
    return spearhead


# --- evaluations -----------------------------------------------------------------------


class SnapshotRefOut(Schema):
    slug: str
    number: int | None
    title: str


class SnapshotActionOut(StateOut, SnapshotRefOut):
    carrier_regions: list[str]
    carrier_organisations: list[str]


class SnapshotChallengeOut(Schema):
    slug: str
    number: int
    title: str
    progress: ProgressOut
    actions: list[SnapshotActionOut]


class TitleOut(Schema):
    title: str


class SnapshotActivityOut(StateOut, TitleOut):
    pass


class SnapshotSpearheadOut(Schema):
    slug: str
    title: str
    activities: list[SnapshotActivityOut]


class EvaluationConclusionOut(Schema):
    subject: Literal["challenge", "action", "spearhead"]
    slug: str
    title: str
    url: str
    text: str


class EvaluationOut(Schema):
    slug: str
    title: str
    date: datetime.date
    description: str
    url: str
    plan: str = Field(description="The plan's short name.")
    snapshot_taken_at: DateTime | None = Field(
        description="When the plan's state on the evaluation's date was recorded; null "
        "while it is not, and then the state lists below are empty."
    )
    progress: ProgressOut = Field(description="All actions by status at the evaluation.")
    challenges: list[SnapshotChallengeOut] = Field(
        description="Each challenge with its actions' state at the evaluation."
    )
    spearheads: list[SnapshotSpearheadOut] = Field(
        description="Each spearhead with its activities' state at the evaluation."
    )
    conclusions: list[EvaluationConclusionOut]

    @staticmethod
    def resolve_url(obj: Evaluation) -> str:
        return page_url(obj)

    @staticmethod
    def resolve_plan(obj: Evaluation) -> str:
        return obj.plan.slug

    @staticmethod
    def resolve_progress(obj: Any) -> StatusSummary:
        return obj.page["summary"]  # type: ignore[no-any-return]

    @staticmethod
    def resolve_challenges(obj: Any) -> list[dict[str, Any]]:
        return [
            {**localise(c["row"]), "progress": c["summary"], "actions": localise(c["actions"])}
            for c in obj.page["challenges"]
        ]

    @staticmethod
    def resolve_spearheads(obj: Any) -> list[dict[str, Any]]:
        return [
            {**localise(s["row"]), "activities": localise(s["activities"])}
            for s in obj.page["spearheads"]
        ]

    @staticmethod
    def resolve_conclusions(obj: Any) -> list[dict[str, Any]]:
        out = []
        for conclusion in obj.page["conclusions"]:
            subject = conclusion.subject
            kind = (
                "challenge"
                if conclusion.challenge_id
                else "action"
                if conclusion.action_id
                else "spearhead"
            )
            title = f"{subject.number}. {subject.title}" if kind == "challenge" else subject.title
            out.append(
                {
                    "subject": kind,
                    "slug": subject.slug,
                    "title": title,
                    "url": page_url(subject),
                    "text": conclusion.text,
                }
            )
        return out


def _with_page(evaluation: Evaluation) -> Evaluation:
    evaluation.page = selectors.evaluation_page(evaluation)  # type: ignore[attr-defined]
    return evaluation


def evaluations() -> list[Evaluation]:
    plan = selectors.current_plan()
    if plan is None:
        return []
    return [_with_page(e) for e in selectors.evaluations_of(plan).order_by("date", "pk")]


@router.get(
    "/evaluations",
    response=Page[EvaluationOut],
    summary=_("Evaluations"),
    description=_(
        "The evaluations of the current action plan, by date, each with the plan's state "
        "as recorded on that date and its conclusions."
    ),
    operation_id="evaluations_list",
)
def evaluations_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, evaluations(), params)


@router.get(
    "/evaluations/{slug}",
    response=EvaluationOut,
    summary=_("One evaluation"),
    description=_("One evaluation as its page shows it."),
    operation_id="evaluations_detail",
)
def evaluations_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Evaluation:
    evaluation = Evaluation.objects.select_related("plan").filter(slug=slug).first()
    if evaluation is None:
        raise Http404
    return _with_page(evaluation)


DATASETS = [
    Dataset(
        "plans",
        _("Action plans"),
        _("The current action plan with its numbers per challenge and per regional platform."),
        PlanOut,
        plans,
    ),
    Dataset(
        "challenges",
        _("Challenges"),
        _("The societal challenges of the current action plan with their actions' state."),
        ChallengeOut,
        challenges,
    ),
    Dataset(
        "actions",
        _("Actions"),
        _("The actions of the current action plan with their initiatives, carriers and state."),
        ActionOut,
        actions,
    ),
    Dataset(
        "spearheads",
        _("Spearheads"),
        _("The spearheads of the current action plan with their activities and state."),
        SpearheadOut,
        spearheads,
    ),
    Dataset(
        "evaluations",
        _("Evaluations"),
        _("The evaluations of the current action plan with the state recorded at each."),
        EvaluationOut,
        evaluations,
    ),
]
