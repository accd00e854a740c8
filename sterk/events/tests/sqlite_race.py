"""The threaded race on SQLite with a real file database (in-memory SQLite cannot take
concurrent writers: it answers "table is locked"). Run in a subprocess by test_race.py:

    python -m sterk.events.tests.sqlite_race /tmp/race.sqlite3

prints one JSON line with what happened. Writers are serialised by BEGIN IMMEDIATE; the
busy timeout makes them wait for each other instead of failing."""

from __future__ import annotations

import json
import os
import sys


def main(path: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ.pop("DATABASE_URL", None)
    import django
    from django.conf import settings

    settings.DATABASES["default"].update(
        {
            "NAME": path,
            "TEST": {"NAME": path},
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 30},
        }
    )
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, run_syncdb=True)
    from sterk.events.models import Registration
    from sterk.events.tests.factories import EventFactory
    from sterk.events.tests.test_race import _people, _register, _run

    event = EventFactory(capacity=5, slug="race-sqlite")
    users = _people(40, "lite-")
    results = _run([_register(event.pk, u) for u in users], workers=8)
    [double_user] = _people(1, "double-")
    other = EventFactory(capacity=3, slug="race-sqlite-double")
    doubles = _run([_register(other.pk, double_user) for _ in range(4)], workers=4)
    rows = Registration.objects.filter(event=event)
    print(
        json.dumps(
            {
                "unique_results": len(set(results)),
                "confirmed": rows.filter(status="confirmed").count(),
                "waiting": sorted(rows.filter(status="waiting").values_list("position", flat=True)),
                "double_rows": Registration.objects.filter(event=other).count(),
                "double_results": len(set(doubles)),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
