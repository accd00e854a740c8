"""The governance's scheduled mail. Idempotent (outbox keys per quarter and per half-year),
so cron may run it daily or hourly:

    30 7 * * *  cd /srv/sterk && .venv/bin/python manage.py send_governance_mail

- the quarterly digest of the course watch to the steering group and the coordinators
  (key governance.digest:<YYYY-Qn>:<address>: once per quarter, never twice);
- the cadence reminder to the coordinators when the half-year ends within eight weeks and
  the stakeholder meeting it needs is not planned (once per half-year)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from sterk.governance import services


class Command(BaseCommand):
    help = "Enqueue the quarterly course-watch digest and the stakeholder-meeting reminder."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        digest = services.digest_send()
        cadence = services.cadence_reminder_send()
        self.stdout.write(f"digest: {digest} enqueued; cadence reminder: {cadence} enqueued")
