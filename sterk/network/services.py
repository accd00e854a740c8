"""Writes for the network. Views, commands and the API call these; nothing else saves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sterk.core.audit import audit_record, diff, snapshot
from sterk.core.mail import email_enqueue
from sterk.core.personal_data import ConsentKind, consent_record
from sterk.core.roles import forget_roles
from sterk.core.services import (
    instance_create_audited,
    instance_delete_audited,
    instance_update_audited,
)
from sterk.core.site import absolute_url
from sterk.core.validators import single_line

from . import selectors
from .models import (
    CONTACT_CONSENT_TEXT,
    ContactRequest,
    ContactStatus,
    Membership,
    Organisation,
    OrganisationType,
    Region,
    Role,
    RoleAssignment,
    SubRegion,
    normalise_name,
)
from .types import OrganisationData, RegionData, RegionPriorityData, SubRegionData

if TYPE_CHECKING:
    from sterk.accounts.models import User
else:
    User = get_user_model()


# --- memberships -----------------------------------------------------------------------


@transaction.atomic
def membership_join(
    *, user: User, region: Region, subregion: SubRegion | None = None
) -> Membership:
    """Join a regional platform (idempotent: joining twice keeps one membership)."""
    if subregion is not None and subregion.region_id != region.pk:
        raise ValidationError(
            _("This sub-region does not belong to %(region)s.") % {"region": region}
        )
    membership, created = Membership.objects.get_or_create(
        user=user, region=region, defaults={"subregion": subregion}
    )
    if not created and subregion is not None and membership.subregion_id != subregion.pk:
        membership.subregion = subregion
        membership.save(update_fields=["subregion"])
    return membership


@transaction.atomic
def membership_leave(*, user: User, region: Region) -> bool:
    deleted, _rows = Membership.objects.filter(user=user, region=region).delete()
    return bool(deleted)


# --- organisations ---------------------------------------------------------------------


def organisation_find(name: str) -> Organisation | None:
    return Organisation.objects.filter(normalised_name=normalise_name(name)).first()


@transaction.atomic
def organisation_propose(*, user: User, name: str) -> Organisation:
    """A member names an organisation we do not list yet. An existing one (by normalised
    name) is reused; a new one waits for a coordinator's approval. The name is put on one
    line (it is typed freely, and names are single-line everywhere)."""
    name = single_line(name)
    existing = organisation_find(name)
    if existing is not None:
        return existing
    organisation = Organisation(name=name, is_approved=False)
    organisation.full_clean()
    organisation.save()
    audit_record(actor=user, action="organisation.proposed", obj=organisation)
    return organisation


@transaction.atomic
def organisation_ensure(
    *,
    actor: Any,
    name: str,
    type: str = OrganisationType.OTHER,
    is_stakeholder: bool = False,
    website: str = "",
) -> Organisation:
    """The organisation with this name (compared by normalised name), created approved if
    missing: for the content loaders, which name the organisations they link to."""
    existing = organisation_find(name)
    if existing is not None:
        return existing
    organisation = Organisation(
        name=name, type=type, is_stakeholder=is_stakeholder, website=website, is_approved=True
    )
    organisation.full_clean()
    organisation.save()
    audit_record(actor=actor, action="organisation.created", obj=organisation)
    return organisation


# --- roles -----------------------------------------------------------------------------


@transaction.atomic
def role_assign(
    *,
    actor: User | None,
    user: User,
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
    duplicate = RoleAssignment.objects.filter(
        user=user, role=role, region=assignment.region, organisation=assignment.organisation
    )
    # Checked here as well as by the constraint: SQLite treats NULL scopes as distinct.
    if duplicate.exists():
        raise ValidationError(_("This person already has this role."))
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
def role_revoke(*, actor: User, assignment: RoleAssignment) -> None:
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
    chairs = selectors.role_holder_emails(Role.CHAIR, region_id=region.pk) if region else []
    return chairs or selectors.role_holder_emails(Role.COORDINATOR)


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
    consent_record(
        kind=ConsentKind.CONTACT_REQUEST, text=str(CONTACT_CONSENT_TEXT), email=email, obj=request
    )
    inbox_url = absolute_url(reverse("manage:contact_detail", args=[request.pk]))
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
    *, actor: User | None, contact_request: ContactRequest, status: str, note: str
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
def members_import(*, actor: User, region: Region, rows: list[ImportRow]) -> ImportResult:
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
        _membership, created = Membership.objects.get_or_create(
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


# --- management area (appended) --------------------------------------------------------
#
# Every function re-reads the row under a lock before it changes it, so the "before" side
# of the audit entry is what the database held, not what a bound form already set.

REGION_TEXT_FIELDS = (
    "name_nl",
    "name_fr",
    "name_en",
    "tagline_nl",
    "tagline_fr",
    "tagline_en",
    "description_nl",
    "description_fr",
    "description_en",
    "contact_email",
)
PRIORITY_FIELDS = (
    "title_nl",
    "title_fr",
    "title_en",
    "description_nl",
    "description_fr",
    "description_en",
    "order",
)
SUBREGION_FIELDS = (
    "name_nl",
    "name_fr",
    "name_en",
    "description_nl",
    "description_fr",
    "description_en",
    "slug",
    "order",
)
ORGANISATION_FIELDS = (
    "name",
    "type",
    "website",
    "description_nl",
    "description_fr",
    "description_en",
    "themes_nl",
    "themes_fr",
    "themes_en",
    "is_stakeholder",
    "regions",
)


_Data = TypeVar("_Data", bound=Mapping[str, Any])


def _only(data: _Data, allowed: tuple[str, ...]) -> _Data:
    """A copy of `data`, refused when it holds a field not `allowed` here."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValueError(f"Fields that may not be set here: {sorted(unknown)}")
    return cast(_Data, dict(data))


def _locked(instance: Any) -> Any:
    return type(instance).objects.select_for_update().get(pk=instance.pk)


@transaction.atomic
def region_update(*, actor: User, region: Region, data: RegionData) -> Region:
    """Edit the texts of a region's public page (in nl, fr and en) and its contact address."""

    return instance_update_audited(
        actor=actor,
        instance=_locked(region),
        data=_only(data, REGION_TEXT_FIELDS),
        action="region.updated",
        region_id=region.pk,
    )


@transaction.atomic
def region_priority_create(*, actor: User, region: Region, data: RegionPriorityData) -> Any:
    from .models import RegionPriority

    return instance_create_audited(
        actor=actor,
        model=RegionPriority,
        data={"region": region, **_only(data, PRIORITY_FIELDS)},
        action="region_priority.created",
        region_id=region.pk,
    )


@transaction.atomic
def region_priority_update(*, actor: User, priority: Any, data: RegionPriorityData) -> Any:
    return instance_update_audited(
        actor=actor,
        instance=_locked(priority),
        data=_only(data, PRIORITY_FIELDS),
        action="region_priority.updated",
        region_id=priority.region_id,
    )


@transaction.atomic
def region_priority_delete(*, actor: User, priority: Any) -> None:
    instance_delete_audited(
        actor=actor,
        instance=_locked(priority),
        action="region_priority.deleted",
        fields=["title_nl", "title_fr", "title_en", "order"],
        region_id=priority.region_id,
    )


def _free_subregion_slug(region: Region, name: str) -> str:
    """A slug from the Dutch name, free in the region (-2, -3, ... when taken)."""
    base = (slugify(name) or "subregio")[:45].strip("-") or "subregio"
    taken = set(SubRegion.objects.filter(region=region).values_list("slug", flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _check_subregion_slug(region: Region, slug: str, exclude_pk: int | None = None) -> None:
    clash = SubRegion.objects.filter(region=region, slug=slug)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if slug and clash.exists():
        raise ValidationError({"slug": _("This region already has a sub-region with this slug.")})


@transaction.atomic
def subregion_create(*, actor: User, region: Region, data: SubRegionData) -> SubRegion:
    data = _only(data, SUBREGION_FIELDS)
    if not data.get("slug"):  # a chair's form has no slug; a coordinator may leave it empty
        data["slug"] = _free_subregion_slug(region, data.get("name_nl") or "")
    _check_subregion_slug(region, data["slug"])
    return instance_create_audited(
        actor=actor,
        model=SubRegion,
        data={"region": region, **data},
        action="subregion.created",
        region_id=region.pk,
    )


@transaction.atomic
def subregion_update(*, actor: User, subregion: SubRegion, data: SubRegionData) -> SubRegion:
    data = _only(data, SUBREGION_FIELDS)
    if not data.get("slug"):
        data.pop("slug", None)  # kept: the import and links know the sub-region by it
    if "slug" in data:
        _check_subregion_slug(subregion.region, data["slug"], exclude_pk=subregion.pk)
    return instance_update_audited(
        actor=actor,
        instance=_locked(subregion),
        data=data,
        action="subregion.updated",
        region_id=subregion.region_id,
    )


@transaction.atomic
def subregion_delete(*, actor: User, subregion: SubRegion) -> None:
    """Members of the sub-region stay members of the region (their sub-region is cleared)."""

    instance_delete_audited(
        actor=actor,
        instance=_locked(subregion),
        action="subregion.deleted",
        fields=["name_nl", "slug", "order"],
        region_id=subregion.region_id,
    )


@transaction.atomic
def organisation_create(*, actor: User | None, data: OrganisationData) -> Organisation:
    """A coordinator adds an organisation; it is approved at once."""

    return instance_create_audited(
        actor=actor,
        model=Organisation,
        data={**_only(data, ORGANISATION_FIELDS), "is_approved": True},
        action="organisation.created",
    )


@transaction.atomic
def organisation_update(
    *, actor: User, organisation: Organisation, data: OrganisationData
) -> Organisation:
    return instance_update_audited(
        actor=actor,
        instance=_locked(organisation),
        data=_only(data, ORGANISATION_FIELDS),
        action="organisation.updated",
    )


@transaction.atomic
def organisation_approve(*, actor: User, organisation: Organisation) -> Organisation:
    """Approve an organisation a member proposed (idempotent)."""

    return instance_update_audited(
        actor=actor,
        instance=_locked(organisation),
        data={"is_approved": True},
        action="organisation.approved",
    )


@transaction.atomic
def members_export_record(*, actor: User, region: Region, count: int, file_format: str) -> None:
    """Exports carry personal data: every one is written to the audit trail."""
    audit_record(
        actor=actor,
        action="members.exported",
        obj=region,
        changes={"format": file_format, "rows": count},
        region_id=region.pk,
    )


@transaction.atomic
def role_revoke_checked(*, actor: User, assignment: RoleAssignment) -> None:
    """Revoke a role, but never the platform's last coordinator role (nobody could then
    assign roles any more). The coordinator rows are locked, so two coordinators revoking
    each other at the same moment cannot both succeed."""
    if assignment.role == Role.COORDINATOR:
        others = selectors.other_coordinator_assignments(assignment).select_for_update()
        if not list(others.values_list("pk", flat=True)):
            raise ValidationError(
                _("This is the last coordinator of the platform; assign another one first.")
            )
    role_revoke(actor=actor, assignment=assignment)
