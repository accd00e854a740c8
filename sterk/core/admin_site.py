"""The Django admin behind the site's own login and two-factor authentication.

`/admin/` has no login form of its own: /admin/login/ sends the visitor to allauth's login
(rate limited, with the TOTP step), and an admin page opens only for an active superuser
who has TOTP set up and used it in this session. INSTALLED_APPS names `SterkAdminConfig`
instead of `django.contrib.admin`, so `admin.site` is this site everywhere."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

# This module is imported while the apps load (INSTALLED_APPS): anything that touches
# models is imported inside the methods.


def _mfa_required() -> bool:
    return bool(settings.STERK_REQUIRE_MFA_FOR_MANAGERS)


class SterkAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        from .access import session_used_mfa, user_has_totp

        user = request.user
        if not (user.is_active and user.is_staff and user.is_superuser):
            return False
        if not _mfa_required():
            return True
        return user_has_totp(user) and session_used_mfa(request)

    @method_decorator(never_cache)
    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """Never authenticates: sends the visitor to the step they still miss."""
        from django.contrib.auth.views import redirect_to_login

        from .access import session_used_mfa, user_has_totp

        target = request.GET.get(REDIRECT_FIELD_NAME) or request.POST.get(REDIRECT_FIELD_NAME)
        if not target or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(target, login_url=reverse("account_login"))
        if not (user.is_active and user.is_staff and user.is_superuser):
            raise PermissionDenied
        if _mfa_required() and not user_has_totp(user):
            messages.warning(
                request, _("Set up two-factor authentication before you open the admin.")
            )
            return redirect("mfa_activate_totp")
        if _mfa_required() and not session_used_mfa(request):
            return redirect_to_login(target, login_url=reverse("mfa_reauthenticate"))
        return redirect(target)


class SterkAdminConfig(AdminConfig):
    default_site = "sterk.core.admin_site.SterkAdminSite"
