"""What the practice library manages in /beheer/praktijken/ (imported by sterk.manage at
start-up): its navigation entries, its dashboard panel and the calls for practices."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sterk.core.managed import Managed, Nav, Panel, by_roles, register, register_nav, register_panel

from . import selectors, services
from .forms import CallForm
from .models import Call

AREA = "practices_manage"

register_nav(
    Nav(
        _("Practices"),
        f"{AREA}:queue",
        "practices.view_queue",
        order=10,
        section=AREA,
        sub_label=_("Practice library management"),
    ),
    Nav(_("Moderation"), f"{AREA}:queue", None, order=10, area=AREA),
    Nav(_("Calls"), f"{AREA}:call_list", "practices.view_calls", order=20, area=AREA),
    Nav(_("Public library"), "practices:library", None, order=90, area=AREA, external=True),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    return {"practices_open": selectors.moderation_open_count(request.user)}


register_panel(
    Panel(
        "practices/_dashboard_panel.html",
        dashboard_panel,
        "practices.view_queue",
        order=10,
        shared_by=by_roles,
    )
)


# --- declarations -----------------------------------------------------------------------


def _call_guard(request: HttpRequest, form: Any, data: dict[str, Any], obj: Any) -> None:
    """A call belongs to an organisation the user may run calls for."""
    if not request.user.has_perm("practices.add_call_for", data["owner"]):
        raise PermissionDenied


register(
    Managed(
        namespace=AREA,
        name="call",
        model=Call,
        form=CallForm,
        perm="practices.change_call",
        create_perm="practices.add_call",
        path="oproepen/",
        views=("create", "edit"),
        paths={"edit": "oproepen/<int:pk>/bewerken/"},
        create=services.call_create,
        update=services.call_update,
        object_arg="call",
        form_kwargs=lambda request, parent, obj: {"user": request.user},
        guard=_call_guard,
        titles={"create": _("New call"), "edit": _("Edit the call")},
        messages={"saved": _("The call was saved.")},
        success_url=lambda obj, parent: reverse(f"{AREA}:call_detail", args=[obj.pk]),
        back_url=lambda obj, parent: (
            reverse(f"{AREA}:call_detail", args=[obj.pk]) if obj else reverse(f"{AREA}:call_list")
        ),
        edit_context=lambda request, obj, parent: {"call": obj},
        templates={"form": "practices/manage/call_form.html"},
    ),
)
