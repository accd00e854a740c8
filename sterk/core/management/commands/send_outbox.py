"""Send every e-mail in the outbox that is due: queued rows whose next attempt has come, and
rows a crashed worker left claimed for longer than STERK_OUTBOX_CLAIM_TIMEOUT. Safe to run
at any moment and in parallel (each row is claimed before it is sent). Run it from cron or a
systemd timer beside `db_worker`, so that a mail whose job was lost still goes:

    * * * * *  cd /srv/sterk && .venv/bin/python manage.py send_outbox

or as a process of its own: `manage.py send_outbox --every 30`."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from sterk.core import outbox


class Command(BaseCommand):
    help = "Send the e-mails in the outbox that are due (and those a crashed worker left)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="At most this many.")
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            help="Keep running: look for due e-mails every this many seconds.",
        )
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="First queue every failed e-mail again (after fixing the cause).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["retry_failed"]:
            self.stdout.write(f"requeued: {outbox.requeue_failed()}")
        while True:
            counts = outbox.drain(limit=options["limit"])
            if options["verbosity"] and (options["verbosity"] > 1 or counts["sent"]):
                self.stdout.write(
                    "sent: {sent}; retry later: {retry}; failed: {failed}".format(**counts)
                )
            if not options["every"]:
                return
            close_old_connections()
            time.sleep(options["every"])
