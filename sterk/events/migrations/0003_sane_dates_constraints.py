# The constraints that keep event dates readable, in their own migration (and so their own
# transaction): PostgreSQL cannot ALTER a table with trigger events still pending from the
# repair UPDATEs of 0002.

import datetime

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0002_sane_dates_long_names"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(('starts_at__gte', datetime.datetime(1990, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('starts_at__lt', datetime.datetime(2101, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('ends_at__gte', datetime.datetime(1990, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('ends_at__lt', datetime.datetime(2101, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), models.Q(models.Q(('registration_opens_at__gte', datetime.datetime(1990, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('registration_opens_at__lt', datetime.datetime(2101, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))), ('registration_opens_at__isnull', True), _connector='OR'), models.Q(models.Q(('registration_closes_at__gte', datetime.datetime(1990, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('registration_closes_at__lt', datetime.datetime(2101, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))), ('registration_closes_at__isnull', True), _connector='OR')), name='events_event_sane_dates', violation_error_message='Enter dates between 1990 and 2100.'),
        ),
        migrations.AddConstraint(
            model_name='session',
            constraint=models.CheckConstraint(condition=models.Q(('starts_at__gte', datetime.datetime(1990, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('starts_at__lt', datetime.datetime(2101, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('ends_at__gte', datetime.datetime(1990, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('ends_at__lt', datetime.datetime(2101, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))), name='events_session_sane_dates', violation_error_message='Enter dates between 1990 and 2100.'),
        ),
    ]
