"""Reads for the action plan. Every page is built in a fixed number of queries, whatever
the number of actions, initiatives and updates."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from sterk.core import versioned
from sterk.core.content_language import LanguageLabel, current_language, language_label
from sterk.core.prefetch import rows_of, shown
from sterk.core.roles import roles_of
from sterk.network.models import Region

from .models import (
    Action,
    ActionProposal,
    ActionProposalQuerySet,
    ActionQuerySet,
    Challenge,
    Evaluation,
    EvaluationConclusion,
    FirstPriority,
    Initiative,
    Plan,
    ProgressUpdate,
    Spearhead,
    SpearheadActivity,
    Status,
)

STATUS_ORDER = [s.value for s in Status]
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


# --- status pictures -------------------------------------------------------------------


@dataclass
class Segment:
    status: str
    label: str
    count: int
    x: float
    width: float


def effective_progress(status: Any, progress: int | None) -> int:
    """The percentage an item counts for in an average: what was reported; without a
    reported percentage, a completed item counts as done and anything else (not started,
    in preparation, ...) as 0 %."""
    if progress is not None:
        return progress
    return 100 if str(status) == Status.COMPLETED else 0


@dataclass
class StatusSummary:
    """How many things are in which state, and their average progress over all of them.
    The one place an average is computed: feeds the SVG bar, the accessible table, the
    summary line ("average 50 % over 4 actions · 2 not started · 2 completed") and the PDF
    with the same numbers."""

    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0
    progress_sum: int = 0
    # How many items reported a percentage themselves (the others count as 0 % or 100 %).
    progress_reported: int = 0

    @classmethod
    def of(cls, items: Iterable[Any]) -> StatusSummary:
        summary = cls(counts=dict.fromkeys(STATUS_ORDER, 0))
        for item in items:
            status, progress = (
                (item.get("status"), item.get("progress"))
                if isinstance(item, dict)
                else (item.status, item.progress)
            )
            summary.counts[str(status)] = summary.counts.get(str(status), 0) + 1
            summary.total += 1
            summary.progress_sum += effective_progress(status, progress)
            if progress is not None:
                summary.progress_reported += 1
        return summary

    @property
    def average_progress(self) -> int | None:
        """Over every item (`total`), not only those that reported; None without items."""
        if not self.total:
            return None
        # Rounded half up (round() would round 62.5 down to the even 62).
        return (2 * self.progress_sum + self.total) // (2 * self.total)

    @property
    def rows(self) -> list[tuple[str, Any, int]]:
        return [(s, Status(s).label, self.counts.get(s, 0)) for s in STATUS_ORDER]

    @property
    def distribution(self) -> list[tuple[str, Any, int]]:
        """The statuses that occur, in status order, with their counts."""
        return [row for row in self.rows if row[2]]

    @property
    def legend(self) -> list[tuple[str, Any]]:
        """(status, label) of the statuses that occur, for `_status_legend.html`."""
        return [(status, label) for status, label, _count in self.distribution]

    @property
    def segments(self) -> list[Segment]:
        """Bar segments on a 0..100 axis; zero counts are left out, widths add up to 100."""
        if not self.total:
            return []
        segments: list[Segment] = []
        x = 0.0
        present = [s for s in STATUS_ORDER if self.counts.get(s)]
        for i, status in enumerate(present):
            count = self.counts[status]
            width = 100.0 - x if i == len(present) - 1 else round(100.0 * count / self.total, 2)
            segments.append(Segment(status, str(Status(status).label), count, round(x, 2), width))
            x += width
        return segments

    @property
    def completed(self) -> int:
        return self.counts.get(Status.COMPLETED, 0)


# --- the plan --------------------------------------------------------------------------


def current_plan() -> Plan | None:
    return Plan.objects.current()


def plan_by_slug(slug: str) -> Plan | None:
    return Plan.objects.filter(slug=slug).first()


@dataclass
class Filters:
    region: Region | None = None
    krachtlijn: Any = None
    function: Any = None
    status: str = ""

    @property
    def active(self) -> bool:
        return bool(self.region or self.krachtlijn or self.function or self.status)


def filtered_actions(plan: Plan, filters: Filters | None = None) -> ActionQuerySet:
    filters = filters or Filters()
    qs = Action.objects.of_plan(plan)
    if filters.region is not None:
        qs = qs.carried_by_region(filters.region)
    if filters.krachtlijn is not None:
        qs = qs.with_krachtlijn(filters.krachtlijn)
    if filters.function is not None:
        qs = qs.with_function(filters.function)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs


def spearheads_of(plan: Plan) -> QuerySet[Spearhead]:
    activities = rows_of(SpearheadActivity).prefetch_related(*shown(SpearheadActivity, "partners"))
    return plan.spearheads.select_related("lead_organisation").prefetch_related(
        *shown(Spearhead, "partners", "challenges"), Prefetch("activities", queryset=activities)
    )


def plan_overview(plan: Plan, filters: Filters | None = None) -> dict[str, Any]:
    """Everything the overview page shows, in a fixed number of queries."""
    filters = filters or Filters()
    actions = list(
        filtered_actions(plan, filters)
        .for_display()
        .annotate(initiative_count=Count("initiatives"))
        .in_plan_order()
    )
    challenges = list(plan.challenges.all())
    by_challenge: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        by_challenge[action.challenge_id].append(action)
    for challenge in challenges:
        challenge.plan_actions = by_challenge.get(challenge.pk, [])  # type: ignore[attr-defined]
        challenge.status_summary = StatusSummary.of(  # type: ignore[attr-defined]
            challenge.plan_actions  # type: ignore[attr-defined]
        )

    regions = list(Region.objects.all())
    by_region: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        for region in action.carrier_regions.all():
            by_region[region.pk].append(action)
    # Labels that know their language: the table marks a Dutch fallback (lang="nl").
    region_table = [
        (
            language_label(region, region.name),
            StatusSummary.of(by_region.get(region.pk, [])),
            f"?regio={region.slug}",
        )
        for region in regions
    ]
    challenge_table = [
        (language_label(c, f"{c.number}. {c.title}"), c.status_summary, c.get_absolute_url())  # type: ignore[attr-defined]
        for c in challenges
    ]

    return {
        "plan": plan,
        "challenges": challenges,
        "actions": actions,
        "summary": StatusSummary.of(actions),
        "region_table": region_table,
        "regions": regions,
        "challenge_table": challenge_table,
        "statuses": Status.choices,
        "initiative_count": Initiative.objects.filter(action__challenge__plan=plan).count(),
        "regional_count": sum(1 for a in actions if a.is_regional),
        "spearheads": list(spearheads_of(plan)),
        "first_priorities": list(plan.first_priorities.prefetch_related("challenges")),
        "evaluations": list(plan.evaluations.all()),
    }


def plan_overview_kept(plan: Plan) -> dict[str, Any]:
    """`plan_overview(plan)` without filters, read once per data version and language in
    this process (`sterk.core.versioned`): the same for every reader, signed in or not,
    and the page's twenty queries were a third of its time. A change to the plan shows at
    the next request. The lists and objects are shared: the page only reads them; the
    caller gets its own dict to add to."""
    return dict(
        versioned.per_data_version(
            "actionplan.plan_overview",
            (plan.pk, get_language() or ""),
            lambda: plan_overview(plan),
        )
    )


def challenge_detail(slug: str) -> Challenge:
    return Challenge.objects.select_related("plan").get(slug=slug)


def challenge_page(challenge: Challenge) -> dict[str, Any]:
    actions = list(challenge.actions.for_display().prefetch_related("initiatives").in_plan_order())
    conclusions = list(
        EvaluationConclusion.objects.filter(challenge=challenge)
        .select_related("evaluation")
        .order_by("evaluation__date")
    )
    evaluation_states = []
    for evaluation in challenge.plan.evaluations.filter(snapshot_taken_at__isnull=False):
        rows = [
            r
            for r in evaluation.snapshot
            if r.get("type") == "action" and r.get("challenge_id") == challenge.pk
        ]
        evaluation_states.append((evaluation, StatusSummary.of(rows)))
    return {
        "challenge": challenge,
        "plan": challenge.plan,
        "actions": actions,
        "summary": StatusSummary.of(actions),
        "conclusions": conclusions,
        "evaluation_states": evaluation_states,
        "spearheads": list(challenge.spearheads.all()),
        "first_priorities": list(challenge.first_priorities.all()),
        "statuses": Status.choices,
    }


def action_detail(slug: str) -> Action:
    return (
        Action.objects.for_display()
        .select_related("challenge__plan")
        .prefetch_related("initiatives")
        .get(slug=slug)
    )


def action_timeline(action: Action) -> QuerySet[ProgressUpdate]:
    """The action's own updates and those of its initiatives, newest first."""
    return (
        ProgressUpdate.objects.filter(Q(action=action) | Q(initiative__action=action))
        .for_display()
        .select_related("initiative__action")  # an initiative's link is on its action's page
        .latest_first()
    )


def _snapshot_states(plan_id: int, row_type: str, pk: int) -> list[tuple[Evaluation, dict]]:
    """(evaluation, frozen row) for every frozen evaluation that knew this object."""
    states = []
    for evaluation in Evaluation.objects.filter(
        plan_id=plan_id, snapshot_taken_at__isnull=False
    ).order_by("date"):
        for row in evaluation.snapshot:
            if row.get("type") == row_type and row.get("id") == pk:
                states.append((evaluation, row))
                break
    return states


def action_page(action: Action) -> dict[str, Any]:
    proposal = ActionProposal.objects.filter(action=action).select_related("region").first()
    return {
        "action": action,
        "challenge": action.challenge,
        "initiatives": list(action.initiatives.all()),
        "timeline": list(action_timeline(action)),
        "conclusions": list(
            EvaluationConclusion.objects.filter(action=action)
            .select_related("evaluation")
            .order_by("evaluation__date")
        ),
        "evaluation_states": _snapshot_states(action.challenge.plan_id, "action", action.pk),
        "proposal": proposal,
    }


def spearhead_detail(slug: str) -> Spearhead:
    updates = ProgressUpdate.objects.for_display().latest_first()
    activities = SpearheadActivity.objects.prefetch_related(
        "partners", Prefetch("updates", queryset=updates, to_attr="timeline")
    )
    return (
        Spearhead.objects.select_related("plan", "lead_organisation")
        .prefetch_related("partners", "challenges", Prefetch("activities", queryset=activities))
        .get(slug=slug)
    )


def spearhead_page(spearhead: Spearhead) -> dict[str, Any]:
    activities = list(spearhead.activities.all())
    return {
        "spearhead": spearhead,
        "activities": activities,
        "summary": StatusSummary.of(activities),
        "conclusions": list(
            EvaluationConclusion.objects.filter(spearhead=spearhead)
            .select_related("evaluation")
            .order_by("evaluation__date")
        ),
        "evaluation_states": [
            (
                evaluation,
                [
                    r
                    for r in evaluation.snapshot
                    if r.get("type") == "activity" and r.get("spearhead_id") == spearhead.pk
                ],
            )
            for evaluation in Evaluation.objects.filter(
                plan_id=spearhead.plan_id, snapshot_taken_at__isnull=False
            ).order_by("date")
        ],
        "statuses": Status.choices,
    }


def _evaluation_conclusions() -> QuerySet[EvaluationConclusion]:
    return EvaluationConclusion.objects.select_related("challenge", "action", "spearhead").order_by(
        "challenge__number", "action__challenge__number", "action__order", "spearhead__number"
    )


def evaluations_of(plan: Plan) -> QuerySet[Evaluation]:
    """A plan's evaluations with what `evaluation_page` shows of each prefetched (for a
    list of them in a fixed number of queries)."""
    return plan.evaluations.select_related("plan").prefetch_related(
        Prefetch("conclusions", queryset=_evaluation_conclusions(), to_attr="ordered_conclusions")
    )


def evaluation_page(evaluation: Evaluation) -> dict[str, Any]:
    rows = evaluation.snapshot if evaluation.is_frozen else []
    challenge_rows = [r for r in rows if r["type"] == "challenge"]
    action_rows = [r for r in rows if r["type"] == "action"]
    by_challenge: dict[Any, list[dict]] = defaultdict(list)
    for row in action_rows:
        by_challenge[row.get("challenge_id")].append(row)
    challenges = [
        {
            "row": c,
            "summary": StatusSummary.of(by_challenge.get(c["id"], [])),
            "actions": by_challenge.get(c["id"], []),
        }
        for c in challenge_rows
    ]
    spearheads = [r for r in rows if r["type"] == "spearhead"]
    activities_by_spearhead: dict[Any, list[dict]] = defaultdict(list)
    for row in rows:
        if row["type"] == "activity":
            activities_by_spearhead[row.get("spearhead_id")].append(row)
    conclusions = getattr(evaluation, "ordered_conclusions", None)
    if conclusions is None:
        conclusions = list(_evaluation_conclusions().filter(evaluation=evaluation))
    return {
        "evaluation": evaluation,
        "plan": evaluation.plan,
        "challenges": challenges,
        "summary": StatusSummary.of(action_rows),
        "spearheads": [
            {"row": s, "activities": activities_by_spearhead.get(s["id"], [])} for s in spearheads
        ],
        "conclusions": conclusions,
        "challenge_table": [
            (_snapshot_label(c["row"]["number"], c["row"]["title"]), c["summary"], "")
            for c in challenges
        ],
        "statuses": Status.choices,
    }


# --- for other apps' pages -------------------------------------------------------------


def actions_for_region(region: Region) -> ActionQuerySet:
    """The current plan's actions a regional platform carries (for the region page)."""
    return (
        Action.objects.in_current_plan()
        .carried_by_region(region)
        .select_related("challenge", "origin_region")
        .in_plan_order()
    )


def actions_for_krachtlijn(krachtlijn: Any) -> ActionQuerySet:
    """The current plan's actions that strengthen a krachtlijn (for the krachtlijn page)."""
    return (
        Action.objects.in_current_plan()
        .with_krachtlijn(krachtlijn)
        .select_related("challenge", "origin_region")
        .in_plan_order()
    )


# --- the state of the plan as rows (snapshots, exports, PDF) ---------------------------


def _tr(obj: Any, name: str) -> dict[str, str]:
    """A translated field as {language: text}, empty languages falling back to Dutch."""
    default = getattr(obj, f"{name}_nl", None) or getattr(obj, name, "") or ""
    return {code: getattr(obj, f"{name}_{code}", None) or default for code in LANGUAGE_CODES}


def _snapshot_label(number: Any, title: Any) -> LanguageLabel:
    """ "3. Title" from a snapshot's {language: text}, marked Dutch where it falls back."""
    label = LanguageLabel(f"{number}. {localise(title)}")
    if isinstance(title, dict) and title.get("nl") and not title.get(current_language()):
        label.lang = "nl"
    return label


def localise(value: Any, language: str | None = None) -> Any:
    """Turn the {language: text} values of a row (also inside lists) into text."""
    language = (language or get_language() or "nl")[:2]
    if isinstance(value, dict) and value and set(value) <= set(LANGUAGE_CODES):
        return value.get(language) or value.get("nl") or ""
    if isinstance(value, list):
        return [localise(v, language) for v in value]
    if isinstance(value, dict):
        return {k: localise(v, language) for k, v in value.items()}
    return value


def state_rows(
    plan: Plan,
    *,
    as_of: datetime.date | None = None,
    region: Region | None = None,
    include_spearheads: bool = True,
) -> list[dict[str, Any]]:
    """The whole plan's state as JSON-safe rows: challenges, actions, initiatives, spearheads,
    activities. `as_of`: the state on that date, from the update history (for an
    evaluation's snapshot); else the current state. Text in every language."""
    latest: dict[tuple[str, int], Any] = {}
    if as_of is not None:
        history = (
            ProgressUpdate.objects.filter(date__lte=as_of)
            .filter(
                Q(action__challenge__plan=plan)
                | Q(initiative__action__challenge__plan=plan)
                | Q(activity__spearhead__plan=plan)
            )
            .order_by("date", "id")
            .values("action_id", "initiative_id", "activity_id", "status", "progress", "date")
        )
        for u in history:
            key = (
                ("action", u["action_id"])
                if u["action_id"]
                else ("initiative", u["initiative_id"])
                if u["initiative_id"]
                else ("activity", u["activity_id"])
            )
            latest[key] = u

    def state(kind: str, obj: Any) -> dict[str, Any]:
        if as_of is None:
            status, progress, date = obj.status, obj.progress, obj.status_date
        else:
            u = latest.get((kind, obj.pk))
            status, progress, date = (
                (u["status"], u["progress"], u["date"]) if u else (Status.NOT_STARTED, None, None)
            )
        return {
            "status": str(status),
            "progress": progress,
            "status_date": date.isoformat() if date else None,
        }

    rows: list[dict[str, Any]] = []
    actions_qs = Action.objects.of_plan(plan).for_display().in_plan_order()
    if region is not None:
        actions_qs = actions_qs.carried_by_region(region)
    actions = list(actions_qs)
    action_ids = {a.pk for a in actions}
    initiatives: dict[int, list[Initiative]] = defaultdict(list)
    for initiative in Initiative.objects.filter(action__challenge__plan=plan).order_by(
        "order", "id"
    ):
        if initiative.action_id in action_ids:
            initiatives[initiative.action_id].append(initiative)
    by_challenge: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        by_challenge[action.challenge_id].append(action)

    for challenge in plan.challenges.all():
        rows.append(
            {
                "type": "challenge",
                "id": challenge.pk,
                "number": challenge.number,
                "slug": challenge.slug,
                "title": _tr(challenge, "title"),
            }
        )
        for action in by_challenge.get(challenge.pk, []):
            rows.append(
                {
                    "type": "action",
                    "id": action.pk,
                    "number": action.number,
                    "slug": action.slug,
                    "challenge_id": challenge.pk,
                    "challenge": challenge.number,
                    "title": _tr(action, "title"),
                    "origin": action.origin,
                    "origin_region": _tr(action.origin_region, "name")
                    if action.origin_region
                    else None,
                    "carrier_regions": [_tr(r, "name") for r in action.carrier_regions.all()],
                    "carrier_organisations": [o.name for o in action.carrier_organisations.all()],
                    "krachtlijnen": [_tr(k, "title") for k in action.krachtlijnen.all()],
                    "functions": [_tr(f, "title") for f in action.functions.all()],
                    **state("action", action),
                }
            )
            for initiative in initiatives.get(action.pk, []):
                rows.append(
                    {
                        "type": "initiative",
                        "id": initiative.pk,
                        "action_id": action.pk,
                        "action": action.slug,
                        "challenge": challenge.number,
                        "title": _tr(initiative, "title"),
                        **state("initiative", initiative),
                    }
                )
    if include_spearheads:
        for spearhead in spearheads_of(plan):
            rows.append(
                {
                    "type": "spearhead",
                    "id": spearhead.pk,
                    "number": spearhead.number,
                    "slug": spearhead.slug,
                    "title": _tr(spearhead, "title"),
                    "period": spearhead.period,
                    "lead_organisation": spearhead.lead_organisation.name
                    if spearhead.lead_organisation
                    else None,
                    "partners": [o.name for o in spearhead.partners.all()],
                }
            )
            for activity in spearhead.activities.all():
                rows.append(
                    {
                        "type": "activity",
                        "id": activity.pk,
                        "spearhead_id": spearhead.pk,
                        "spearhead": spearhead.slug,
                        "title": _tr(activity, "title"),
                        "timing": _tr(activity, "timing"),
                        "partners": [o.name for o in activity.partners.all()],
                        **state("activity", activity),
                    }
                )
    return rows


# --- management ------------------------------------------------------------------------


def actions_postable_by(user: Any) -> ActionQuerySet:
    """Actions of the current plan this person may post progress for."""
    roles = roles_of(user)
    qs = Action.objects.in_current_plan()
    if roles.coordinator:
        return qs
    if not (roles.chair_region_ids or roles.stakeholder_organisation_ids):
        return qs.none()
    region_match = Action.objects.carried_by_regions(roles.chair_region_ids).values("pk")
    organisation_match = Action.objects.carried_by_organisations(
        roles.stakeholder_organisation_ids
    ).values("pk")
    return qs.filter(Q(pk__in=region_match) | Q(pk__in=organisation_match))


def activities_postable_by(user: Any) -> QuerySet[SpearheadActivity]:
    roles = roles_of(user)
    qs = SpearheadActivity.objects.filter(spearhead__plan__is_current=True)
    if roles.coordinator:
        return qs
    org_ids = roles.stakeholder_organisation_ids
    if not org_ids:
        return qs.none()
    via_spearhead = Spearhead.objects.filter(
        Q(lead_organisation_id__in=org_ids) | Q(partners__in=org_ids)
    ).values("pk")
    via_activity = SpearheadActivity.objects.filter(partners__in=org_ids).values("pk")
    return qs.filter(Q(spearhead_id__in=via_spearhead) | Q(pk__in=via_activity))


def proposals_for(user: Any) -> ActionProposalQuerySet:
    roles = roles_of(user)
    qs = ActionProposal.objects.for_list()
    if roles.coordinator or roles.steering:
        return qs
    return qs.filter(region_id__in=roles.chair_region_ids)


def first_priorities_of(plan: Plan) -> QuerySet[FirstPriority]:
    return plan.first_priorities.prefetch_related("challenges")


def home_teaser() -> dict[str, Any] | None:
    """The current plan in numbers, for the home page (3 queries); None without a plan."""
    plan = current_plan()
    if plan is None:
        return None
    actions = Action.objects.of_plan(plan).only("status", "progress")
    return {
        "plan": plan,
        "challenge_count": plan.challenges.count(),
        "summary": StatusSummary.of(actions),
    }
