"""Load the real past events the seeds name (nl/fr/en). Idempotent: matched on slug."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.events import content, services


class Command(BaseCommand):
    help = "Load the real past events of Sterk Sociaal Werk (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        stats = services.content_sync(series=content.SERIES, events=content.EVENTS)
        self.stdout.write(
            f"events: {stats['created']} created, {stats['updated']} updated, {stats['series']} series"
        )
