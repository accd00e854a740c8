"""The core's part of a person's data: the e-mails sent to them (the one outbox, every
app's mails), the audit
trail and Django's admin log. Erased last (after the apps that write to them)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from .personal_data import (
    DataSubject,
    Provider,
    address_q,
    erase_mail_log,
    mentions_q,
    register,
    scrub,
)


def _audit_q(subject: DataSubject) -> tuple[dict[str, Any], Q]:
    annotations, mentions = mentions_q(
        ["object_repr"], subject.scrub_terms(), json_fields=["changes"]
    )
    about = Q(object_type="accounts.user", object_id=str(subject.user.pk))
    return annotations, Q(actor=subject.user) | about | mentions


def export(subject: DataSubject) -> dict[str, Any]:
    from django.contrib.admin.models import LogEntry

    from .models import AuditEntry, OutboundEmail

    user = subject.user
    return {
        "emails_sent_to_you": [
            {
                "to": m.to,
                "kind": m.kind,
                "subject": m.subject,
                "body": m.body,
                "created_at": m.created_at,
                "sent_at": m.sent_at,
            }
            for m in OutboundEmail.objects.filter(address_q("to", subject.emails)).order_by(
                "created_at", "pk"
            )
        ],
        "audit_trail": [
            {
                "when": e.created_at,
                "action": e.action,
                "by_you": e.actor_id == user.pk,
                "object_type": e.object_type,
                "object": e.object_repr,
                "changes": e.changes,
            }
            for e in AuditEntry.objects.filter(
                Q(actor=user) | Q(object_type="accounts.user", object_id=str(user.pk))
            ).order_by("created_at", "pk")
        ],
        "admin_log": [
            {"when": e.action_time, "object": e.object_repr, "change": e.change_message}
            for e in LogEntry.objects.filter(user=user).order_by("action_time", "pk")
        ],
    }


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    from django.contrib.admin.models import LogEntry

    from .models import AuditEntry, OutboundEmail

    erase_mail_log(OutboundEmail, subject)
    terms = subject.scrub_terms()

    # The audit trail keeps what was done, without who did it or whom it was about.
    annotations, condition = _audit_q(subject)
    for entry in AuditEntry.objects.annotate(**annotations).filter(condition):
        repr_ = scrub(entry.object_repr, terms)
        if entry.object_type == "accounts.user" and entry.object_id == str(subject.user.pk):
            repr_ = f"user #{subject.user.pk}"
        AuditEntry.objects.filter(pk=entry.pk).update(
            actor=None, object_repr=repr_[:255], changes=scrub(entry.changes, terms)
        )

    # Django's admin log: the person's own entries go with the account (CASCADE); entries
    # of others about them lose the name and address.
    annotations, mentions = mentions_q(["object_repr", "change_message"], terms)
    for log in LogEntry.objects.annotate(**annotations).filter(mentions):
        LogEntry.objects.filter(pk=log.pk).update(
            object_repr=scrub(log.object_repr, terms)[:200],
            change_message=scrub(log.change_message, terms),
        )
    LogEntry.objects.filter(user=subject.user).delete()


PROVIDER = Provider(
    key="platform",
    export=export,
    erase=erase,
    covers={
        "core.OutboundEmail": ("to", "reply_to", "subject", "body"),
        "core.AuditEntry": ("actor", "object_repr", "changes"),
        "admin.LogEntry": ("user", "object_repr", "change_message"),
    },
    order=90,
)


def register_provider() -> None:
    register(PROVIDER)
