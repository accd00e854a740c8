"""The network's workflow views in the management area (/beheer/): region texts, the
member list, export and import, the contact inbox, the organisation list and approval,
roles. Plain create/edit/delete (priorities, sub-regions, organisations) are declared in
`manage.py`; the shell, dashboard and audit trail live in sterk.manage. Every view:
management_view (signed in, a role, TOTP), then a rules permission on the object."""

from __future__ import annotations

import copy
import secrets
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core.access import (
    management_view,
    personal_data_export,
    personal_data_gate,
    require_perm,
)
from sterk.core.exports import file_response
from sterk.core.forms import apply_errors
from sterk.core.paging import paginate

from . import exports, imports, selectors, services
from .forms_manage import (
    ContactFilterForm,
    ContactHandleForm,
    MemberFilterForm,
    MemberImportForm,
    OrganisationFilterForm,
    RegionTextForm,
    RoleAssignForm,
    RoleFilterForm,
)
from .models import (
    ContactRequest,
    ContactStatus,
    Organisation,
    Region,
    RoleAssignment,
)
from .types import RegionData

if TYPE_CHECKING:
    # accounts is above network: an annotation only (see .importlinter).
    from sterk.accounts.types import AuthenticatedRequest

PER_PAGE = 50
IMPORT_SESSION_KEY = "sterk_member_import"


# --- helpers ---------------------------------------------------------------------------


def _region(request: AuthenticatedRequest, slug: str, perm: str) -> Region:
    region = get_object_or_404(Region, slug=slug)
    require_perm(request, perm, region)
    return region


def region_perms(request: HttpRequest, region: Region) -> dict[str, Any]:
    """What every region page needs: the region and which tabs this user may use."""
    user = request.user
    return {
        "region": region,
        "region_perms": {
            "members": user.has_perm("network.view_region_members", region),
            "import": user.has_perm("network.import_region_members", region),
            "texts": user.has_perm("network.change_region", region),
            "priorities": user.has_perm("network.change_region_priorities", region),
            "subregions": user.has_perm("network.change_region_subregions", region),
        },
    }


def _region_context(request: AuthenticatedRequest, region: Region, tab: str, **extra: Any) -> dict:
    return {**region_perms(request, region), "section": "region", "tab": tab, **extra}


def _post_only(request: AuthenticatedRequest) -> HttpResponse | None:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


# --- region texts, priorities, sub-regions -------------------------------------------------


@management_view
def region_edit(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.change_region")
    heading = region.name
    # A bound ModelForm writes its input onto the instance: give it a copy, so the page
    # around the form keeps showing the saved region.
    form = RegionTextForm(request.POST or None, instance=copy.copy(region))
    if request.method == "POST" and form.is_valid():
        try:
            services.region_update(
                actor=request.user, region=region, data=cast(RegionData, form.cleaned_data)
            )
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


# --- members: list, export, import -------------------------------------------------------


def _filtered_members(
    request: AuthenticatedRequest, region: Region
) -> tuple[MemberFilterForm, Any]:
    form = MemberFilterForm(request.GET or None, region=region)
    search, filters = form.selector_args()
    return form, selectors.region_members(region, search=search, filters=filters)


@management_view
def member_list(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    region = _region(request, slug, "network.view_region_members")
    form, members = _filtered_members(request, region)
    page = paginate(request, members)
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
def member_export_csv(request: AuthenticatedRequest, slug: str) -> HttpResponse:
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
def member_export_xlsx(request: AuthenticatedRequest, slug: str) -> HttpResponse:
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
def member_import(request: AuthenticatedRequest, slug: str) -> HttpResponse:
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
def member_import_preview(request: AuthenticatedRequest, slug: str, token: str) -> HttpResponse:
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
def contact_inbox(request: AuthenticatedRequest) -> HttpResponse:
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
    # Set from a list in ContactFilterForm.__init__, so a list (the stubs allow any choices).
    region_choices = cast(list[Any], cast(forms.ChoiceField, filter_form.fields["region"]).choices)
    return render(
        request,
        "network/manage/contact_inbox.html",
        {
            "page_obj": paginate(request, requests),
            "status": status,
            "status_label": labels[status],
            "tabs": tabs,
            "filter_form": filter_form,
            "show_region_filter": len(region_choices) > 2,
            "section": "contact",
        },
    )


@management_view
def contact_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
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
def organisation_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "network.manage_organisations")
    form = OrganisationFilterForm(request.GET or None)
    organisations = selectors.organisations_for_manage(**form.selector_kwargs())
    return render(
        request,
        "network/manage/organisation_list.html",
        {
            "filter_form": form,
            "page_obj": paginate(request, organisations),
            "awaiting_count": Organisation.objects.filter(is_approved=False).count(),
            "section": "organisations",
        },
    )


@management_view
def organisation_approve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
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
def role_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "network.manage_roles")
    form = RoleFilterForm(request.GET or None, user=request.user)
    assignments = selectors.role_assignments_for_manage(**form.selector_kwargs())
    return render(
        request,
        "network/manage/role_list.html",
        {"filter_form": form, "page_obj": paginate(request, assignments), "section": "roles"},
    )


@management_view
def role_assign(request: AuthenticatedRequest) -> HttpResponse:
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
def role_revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_perm(request, "network.manage_roles")
    assignment = get_object_or_404(
        RoleAssignment.objects.select_related("user", "region", "organisation"), pk=pk
    )
    last_coordinator = selectors.is_last_coordinator(assignment)
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
