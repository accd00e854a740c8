"""Writes for accounts: profile changes, the pending join, data export and deletion."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest

from sterk.core.audit import audit_record

PENDING_JOIN_SESSION_KEY = "sterk_pending_join"


def pending_join_apply(*, request: HttpRequest, user: Any) -> None:
    from django.contrib import messages
    from django.utils.translation import gettext as _

    from sterk.network.models import Region
    from sterk.network.services import membership_join

    region_id = request.session.pop(PENDING_JOIN_SESSION_KEY, None)
    if not region_id:
        return
    region = Region.objects.filter(pk=region_id).first()
    if region is None:
        return
    membership_join(user=user, region=region)
    messages.success(request, _("You are now a member of %(region)s.") % {"region": region.name})


@transaction.atomic
def profile_update(*, user: Any, data: dict[str, Any], proposed_organisation: str = "") -> Any:
    from sterk.network.services import organisation_propose

    for key, value in data.items():
        setattr(user, key, value)
    if proposed_organisation:
        user.organisation = organisation_propose(user=user, name=proposed_organisation)
    user.full_clean()
    user.save()
    return user


def personal_data_export(user: Any) -> str:
    """Everything the platform keeps about a person, as JSON (GDPR art. 15 and 20)."""
    from sterk.network.models import ContactRequest, Membership, RoleAssignment

    data = {
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
        "memberships": [
            {
                "region": m.region.name,
                "subregion": m.subregion.name if m.subregion else None,
                "joined_at": m.joined_at,
            }
            for m in Membership.objects.filter(user=user).select_related("region", "subregion")
        ],
        "roles": [
            {
                "role": r.role,
                "region": str(r.region or ""),
                "organisation": str(r.organisation or ""),
            }
            for r in RoleAssignment.objects.filter(user=user).select_related(
                "region", "organisation"
            )
        ],
        "contact_requests": list(
            ContactRequest.objects.filter(email=user.email).values(
                "created_at", "topic", "message", "status"
            )
        ),
    }
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


@transaction.atomic
def account_delete(*, user: Any) -> None:
    """Delete the account and everything tied to it. Audit entries keep the change but
    lose the link to the person (actor becomes empty)."""
    audit_record(actor=None, action="account.deleted", object_repr=f"user #{user.pk}")
    user.delete()
