"""The action plan's part of a person's data: the progress updates they posted, the
evaluation snapshots they took and the action proposals they made or decided. These are
the network's work records (shown in the name of a platform or organisation): erasing keeps
them and removes the link to the person."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sterk.core.personal_data import DataSubject, Provider, register

from .models import ActionProposal, Evaluation, ProgressUpdate


def export(subject: DataSubject) -> dict[str, Any]:
    user = subject.user
    return {
        "progress_updates_you_posted": [
            {"date": u.date, "status": u.status, "narrative": u.narrative}
            for u in ProgressUpdate.objects.filter(author=user).order_by("date", "pk")
        ],
        "evaluation_snapshots_you_took": [
            {"evaluation": e.title, "taken_at": e.snapshot_taken_at}
            for e in Evaluation.objects.filter(snapshot_taken_by=user).order_by("pk")
        ],
        "action_proposals": [
            {
                "title": p.title,
                "status": p.status,
                "proposed_by_you": p.proposed_by_id == user.pk,
                "decided_by_you": p.decided_by_id == user.pk,
                "created_at": p.created_at,
            }
            for p in ActionProposal.objects.filter(
                Q(proposed_by=user) | Q(decided_by=user)
            ).order_by("pk")
        ],
    }


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    user = subject.user
    ProgressUpdate.objects.filter(author=user).update(author=None)
    Evaluation.objects.filter(snapshot_taken_by=user).update(snapshot_taken_by=None)
    ActionProposal.objects.filter(proposed_by=user).update(proposed_by=None)
    ActionProposal.objects.filter(decided_by=user).update(decided_by=None)


PROVIDER = Provider(
    key="actionplan",
    export=export,
    erase=erase,
    covers={
        "actionplan.ProgressUpdate": ("author",),
        "actionplan.Evaluation": ("snapshot_taken_by",),
        "actionplan.ActionProposal": ("proposed_by", "decided_by"),
    },
    order=40,
)


def register_provider() -> None:
    register(PROVIDER)
