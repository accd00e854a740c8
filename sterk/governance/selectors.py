"""Reads for the governance: the stakeholder register (derived from the role assignments,
the action plan, the calls and the meetings), the meetings, the course watch and the
policy record. Every list is built in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from sterk.actionplan.models import (
    Action,
    ActionProposal,
    Evaluation,
    ProgressUpdate,
    Spearhead,
    SpearheadActivity,
    Status,
)
from sterk.actionplan.selectors import StatusSummary, current_plan
from sterk.core.roles import roles_of
from sterk.events.models import Event, EventStatus
from sterk.network.models import Organisation, Region, Role, RoleAssignment
from sterk.practices.models import Call, Practice
from sterk.surveys import selectors as survey_selectors

from .models import (
    Body,
    Channel,
    FollowUp,
    FollowUpStatus,
    Invitation,
    Meeting,
    MeetingKind,
    MinutesStatus,
    PolicyContact,
)

INACTIVE_AFTER = datetime.timedelta(days=365)
STALE_ACTION_AFTER_DAYS = 183  # six months
QUIET_REGION_AFTER_DAYS = 122  # four months
PROPOSAL_WAIT_DAYS = 28  # four weeks


# --- the stakeholder register ----------------------------------------------------------


@dataclass
class Commitments:
    """What a partner organisation carries in the action plan and runs in the library."""

    actions: list[Action] = field(default_factory=list)
    spearheads_led: list[Spearhead] = field(default_factory=list)
    spearheads_partner: list[Spearhead] = field(default_factory=list)
    activities: list[SpearheadActivity] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)

    @property
    def count(self) -> int:
        return (
            len(self.actions)
            + len(self.spearheads_led)
            + len(self.spearheads_partner)
            + len(self.activities)
            + len(self.calls)
        )


def commitments_of(
    organisation_ids: list[int], *, today: datetime.date | None = None
) -> dict[int, Commitments]:
    """Per organisation, its commitments in the current plan (actions it carries,
    spearheads it leads or partners, spearhead activities it takes part in) and the calls
    it runs or ran in the last year: five queries for any number of organisations."""
    result: dict[int, Commitments] = {pk: Commitments() for pk in organisation_ids}
    ids = list(organisation_ids)
    carriers = Action.carrier_organisations.through.objects.filter(
        organisation_id__in=ids, action__challenge__plan__is_current=True
    ).select_related("action", "action__challenge")
    for row in carriers.order_by("action__challenge__number", "action__order", "action__id"):
        result[row.organisation_id].actions.append(row.action)
    spearheads = Spearhead.objects.filter(plan__is_current=True)
    for spearhead in spearheads.filter(lead_organisation_id__in=ids).order_by("number"):
        result[spearhead.lead_organisation_id].spearheads_led.append(spearhead)  # type: ignore[index]
    partners = Spearhead.partners.through.objects.filter(
        organisation_id__in=ids, spearhead__plan__is_current=True
    ).select_related("spearhead")
    for prow in partners.order_by("spearhead__number"):
        result[prow.organisation_id].spearheads_partner.append(prow.spearhead)
    activity_partners = SpearheadActivity.partners.through.objects.filter(
        organisation_id__in=ids, spearheadactivity__spearhead__plan__is_current=True
    ).select_related("spearheadactivity", "spearheadactivity__spearhead")
    for arow in activity_partners.order_by("spearheadactivity__order", "spearheadactivity_id"):
        result[arow.organisation_id].activities.append(arow.spearheadactivity)
    # A call counts while it runs and for a year after it closed.
    recent = (today or timezone.localdate()) - INACTIVE_AFTER
    for call in Call.objects.filter(owner_id__in=ids, closes_on__gte=recent).order_by("-opens_on"):
        result[call.owner_id].calls.append(call)
    return result


@dataclass
class RegisterEntry:
    organisation: Organisation
    representatives: list[RoleAssignment]
    channels: list[Channel]
    commitments: Commitments
    # (meeting, attended: True / False / None unknown) per stakeholder meeting it was invited to
    attendance: list[tuple[Meeting, bool | None]]
    last_attended: datetime.datetime | None

    @property
    def total_reach(self) -> int:
        return sum(c.reach or 0 for c in self.channels)

    def inactive(self, now: datetime.datetime) -> bool:
        """No stakeholder meeting attended and no commitment in the last year."""
        attended_lately = self.last_attended is not None and (
            self.last_attended >= now - INACTIVE_AFTER
        )
        return not attended_lately and not self.commitments.count


def register_entries_for(user: Any) -> QuerySet[Organisation]:
    """The register entries a person may see: all stakeholders for a coordinator or a
    steering-group member, their own organisation(s) for a representative."""
    roles = roles_of(user)
    qs = Organisation.objects.stakeholders()
    if roles.coordinator or roles.steering:
        return qs
    return qs.filter(pk__in=roles.stakeholder_organisation_ids)


def register_entries(
    organisations: QuerySet[Organisation] | list[Organisation],
    *,
    now: datetime.datetime | None = None,
) -> list[RegisterEntry]:
    """Register entries for these organisations, in a fixed number of queries."""
    now = now or timezone.now()
    reps = RoleAssignment.objects.filter(role=Role.STAKEHOLDER).select_related("user")
    orgs = list(
        Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        .prefetch_related(
            "regions",
            Prefetch("role_assignments", queryset=reps, to_attr="representatives"),
            Prefetch("communication_channels", to_attr="channels"),
        )
        .order_by("name")
    )
    ids = [o.pk for o in orgs]
    commitments = commitments_of(ids, today=timezone.localdate(now))
    attendance: dict[int, dict[int, tuple[Meeting, bool | None]]] = defaultdict(dict)
    last: dict[int, datetime.datetime] = {}
    invitations = (
        Invitation.objects.filter(organisation_id__in=ids, meeting__kind=MeetingKind.STAKEHOLDER)
        .select_related("meeting")
        .order_by("-meeting__starts_at")
    )
    for inv in invitations:
        org_id = inv.organisation_id
        assert org_id is not None
        known = attendance[org_id].get(inv.meeting_id)
        attended: bool | None = inv.attended
        if known is not None and known[1]:
            attended = True
        attendance[org_id][inv.meeting_id] = (inv.meeting, attended)
        if inv.attended and (org_id not in last or inv.meeting.starts_at > last[org_id]):
            last[org_id] = inv.meeting.starts_at
    return [
        RegisterEntry(
            organisation=o,
            representatives=o.representatives,  # type: ignore[attr-defined]
            channels=o.channels,  # type: ignore[attr-defined]
            commitments=commitments[o.pk],
            attendance=list(attendance[o.pk].values()),
            last_attended=last.get(o.pk),
        )
        for o in orgs
    ]


def register_entry(organisation: Organisation) -> RegisterEntry:
    return register_entries([organisation])[0]


def inactive_count(*, now: datetime.datetime | None = None) -> int:
    """How many stakeholders are inactive (`RegisterEntry.inactive`): no stakeholder meeting
    attended and no commitment in the last year. One counting query for the dashboard,
    instead of building the whole register (nine queries and every entry) for a number."""
    now = now or timezone.now()
    org = OuterRef("pk")
    attended_lately = Invitation.objects.filter(
        organisation=org,
        meeting__kind=MeetingKind.STAKEHOLDER,
        attended=True,
        meeting__starts_at__gte=now - INACTIVE_AFTER,
    )
    carries = Action.carrier_organisations.through.objects.filter(
        organisation=org, action__challenge__plan__is_current=True
    )
    leads = Spearhead.objects.filter(lead_organisation=org, plan__is_current=True)
    partners = Spearhead.partners.through.objects.filter(
        organisation=org, spearhead__plan__is_current=True
    )
    takes_part = SpearheadActivity.partners.through.objects.filter(
        organisation=org, spearheadactivity__spearhead__plan__is_current=True
    )
    runs_calls = Call.objects.filter(
        owner=org, closes_on__gte=timezone.localdate(now) - INACTIVE_AFTER
    )
    active = (
        Exists(attended_lately)
        | Exists(carries)
        | Exists(leads)
        | Exists(partners)
        | Exists(takes_part)
        | Exists(runs_calls)
    )
    return Organisation.objects.stakeholders().exclude(active).count()


def public_commitments(organisations: list[Organisation]) -> dict[int, dict[str, Any]]:
    """For the public stakeholders page: per organisation its commitments and channels."""
    ids = [o.pk for o in organisations]
    channels: dict[int, list[Channel]] = defaultdict(list)
    for channel in Channel.objects.filter(organisation_id__in=ids):
        channels[channel.organisation_id].append(channel)
    commitments = commitments_of(ids)
    return {pk: {"commitments": commitments[pk], "channels": channels[pk]} for pk in ids}


# --- meetings --------------------------------------------------------------------------


def meetings_visible_to(user: Any) -> QuerySet[Meeting]:
    """Every meeting for a coordinator or a steering-group member; the meetings a
    representative was invited to."""
    roles = roles_of(user)
    if roles.coordinator or roles.steering:
        return Meeting.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Meeting.objects.none()
    return Meeting.objects.filter(invitations__user=user).distinct()


def bodies() -> QuerySet[Body]:
    return Body.objects.order_by("order", "id")


def meeting_list(user: Any) -> QuerySet[Meeting]:
    return meetings_visible_to(user).select_related("event").order_by("-starts_at", "id")


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(kind=meeting.kind, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at", "-id")
        .first()
    )


def next_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(kind=meeting.kind, starts_at__gt=meeting.starts_at)
        .order_by("starts_at", "id")
        .first()
    )


def carried_follow_ups(meeting: Meeting) -> list[FollowUp]:
    """The follow-up points of earlier meetings of the same kind that come back on this
    meeting's agenda: open ones, and those closed at this meeting."""
    return list(
        FollowUp.objects.filter(
            meeting__kind=meeting.kind, meeting__starts_at__lt=meeting.starts_at
        )
        .filter(Q(status=FollowUpStatus.OPEN) | Q(closed_in=meeting))
        .select_related("owner", "meeting")
        .order_by("due_on", "id")
    )


def meeting_page(meeting: Meeting) -> dict[str, Any]:
    previous = previous_meeting(meeting)
    return {
        "meeting": meeting,
        "agenda": list(meeting.agenda_items.all()),
        "invitations": list(
            meeting.invitations.select_related("user", "organisation").order_by(
                "organisation__name", "user__last_name", "user__first_name", "id"
            )
        ),
        "decisions": list(meeting.decisions.all()),
        "follow_ups": list(meeting.follow_ups.select_related("owner")),
        "carried": carried_follow_ups(meeting),
        "previous": previous,
        "previous_to_approve": (
            previous
            if previous is not None and previous.minutes_status == MinutesStatus.DRAFT
            else None
        ),
    }


def invitable_people(kind: str) -> QuerySet[RoleAssignment]:
    """Who a meeting of this kind invites by default: stakeholder representatives (and the
    coordinators) for a stakeholder meeting, the steering group (and the coordinators) for
    a steering-group meeting."""
    wanted = (
        Q(role=Role.STAKEHOLDER, organisation__is_stakeholder=True)
        if kind == MeetingKind.STAKEHOLDER
        else Q(role=Role.STEERING)
    )
    return (
        RoleAssignment.objects.filter(wanted | Q(role=Role.COORDINATOR), user__is_active=True)
        .select_related("user", "organisation")
        .order_by("user_id", "role")
    )


def published_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.published().order_by("-starts_at")


def published_minutes() -> QuerySet[Meeting]:
    """The published meetings with what their minutes page shows, in a fixed number of
    queries (the API lists them whole)."""
    return (
        published_meetings()
        .select_related("minutes_approved_in")
        .prefetch_related("agenda_items", "decisions")
    )


def open_follow_ups_past_due(today: datetime.date) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.filter(status=FollowUpStatus.OPEN, due_on__lt=today)
        .select_related("owner", "meeting")
        .order_by("due_on", "id")
    )


def clock_moments(now: datetime.datetime) -> list[datetime.datetime | None]:
    """The next moments the dashboard's governance panel changes by the clock alone
    (sterk.core.pagecache.next_change): a meeting ends (no longer upcoming), or a year
    has passed since a stakeholder meeting (an organisation that attended it may become
    inactive, `inactive_count`). A follow-up falls due at midnight, which is a moment
    anyway."""
    found = Meeting.objects.aggregate(
        ends=Min("ends_at", filter=Q(ends_at__gte=now)),
        window=Min(
            "starts_at",
            filter=Q(kind=MeetingKind.STAKEHOLDER, starts_at__gte=now - INACTIVE_AFTER),
        ),
    )
    window = found["window"] + INACTIVE_AFTER if found["window"] is not None else None
    return [found["ends"], window]


def upcoming_meetings(user: Any, now: datetime.datetime, limit: int = 3) -> list[Meeting]:
    return list(meetings_visible_to(user).filter(ends_at__gte=now).order_by("starts_at")[:limit])


# --- the course watch ------------------------------------------------------------------


@dataclass
class Trend:
    label: Any
    url: str
    summary: StatusSummary
    before: StatusSummary | None

    @property
    def change(self) -> int | None:
        if self.before is None or self.before.average_progress is None:
            return None
        now = self.summary.average_progress
        return None if now is None else now - self.before.average_progress


def _months_ago(today: datetime.date, days: int) -> datetime.date:
    return today - datetime.timedelta(days=days)


def course_watch(*, now: datetime.datetime | None = None) -> dict[str, Any]:
    """Everything the steering group's course watch shows, computed from the data in a
    fixed number of queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    plan = current_plan()
    context: dict[str, Any] = {"plan": plan, "now": now, "today": today}
    challenges: list[Trend] = []
    spearheads: list[Trend] = []
    stale: list[Action] = []
    evaluation = None
    if plan is not None:
        evaluation = (
            Evaluation.objects.filter(plan=plan, snapshot_taken_at__isnull=False)
            .order_by("-date", "-id")
            .first()
        )
        snapshot = evaluation.snapshot if evaluation else []
        actions = list(Action.objects.of_plan(plan).select_related("challenge").in_plan_order())
        by_challenge: dict[int, list[Action]] = defaultdict(list)
        for action in actions:
            by_challenge[action.challenge_id].append(action)
        for challenge in plan.challenges.all():
            before_rows = [
                r
                for r in snapshot
                if r.get("type") == "action" and r.get("challenge_id") == challenge.pk
            ]
            challenges.append(
                Trend(
                    f"{challenge.number}. {challenge.title}",
                    challenge.get_absolute_url(),
                    StatusSummary.of(by_challenge.get(challenge.pk, [])),
                    StatusSummary.of(before_rows) if evaluation else None,
                )
            )
        for spearhead in plan.spearheads.prefetch_related("activities"):
            before_rows = [
                r
                for r in snapshot
                if r.get("type") == "activity" and r.get("spearhead_id") == spearhead.pk
            ]
            spearheads.append(
                Trend(
                    f"{spearhead.number}. {spearhead.title}",
                    spearhead.get_absolute_url(),
                    StatusSummary.of(spearhead.activities.all()),
                    StatusSummary.of(before_rows) if evaluation else None,
                )
            )
        latest = (
            ProgressUpdate.objects.filter(
                Q(action=OuterRef("pk")) | Q(initiative__action=OuterRef("pk"))
            )
            .order_by("-date")
            .values("date")[:1]
        )
        cutoff = _months_ago(today, STALE_ACTION_AFTER_DAYS)
        stale = list(
            Action.objects.of_plan(plan)
            .exclude(status__in=[Status.COMPLETED, Status.STOPPED])
            .annotate(last_update=Subquery(latest))
            .filter(Q(last_update__isnull=True) | Q(last_update__lt=cutoff))
            .select_related("challenge")
            .in_plan_order()
        )
    context.update(
        {
            "evaluation": evaluation,
            "challenges": challenges,
            "spearheads": spearheads,
            "stale_actions": stale,
            "follow_ups_past_due": list(open_follow_ups_past_due(today)),
            "quiet_regions": quiet_regions(now=now),
            "waiting_proposals": list(
                ActionProposal.objects.open()
                .filter(created_at__lt=now - datetime.timedelta(days=PROPOSAL_WAIT_DAYS))
                .select_related("region", "challenge")
                .order_by("created_at")
            ),
        }
    )
    return context


@dataclass
class QuietRegion:
    region: Region
    last_activity: datetime.datetime | None


def quiet_regions(*, now: datetime.datetime) -> list[QuietRegion]:
    """Regions with no gathering or other event, no practice and no proposal in the last
    four months (three aggregate queries and the regions)."""
    since = now - datetime.timedelta(days=QUIET_REGION_AFTER_DAYS)
    last: dict[int, datetime.datetime] = {}

    def note(rows: Any) -> None:
        for row in rows:
            region_id, moment = row["region"], row["last"]
            if (
                region_id is not None
                and moment is not None
                and (region_id not in last or moment > last[region_id])
            ):
                last[region_id] = moment

    note(
        Event.objects.exclude(status=EventStatus.CANCELLED)
        .filter(region__isnull=False, starts_at__lte=now)
        .values("region")
        .annotate(last=Max("starts_at"))
    )
    note(
        Practice.objects.filter(region__isnull=False)
        .values("region")
        .annotate(last=Max("created_at"))
    )
    note(ActionProposal.objects.values("region").annotate(last=Max("created_at")))
    # A planned gathering counts as activity too.
    planned = set(
        Event.objects.exclude(status=EventStatus.CANCELLED)
        .filter(region__isnull=False, starts_at__gt=now)
        .values_list("region", flat=True)
    )
    return [
        QuietRegion(region, last.get(region.pk))
        for region in Region.objects.all()
        if region.pk not in planned and (region.pk not in last or last[region.pk] < since)
    ]


# --- the dialogue with policy ----------------------------------------------------------


def policy_contacts_published() -> QuerySet[PolicyContact]:
    return PolicyContact.objects.filter(is_published=True).order_by("-date", "-id")


def policy_contacts_with_ties() -> QuerySet[PolicyContact]:
    """The published contacts with everything a contact's page shows: of its survey
    findings only those still public (a follow-up page taken offline takes its findings
    off this page too)."""
    findings = Prefetch(
        "findings", queryset=survey_selectors.published_findings(), to_attr="public_findings"
    )
    return policy_contacts_published().prefetch_related(
        "challenges", "actions", "documents", findings
    )


def policy_contact_detail(slug: str) -> PolicyContact:
    """A published contact with its ties (policy_contacts_with_ties)."""
    return policy_contacts_with_ties().get(slug=slug)


def policy_contacts_for_manage() -> QuerySet[PolicyContact]:
    return PolicyContact.objects.order_by("-date", "-id")
