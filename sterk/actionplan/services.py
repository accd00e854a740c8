"""Writes for the action plan. Views, commands and the API call these; nothing else saves.

Every function validates (`full_clean`), runs in one transaction and records an audit entry
with the region the change belongs to."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sterk.core import slugs
from sterk.core.audit import audit_record, diff, snapshot
from sterk.core.mail import email_enqueue
from sterk.core.roles import roles_of
from sterk.core.services import (
    instance_create_audited,
    instance_delete_audited,
    instance_update_audited,
)
from sterk.core.site import absolute_url
from sterk.core.slugs import SlugSource
from sterk.network.models import Organisation, Region, Role
from sterk.network.selectors import role_holder_emails, role_holder_recipients

# The content loaders call `services.organisation_ensure`: network's, re-exported.
from sterk.network.services import organisation_ensure as organisation_ensure

from .models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    EvaluationConclusion,
    FirstPriority,
    Initiative,
    Origin,
    Plan,
    ProgressUpdate,
    ProposalStatus,
    Spearhead,
    SpearheadActivity,
    Status,
)
from .rules import carriers_of
from .types import (
    ActionData,
    ActivityData,
    ChallengeData,
    ConclusionData,
    EvaluationData,
    FirstPriorityData,
    InitiativeData,
    PlanData,
    ProposalData,
    SpearheadData,
)

if TYPE_CHECKING:
    from sterk.accounts.models import User

Target = Action | Initiative | SpearheadActivity
_Sluggable = ChallengeData | ActionData | SpearheadData | EvaluationData


def _auto_slug(model: type[Model], data: _Sluggable) -> SlugSource | None:
    """Derive the slug from the Dutch title when none was given; the source lets the save
    pick the next free slug if a concurrent create takes this one."""
    if data.get("slug"):
        return None
    source = SlugSource(data.get("title_nl") or "")
    data["slug"] = slugs.unique_slug(model, source)
    return source


def _region_of(obj: Model) -> int | None:
    """The region an audit entry about this object belongs to (None = the platform)."""
    if isinstance(obj, Action):
        return obj.origin_region_id
    if isinstance(obj, Initiative):
        return obj.action.origin_region_id
    if isinstance(obj, ActionProposal):
        return obj.region_id
    return None


# --- plan structure (coordinators) ------------------------------------------------------


@transaction.atomic
def plan_create(*, actor: User | None, data: PlanData) -> Plan:
    if data.get("is_current"):
        _plans_unset_current(actor=actor)
    return instance_create_audited(actor=actor, model=Plan, data=data, action="plan.created")


@transaction.atomic
def plan_update(*, actor: User | None, plan: Plan, data: PlanData) -> Plan:
    if data.get("is_current") and not plan.is_current:
        _plans_unset_current(actor=actor, keep=plan)
    return instance_update_audited(actor=actor, instance=plan, data=data, action="plan.updated")


def _plans_unset_current(*, actor: User | None, keep: Plan | None = None) -> None:
    for other in Plan.objects.select_for_update().filter(is_current=True):
        if keep is not None and other.pk == keep.pk:
            continue
        other.is_current = False
        other.save(update_fields=["is_current", "updated_at"])
        audit_record(
            actor=actor, action="plan.updated", obj=other, changes={"is_current": [True, False]}
        )


def challenge_create(*, actor: User | None, data: ChallengeData) -> Challenge:
    data = data.copy()
    source = _auto_slug(Challenge, data)
    return instance_create_audited(
        actor=actor,
        model=Challenge,
        data=data,
        action="challenge.created",
        slug_source=source,
    )


def challenge_update(*, actor: User | None, challenge: Challenge, data: ChallengeData) -> Challenge:
    return instance_update_audited(
        actor=actor, instance=challenge, data=data, action="challenge.updated"
    )


def _next_order(qs: Any) -> int:
    return (qs.aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def action_create(*, actor: User | None, data: ActionData) -> Action:
    data = data.copy()
    source = _auto_slug(Action, data)
    if not data.get("order") and data.get("challenge") is not None:
        data["order"] = _next_order(Action.objects.filter(challenge=data["challenge"]))
    region = data.get("origin_region")
    return instance_create_audited(
        actor=actor,
        model=Action,
        data=data,
        action="action.created",
        region_id=region.pk if region else None,
        slug_source=source,
    )


@transaction.atomic
def action_update(*, actor: User | None, action: Action, data: ActionData) -> Action:
    for key in ("status", "progress", "status_date"):
        if key in data:
            raise ValidationError(_("The state of an action changes through progress updates."))
    result = instance_update_audited(
        actor=actor,
        instance=action,
        data=data,
        action="action.updated",
        region_id=action.origin_region_id,
    )
    from .rules import forget_carriers

    forget_carriers(result)
    return result


@transaction.atomic
def action_delete(*, actor: User, action: Action) -> None:
    """Only an action without history can go: progress and conclusions are the record."""
    if action.updates.exists() or action.conclusions.exists():
        raise ValidationError(
            _("This action has progress updates or evaluation conclusions and cannot be removed.")
        )
    if ProgressUpdate.objects.filter(initiative__action=action).exists():
        raise ValidationError(
            _("One of its initiatives has progress updates, so this action cannot be removed.")
        )
    instance_delete_audited(
        actor=actor,
        instance=action,
        action="action.deleted",
        fields=["title", "slug", "challenge"],
        region_id=action.origin_region_id,
    )


def initiative_create(*, actor: User | None, action: Action, data: InitiativeData) -> Initiative:
    values: dict[str, Any] = dict(data, action=action)
    if not values.get("order"):
        values["order"] = _next_order(action.initiatives.all())
    return instance_create_audited(
        actor=actor,
        model=Initiative,
        data=values,
        action="initiative.created",
        region_id=action.origin_region_id,
    )


def initiative_update(
    *, actor: User | None, initiative: Initiative, data: InitiativeData
) -> Initiative:
    return instance_update_audited(
        actor=actor,
        instance=initiative,
        data=data,
        action="initiative.updated",
        region_id=initiative.action.origin_region_id,
    )


@transaction.atomic
def initiative_delete(*, actor: User, initiative: Initiative) -> None:
    if initiative.updates.exists():
        raise ValidationError(_("This initiative has progress updates and cannot be removed."))
    instance_delete_audited(
        actor=actor,
        instance=initiative,
        action="initiative.deleted",
        fields=["title", "action"],
        region_id=initiative.action.origin_region_id,
    )


def spearhead_create(*, actor: User | None, data: SpearheadData) -> Spearhead:
    data = data.copy()
    source = _auto_slug(Spearhead, data)
    return instance_create_audited(
        actor=actor,
        model=Spearhead,
        data=data,
        action="spearhead.created",
        slug_source=source,
    )


def spearhead_update(*, actor: User | None, spearhead: Spearhead, data: SpearheadData) -> Spearhead:
    result = instance_update_audited(
        actor=actor, instance=spearhead, data=data, action="spearhead.updated"
    )
    from .rules import forget_carriers

    forget_carriers(result)
    return result


def activity_create(
    *, actor: User | None, spearhead: Spearhead, data: ActivityData
) -> SpearheadActivity:
    values: dict[str, Any] = dict(data, spearhead=spearhead)
    if not values.get("order"):
        values["order"] = _next_order(spearhead.activities.all())
    return instance_create_audited(
        actor=actor, model=SpearheadActivity, data=values, action="spearhead_activity.created"
    )


def activity_update(
    *, actor: User | None, activity: SpearheadActivity, data: ActivityData
) -> SpearheadActivity:
    return instance_update_audited(
        actor=actor, instance=activity, data=data, action="spearhead_activity.updated"
    )


def first_priority_create(*, actor: User | None, data: FirstPriorityData) -> FirstPriority:
    return instance_create_audited(
        actor=actor, model=FirstPriority, data=data, action="first_priority.created"
    )


def first_priority_update(
    *, actor: User | None, priority: FirstPriority, data: FirstPriorityData
) -> FirstPriority:
    return instance_update_audited(
        actor=actor, instance=priority, data=data, action="first_priority.updated"
    )


def first_priority_delete(*, actor: User, priority: FirstPriority) -> None:
    instance_delete_audited(
        actor=actor,
        instance=priority,
        action="first_priority.deleted",
        fields=["title", "year"],
        region_id=None,
    )


# --- progress --------------------------------------------------------------------------


def _target_kwargs(target: Target) -> dict[str, Target]:
    if isinstance(target, Action):
        return {"action": target}
    if isinstance(target, Initiative):
        return {"initiative": target}
    if isinstance(target, SpearheadActivity):
        return {"activity": target}
    raise TypeError(f"Progress cannot be tracked on {type(target).__name__}")


def _reporting_for(actor: User, target: Target) -> tuple[Region | None, Organisation | None]:
    """On whose behalf the actor reports: the carrier region they chair, else the carrier
    organisation they represent; nothing for coordinators (shown as "coordination")."""
    roles = roles_of(actor)
    regions, organisations = carriers_of(target)
    region_ids = sorted(regions & roles.chair_region_ids)
    if region_ids:
        return Region.objects.get(pk=region_ids[0]), None
    organisation_ids = sorted(organisations & roles.stakeholder_organisation_ids)
    if organisation_ids:
        return None, Organisation.objects.get(pk=organisation_ids[0])
    return None, None


def _refresh_state(target: Target) -> None:
    """Copy the latest update (by date, then by posting order) onto the target."""
    latest = (
        ProgressUpdate.objects.filter(**_target_kwargs(target)).order_by("-date", "-id").first()
    )
    if latest is None:
        target.status, target.progress, target.status_date = Status.NOT_STARTED, None, None
    else:
        target.status, target.progress, target.status_date = (
            latest.status,
            latest.progress,
            latest.date,
        )
    fields = ["status", "progress", "status_date"]
    if isinstance(target, Action):
        fields.append("updated_at")
    target.save(update_fields=fields)


def clean_links(links: list[Any]) -> list[dict[str, str]]:
    """Links as [{"title": ..., "url": ...}], http(s) only, at most 5."""
    from django.core.validators import URLValidator

    validate = URLValidator(schemes=["http", "https"])
    cleaned: list[dict[str, str]] = []
    for link in links or []:
        if isinstance(link, str):
            link = {"title": "", "url": link}
        url = str(link.get("url", "")).strip()
        title = str(link.get("title", "")).strip()[:200]
        try:
            validate(url)
        except ValidationError as exc:
            raise ValidationError(
                {"links": _("“%(url)s” is not a valid web address.") % {"url": url}}
            ) from exc
        cleaned.append({"title": title or url, "url": url})
    if len(cleaned) > 5:
        raise ValidationError({"links": _("Add at most 5 links.")})
    return cleaned


@transaction.atomic
def progress_record(
    *,
    actor: User,
    target: Target,
    date: datetime.date,
    status: str,
    narrative: str,
    progress: int | None = None,
    links: list[Any] | None = None,
) -> ProgressUpdate:
    """Post a dated update; the latest update becomes the target's current state."""
    if date > timezone.localdate():
        raise ValidationError({"date": _("An update cannot be dated in the future.")})
    if status == Status.COMPLETED and progress is None:
        progress = 100
    type(target).objects.select_for_update().filter(pk=target.pk).first()  # serialise writers
    region, organisation = _reporting_for(actor, target)
    update = ProgressUpdate(
        **_target_kwargs(target),
        date=date,
        status=status,
        progress=progress,
        narrative=narrative.strip(),
        links=clean_links(links or []),
        author=actor if getattr(actor, "is_authenticated", False) else None,
        on_behalf_region=region,
        on_behalf_organisation=organisation,
    )
    update.full_clean()
    update.save()
    before = snapshot(target, ["status", "progress", "status_date"])
    _refresh_state(target)
    audit_region = region.pk if region else _audit_region_for_target(target)
    audit_record(
        actor=actor,
        action="progress.recorded",
        obj=target,
        changes={
            "update": [None, update.pk],
            "date": [None, date.isoformat()],
            "status": [None, status],
            "progress": [None, progress],
            **diff(before, snapshot(target, ["status", "progress", "status_date"])),
        },
        region_id=audit_region,
    )
    return update


def _audit_region_for_target(target: Target) -> int | None:
    if isinstance(target, Action):
        return target.origin_region_id
    if isinstance(target, Initiative):
        return target.action.origin_region_id
    return None


@transaction.atomic
def progress_delete(*, actor: User, update: ProgressUpdate) -> None:
    """Remove a wrong update (coordinators); the state falls back to the previous one."""
    target = update.target
    assert target is not None
    audit_record(
        actor=actor,
        action="progress.deleted",
        obj=target,
        changes={
            "update": [update.pk, None],
            "date": [update.date.isoformat(), None],
            "status": [update.status, None],
            "narrative": [update.narrative, None],
        },
        region_id=update.on_behalf_region_id or _audit_region_for_target(target),
    )
    update.delete()
    _refresh_state(target)


# --- evaluations -----------------------------------------------------------------------


def evaluation_create(*, actor: User | None, data: EvaluationData) -> Evaluation:
    data = data.copy()
    source = _auto_slug(Evaluation, data)
    return instance_create_audited(
        actor=actor,
        model=Evaluation,
        data=data,
        action="evaluation.created",
        slug_source=source,
    )


@transaction.atomic
def evaluation_update(
    *, actor: User | None, evaluation: Evaluation, data: EvaluationData
) -> Evaluation:
    if evaluation.is_frozen and (
        ("date" in data and data["date"] != evaluation.date)
        or ("plan" in data and data["plan"] != evaluation.plan)
    ):
        raise ValidationError(
            _("The snapshot was taken: the date and plan of this evaluation are fixed.")
        )
    return instance_update_audited(
        actor=actor, instance=evaluation, data=data, action="evaluation.updated"
    )


@transaction.atomic
def evaluation_snapshot_take(*, actor: User, evaluation: Evaluation) -> Evaluation:
    """Freeze the whole plan's state as it was on the evaluation's date. Once only: the
    rows are stored as JSON and never recomputed, whatever is posted afterwards."""
    from .selectors import state_rows

    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.is_frozen:
        raise ValidationError(_("The snapshot of this evaluation was already taken."))
    evaluation.snapshot = state_rows(evaluation.plan, as_of=evaluation.date)
    evaluation.snapshot_taken_at = timezone.now()
    evaluation.snapshot_taken_by = actor if getattr(actor, "is_authenticated", False) else None
    evaluation.full_clean()
    evaluation.save(update_fields=["snapshot", "snapshot_taken_at", "snapshot_taken_by"])
    audit_record(
        actor=actor,
        action="evaluation.snapshot_taken",
        obj=evaluation,
        changes={"rows": [None, len(evaluation.snapshot)], "as_of": [None, str(evaluation.date)]},
    )
    return evaluation


def conclusion_save(
    *,
    actor: User,
    evaluation: Evaluation,
    data: ConclusionData,
    conclusion: EvaluationConclusion | None = None,
) -> EvaluationConclusion:
    subjects = [k for k in ("challenge", "action", "spearhead") if data.get(k) is not None]
    if conclusion is None:
        if len(subjects) != 1:
            raise ValidationError(_("Choose exactly one challenge, action or spearhead."))
        subject = data[subjects[0]]  # type: ignore[literal-required]  # one of the three keys
        plan_id = subject.challenge.plan_id if isinstance(subject, Action) else subject.plan_id
        if plan_id != evaluation.plan_id:
            raise ValidationError(_("This belongs to another plan than the evaluation."))
        return instance_create_audited(
            actor=actor,
            model=EvaluationConclusion,
            data=dict(data, evaluation=evaluation),
            action="evaluation_conclusion.created",
        )
    return instance_update_audited(
        actor=actor, instance=conclusion, data=data, action="evaluation_conclusion.updated"
    )


def conclusion_delete(*, actor: User, conclusion: EvaluationConclusion) -> None:
    instance_delete_audited(
        actor=actor,
        instance=conclusion,
        action="evaluation_conclusion.deleted",
        fields=["text_nl"],
        region_id=None,
    )


# --- regional proposals ----------------------------------------------------------------

PROPOSAL_FIELDS = [
    "challenge",
    "title",
    "description",
    "initiatives",
    "krachtlijnen",
    "functions",
    "carrier_regions",
    "carrier_organisations",
]


def _proposal_validate(proposal: ActionProposal) -> None:
    proposal.full_clean()
    if not proposal.challenge.plan.is_current:
        raise ValidationError({"challenge": _("Propose actions for the current plan only.")})


def _proposal_set(proposal: ActionProposal, data: Mapping[str, Any]) -> dict[str, Any]:
    many = {}
    for key in PROPOSAL_FIELDS:
        if key not in data:
            continue
        if key in {"krachtlijnen", "functions", "carrier_regions", "carrier_organisations"}:
            many[key] = data[key]
        else:
            setattr(proposal, key, data[key])
    return many


def _deciders() -> list[str]:
    return role_holder_emails(Role.COORDINATOR, Role.STEERING)


def _manage_url(proposal: ActionProposal) -> str:
    return absolute_url(reverse("actionplan_manage:proposal_detail", kwargs={"pk": proposal.pk}))


@transaction.atomic
def proposal_submit(*, actor: User, region: Region, data: ProposalData) -> ActionProposal:
    """A chair proposes a new action for their region; the deciders hear of it."""
    proposal = ActionProposal(region=region, proposed_by=actor, status=ProposalStatus.SUBMITTED)
    many = _proposal_set(proposal, data)
    _proposal_validate(proposal)
    proposal.save()
    for key, value in many.items():
        getattr(proposal, key).set(value)
    if not proposal.carrier_regions.filter(pk=region.pk).exists():
        proposal.carrier_regions.add(region)
    audit_record(
        actor=actor,
        action="proposal.submitted",
        obj=proposal,
        changes=diff({}, snapshot(proposal, ["region", *PROPOSAL_FIELDS])),
        region_id=region.pk,
    )
    _notify_deciders(proposal)
    return proposal


@transaction.atomic
def proposal_update(*, actor: User, proposal: ActionProposal, data: ProposalData) -> ActionProposal:
    """The chair edits an open proposal; after "changes requested" this resubmits it."""
    proposal = ActionProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_open:
        raise ValidationError(_("This proposal was decided on and can no longer be changed."))
    before = snapshot(proposal, ["status", *PROPOSAL_FIELDS])
    many = _proposal_set(proposal, data)
    resubmitted = proposal.status == ProposalStatus.CHANGES_REQUESTED
    if resubmitted:
        proposal.status = ProposalStatus.SUBMITTED
        proposal.revision += 1
    _proposal_validate(proposal)
    proposal.save()
    for key, value in many.items():
        getattr(proposal, key).set(value)
    if not proposal.carrier_regions.filter(pk=proposal.region_id).exists():
        proposal.carrier_regions.add(proposal.region)
    audit_record(
        actor=actor,
        action="proposal.resubmitted" if resubmitted else "proposal.updated",
        obj=proposal,
        changes=diff(before, snapshot(proposal, ["status", *PROPOSAL_FIELDS])),
        region_id=proposal.region_id,
    )
    if resubmitted:
        _notify_deciders(proposal)
    return proposal


def _notify_deciders(proposal: ActionProposal) -> None:
    for recipient in _deciders():
        with translation.override("nl"):
            body = render_to_string(
                "actionplan/email/proposal_submitted.txt",
                {"proposal": proposal, "url": _manage_url(proposal)},
            )
            subject = _("Action proposed by %(region)s: %(title)s") % {
                "region": proposal.region.name,
                "title": proposal.title,
            }
        email_enqueue(
            key=f"actionplan:proposal:{proposal.pk}:r{proposal.revision}:submitted:{recipient}",
            to=recipient,
            subject=subject,
            body=body,
        )


def _notify_chair(proposal: ActionProposal) -> None:
    """Tell the proposing chair (or, if that account is gone, the region's chairs)."""
    people: list[tuple[str, str]] = []
    if proposal.proposed_by is not None and proposal.proposed_by.is_active:
        people.append((proposal.proposed_by.email, proposal.proposed_by.language or "nl"))
    else:
        people.extend(role_holder_recipients(Role.CHAIR, region_id=proposal.region_id))
    for email, language in people:
        with translation.override(language):
            body = render_to_string(
                "actionplan/email/proposal_decided.txt",
                {
                    "proposal": proposal,
                    "url": _manage_url(proposal),
                    "action_url": (
                        absolute_url(proposal.action.get_absolute_url()) if proposal.action else ""
                    ),
                },
            )
            subject = _("Your proposed action “%(title)s”: %(status)s") % {
                "title": proposal.title,
                "status": proposal.get_status_display().lower(),
            }
        email_enqueue(
            key=(
                f"actionplan:proposal:{proposal.pk}:r{proposal.revision}:{proposal.status}:{email}"
            ),
            to=email,
            subject=subject,
            body=body,
        )


def _proposal_decide(
    *, actor: User, proposal: ActionProposal, status: str, message: str
) -> ActionProposal:
    locked = ActionProposal.objects.select_for_update().get(pk=proposal.pk)
    if not locked.is_open:
        raise ValidationError(_("This proposal was already decided on."))
    before = snapshot(locked, ["status", "decision_message"])
    locked.status = status
    locked.decision_message = message.strip()
    locked.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.decided_at = timezone.now()
    locked.full_clean()
    locked.save()
    audit_record(
        actor=actor,
        action=f"proposal.{status}",
        obj=locked,
        changes=diff(before, snapshot(locked, ["status", "decision_message"])),
        region_id=locked.region_id,
    )
    return locked


@transaction.atomic
def proposal_approve(*, actor: User, proposal: ActionProposal, message: str = "") -> Action:
    """Approve: the action joins the plan, marked as regional, with its initiatives."""
    proposal = _proposal_decide(
        actor=actor, proposal=proposal, status=ProposalStatus.APPROVED, message=message
    )
    carrier_regions = list(proposal.carrier_regions.all())
    if proposal.region not in carrier_regions:
        carrier_regions.append(proposal.region)
    action = action_create(
        actor=actor,
        data={
            "challenge": proposal.challenge,
            "title_nl": proposal.title,
            "description_nl": proposal.description,
            "origin": Origin.REGIONAL,
            "origin_region": proposal.region,
            "krachtlijnen": list(proposal.krachtlijnen.all()),
            "functions": list(proposal.functions.all()),
            "carrier_regions": carrier_regions,
            "carrier_organisations": list(proposal.carrier_organisations.all()),
        },
    )
    for order, line in enumerate(proposal.initiative_lines(), start=1):
        initiative = Initiative(action=action, order=order, title_nl=line[:255])
        initiative.full_clean()
        initiative.save()
    proposal.action = action
    proposal.save(update_fields=["action", "updated_at"])
    _notify_chair(proposal)
    return action


@transaction.atomic
def proposal_request_changes(
    *, actor: User, proposal: ActionProposal, message: str
) -> ActionProposal:
    if not message.strip():
        raise ValidationError({"message": _("Say what should change.")})
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ValidationError(_("Changes were already requested; wait for the new version."))
    proposal = _proposal_decide(
        actor=actor,
        proposal=proposal,
        status=ProposalStatus.CHANGES_REQUESTED,
        message=message,
    )
    _notify_chair(proposal)
    return proposal


@transaction.atomic
def proposal_decline(*, actor: User, proposal: ActionProposal, reason: str) -> ActionProposal:
    if not reason.strip():
        raise ValidationError({"message": _("Give the reason for declining.")})
    proposal = _proposal_decide(
        actor=actor, proposal=proposal, status=ProposalStatus.DECLINED, message=reason
    )
    _notify_chair(proposal)
    return proposal
