# One outbox (issue 9): the event e-mails move into core's outbox, then EventEmail goes
# (0005). A registration e-mail becomes kind "events.<template>" with the registration id
# (and whether it carries the .ics) in its context; a pre-rendered one (an organiser's
# message) keeps its subject and body, labelled "events.message".

import datetime

from django.db import migrations, models
from django.utils import timezone

STALE_AFTER_DAYS = 2  # as in core.0004_outbox: older unsent mails are not sent days late


def copy_to_outbox(apps, schema_editor):
    EventEmail = apps.get_model("events", "EventEmail")
    OutboundEmail = apps.get_model("core", "OutboundEmail")
    cutoff = timezone.now() - datetime.timedelta(days=STALE_AFTER_DAYS)
    taken = set(OutboundEmail.objects.values_list("key", flat=True))
    for old in EventEmail.objects.order_by("pk").iterator():
        key = old.key if old.key not in taken else f"events:{old.key}"[:200]
        taken.add(key)
        context = {}
        if old.registration_id is not None:
            context["registration_id"] = old.registration_id
            if old.attach_ics:
                context["ics"] = True
        # Only an organiser's message was pre-rendered (no kind): it is "events.message" now,
        # a label (a row with a body is sent as it is).
        kind = f"events.{old.kind or 'message'}"
        error = old.last_error
        if old.sent_at is not None:
            status = "sent"
        elif not old.body and old.registration_id is None:
            status, error = "failed", error or "The registration was gone before it was sent."
        elif old.created_at < cutoff:
            status = "failed"
        else:
            status = "queued"
        row = OutboundEmail.objects.create(
            key=key,
            to=old.to,
            kind=kind,
            context=context,
            subject=old.subject,
            body=old.body,
            reply_to=old.reply_to,
            status=status,
            sent_at=old.sent_at,
            attempts=old.attempts,
            last_error=error,
        )
        # created_at is auto_now_add: set it afterwards.
        OutboundEmail.objects.filter(pk=row.pk).update(created_at=old.created_at)


def copy_back(apps, schema_editor):
    EventEmail = apps.get_model("events", "EventEmail")
    OutboundEmail = apps.get_model("core", "OutboundEmail")
    for row in OutboundEmail.objects.filter(kind__startswith="events.").iterator():
        old = EventEmail.objects.create(
            key=row.key,
            to=row.to,
            subject=row.subject,
            body=row.body,
            registration_id=row.context.get("registration_id"),
            attach_ics=bool(row.context.get("ics")),
            kind="" if row.kind == "events.message" else row.kind.removeprefix("events."),
            reply_to=row.reply_to,
            sent_at=row.sent_at,
            attempts=row.attempts,
            last_error=row.last_error,
        )
        EventEmail.objects.filter(pk=old.pk).update(created_at=row.created_at)
        row.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0004_outbox"),
        ("events", "0003_sane_dates_constraints"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventmessage",
            name="key",
            field=models.CharField(
                blank=True, editable=False, max_length=64, null=True, unique=True
            ),
        ),
        migrations.RunPython(copy_to_outbox, copy_back),
    ]
