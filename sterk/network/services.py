"""Writes for the network. Views, commands and the API call these; nothing else saves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sterk.core.audit import audit_record, diff, snapshot
from sterk.core.mail import email_enqueue
from sterk.core.roles import forget_roles

from .models import (
    ContactRequest,
    ContactStatus,
    Membership,
    Organisation,
    Region,
    Role,
    RoleAssignment,
    SubRegion,
    normalise_name,
)

User = get_user_model()


# --- memberships -----------------------------------------------------------------------


@transaction.atomic
def membership_join(*, user: Any, region: Region, subregion: SubRegion | None = None) -> Membership:
    """Join a regional platform (idempotent: joining twice keeps one membership)."""
    if subregion is not None and subregion.region_id != region.pk:
        raise ValidationError(_("This sub-region does not belong to %(region)s.") % {"region": region})
    membership, created = Membership.objects.get_or_create(
        user=user, region=region, defaults={"subregion": subregion}
    )
    if not created and subregion is not None and membership.subregion_id != subregion.pk:
        membership.subregion = subregion
        membership.save(update_fields=["subregion"])
    return membership


@transaction.atomic
def membership_leave(*, user: Any, region: Region) -> bool:
    deleted, _rows = Membership.objects.filter(user=user, region=region).delete()
    return bool(deleted)


# --- organisations ---------------------------------------------------------------------


def organisation_find(name: str) -> Organisation | None:
    return Organisation.objects.filter(normalised_name=normalise_name(name)).first()


@transaction.atomic
def organisation_propose(*, user: Any, name: str) -> Organisation:
    """A member names an organisation we do not list yet. An existing one (by normalised
    name) is reused; a new one waits for a coordinator's approval."""
    name = name.strip()
    existing = organisation_find(name)
    if existing is not None:
        return existing
    organisation = Organisation(name=name, is_approved=False)
    organisation.full_clean()
    organisation.save()
    audit_record(actor=user, action="organisation.proposed", obj=organisation)
    return organisation


# --- roles -----------------------------------------------------------------------------


@transaction.atomic
def role_assign(
    *,
    actor: Any,
    user: Any,
    role: str,
    region: Region | None = None,
    organisation: Organisation | None = None,
    capacity: str = "",
) -> RoleAssignment:
    assignment = RoleAssignment(
        user=user,
        role=role,
        region=region if role == Role.CHAIR else None,
        organisation=organisation,
        capacity=capacity,
    )
    assignment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError as exc:
        raise ValidationError(_("This person already has this role.")) from exc
    audit_record(
        actor=actor,
        action="role.assigned",
        obj=assignment,
        changes={"role": [None, role], "user": [None, user.email]},
        region_id=assignment.region_id,
    )
    forget_roles(user)
    return assignment


@transaction.atomic
def role_revoke(*, actor: Any, assignment: RoleAssignment) -> None:
    audit_record(
        actor=actor,
        action="role.revoked",
        obj=assignment,
        changes={"role": [assignment.role, None], "user": [assignment.user.email, None]},
        region_id=assignment.region_id,
    )
    assignment.delete()
    forget_roles(assignment.user)


# --- contact requests ------------------------------------------------------------------


def contact_recipients(region: Region | None) -> list[str]:
    """The region's chairs, or the coordinators when there is no region (or no chair)."""
    chairs: list[str] = []
    if region is not None:
        chairs = list(
            RoleAssignment.objects.filter(role=Role.CHAIR, region=region, user__is_active=True)
            .values_list("user__email", flat=True)
            .distinct()
        )
    if chairs:
        return chairs
    return list(
        RoleAssignment.objects.filter(role=Role.COORDINATOR, user__is_active=True)
        .values_list("user__email", flat=True)
        .distinct()
    )


@transaction.atomic
def contact_request_submit(
    *,
    name: str,
    email: str,
    topic: str,
    message: str,
    consent: bool,
    region: Region | None = None,
    organisation_name: str = "",
    language: str = "nl",
) -> ContactRequest:
    request = ContactRequest(
        name=name,
        email=email,
        topic=topic,
        message=message,
        consent=consent,
        region=region,
        organisation_name=organisation_name,
        language=language,
    )
    if not consent:
        raise ValidationError({"consent": _("We need your consent to handle your request.")})
    request.full_clean()
    request.save()
    inbox_url = settings.STERK_SITE_URL + reverse("manage:contact_detail", args=[request.pk])
    for recipient in contact_recipients(region):
        # Managers read the platform in Dutch first; the message itself is quoted as sent.
        with translation.override("nl"):
            body = render_to_string(
                "network/email/contact_request.txt", {"req": request, "url": inbox_url}
            )
            subject = _("New contact request: %(topic)s") % {"topic": request.get_topic_display()}
        email_enqueue(
            key=f"contact:{request.pk}:{recipient}",
            to=recipient,
            subject=subject,
            body=body,
            reply_to=request.email,
        )
    return request


@transaction.atomic
def contact_request_update(
    *, actor: Any, contact_request: ContactRequest, status: str, note: str
) -> ContactRequest:
    before = snapshot(contact_request, ["status", "note"])
    contact_request.status = status
    contact_request.note = note
    if status != ContactStatus.NEW:
        contact_request.handled_by = actor
    contact_request.full_clean()
    contact_request.save()
    audit_record(
        actor=actor,
        action="contact_request.updated",
        obj=contact_request,
        changes=diff(before, snapshot(contact_request, ["status", "note"])),
        region_id=contact_request.region_id,
    )
    return contact_request


# --- member import ---------------------------------------------------------------------


@dataclass
class ImportRow:
    line: int
    email: str
    first_name: str
    last_name: str
    organisation: str
    subregion: str
    wants_active_role: bool
    errors: list[str]


@dataclass
class ImportResult:
    created_users: int
    joined: int
    already_member: int


@transaction.atomic
def members_import(*, actor: Any, region: Region, rows: list[ImportRow]) -> ImportResult:
    """Create the people and memberships of a checked import, all or nothing."""
    if any(row.errors for row in rows):
        raise ValidationError(_("The file still has errors; nothing was imported."))
    subregions = {s.name.lower(): s for s in region.subregions.all()}
    created_users = joined = already = 0
    for row in rows:
        user = User.objects.filter(email=row.email).first()
        if user is None:
            user = User(
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
                wants_active_role=row.wants_active_role,
            )
            if row.organisation:
                user.organisation = organisation_propose(user=actor, name=row.organisation)
            user.set_unusable_password()
            user.full_clean()
            user.save()
            created_users += 1
        membership, created = Membership.objects.get_or_create(
            user=user,
            region=region,
            defaults={"subregion": subregions.get(row.subregion.lower())},
        )
        if created:
            joined += 1
        else:
            already += 1
    result = ImportResult(created_users, joined, already)
    audit_record(
        actor=actor,
        action="members.imported",
        obj=region,
        changes={"rows": len(rows), "created_users": created_users, "joined": joined},
        region_id=region.pk,
    )
    return result
