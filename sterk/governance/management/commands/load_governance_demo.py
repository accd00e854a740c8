"""DEMO governance data: the minutes, decisions and follow-up points of the demo
stakeholder meeting and the agenda of the demo steering-group meeting (tied to the demo
events of `load_events_demo`, so run that first), and two invented policy contacts. All
marked `is_demo`. Refuses to run without DEBUG unless --force. Idempotent."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sterk.actionplan.models import Challenge
from sterk.core import content
from sterk.events.models import Event
from sterk.governance.models import (
    AgendaItem,
    Decision,
    FollowUp,
    Meeting,
    MinutesStatus,
    PolicyContact,
)


class Command(BaseCommand):
    help = "Load DEMO meetings and policy contacts (not real data)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--force", action="store_true", help="Run even without DEBUG.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_governance_demo loads invented data: run with DEBUG or --force."
            )
        with transaction.atomic():
            meetings = sum(self._meeting(e.data) for e in content.demo_items("governance/meetings"))
            contacts = sum(self._policy(e.data) for e in content.demo_items("governance/policy"))
        self.stdout.write(
            f"demo governance: {meetings} meetings, {contacts} policy contacts created "
            "(existing ones kept)"
        )

    def _meeting(self, item: dict[str, Any]) -> int:
        event = Event.objects.filter(slug=item["event"]).first()
        if event is None or Meeting.objects.filter(event=event).exists():
            return 0
        meeting = Meeting.objects.create(
            kind=item["kind"],
            title=event.title_nl or event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            location=item.get("location", ""),
            event=event,
            minutes=item.get("minutes", ""),
            minutes_status=MinutesStatus.DRAFT if item.get("minutes") else MinutesStatus.NONE,
            is_demo=True,
        )
        for order, title in enumerate(item.get("agenda", []), start=1):
            AgendaItem.objects.create(meeting=meeting, order=order, title=title)
        for text in item.get("decisions", []):
            Decision.objects.create(meeting=meeting, text=text)
        today = timezone.localdate()
        for point in item.get("follow_ups", []):
            FollowUp.objects.create(
                meeting=meeting,
                title=point["title"],
                due_on=today + datetime.timedelta(days=point["due_in_days"]),
            )
        return 1

    def _policy(self, item: dict[str, Any]) -> int:
        if PolicyContact.objects.filter(slug=item["slug"]).exists():
            return 0
        contact = PolicyContact(
            slug=item["slug"],
            kind=item["kind"],
            date=item["date"],
            title=item["title"],
            policy_makers=item["policy_makers"],
            asked=item["asked"],
            answer=item.get("answer") or "",
            is_published=bool(item.get("published")),
            is_demo=True,
        )
        contact.full_clean()
        contact.save()
        contact.challenges.set(
            Challenge.objects.filter(plan__is_current=True, number__in=item.get("challenges", []))
        )
        return 1
