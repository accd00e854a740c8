"""The accounts app's part of a person's data: the account and profile, their e-mail
addresses, two-factor devices (their kind, never the secrets) and consents. Erased last:
the account row goes once every other app has let go of it."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sterk.core.personal_data import (
    ConsentKind,
    DataSubject,
    Provider,
    address_q,
    register,
    register_consent_withdrawal,
    set_consent_recorder,
)

from .models import Consent


def consents_of(subject: DataSubject) -> Any:
    return Consent.objects.filter(Q(user=subject.user) | address_q("email", subject.emails))


def export(subject: DataSubject) -> dict[str, Any]:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    user = subject.user
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "language": user.language,
        },
        "profile": {
            "organisation": user.organisation.name if user.organisation else None,
            "job_title": user.job_title,
            "sector": user.sector,
            "wants_active_role": user.wants_active_role,
            "leads_local_consultation": user.leads_local_consultation,
            "directory_visible": user.directory_visible,
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "two_factor_methods": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "consents": [
            {
                "kind": c.kind,
                "text": c.text,
                "text_version": c.text_version,
                "about": f"{c.object_type} #{c.object_id}" if c.object_type else "",
                "email": c.email,
                "given_at": c.given_at,
                "withdrawn_at": c.withdrawn_at,
            }
            for c in consents_of(subject).order_by("given_at", "pk")
        ],
    }


def _sign_out_everywhere(user: Any) -> None:
    """Drop the person's sessions on every device (they hold the account id): through the
    session engine, so that a cached copy goes with the row (sterk.accounts.sessions)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    if settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
        "sterk.accounts.sessions",
    ):
        return  # pragma: no cover - other engines expire on their own
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    _sign_out_everywhere(subject.user)
    consents_of(subject).delete()
    # E-mail addresses, their confirmations and two-factor devices go with the row.
    subject.user.delete()


def withdraw_directory(consent: Any, *, actor: Any = None) -> None:
    from .models import User

    if consent.user_id:
        User.objects.filter(pk=consent.user_id).update(directory_visible=False)


PROVIDER = Provider(
    key="account",
    export=export,
    erase=erase,
    covers={
        "accounts.User": ("first_name", "last_name", "email", "groups", "user_permissions"),
        "accounts.Consent": ("user", "email", "text"),
        "account.EmailAddress": ("user", "email"),
        "account.EmailConfirmation": ("email_address",),
        "mfa.Authenticator": ("user",),
        # Sessions hold the account id inside their data: dropped on every device.
        "sessions.Session": ("session_data",),
    },
    order=100,
)


def register_provider() -> None:
    from .services import consent_record

    register(PROVIDER)
    set_consent_recorder(consent_record)
    register_consent_withdrawal(ConsentKind.DIRECTORY, withdraw_directory)
