"""Mail the respondents who asked to be kept informed when an action point became done
because its linked action, event or call did (hourly cron, beside send_outbox)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sterk.surveys.services import notify_done_points


class Command(BaseCommand):
    help = "Mail 'done' updates of survey action points whose linked item is done."

    def handle(self, *args: Any, **options: Any) -> None:
        done = notify_done_points()
        if options["verbosity"]:
            self.stdout.write(f"{done} action point(s) announced as done.")
