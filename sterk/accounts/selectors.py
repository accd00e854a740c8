"""Reads for accounts: consents of a person and about an object."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Model

from sterk.core.personal_data import subject_for

from .models import Consent


def consents_of(user: Any) -> list[Consent]:
    """A person's consents (by account and by their verified addresses), newest first."""

    from .personal_data import consents_of as matching

    return list(matching(subject_for(user)).order_by("-given_at", "-pk"))


def consent_given_at(obj: Model, kind: str) -> datetime.datetime | None:
    """When the (latest, not withdrawn) consent of this kind about the object was given."""
    consent = (
        Consent.objects.filter(
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            kind=kind,
            withdrawn_at__isnull=True,
        )
        .order_by("-given_at")
        .first()
    )
    return consent.given_at if consent else None
