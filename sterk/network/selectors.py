"""Reads for the network: every list is built in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from sterk.core.models import AuditEntry
from sterk.core.prefetch import shown
from sterk.core.roles import roles_of

from .models import (
    ContactRequest,
    ContactRequestQuerySet,
    Membership,
    Organisation,
    Region,
    Role,
    RoleAssignment,
    SubRegion,
)


def regions_with_counts() -> QuerySet[Region]:
    return Region.objects.annotate(member_count=Count("memberships", distinct=True))


def _chairs() -> Prefetch[Any]:
    chairs = RoleAssignment.objects.filter(role=Role.CHAIR).select_related(
        "user", "user__organisation", "organisation"
    )
    return Prefetch("role_assignments", queryset=chairs, to_attr="chairs")


def regions_with_people() -> QuerySet[Region]:
    """The regions with what their public page shows: sub-regions, priorities, chairs."""
    return regions_with_counts().prefetch_related(
        *shown(Region, "subregions", "priorities"), _chairs()
    )


def region_detail(slug: str) -> Region:
    return regions_with_people().get(slug=slug)


def membership_of(user: Any, region: Region) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, region=region).select_related("subregion").first()


def memberships_of(user: Any) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("region", "subregion")


def steering_group_members() -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(role=Role.STEERING).select_related(
        "user", "organisation", "user__organisation"
    )


def stakeholder_organisations() -> QuerySet[Organisation]:
    reps = RoleAssignment.objects.filter(role=Role.STAKEHOLDER).select_related("user")
    return Organisation.objects.stakeholders().prefetch_related(
        *shown(Organisation, "regions"),
        Prefetch("role_assignments", queryset=reps, to_attr="representatives"),
    )


def region_members(region: Region, *, search: str = "", filters: dict[str, str] | None = None):
    """Members of one region for the chair's list, searchable and filterable."""
    filters = filters or {}
    qs = (
        Membership.objects.filter(region=region)
        .for_list()
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    if search:
        qs = qs.filter(
            Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
            | Q(user__email__icontains=search)
            | Q(user__organisation__name__icontains=search)
            | Q(user__job_title__icontains=search)
        )
    if filters.get("subregion"):
        qs = qs.filter(subregion_id=filters["subregion"])
    if filters.get("active") == "1":
        qs = qs.filter(user__wants_active_role=True)
    if filters.get("consultation") == "1":
        qs = qs.filter(user__leads_local_consultation=True)
    if filters.get("sector"):
        qs = qs.filter(user__sector=filters["sector"])
    return qs


def subregions_of(region: Region) -> QuerySet[SubRegion]:
    return region.subregions.all()


def contact_requests_for(user: Any) -> ContactRequestQuerySet:
    """The inbox a user may see: everything for coordinators, their regions for chairs."""
    roles = roles_of(user)
    qs = ContactRequest.objects.select_related("region", "handled_by")
    if roles.coordinator:
        return qs
    return qs.filter(region_id__in=roles.chair_region_ids)


# --- management area (appended) --------------------------------------------------------


def _count_per_region(qs: QuerySet[Any]) -> Any:
    """A correlated COUNT per region row (no join fan-out between several counts)."""
    from django.db.models import IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    counted = (
        qs.filter(region=OuterRef("pk"))
        .order_by()
        .values("region")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def regions_for_dashboard(region_ids: Any = None) -> QuerySet[Region]:
    """Regions with members, members who want an active role and open contact requests.
    `region_ids=None` means every region."""
    from .models import ContactStatus

    qs = Region.objects.annotate(
        member_count=_count_per_region(Membership.objects.all()),
        active_count=_count_per_region(Membership.objects.filter(user__wants_active_role=True)),
        open_request_count=_count_per_region(
            ContactRequest.objects.exclude(status=ContactStatus.DONE)
        ),
    )
    if region_ids is not None:
        qs = qs.filter(pk__in=region_ids)
    return qs


def members_wanting_active_role(region_ids: Any, *, limit: int = 10) -> list[Membership]:
    return list(
        Membership.objects.filter(region_id__in=region_ids, user__wants_active_role=True)
        .select_related("user", "user__organisation", "region", "subregion")
        .order_by("-joined_at")[:limit]
    )


def organisations_for_manage(
    *, search: str = "", type: str = "", stakeholder: str = "", awaiting: bool = False
) -> QuerySet[Organisation]:
    from .models import normalise_name

    qs = (
        Organisation.objects.annotate(people_count=Count("people", distinct=True))
        .prefetch_related("regions")
        .order_by("name")
    )
    if search:
        qs = qs.filter(
            Q(name__icontains=search) | Q(normalised_name__contains=normalise_name(search))
        )
    if type:
        qs = qs.filter(type=type)
    if stakeholder == "1":
        qs = qs.filter(is_stakeholder=True)
    elif stakeholder == "0":
        qs = qs.filter(is_stakeholder=False)
    if awaiting:
        qs = qs.filter(is_approved=False)
    return qs


def role_assignments_for_manage(
    *, search: str = "", role: str = "", region_id: int | None = None
) -> QuerySet[RoleAssignment]:
    qs = RoleAssignment.objects.select_related("user", "region", "organisation").order_by(
        "role", "user__last_name", "user__first_name", "user__email", "pk"
    )
    if search:
        qs = qs.filter(
            Q(user__email__icontains=search)
            | Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    if role:
        qs = qs.filter(role=role)
    if region_id:
        qs = qs.filter(region_id=region_id)
    return qs


def users_by_email(search: str, *, limit: int = 20) -> list[Any]:
    """People whose e-mail address contains the search text, to pick one for a role."""
    from django.contrib.auth import get_user_model

    search = search.strip()
    if len(search) < 3:
        return []
    return list(
        get_user_model()
        .objects.filter(email__icontains=search, is_active=True)
        .select_related("organisation")
        .order_by("email")[:limit]
    )


def audit_entries(*, action: str = "", region_id: int | None = None) -> QuerySet[Any]:
    qs = AuditEntry.objects.select_related("actor")
    if action:
        qs = qs.filter(action=action)
    if region_id:
        qs = qs.filter(region_id=region_id)
    return qs


def audit_actions() -> list[str]:
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())


def subregions_with_counts(region: Region) -> QuerySet[SubRegion]:
    return region.subregions.annotate(member_count=Count("memberships"))


def member_directory(*, search: str = "", region_slug: str = ""):
    """People who chose to be visible to other members, with their regions, for /leden/."""
    from django.contrib.auth import get_user_model

    users = (
        get_user_model()
        .objects.filter(is_active=True, directory_visible=True)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("region"))
        )
        .order_by("last_name", "first_name", "pk")
    )
    if search:
        users = users.filter(
            Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(organisation__name__icontains=search)
            | Q(job_title__icontains=search)
        )
    if region_slug:
        users = users.filter(memberships__region__slug=region_slug)
    return users


# --- what a role may reach (the choices of every management form) ---------------------


def regions_managed_by(user: Any) -> QuerySet[Region]:
    """Every region for a coordinator, the chaired regions for a chair, none otherwise."""
    roles = roles_of(user)
    if roles.coordinator:
        return Region.objects.all()
    return Region.objects.filter(pk__in=roles.chair_region_ids)


def organisations_represented_by(user: Any) -> QuerySet[Organisation]:
    """Every approved organisation for a coordinator, the represented ones for a
    stakeholder representative, none otherwise."""
    roles = roles_of(user)
    approved = Organisation.objects.approved()
    if roles.coordinator:
        return approved
    return approved.filter(pk__in=roles.stakeholder_organisation_ids)


# --- who gets the mail -----------------------------------------------------------------


def _role_holders(
    roles: Collection[str], *, region_id: int | None = None, organisation_id: int | None = None
) -> QuerySet[RoleAssignment]:
    qs = RoleAssignment.objects.filter(role__in=list(roles), user__is_active=True)
    if region_id is not None:
        qs = qs.filter(region_id=region_id)
    if organisation_id is not None:
        qs = qs.filter(organisation_id=organisation_id)
    return qs


def role_holder_emails(
    *roles: str, region_id: int | None = None, organisation_id: int | None = None
) -> list[str]:
    """The addresses of the active people holding one of `roles` (in that region or for
    that organisation, when given): each once, sorted. One query."""
    return list(
        _role_holders(roles, region_id=region_id, organisation_id=organisation_id)
        .values_list("user__email", flat=True)
        .distinct()
        .order_by("user__email")
    )


def role_holder_recipients(
    *roles: str, region_id: int | None = None, organisation_id: int | None = None
) -> list[tuple[str, str]]:
    """As `role_holder_emails`, with each person's language: (e-mail, language)."""
    return list(
        _role_holders(roles, region_id=region_id, organisation_id=organisation_id)
        .values_list("user__email", "user__language")
        .distinct()
        .order_by("user__email")
    )


def other_coordinator_assignments(assignment: RoleAssignment) -> QuerySet[RoleAssignment]:
    """The coordinator roles besides this one (the platform keeps at least one)."""
    return RoleAssignment.objects.filter(role=Role.COORDINATOR).exclude(pk=assignment.pk)


def is_last_coordinator(assignment: RoleAssignment) -> bool:
    """Revoking this role would leave the platform without a coordinator (who could then
    assign roles?): `services.role_revoke_checked` refuses it, the confirmation page warns."""
    return (
        assignment.role == Role.COORDINATOR
        and not other_coordinator_assignments(assignment).exists()
    )
