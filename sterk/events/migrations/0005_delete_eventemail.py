# In its own migration (and so its own transaction) after the copy of 0004.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0004_one_outbox"),
    ]

    operations = [
        migrations.DeleteModel(
            name="EventEmail",
        ),
    ]
