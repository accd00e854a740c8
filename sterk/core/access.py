"""Access helpers for views: load or 404, check a rules permission or 403, require TOTP."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .roles import roles_of


def require_perm(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


# What `user_has_totp` reads: kept until this table is written (tracked in CoreConfig.ready).
AUTHENTICATOR_TABLES = ("mfa_authenticator",)
# Answers for this many people are kept per worker (a boolean each).
TOTP_KEPT = 20_000


def user_has_totp(user: Any) -> bool:
    """Whether `user` set up TOTP: one query, read once per version of allauth's
    authenticator table in each worker (#14: every management page asks)."""
    from sterk.core import versioned

    return versioned.per_data_version(
        "core.user_has_totp",
        user.pk,
        lambda: _read_has_totp(user.pk),
        tables=AUTHENTICATOR_TABLES,
        limit=TOTP_KEPT,
    )


def _read_has_totp(user_id: int) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user_id=user_id, type=Authenticator.Type.TOTP).exists()


def session_used_mfa(request: HttpRequest) -> bool:
    """This session's login (or a re-authentication in it) passed the second factor."""
    from allauth.account.internal.flows.login import get_authentication_records

    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def management_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Every /beheer/ view: signed in, holds a management role, and (for coordinators,
    chairs and stakeholder representatives: Roles.requires_mfa) has two-factor
    authentication set up. The view itself still checks the object."""

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


_GATE_ATTR = "_sterk_personal_data_gate"


def personal_data_gate(request: HttpRequest) -> HttpResponse | None:
    """Call in an export of names and e-mail addresses (a member list, the registrants, a
    call's submissions) right after its permission check: two-factor authentication for
    every role, stakeholder representatives included. Returns the redirect to the TOTP
    set-up when it is missing, else None."""
    setattr(request, _GATE_ATTR, True)
    if settings.STERK_REQUIRE_MFA_FOR_MANAGERS and not user_has_totp(request.user):
        messages.warning(
            request, _("Set up two-factor authentication before you export personal data.")
        )
        return redirect("mfa_activate_totp")
    return None


def personal_data_export(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A management view that exports personal data. The view must call
    `personal_data_gate` (after its own permission check, so that someone without the
    permission gets 403 as everywhere); a file handed out without it is a server error."""

    @wraps(view)
    def export(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not getattr(request, _GATE_ATTR, False):
            raise ImproperlyConfigured(f"{view.__name__} exports without personal_data_gate()")
        return response

    wrapped = management_view(export)
    wrapped.exports_personal_data = True  # type: ignore[attr-defined]
    return wrapped
