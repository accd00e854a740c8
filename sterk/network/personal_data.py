"""The network's part of a person's data: memberships of regional platforms, roles, and
contact requests (sent with one of their addresses, with or without an account), and the
requests they handled as a manager."""

from __future__ import annotations

from typing import Any

from sterk.core.personal_data import (
    ConsentKind,
    DataSubject,
    Provider,
    address_q,
    register,
    register_consent_withdrawal,
)

from .models import ContactRequest, Membership, RoleAssignment


def _contact_requests(subject: DataSubject) -> Any:
    return ContactRequest.objects.filter(address_q("email", subject.emails))


def export(subject: DataSubject) -> dict[str, Any]:
    user = subject.user
    return {
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
                "capacity": r.capacity,
            }
            for r in RoleAssignment.objects.filter(user=user).select_related(
                "region", "organisation"
            )
        ],
        "contact_requests": [
            {
                "created_at": c.created_at,
                "name": c.name,
                "email": c.email,
                "organisation": c.organisation_name,
                "region": c.region.name if c.region_id else None,
                "topic": c.topic,
                "message": c.message,
                "consent": c.consent,
                "status": c.status,
            }
            for c in _contact_requests(subject).select_related("region").order_by("created_at")
        ],
        # Requests of other people: only that you handled them, not their content.
        "contact_requests_you_handled": [
            {"id": c.pk, "created_at": c.created_at, "topic": c.topic, "status": c.status}
            for c in ContactRequest.objects.filter(handled_by=user).order_by("created_at")
        ],
    }


def identifiers(subject: DataSubject) -> list[str]:
    return [v for row in _contact_requests(subject).values_list("name", "email") for v in row]


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    _contact_requests(subject).delete()
    ContactRequest.objects.filter(handled_by=subject.user).update(handled_by=None)
    Membership.objects.filter(user=subject.user).delete()
    RoleAssignment.objects.filter(user=subject.user).delete()


def withdraw_contact_request(consent: Any, *, actor: Any = None) -> None:
    """Withdrawing consent to store a contact request erases the request."""
    if consent.object_type == "network.contactrequest" and consent.object_id:
        ContactRequest.objects.filter(pk=consent.object_id).delete()


PROVIDER = Provider(
    key="network",
    export=export,
    erase=erase,
    identifiers=identifiers,
    covers={
        "network.Membership": ("user",),
        "network.RoleAssignment": ("user",),
        "network.ContactRequest": ("name", "email", "organisation_name", "message", "handled_by"),
    },
    order=30,
)


def register_provider() -> None:
    register(PROVIDER)
    register_consent_withdrawal(ConsentKind.CONTACT_REQUEST, withdraw_contact_request)
