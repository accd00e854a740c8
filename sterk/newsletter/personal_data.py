"""The newsletter's part of a person's data: their subscription (address, name, choices,
status, the consent text and when it was given) and the editions addressed to them.

Erasing deletes the subscription and its deliveries (the mails themselves are core's outbox
rows, erased by core's provider). An edition a manager composed keeps its text; only the
link to them as its author goes (created_by is SET_NULL when the account goes)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sterk.core.personal_data import DataSubject, Provider, address_q

from .models import Delivery, Subscriber, split_interests


def _subscriptions(subject: DataSubject) -> Any:
    return Subscriber.objects.filter(Q(user=subject.user) | address_q("email", subject.emails))


def export(subject: DataSubject) -> dict[str, Any]:
    rows = []
    for s in _subscriptions(subject).prefetch_related("regions", "krachtlijnen"):
        rows.append(
            {
                "email": s.email,
                "name": s.name,
                "language": s.language,
                "status": s.status,
                "regions": [str(r) for r in s.regions.all()],
                "krachtlijnen": [str(k) for k in s.krachtlijnen.all()],
                "kinds_of_content": split_interests(s.interests),
                "signed_up_at": s.created_at,
                "confirmed_at": s.confirmed_at,
                "unsubscribed_at": s.unsubscribed_at,
                "consent_text": s.consent_text,
                "consent_text_version": s.consent_version,
                "consent_given_at": s.consent_at,
                "editions_received": [
                    {"edition": d.edition.title_nl, "addressed_at": d.created_at}
                    for d in Delivery.objects.filter(subscriber=s).select_related("edition")
                ],
            }
        )
    return {"newsletter_subscriptions": rows}


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    _subscriptions(subject).delete()


def identifiers(subject: DataSubject) -> list[str]:
    return [n for n in _subscriptions(subject).values_list("name", flat=True) if n]


PROVIDER = Provider(
    key="newsletter",
    export=export,
    erase=erase,
    identifiers=identifiers,
    covers={
        "newsletter.Subscriber": ("email", "name", "user", "consent_text"),
        "newsletter.Delivery": ("subscriber",),
        "newsletter.Edition": ("created_by",),
    },
    order=40,
)
