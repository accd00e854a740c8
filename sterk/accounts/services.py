"""Writes for accounts: profile changes, the pending join, data export and deletion."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from sterk.core import personal_data
from sterk.core.audit import audit_record
from sterk.core.personal_data import ConsentKind, text_version
from sterk.network.models import Region
from sterk.network.services import membership_join, organisation_propose

from .models import Consent, User
from .types import ProfileData

PENDING_JOIN_SESSION_KEY = "sterk_pending_join"


def pending_join_apply(*, request: HttpRequest, user: User) -> None:
    from django.contrib import messages
    from django.utils.translation import gettext as _

    region_id = request.session.pop(PENDING_JOIN_SESSION_KEY, None)
    if not region_id:
        return
    region = Region.objects.filter(pk=region_id).first()
    if region is None:
        return
    membership_join(user=user, region=region)
    messages.success(request, _("You are now a member of %(region)s.") % {"region": region.name})


@transaction.atomic
def profile_update(*, user: User, data: ProfileData, proposed_organisation: str = "") -> Any:
    # Read from the database: a bound ModelForm has already set the new value on `user`.
    was_visible = User.objects.filter(pk=user.pk, directory_visible=True).exists()
    for key, value in data.items():
        setattr(user, key, value)
    if proposed_organisation:
        user.organisation = organisation_propose(user=user, name=proposed_organisation)
    user.full_clean()
    user.save()
    if user.directory_visible and not was_visible:
        consent_record(kind=ConsentKind.DIRECTORY, text=directory_consent_text(), user=user)
    elif was_visible and not user.directory_visible:
        consents_withdraw_where(user=user, kind=ConsentKind.DIRECTORY)
    return user


def directory_consent_text() -> str:
    from .models import User

    field = User._meta.get_field("directory_visible")
    return f"{field.verbose_name}. {field.help_text}"


def personal_data_export(user: User) -> str:
    """Everything the platform keeps about a person, as JSON (GDPR art. 15 and 20): the
    sections of every app that registered a provider (sterk.core.personal_data), with
    records found by their account and by every verified e-mail address of theirs."""

    subject = personal_data.subject_for(user)
    data: dict[str, Any] = {
        "exported_at": timezone.now(),
        "email_addresses_matched": sorted(subject.emails),
    }
    for provider in personal_data.providers():
        for section, content in provider.export(subject).items():
            if section in data:  # pragma: no cover - a programming error in a provider
                raise ValueError(f"Two providers export the section {section!r}.")
            data[section] = content
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase a person (GDPR art. 17), in one transaction: every provider erases or
    anonymises its part (future registrations are cancelled, so the waiting list moves up;
    past attendance and published practices stay without the person; logs and the audit
    trail are scrubbed of their name and addresses), then the account row goes. The audit
    keeps only that an account was deleted."""

    pk = user.pk
    subject = personal_data.collect_identifiers(personal_data.subject_for(user))
    for provider in personal_data.providers():
        provider.erase(subject, actor=user)
    audit_record(actor=None, action="account.deleted", object_repr=f"user #{pk}")


# --- consents ------------------------------------------------------------------------------


def _object_ref(obj: Any) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label_lower, str(obj.pk)


def consent_record(
    *, kind: str, text: str, user: Any = None, email: str = "", obj: Any = None
) -> Consent:
    """Record a consent given now, with the exact text shown (and its fingerprint)."""

    member = user if getattr(user, "is_authenticated", False) else None
    object_type, object_id = _object_ref(obj)
    consent = Consent(
        user=member,
        email=(email or (member.email if member else "")).strip().lower(),
        kind=kind,
        text=str(text).strip(),
        text_version=text_version(str(text)),
        object_type=object_type,
        object_id=object_id,
    )
    consent.full_clean(exclude=["user"])
    consent.save()
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, actor: User) -> Consent:
    """The person withdraws a consent: recorded, audited, and undone where it acted (the
    app that asked for it registered what withdrawing does)."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.utils.translation import gettext as _

    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    owner = consent.user_id == getattr(actor, "pk", None) or (
        consent.email and consent.email in personal_data.subject_for(actor).emails
    )
    if not owner:
        raise PermissionDenied
    if consent.withdrawn_at is not None:
        return consent
    if consent.kind not in personal_data.WITHDRAWABLE:
        raise ValidationError(_("This is a confirmation, not a consent you can withdraw."))
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    handler = personal_data.consent_withdrawal_handler(consent.kind)
    if handler is not None:
        handler(consent, actor=actor)
    audit_record(
        actor=actor,
        action="consent.withdrawn",
        obj=consent,
        changes={"withdrawn_at": [None, consent.withdrawn_at.isoformat()]},
    )
    return consent


def consents_withdraw_where(*, user: User, kind: str, obj: Any = None) -> int:
    """Mark the person's active consents of a kind (about an object) withdrawn, without
    running the handler: used when the person switches the thing off themselves."""
    object_type, object_id = _object_ref(obj)
    qs = Consent.objects.filter(user=user, kind=kind, withdrawn_at__isnull=True)
    if obj is not None:
        qs = qs.filter(object_type=object_type, object_id=object_id)
    return qs.update(withdrawn_at=timezone.now())
