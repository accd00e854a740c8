from typing import cast

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import AccountDeleteForm, ProfileForm
from .selectors import consents_of
from .types import AuthenticatedRequest, ProfileData


@login_required
def profile_edit(request: AuthenticatedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        data = cast(
            ProfileData,
            {k: v for k, v in form.cleaned_data.items() if k != "proposed_organisation"},
        )
        try:
            services.profile_update(
                user=request.user,
                data=data,
                proposed_organisation=form.cleaned_data["proposed_organisation"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:my_page")
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
def data_export(request: AuthenticatedRequest) -> HttpResponse:
    response = HttpResponse(
        services.personal_data_export(request.user), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="sterk-sociaal-werk-{stamp}.json"'
    return response


@login_required
def privacy(request: HttpRequest) -> HttpResponse:
    """What the person agreed to, with a button to withdraw what can be withdrawn."""
    return render(request, "accounts/privacy.html", {"consents": consents_of(request.user)})


@login_required
@require_POST
def consent_withdraw(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    consent = next((c for c in consents_of(request.user) if c.pk == pk), None)
    if consent is None:
        raise Http404
    try:
        services.consent_withdraw(consent=consent, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your consent was withdrawn."))
    return redirect("accounts:privacy")


@login_required
def account_delete(request: AuthenticatedRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, _("Your account was deleted."))
        return redirect("identity:home")
    return render(request, "accounts/account_delete.html", {"form": form})
