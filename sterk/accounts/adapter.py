from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from sterk.core.ratelimit import client_ip
from sterk.core.site import CurrentSite, rebase


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's login throttling keys on the same address as our own rate limits:
        # X-Forwarded-For only from STERK_TRUSTED_PROXIES.
        return client_ip(request)

    # --- the platform's name and address in allauth's mails (sterk.core.site) -----------

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Mails say "Hello from Sterk Sociaal Werk!", not the Host header the request came
        in on; every link in them is on STERK_SITE_URL."""
        from allauth.core import context as allauth_context

        request = allauth_context.request
        origin = request.build_absolute_uri("/").rstrip("/") if request is not None else None
        context = {
            key: rebase(value)
            if origin and isinstance(value, str) and value.startswith(origin + "/")
            else value
            for key, value in context.items()
        }
        super().send_mail(template_prefix, email, {"current_site": CurrentSite(), **context})

    def get_email_confirmation_url(self, request: HttpRequest, emailconfirmation: Any) -> str:
        return rebase(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key: str) -> str:
        return rebase(super().get_reset_password_from_key_url(key))

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        from django.utils.translation import get_language

        user.language = (get_language() or "nl")[:2]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            # A visitor who clicked "join" before signing up is joined as soon as the
            # account exists, whichever browser later confirms the e-mail address.
            from .services import pending_join_apply

            pending_join_apply(request=request, user=user)
        return user
