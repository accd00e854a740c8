"""The governance's part of a person's data: the meetings they were invited to and whether
they attended, and the follow-up points they own."""

from __future__ import annotations

from typing import Any

from sterk.core.personal_data import DataSubject, Provider, register

from .models import FollowUp, Invitation


def export(subject: DataSubject) -> dict[str, Any]:
    user = subject.user
    return {
        "meeting_invitations": [
            {
                "meeting": i.meeting.title,
                "starts_at": i.meeting.starts_at,
                "organisation": str(i.organisation or ""),
                "attended": i.attended,
            }
            for i in Invitation.objects.filter(user=user)
            .select_related("meeting", "organisation")
            .order_by("meeting__starts_at")
        ],
        "follow_up_points": [
            {
                "meeting": f.meeting.title,
                "title": f.title,
                "due_on": f.due_on,
                "status": f.status,
            }
            for f in FollowUp.objects.filter(owner=user).select_related("meeting").order_by("id")
        ],
    }


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    Invitation.objects.filter(user=subject.user).delete()
    FollowUp.objects.filter(owner=subject.user).update(owner=None)


def register_provider() -> None:
    register(
        Provider(
            key="governance",
            export=export,
            erase=erase,
            covers={
                "governance.Invitation": ("user",),
                "governance.FollowUp": ("owner",),
            },
        )
    )
