"""Send the day-before reminders. Idempotent (one reminder per registration, recorded with
a unique key), so a cron job or systemd timer may run it every hour:

    15 * * * *  cd /srv/sterk && .venv/bin/python manage.py send_event_reminders

It also lets seats offered from a waiting list lapse when their time has passed. The
reminders are rows in core's outbox (one per registration, key reminder:<id>:<date>), sent
after commit by the job runner or by `manage.py send_outbox`; this command never speaks SMTP."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from sterk.events import services
from sterk.events.models import Event, Registration, RegistrationStatus


class Command(BaseCommand):
    help = "Mail tomorrow's registrants a reminder (idempotent) and expire lapsed seat offers."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        sent = services.reminders_send()
        expired = 0
        event_ids = (
            Registration.objects.filter(
                status=RegistrationStatus.OFFERED, offer_expires_at__lt=timezone.now()
            )
            .values_list("event_id", flat=True)
            .distinct()
        )
        for event in Event.objects.filter(pk__in=list(event_ids)):
            expired += services.offers_expire(event=event)
        self.stdout.write(f"reminders: {sent} sent; seat offers expired: {expired}")
