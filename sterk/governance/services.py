"""Writes for the governance. Every change a manager makes is audited; every e-mail goes
through the outbox with a key that names the occasion and the recipient (never twice)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core import outbox
from sterk.core.audit import audit_record
from sterk.core.services import (
    instance_create_audited,
    instance_delete_audited,
    instance_update_audited,
)
from sterk.core.slugs import SlugSource, unique_slug
from sterk.network.models import Organisation, Role, RoleAssignment

from . import selectors
from .models import (
    AgendaItem,
    Channel,
    Decision,
    FollowUp,
    FollowUpStatus,
    Invitation,
    Meeting,
    MeetingKind,
    MinutesStatus,
    PolicyContact,
    PolicyDocument,
)
from .types import (
    AgendaItemData,
    ChannelData,
    FollowUpData,
    MeetingData,
    PolicyContactData,
    PolicyDocumentData,
)

if TYPE_CHECKING:
    from sterk.accounts.models import User

CHANNEL_FIELDS = ["kind", "title", "reach", "audience", "url"]
MEETING_FIELDS = ["kind", "title", "starts_at", "ends_at", "location", "event"]
AGENDA_FIELDS = ["order", "title", "description"]
POLICY_FIELDS = ["kind", "title", "date", "policy_makers", "asked", "answer", "is_published"]


# --- the register: communication channels ----------------------------------------------


def channel_create(*, actor: User, organisation: Organisation, data: ChannelData) -> Channel:
    return instance_create_audited(
        actor=actor,
        model=Channel,
        data={**data, "organisation": organisation},
        action="governance.channel_create",
    )


def channel_update(*, actor: User, channel: Channel, data: ChannelData) -> Channel:
    return instance_update_audited(
        actor=actor, instance=channel, data=data, action="governance.channel_update"
    )


def channel_delete(*, actor: User, channel: Channel) -> None:
    instance_delete_audited(
        actor=actor,
        instance=channel,
        action="governance.channel_delete",
        fields=CHANNEL_FIELDS,
        region_id=None,
    )


# --- meetings --------------------------------------------------------------------------


def meeting_create(*, actor: User, data: MeetingData) -> Meeting:
    return instance_create_audited(
        actor=actor, model=Meeting, data=data, action="governance.meeting_create"
    )


def meeting_update(*, actor: User, meeting: Meeting, data: MeetingData) -> Meeting:
    return instance_update_audited(
        actor=actor, instance=meeting, data=data, action="governance.meeting_update"
    )


def meeting_delete(*, actor: User, meeting: Meeting) -> None:
    instance_delete_audited(
        actor=actor,
        instance=meeting,
        action="governance.meeting_delete",
        fields=MEETING_FIELDS,
        region_id=None,
    )


def agenda_item_create(*, actor: User, meeting: Meeting, data: AgendaItemData) -> AgendaItem:
    return instance_create_audited(
        actor=actor,
        model=AgendaItem,
        data={**data, "meeting": meeting},
        action="governance.agenda_item_create",
    )


def agenda_item_update(*, actor: User, item: AgendaItem, data: AgendaItemData) -> AgendaItem:
    return instance_update_audited(
        actor=actor, instance=item, data=data, action="governance.agenda_item_update"
    )


def agenda_item_delete(*, actor: User, item: AgendaItem) -> None:
    instance_delete_audited(
        actor=actor,
        instance=item,
        action="governance.agenda_item_delete",
        fields=AGENDA_FIELDS,
        region_id=None,
    )


def _invitee_assignments(meeting: Meeting) -> list[RoleAssignment]:
    return list(selectors.invitable_people(meeting.kind))


@transaction.atomic
def invitees_add_default(*, actor: User, meeting: Meeting) -> int:
    """Invite the stakeholder representatives (stakeholder meeting) or the steering group
    (steering-group meeting), and the coordinators; who is invited already stays so."""
    known = set(meeting.invitations.values_list("user_id", flat=True))
    added = 0
    for assignment in _invitee_assignments(meeting):
        if assignment.user_id in known:
            continue
        organisation = assignment.organisation if assignment.role == Role.STAKEHOLDER else None
        Invitation.objects.create(
            meeting=meeting, user_id=assignment.user_id, organisation=organisation
        )
        known.add(assignment.user_id)
        added += 1
    if added:
        audit_record(
            actor=actor,
            action="governance.invitees_add",
            obj=meeting,
            changes={"invited": [0, added]},
        )
    return added


@transaction.atomic
def invitation_remove(*, actor: User, invitation: Invitation) -> None:
    audit_record(
        actor=actor,
        action="governance.invitation_remove",
        obj=invitation.meeting,
        changes={"invitee": [str(invitation.user), None]},
    )
    invitation.delete()


@transaction.atomic
def invitations_send(*, actor: User, meeting: Meeting) -> int:
    """Mail every invitee the invitation with the meeting's .ics; once per person."""
    sent = 0
    for invitation in meeting.invitations.select_related("user"):
        if outbox.enqueue(
            key=f"governance.invitation:{meeting.pk}:{invitation.user_id}",
            to=invitation.user.email,
            kind="governance.invitation",
            context={"invitation_id": invitation.pk},
        ):
            sent += 1
    meeting.invitations_sent_at = meeting.invitations_sent_at or timezone.now()
    meeting.save(update_fields=["invitations_sent_at", "updated_at"])
    audit_record(
        actor=actor, action="governance.invitations_send", obj=meeting, changes={"sent": [0, sent]}
    )
    return sent


@transaction.atomic
def attendance_record(*, actor: User, meeting: Meeting, present_ids: set[int]) -> None:
    """Who attended: the invitations whose ids are given; every other invitee did not."""
    before = {i.pk: i.attended for i in meeting.invitations.all()}
    meeting.invitations.filter(pk__in=present_ids).update(attended=True)
    meeting.invitations.exclude(pk__in=present_ids).update(attended=False)
    changed = sorted(pk for pk, was in before.items() if was != (pk in present_ids))
    audit_record(
        actor=actor,
        action="governance.attendance_record",
        obj=meeting,
        changes={"present": [None, len(present_ids & set(before))], "changed": [None, changed]},
    )


def minutes_save(*, actor: User, meeting: Meeting, minutes: str) -> Meeting:
    if meeting.minutes_status == MinutesStatus.APPROVED:
        raise ValidationError(
            {"minutes": _("These minutes are approved; they can no longer be changed.")}
        )
    return instance_update_audited(
        actor=actor,
        instance=meeting,
        data={"minutes": minutes, "minutes_status": MinutesStatus.DRAFT},
        action="governance.minutes_save",
    )


@transaction.atomic
def minutes_approve(*, actor: User, meeting: Meeting, at: Meeting) -> Meeting:
    """Approve the draft minutes of `meeting` at the next meeting, `at`."""
    if meeting.minutes_status != MinutesStatus.DRAFT:
        raise ValidationError(_("Only draft minutes can be approved."))
    if at.kind != meeting.kind or at.starts_at <= meeting.starts_at:
        raise ValidationError(_("Minutes are approved at a later meeting of the same kind."))
    return instance_update_audited(
        actor=actor,
        instance=meeting,
        data={"minutes_status": MinutesStatus.APPROVED, "minutes_approved_in": at},
        action="governance.minutes_approve",
    )


def minutes_publish(*, actor: User, meeting: Meeting, publish: bool) -> Meeting:
    if publish and (
        meeting.kind != MeetingKind.STAKEHOLDER or meeting.minutes_status != MinutesStatus.APPROVED
    ):
        raise ValidationError(
            _("Only the approved minutes of a stakeholder meeting are published.")
        )
    return instance_update_audited(
        actor=actor,
        instance=meeting,
        data={"minutes_published": publish},
        action="governance.minutes_publish",
    )


@transaction.atomic
def minutes_send(*, actor: User, meeting: Meeting) -> int:
    """Mail the minutes to every invitee; once per person and version (draft, approved)."""
    if meeting.minutes_status == MinutesStatus.NONE:
        raise ValidationError(_("Write the minutes before you send them."))
    sent = 0
    for invitation in meeting.invitations.select_related("user"):
        if outbox.enqueue(
            key=f"governance.minutes:{meeting.pk}:{meeting.minutes_status}:{invitation.user_id}",
            to=invitation.user.email,
            kind="governance.minutes",
            context={"invitation_id": invitation.pk},
        ):
            sent += 1
    meeting.minutes_sent_at = timezone.now()
    meeting.save(update_fields=["minutes_sent_at", "updated_at"])
    audit_record(
        actor=actor, action="governance.minutes_send", obj=meeting, changes={"sent": [0, sent]}
    )
    return sent


def decision_add(*, actor: User, meeting: Meeting, text: str) -> Decision:
    return instance_create_audited(
        actor=actor,
        model=Decision,
        data={"meeting": meeting, "text": text},
        action="governance.decision_add",
    )


def follow_up_add(*, actor: User, meeting: Meeting, data: FollowUpData) -> FollowUp:
    return instance_create_audited(
        actor=actor,
        model=FollowUp,
        data={**data, "meeting": meeting},
        action="governance.follow_up_add",
    )


def follow_up_close(
    *, actor: User, follow_up: FollowUp, at: Meeting, status: str = FollowUpStatus.DONE
) -> FollowUp:
    """Mark a follow-up point done (or dropped) at a meeting: it leaves the next agendas."""
    if status not in (FollowUpStatus.DONE, FollowUpStatus.DROPPED):
        raise ValidationError(_("Choose done or dropped."))
    return instance_update_audited(
        actor=actor,
        instance=follow_up,
        data={"status": status, "closed_in": at},
        action="governance.follow_up_close",
    )


def follow_up_reopen(*, actor: User, follow_up: FollowUp) -> FollowUp:
    return instance_update_audited(
        actor=actor,
        instance=follow_up,
        data={"status": FollowUpStatus.OPEN, "closed_in": None},
        action="governance.follow_up_reopen",
    )


# --- the dialogue with policy ----------------------------------------------------------


def _policy_slug(title: str, exclude_pk: Any = None) -> str:
    return unique_slug(PolicyContact, SlugSource(title, fallback="contact"), exclude_pk=exclude_pk)


def policy_contact_create(*, actor: User, data: PolicyContactData) -> PolicyContact:
    return instance_create_audited(
        actor=actor,
        model=PolicyContact,
        data={**data, "slug": _policy_slug(data.get("title", ""))},
        action="governance.policy_contact_create",
        slug_source=SlugSource(data.get("title", ""), fallback="contact"),
    )


def policy_contact_update(
    *, actor: User, policy_contact: PolicyContact, data: PolicyContactData
) -> PolicyContact:
    return instance_update_audited(
        actor=actor, instance=policy_contact, data=data, action="governance.policy_contact_update"
    )


def policy_contact_delete(*, actor: User, policy_contact: PolicyContact) -> None:
    for document in policy_contact.documents.all():
        document.file.delete(save=False)
    instance_delete_audited(
        actor=actor,
        instance=policy_contact,
        action="governance.policy_contact_delete",
        fields=POLICY_FIELDS,
        region_id=None,
    )


def policy_document_create(
    *, actor: User, record: PolicyContact, data: PolicyDocumentData
) -> PolicyDocument:
    return instance_create_audited(
        actor=actor,
        model=PolicyDocument,
        data={**data, "record": record},
        action="governance.policy_document_create",
    )


def policy_document_delete(*, actor: User, document: PolicyDocument) -> None:
    document.file.delete(save=False)
    instance_delete_audited(
        actor=actor,
        instance=document,
        action="governance.policy_document_delete",
        fields=["title"],
        region_id=None,
    )


# --- scheduled: the quarterly digest and the cadence reminder --------------------------


def quarter_of(day: datetime.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _steering_addresses() -> list[str]:
    from sterk.network.selectors import role_holder_emails

    return sorted(set(role_holder_emails(Role.STEERING, Role.COORDINATOR)))


@transaction.atomic
def digest_send(*, now: datetime.datetime | None = None) -> int:
    """The course watch to the steering group (and the coordinators), once per quarter: the
    key names the quarter and the recipient, so a second run that quarter mails nobody."""
    now = now or timezone.now()
    quarter = quarter_of(timezone.localdate(now))
    sent = 0
    for address in _steering_addresses():
        if outbox.enqueue(
            key=f"governance.digest:{quarter}:{address}",
            to=address,
            kind="governance.digest",
            context={"quarter": quarter, "at": now.isoformat()},
        ):
            sent += 1
    return sent


@transaction.atomic
def cadence_reminder_send(*, now: datetime.datetime | None = None) -> int:
    """When the cadence watch warns (8 weeks before the half-year ends and the meeting
    that half needs is not planned), mail the coordinators once per half-year."""
    from sterk.events.selectors import stakeholder_cadence
    from sterk.network.selectors import role_holder_emails

    now = now or timezone.now()
    cadence = stakeholder_cadence(now=now)
    if not cadence.deadline_warning:
        return 0
    sent = 0
    for address in sorted(set(role_holder_emails(Role.COORDINATOR))):
        if outbox.enqueue(
            key=f"governance.cadence:{cadence.year}-H{cadence.half}:{address}",
            to=address,
            kind="governance.cadence",
            context={"year": cadence.year, "half": cadence.half, "at": now.isoformat()},
        ):
            sent += 1
    return sent
