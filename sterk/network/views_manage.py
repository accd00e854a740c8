"""The management area (/beheer/). Every view: management_view (signed in, a role, TOTP),
then a rules permission on the object."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sterk.core.access import management_view, require_perm
from sterk.core.roles import roles_of

from . import selectors, services
from .forms_manage import ContactHandleForm
from .models import ContactRequest, Region


@management_view
def dashboard(request: HttpRequest) -> HttpResponse:
    roles = roles_of(request.user)
    regions = selectors.regions_with_counts()
    if not roles.coordinator:
        regions = regions.filter(pk__in=roles.chair_region_ids)
    inbox = selectors.contact_requests_for(request.user)
    return render(
        request,
        "network/manage/dashboard.html",
        {"roles": roles, "regions": regions, "open_requests": inbox.open().count()},
    )


@management_view
def contact_inbox(request: HttpRequest) -> HttpResponse:
    requests = selectors.contact_requests_for(request.user)
    status = request.GET.get("status", "open")
    if status == "open":
        requests = requests.open()
    elif status:
        requests = requests.filter(status=status)
    return render(
        request,
        "network/manage/contact_inbox.html",
        {"contact_requests": requests[:200], "status": status},
    )


@management_view
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact_request = get_object_or_404(ContactRequest.objects.select_related("region"), pk=pk)
    require_perm(request, "network.handle_contact_request", contact_request)
    form = ContactHandleForm(request.POST or None, instance=contact_request)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_request_update(
                actor=request.user,
                contact_request=contact_request,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The request was updated."))
            return redirect("manage:contact_inbox")
    return render(
        request,
        "network/manage/contact_detail.html",
        {"contact_request": contact_request, "form": form, "Region": Region},
    )
