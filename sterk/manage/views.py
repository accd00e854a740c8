"""The shell of the management area: the dashboard (panels registered by the apps) and
the audit trail viewer."""

from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from sterk.core import audit_display, versioned
from sterk.core.access import management_view, require_perm
from sterk.core.content_language import render_field
from sterk.core.managed import Panel, registry
from sterk.core.paging import kept_page
from sterk.core.roles import roles_of
from sterk.network import selectors as network_selectors
from sterk.network.forms_manage import AuditFilterForm
from sterk.network.models import Region


def _panel_context(panel: Panel, request: HttpRequest) -> dict[str, Any] | None:
    """A panel's context; one that others with the same key share (`Panel.shared_by`) is
    read once per data and management version and clock moment (#14). The panels' counts
    follow writes to the management area's own data too (contact requests, subscribers)."""
    if panel.shared_by is None:
        return panel.context(request)
    return versioned.per_data_version(
        f"manage.panel:{panel.template}",
        (panel.shared_by(request), get_language() or ""),
        lambda: panel.context(request),
        clock=True,
        management=True,
        limit=1000,
    )


@management_view
def dashboard(request: HttpRequest) -> HttpResponse:
    require_perm(request, "network.access_management")
    roles = roles_of(request.user)
    panels = []
    for panel in sorted(registry.panels, key=lambda p: p.order):
        if panel.perm and not request.user.has_perm(panel.perm):
            continue
        panel_context = _panel_context(panel, request)
        if panel_context is not None:
            panels.append(
                render_to_string(panel.template, {"roles": roles, **panel_context}, request=request)
            )
    context: dict[str, Any] = {
        "roles": roles,
        "panels": panels,
        "section": "dashboard",
    }
    return render(request, "manage/dashboard.html", context)


def _label_entries(entries: list[Any]) -> None:
    """What an audit row shows besides its fields, in the reader's language."""
    regions = {r.pk: r for r in Region.objects.all()}
    for entry in entries:
        # Field names, choice values and action codes in the reader's language. The
        # changes are worked out only when the row is rendered: a row is kept rendered per
        # data version (`{% kept %}` in the template, #14).
        entry.change_rows = SimpleLazyObject(functools.partial(audit_display.change_rows, entry))
        entry.action_label = audit_display.action_label(entry.action, entry.object_type)
        entry.object_type_label = audit_display.object_type_label(entry.object_type)
        region_obj = regions.get(entry.region_id)
        entry.region_name = region_obj.name if region_obj else ""
        # In the reader's language, marked lang="nl" when it falls back (the `tr` filter).
        entry.region_html = render_field(region_obj, "name") if region_obj else ""


@management_view
def audit_trail(request: HttpRequest) -> HttpResponse:
    require_perm(request, "core.view_audit_trail")

    def filter_form(data: Any = None) -> AuditFilterForm:
        return AuditFilterForm(data, actions=network_selectors.audit_actions(), user=request.user)

    # Only the page number asked: the form as everyone opens it (its fields kept below).
    form = filter_form(request.GET) if set(request.GET) - {"page"} else None
    data = form.cleaned_data if form is not None and form.is_valid() else {}
    region = data.get("region")
    action = data.get("action") or ""
    region_id = region.pk if region else None
    # The trail is the same for everyone who may read it: a page is read once per data
    # and management version, filter and language (#14).
    page = kept_page(
        request,
        "manage.audit_trail",
        (action, region_id),
        lambda: network_selectors.audit_entries(action=action, region_id=region_id),
        management=True,
        prepare=_label_entries,
    )
    # The fields read every action code and the regions this reader may filter on: as
    # the trail is mostly opened unfiltered, kept per data version and roles (#14).
    filter_fields = versioned.form_fields(
        "manage.audit_filter_fields",
        "manage/_filter_fields.html",
        form,
        filter_form,
        management=True,  # the action codes come from the audit trail itself
        roles=roles_of(request.user),
    )
    return render(
        request,
        "manage/audit_trail.html",
        {"filter_fields": filter_fields, "page_obj": page, "section": "audit"},
    )
