"""Reads for the network: every list is built in a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import (
    ContactRequest,
    Membership,
    Organisation,
    Region,
    Role,
    RoleAssignment,
    SubRegion,
)


def regions_with_counts() -> QuerySet[Region]:
    return Region.objects.annotate(member_count=Count("memberships", distinct=True))


def region_detail(slug: str) -> Region:
    chairs = RoleAssignment.objects.filter(role=Role.CHAIR).select_related(
        "user", "user__organisation", "organisation"
    )
    return (
        regions_with_counts()
        .prefetch_related(
            "subregions",
            "priorities",
            Prefetch("role_assignments", queryset=chairs, to_attr="chairs"),
        )
        .get(slug=slug)
    )


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
        "regions", Prefetch("role_assignments", queryset=reps, to_attr="representatives")
    )


def region_members(region: Region, *, search: str = "", filters: dict[str, str] | None = None):
    """Members of one region for the chair's list, searchable and filterable."""
    filters = filters or {}
    qs = Membership.objects.filter(region=region).for_list().order_by(
        "user__last_name", "user__first_name", "user__email"
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


def contact_requests_for(user: Any) -> QuerySet[ContactRequest]:
    """The inbox a user may see: everything for coordinators, their regions for chairs."""
    from sterk.core.roles import roles_of

    roles = roles_of(user)
    qs = ContactRequest.objects.select_related("region", "handled_by")
    if roles.coordinator:
        return qs
    return qs.filter(region_id__in=roles.chair_region_ids)
