# The outbox's bulk rows (#14): single e-mails get one job per burst, bulk ones keep the
# rate-limited drain. Rows queued before this migration by `enqueue_many` (newsletter
# editions, the only bulk kind then) are marked, so an edition being sent keeps its rate.

from django.db import migrations, models


BULK_KINDS_THEN = ["newsletter.edition"]


def mark_bulk(apps, schema_editor):
    OutboundEmail = apps.get_model("core", "OutboundEmail")
    OutboundEmail.objects.filter(kind__in=BULK_KINDS_THEN).update(bulk=True)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_outbox'),
    ]

    operations = [
        migrations.AddField(
            model_name='outboundemail',
            name='bulk',
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name='outboundemail',
            index=models.Index(fields=['bulk', 'status', 'next_attempt_at'], name='core_outbox_due_by_kind'),
        ),
        migrations.RunPython(mark_bulk, migrations.RunPython.noop),
    ]
