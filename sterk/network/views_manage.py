"""The management area (/beheer/). Every view: management_view (signed in, a role, TOTP),
then a rules permission on the object. Views load, bind a form, call one service, render."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core import audit_display
from sterk.core.access import (
    management_view,
    personal_data_export,
    personal_data_gate,
    require_perm,
)
from sterk.core.content_language import marked_message, render_field
from sterk.core.exports import file_response
from sterk.core.forms import apply_errors
from sterk.core.roles import roles_of

from . import exports, imports, selectors, services
from .forms_manage import (
    AuditFilterForm,
    ContactFilterForm,
    ContactHandleForm,
    MemberFilterForm,
    MemberImportForm,
    OrganisationFilterForm,
    OrganisationForm,
    PriorityForm,
    RegionTextForm,
    RoleAssignForm,
    RoleFilterForm,
    SubRegionForm,
)
from .models import (
    ContactRequest,
    ContactStatus,
    Organisation,
    Region,
    RegionPriority,
    Role,
    RoleAssignment,
    SubRegion,
)

PER_PAGE = 50
IMPORT_SESSION_KEY = "sterk_member_import"


# --- helpers ---------------------------------------------------------------------------


def _page(request: HttpRequest, qs: QuerySet[Any] | list[Any]) -> Page:
    return Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))


def _region(request: HttpRequest, slug: str, perm: str) -> Region:
    region = get_object_or_404(Region, slug=slug)
    require_perm(request, perm, region)
    return region


def _region_context(request: HttpRequest, region: Region, tab: str, **extra: Any) -> dict:
    """What every region page needs: the region, its tab, and which tabs this user may use."""
    user = request.user
    return {
        "region": region,
        "section": "region",
        "tab": tab,
        "region_perms": {
            "members": user.has_perm("network.view_region_members", region),
            "import": user.has_perm("network.import_region_members", region),
            "texts": user.has_perm("network.change_region", region),
            "priorities": user.has_perm("network.change_region_priorities", region),
            "subregions": user.has_perm("network.change_region_subregions", region),
        },
        **extra,
    }


def _post_only(request: HttpRequest) -> HttpResponse | None:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


# --- dashboard -------------------------------------------------------------------------


@management_view
def dashboard(request: HttpRequest) -> HttpResponse:
    require_perm(request, "network.access_management")
    roles = roles_of(request.user)
    context: dict[str, Any] = {"roles": roles, "section": "dashboard"}
    if roles.coordinator:
        context["regions"] = list(selectors.regions_for_dashboard())
        context["awaiting_count"] = Organisation.objects.filter(is_approved=False).count()
        inbox = ContactRequest.objects.open()
        context["open_requests"] = inbox.count()
        context["platform_requests"] = inbox.filter(region__isnull=True).count()
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
    if request.user.has_perm("practices.view_queue"):
        from sterk.practices.selectors import moderation_open_count

        context["practices_open"] = moderation_open_count(request.user)
    if request.user.has_perm("events.view_cadence"):
        from sterk.events.selectors import stakeholder_cadence

        context["stakeholder_cadence"] = stakeholder_cadence()
    if request.user.has_perm("actionplan.view_proposals"):
        from sterk.actionplan.selectors import proposals_for

        context["open_proposals"] = proposals_for(request.user).open().count()
    return render(request, "network/manage/dashboard.html", context)


# --- region texts, priorities, sub-regions -------------------------------------------------


@management_view
def region_edit(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.change_region")
    heading = region.name
    # A bound ModelForm writes its input onto the instance: give it a copy, so the page
    # around the form keeps showing the saved region.
    form = RegionTextForm(request.POST or None, instance=copy.copy(region))
    if request.method == "POST" and form.is_valid():
        try:
            services.region_update(actor=request.user, region=region, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The texts of the region were saved."))
            return redirect("manage:region_edit", slug=region.slug)
    return render(
        request,
        "network/manage/region_edit.html",
        _region_context(request, region, "texts", heading=heading, form=form),
    )


@management_view
def priority_list(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.change_region_priorities")
    return render(
        request,
        "network/manage/priority_list.html",
        _region_context(request, region, "priorities", priorities=region.priorities.all()),
    )


def _region_object_form(
    request: HttpRequest,
    region: Region,
    *,
    tab: str,
    form: Any,
    save: Any,
    success: str,
    title: str,
    list_url: str,
    heading: str = "",
) -> HttpResponse:
    """The shared create/edit flow of a region's priorities and sub-regions: validate,
    call the service, keep the input and show the service's errors on failure."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(list_url, slug=region.slug)
    return render(
        request,
        "network/manage/object_form.html",
        _region_context(
            request, region, tab, form=form, title=title, heading=heading, cancel_url=list_url
        ),
    )


@management_view
def priority_create(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.change_region_priorities")
    return _region_object_form(
        request,
        region,
        tab="priorities",
        form=PriorityForm(request.POST or None, instance=RegionPriority(region=region)),
        save=lambda data: services.region_priority_create(
            actor=request.user, region=region, data=data
        ),
        success=_("The priority was added."),
        title=_("New priority"),
        list_url="manage:priority_list",
    )


@management_view
def priority_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    region = _region(request, slug, "network.change_region_priorities")
    priority = get_object_or_404(RegionPriority, pk=pk, region=region)
    return _region_object_form(
        request,
        region,
        tab="priorities",
        form=PriorityForm(request.POST or None, instance=priority),
        save=lambda data: services.region_priority_update(
            actor=request.user, priority=priority, data=data
        ),
        success=_("The priority was saved."),
        title=_("Edit priority “%(title)s”") % {"title": priority.title},
        heading=marked_message(_("Edit priority “%(title)s”"), title=(priority, "title")),
        list_url="manage:priority_list",
    )


@management_view
def priority_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    region = _region(request, slug, "network.change_region_priorities")
    priority = get_object_or_404(RegionPriority, pk=pk, region=region)
    if request.method == "POST":
        services.region_priority_delete(actor=request.user, priority=priority)
        messages.success(request, _("The priority was deleted."))
        return redirect("manage:priority_list", slug=region.slug)
    return render(
        request,
        "network/manage/confirm_delete.html",
        _region_context(
            request,
            region,
            "priorities",
            object=priority,
            title=_("Delete priority “%(title)s”?") % {"title": priority.title},
            heading=marked_message(_("Delete priority “%(title)s”?"), title=(priority, "title")),
            cancel_url="manage:priority_list",
        ),
    )


@management_view
def subregion_list(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.change_region_subregions")
    subregions = selectors.subregions_with_counts(region)
    return render(
        request,
        "network/manage/subregion_list.html",
        _region_context(request, region, "subregions", subregions=subregions),
    )


@management_view
def subregion_create(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.change_region_subregions")
    return _region_object_form(
        request,
        region,
        tab="subregions",
        form=SubRegionForm(
            request.POST or None, instance=SubRegion(region=region), user=request.user
        ),
        save=lambda data: services.subregion_create(actor=request.user, region=region, data=data),
        success=_("The sub-region was added."),
        title=_("New sub-region"),
        list_url="manage:subregion_list",
    )


@management_view
def subregion_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    region = _region(request, slug, "network.change_region_subregions")
    subregion = get_object_or_404(SubRegion, pk=pk, region=region)
    return _region_object_form(
        request,
        region,
        tab="subregions",
        form=SubRegionForm(request.POST or None, instance=subregion, user=request.user),
        save=lambda data: services.subregion_update(
            actor=request.user, subregion=subregion, data=data
        ),
        success=_("The sub-region was saved."),
        title=_("Edit sub-region “%(name)s”") % {"name": subregion.name},
        heading=marked_message(_("Edit sub-region “%(name)s”"), name=(subregion, "name")),
        list_url="manage:subregion_list",
    )


@management_view
def subregion_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    region = _region(request, slug, "network.change_region_subregions")
    subregion = get_object_or_404(SubRegion, pk=pk, region=region)
    if request.method == "POST":
        services.subregion_delete(actor=request.user, subregion=subregion)
        messages.success(request, _("The sub-region was deleted."))
        return redirect("manage:subregion_list", slug=region.slug)
    member_count = subregion.memberships.count()
    consequence = (
        _("Its %(count)s members stay members of %(region)s, without a sub-region.")
        % {"count": member_count, "region": region.name}
        if member_count
        else ""
    )
    return render(
        request,
        "network/manage/confirm_delete.html",
        _region_context(
            request,
            region,
            "subregions",
            object=subregion,
            title=_("Delete sub-region “%(name)s”?") % {"name": subregion.name},
            heading=marked_message(_("Delete sub-region “%(name)s”?"), name=(subregion, "name")),
            consequence=consequence,
            cancel_url="manage:subregion_list",
        ),
    )


# --- members: list, export, import -------------------------------------------------------


def _filtered_members(request: HttpRequest, region: Region) -> tuple[MemberFilterForm, Any]:
    form = MemberFilterForm(request.GET or None, region=region)
    search, filters = form.selector_args()
    return form, selectors.region_members(region, search=search, filters=filters)


@management_view
def member_list(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.view_region_members")
    form, members = _filtered_members(request, region)
    page = _page(request, members)
    context = _region_context(
        request,
        region,
        "members",
        filter_form=form,
        page_obj=page,
        can_export=request.user.has_perm("network.export_region_members", region),
    )
    template = "network/manage/member_list.html"
    if getattr(request, "htmx", False):
        template += "#results"
    return render(request, template, context)


def _export_filename(region: Region, extension: str) -> str:
    return f"leden-{region.slug}-{timezone.localdate():%Y%m%d}.{extension}"


@personal_data_export
def member_export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.export_region_members")
    if (gate := personal_data_gate(request)) is not None:
        return gate
    _form, members = _filtered_members(request, region)
    rows = list(members)
    body = exports.members_csv(rows)
    services.members_export_record(
        actor=request.user, region=region, count=len(rows), file_format="csv"
    )
    return file_response(body, _export_filename(region, "csv"))


@personal_data_export
def member_export_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.export_region_members")
    if (gate := personal_data_gate(request)) is not None:
        return gate
    _form, members = _filtered_members(request, region)
    rows = list(members)
    body = exports.members_xlsx(rows, title=region.name)
    services.members_export_record(
        actor=request.user, region=region, count=len(rows), file_format="xlsx"
    )
    return file_response(body, _export_filename(region, "xlsx"))


@management_view
def member_import(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.import_region_members")
    form = MemberImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_urlsafe(16)
        # One pending import per session: a new upload replaces the previous one.
        request.session[IMPORT_SESSION_KEY] = {
            "token": token,
            "region_id": region.pk,
            "filename": form.cleaned_data["file"].name,
            "rows": form.rows,
        }
        return redirect("manage:member_import_preview", slug=region.slug, token=token)
    return render(
        request,
        "network/manage/member_import.html",
        _region_context(request, region, "import", form=form),
    )


@management_view
def member_import_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    region = _region(request, slug, "network.import_region_members")
    pending = request.session.get(IMPORT_SESSION_KEY) or {}
    if pending.get("token") != token or pending.get("region_id") != region.pk:
        messages.warning(request, _("This import is no longer available. Upload the file again."))
        return redirect("manage:member_import", slug=region.slug)
    checked = imports.check_rows(pending["rows"], region)
    error_count = sum(1 for c in checked if c.row.errors)
    if request.method == "POST" and not error_count:
        try:
            result = services.members_import(
                actor=request.user, region=region, rows=[c.row for c in checked]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            del request.session[IMPORT_SESSION_KEY]
            messages.success(
                request,
                _(
                    "Import done: %(joined)s new members (%(created)s new accounts), "
                    "%(already)s were already a member."
                )
                % {
                    "joined": result.joined,
                    "created": result.created_users,
                    "already": result.already_member,
                },
            )
            return redirect("manage:member_list", slug=region.slug)
    elif request.method == "POST":
        messages.error(request, _("The file still has errors; nothing was imported."))
    return render(
        request,
        "network/manage/member_import_preview.html",
        _region_context(
            request,
            region,
            "import",
            checked=checked,
            error_count=error_count,
            filename=pending.get("filename", ""),
            token=token,
        ),
    )


# --- contact requests ------------------------------------------------------------------

STATUS_FILTERS = ("open", "new", "in_progress", "done", "all")


@management_view
def contact_inbox(request: HttpRequest) -> HttpResponse:
    require_perm(request, "network.view_contact_inbox")
    requests = selectors.contact_requests_for(request.user)
    filter_form = ContactFilterForm(request.GET or None, user=request.user)
    region_value = filter_form.cleaned_data.get("region", "") if filter_form.is_valid() else ""
    if region_value == "none":
        requests = requests.filter(region__isnull=True)
    elif region_value:
        requests = requests.filter(region_id=int(region_value))

    counts = requests.status_counts()
    new = counts.get(ContactStatus.NEW, 0)
    in_progress = counts.get(ContactStatus.IN_PROGRESS, 0)
    done = counts.get(ContactStatus.DONE, 0)
    labels = {
        "open": _("Open"),
        "new": _("New"),
        "in_progress": _("In progress"),
        "done": _("Done"),
        "all": _("All"),
    }
    numbers = {
        "open": new + in_progress,
        "new": new,
        "in_progress": in_progress,
        "done": done,
        "all": new + in_progress + done,
    }
    status = request.GET.get("status", "open")
    if status not in STATUS_FILTERS:
        status = "open"
    if status == "open":
        requests = requests.open()
    elif status != "all":
        requests = requests.filter(status=status)
    tabs = [
        {"key": key, "label": labels[key], "count": numbers[key], "current": key == status}
        for key in STATUS_FILTERS
    ]
    return render(
        request,
        "network/manage/contact_inbox.html",
        {
            "page_obj": _page(request, requests),
            "status": status,
            "status_label": labels[status],
            "tabs": tabs,
            "filter_form": filter_form,
            "show_region_filter": len(filter_form.fields["region"].choices) > 2,
            "section": "contact",
        },
    )


@management_view
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact_request = get_object_or_404(
        ContactRequest.objects.select_related("region", "handled_by"), pk=pk
    )
    require_perm(request, "network.handle_contact_request", contact_request)
    form = ContactHandleForm(
        request.POST or None,
        initial={"status": contact_request.status, "note": contact_request.note},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_request_update(
                actor=request.user,
                contact_request=contact_request,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The request was updated."))
            return redirect("manage:contact_inbox")
    return render(
        request,
        "network/manage/contact_detail.html",
        {"contact_request": contact_request, "form": form, "section": "contact"},
    )


# --- organisations (coordinators) ------------------------------------------------------


@management_view
def organisation_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "network.manage_organisations")
    form = OrganisationFilterForm(request.GET or None)
    organisations = selectors.organisations_for_manage(**form.selector_kwargs())
    return render(
        request,
        "network/manage/organisation_list.html",
        {
            "filter_form": form,
            "page_obj": _page(request, organisations),
            "awaiting_count": Organisation.objects.filter(is_approved=False).count(),
            "section": "organisations",
        },
    )


@management_view
def organisation_create(request: HttpRequest) -> HttpResponse:
    require_perm(request, "network.manage_organisations")
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("“%(name)s” was added.") % {"name": organisation.name})
            return redirect("manage:organisation_list")
    return render(
        request,
        "network/manage/object_form.html",
        {
            "form": form,
            "title": _("New organisation"),
            "cancel_url": "manage:organisation_list",
            "section": "organisations",
        },
    )


@management_view
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request, "network.manage_organisations")
    organisation = get_object_or_404(Organisation, pk=pk)
    title = _("Edit “%(name)s”") % {"name": organisation.name}
    is_approved = organisation.is_approved
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.user, organisation=organisation, data=form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect("manage:organisation_list")
    return render(
        request,
        "network/manage/object_form.html",
        {
            "form": form,
            "title": title,
            "organisation": organisation,
            "awaiting_approval": not is_approved,
            "cancel_url": "manage:organisation_list",
            "section": "organisations",
        },
    )


@management_view
def organisation_approve(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request, "network.manage_organisations")
    if (denied := _post_only(request)) is not None:
        return denied
    organisation = get_object_or_404(Organisation, pk=pk)
    try:
        services.organisation_approve(actor=request.user, organisation=organisation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("“%(name)s” was approved.") % {"name": organisation.name})
    return redirect("manage:organisation_list")


# --- roles (coordinators) --------------------------------------------------------------


@management_view
def role_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "network.manage_roles")
    form = RoleFilterForm(request.GET or None, user=request.user)
    assignments = selectors.role_assignments_for_manage(**form.selector_kwargs())
    return render(
        request,
        "network/manage/role_list.html",
        {"filter_form": form, "page_obj": _page(request, assignments), "section": "roles"},
    )


@management_view
def role_assign(request: HttpRequest) -> HttpResponse:
    require_perm(request, "network.manage_roles")
    search = request.GET.get("q", "").strip()
    initial = {"email": request.GET.get("email", "")}
    form = RoleAssignForm(request.POST or None, initial=initial, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment = services.role_assign(
                actor=request.user,
                user=form.user,
                role=data["role"],
                region=data.get("region"),
                organisation=data.get("organisation"),
                capacity=data.get("capacity", ""),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Role assigned: %(role)s.") % {"role": assignment})
            return redirect("manage:role_list")
    return render(
        request,
        "network/manage/role_assign.html",
        {
            "form": form,
            "search": search,
            "found_users": selectors.users_by_email(search) if search else [],
            "section": "roles",
        },
    )


@management_view
def role_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request, "network.manage_roles")
    assignment = get_object_or_404(
        RoleAssignment.objects.select_related("user", "region", "organisation"), pk=pk
    )
    last_coordinator = (
        assignment.role == Role.COORDINATOR
        and not RoleAssignment.objects.filter(role=Role.COORDINATOR)
        .exclude(pk=assignment.pk)
        .exists()
    )
    if request.method == "POST":
        try:
            services.role_revoke_checked(actor=request.user, assignment=assignment)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Role revoked: %(role)s.") % {"role": assignment})
        return redirect("manage:role_list")
    return render(
        request,
        "network/manage/role_revoke.html",
        {"assignment": assignment, "last_coordinator": last_coordinator, "section": "roles"},
    )


# --- audit trail (coordinators) --------------------------------------------------------


@management_view
def audit_trail(request: HttpRequest) -> HttpResponse:
    require_perm(request, "core.view_audit_trail")
    form = AuditFilterForm(
        request.GET or None, actions=selectors.audit_actions(), user=request.user
    )
    data = form.cleaned_data if form.is_valid() else {}
    region = data.get("region")
    entries = selectors.audit_entries(
        action=data.get("action") or "", region_id=region.pk if region else None
    )
    page = _page(request, entries)
    regions = {r.pk: r for r in Region.objects.all()}
    for entry in page.object_list:
        # Field names, choice values and action codes in the reader's language.
        entry.change_rows = audit_display.change_rows(entry)
        entry.action_label = audit_display.action_label(entry.action, entry.object_type)
        entry.object_type_label = audit_display.object_type_label(entry.object_type)
        region_obj = regions.get(entry.region_id)
        entry.region_name = region_obj.name if region_obj else ""
        # In the reader's language, marked lang="nl" when it falls back (the `tr` filter).
        entry.region_html = render_field(region_obj, "name") if region_obj else ""
    return render(
        request,
        "network/manage/audit_trail.html",
        {"filter_form": form, "page_obj": page, "section": "audit"},
    )
