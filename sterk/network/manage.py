"""What the network manages in /beheer/ (imported by sterk.manage at start-up): the
main navigation entries of the shell, the network's dashboard panel, and a region's
priorities and sub-regions and the organisations as declarations."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sterk.core.managed import (
    Column,
    Managed,
    Nav,
    Panel,
    Parent,
    by_roles,
    register,
    register_nav,
    register_panel,
)
from sterk.core.roles import roles_of

from . import selectors, services
from .forms_manage import OrganisationForm, PriorityForm, SubRegionForm
from .models import ContactRequest, Organisation, Region, RegionPriority, SubRegion
from .views_manage import region_perms


def _region_parent(perm: str) -> Parent:
    return Parent(
        model=Region,
        kwarg="slug",
        lookup="slug",
        arg="region",
        perm=perm,
        name_field="name",
        title_key="region",
        context=region_perms,
        nav_template="network/manage/_region_nav.html",
    )


def _subregion_consequence(subregion: SubRegion, region: Region) -> str:
    count = subregion.memberships.count()
    if not count:
        return ""
    return gettext("Its %(count)s members stay members of %(region)s, without a sub-region.") % {
        "count": count,
        "region": region.name,
    }


def _user_form(request: HttpRequest, parent: Any, obj: Any) -> dict[str, Any]:
    return {"user": request.user}


register(
    Managed(
        namespace="manage",
        name="priority",
        model=RegionPriority,
        form=PriorityForm,
        perm="network.change_region_priorities",
        parent=_region_parent("network.change_region_priorities"),
        path="regio/<slug:slug>/prioriteiten/",
        rows=lambda request, region: region.priorities.all(),
        create=services.region_priority_create,
        update=services.region_priority_update,
        delete=services.region_priority_delete,
        object_arg="priority",
        columns=[
            Column(_("Order"), "order"),
            Column(_("Title"), "title", header=True),
            Column(_("Translated"), template="network/manage/_cells.html#translated"),
        ],
        titles={
            "list": _("Priorities of %(region)s"),
            "create": _("New priority"),
            "edit": _("Edit priority “%(title)s”"),
            "delete": _("Delete priority “%(title)s”?"),
        },
        intro=_(
            "The focuses the regional platform chose. They appear on its public page in this order."
        ),
        caption=_("Priorities"),
        add_label=_("Add a priority"),
        empty=_("No priorities yet."),
        messages={
            "created": _("The priority was added."),
            "saved": _("The priority was saved."),
            "deleted": _("The priority was deleted."),
        },
        section="region",
        context={"tab": "priorities"},
        once=False,
    ),
    Managed(
        namespace="manage",
        name="subregion",
        model=SubRegion,
        form=SubRegionForm,
        perm="network.change_region_subregions",
        parent=_region_parent("network.change_region_subregions"),
        path="regio/<slug:slug>/subregios/",
        rows=lambda request, region: selectors.subregions_with_counts(region),
        create=services.subregion_create,
        update=services.subregion_update,
        delete=services.subregion_delete,
        object_arg="subregion",
        form_kwargs=_user_form,
        columns=[
            Column(_("Order"), "order"),
            Column(_("Name"), "name", header=True),
            Column(_("Short name"), template="network/manage/_cells.html#slug"),
            Column(_("Members"), template="network/manage/_cells.html#members"),
        ],
        title_field="name",
        titles={
            "list": _("Sub-regions of %(region)s"),
            "create": _("New sub-region"),
            "edit": _("Edit sub-region “%(name)s”"),
            "delete": _("Delete sub-region “%(name)s”?"),
        },
        intro=_(
            "Members can choose a sub-region when they join. The member import recognises a sub-region by its name or its short name."
        ),
        caption=_("Sub-regions"),
        add_label=_("Add a sub-region"),
        empty=_("This region has no sub-regions."),
        messages={
            "created": _("The sub-region was added."),
            "saved": _("The sub-region was saved."),
            "deleted": _("The sub-region was deleted."),
        },
        consequence=_subregion_consequence,
        section="region",
        context={"tab": "subregions"},
        once=False,
    ),
    Managed(
        namespace="manage",
        name="organisation",
        model=Organisation,
        form=OrganisationForm,
        perm="network.manage_organisations",
        path="organisaties/",
        views=("create", "edit"),
        create=services.organisation_create,
        update=services.organisation_update,
        object_arg="organisation",
        form_kwargs=_user_form,
        title_field="name",
        titles={"create": _("New organisation"), "edit": _("Edit “%(name)s”")},
        messages={"created": _("“%(name)s” was added."), "saved": _("The organisation was saved.")},
        back_url=lambda obj, parent: reverse("manage:organisation_list"),
        edit_context=lambda request, obj, parent: {
            "awaiting_approval": obj is not None and not obj.is_approved
        },
        templates={"form": "network/manage/organisation_form.html"},
        section="organisations",
        once=False,
    ),
)


register_nav(
    Nav(_("Overview"), "manage:dashboard", "network.access_management", order=0),
    Nav(
        _("Contact requests"),
        "manage:contact_inbox",
        "network.view_contact_inbox",
        50,
        section="contact",
    ),
    Nav(
        _("Organisations"),
        "manage:organisation_list",
        "network.manage_organisations",
        60,
        section="organisations",
    ),
    Nav(_("Roles"), "manage:role_list", "network.manage_roles", 70, section="roles"),
    Nav(_("Audit trail"), "manage:audit_trail", "core.view_audit_trail", 80),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    """The network's part of the dashboard: regions, contact requests, organisations
    waiting for approval, members who want an active role, what each role follows."""
    roles = roles_of(request.user)
    context: dict[str, Any] = {}
    if roles.coordinator:
        context["regions"] = list(selectors.regions_for_dashboard())
        context["awaiting_count"] = Organisation.objects.filter(is_approved=False).count()
        inbox = ContactRequest.objects.open().aggregate(
            open=Count("pk"), platform=Count("pk", filter=Q(region__isnull=True))
        )
        context["open_requests"] = inbox["open"]
        context["platform_requests"] = inbox["platform"]
    elif roles.chair_region_ids:
        context["regions"] = list(selectors.regions_for_dashboard(roles.chair_region_ids))
        context["open_requests"] = sum(r.open_request_count for r in context["regions"])
    if roles.chair_region_ids:
        context["active_members"] = selectors.members_wanting_active_role(roles.chair_region_ids)
    if not (roles.coordinator or roles.chair_region_ids):
        context["overview"] = list(selectors.regions_with_counts())
    if roles.stakeholder_organisation_ids:
        context["stakeholder_organisations"] = list(
            Organisation.objects.filter(pk__in=roles.stakeholder_organisation_ids)
        )
    return context


register_panel(
    Panel("network/manage/_dashboard_panel.html", dashboard_panel, order=40, shared_by=by_roles)
)
