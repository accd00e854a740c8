"""Access helpers for views: load or 404, check a rules permission or 403, require TOTP."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .roles import roles_of


def require_perm(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def user_has_totp(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def management_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Every /beheer/ view: signed in, holds a management role, and (for coordinators and
    chairs) has two-factor authentication set up. The view itself still checks the object."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        roles = roles_of(request.user)
        if not roles.any_management:
            raise PermissionDenied
        if (
            settings.STERK_REQUIRE_MFA_FOR_MANAGERS
            and roles.requires_mfa
            and not user_has_totp(request.user)
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication before you open the management area."),
            )
            return redirect("mfa_activate_totp")
        return view(request, *args, **kwargs)

    return wrapper
