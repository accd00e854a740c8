"""Remove newsletter sign-ups nobody confirmed within STERK_NEWSLETTER_CONFIRM_HOURS (cron,
daily): `manage.py newsletter_cleanup`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sterk.newsletter import services


class Command(BaseCommand):
    help = "Remove newsletter sign-ups that were not confirmed in time."

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.cleanup_expired()
        if options["verbosity"]:
            self.stdout.write(f"expired sign-ups: {count}")
