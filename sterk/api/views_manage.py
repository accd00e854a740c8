"""The open data in the management area: the coordinator's rebuild of the downloads."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import management_view, require_perm

from . import opendata


@management_view
def rebuild(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "api.rebuild_open_data")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    opendata.open_data_rebuild_request(actor=request.user)
    messages.success(
        request,
        _(
            "The open-data files are being rebuilt. The open-data page shows the new "
            "build time once they are ready."
        ),
    )
    return redirect("manage:dashboard")
