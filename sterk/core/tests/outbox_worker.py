"""A separate process for the outbox's kill -9 test (test_outbox.py). Run as

    python -m sterk.core.tests.outbox_worker setup N     # (SQLite: migrate) and enqueue N
    python -m sterk.core.tests.outbox_worker work        # manage.py send_outbox, SMTP

The database comes from the environment: OUTBOX_SQLITE=<file> (a real file: an in-memory
database cannot be shared between processes) or, on PostgreSQL, DATABASE_URL plus
OUTBOX_DB_NAME (the test database the parent test uses). OUTBOX_SMTP_PORT is the parent's
SMTP sink; STERK_OUTBOX_CLAIM_TIMEOUT (seconds) is read by the settings. The job runner is the dummy
backend: no job runs, the worker command alone sends (as when every job was lost)."""

from __future__ import annotations

import os
import sys


def point_settings_at(
    *, sqlite: str | None, db_name: str | None, smtp_port: int, smtp_timeout: float
) -> None:
    """The test settings, before django.setup(), for a worker in a process of its own: the
    database the parent made (a SQLite file, or the PostgreSQL database `db_name` of
    DATABASE_URL's server), its SMTP sink, and no job runner (the worker command alone
    sends, as when every job was lost). Also used by bench/newsletter_worker.py."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    from django.conf import settings

    if sqlite:
        os.environ.pop("DATABASE_URL", None)
        settings.DATABASES["default"].update(
            {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": sqlite,
                "TEST": {"NAME": sqlite},
                "OPTIONS": {
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 30,
                    # Test speed only: fewer fsyncs for thousands of small commits.
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                },
            }
        )
    else:
        settings.DATABASES["default"]["NAME"] = db_name
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_port
    settings.EMAIL_TIMEOUT = smtp_timeout


def _setup() -> None:
    import django

    point_settings_at(
        sqlite=os.environ.get("OUTBOX_SQLITE"),
        db_name=os.environ.get("OUTBOX_DB_NAME"),
        smtp_port=int(os.environ.get("OUTBOX_SMTP_PORT", "25")),
        smtp_timeout=60,
    )
    django.setup()


def main(mode: str, *args: str) -> None:
    _setup()
    from django.core.management import call_command
    from django.db import transaction

    from sterk.core import outbox

    if mode == "setup":
        if os.environ.get("OUTBOX_SQLITE"):
            call_command("migrate", verbosity=0, run_syncdb=True)
        with transaction.atomic():  # one bulk send: one row per recipient
            for i in range(int(args[0])):
                outbox.enqueue(
                    key=f"bulk:1:{i}",
                    to=f"person{i}@example.org",
                    subject="Nieuws",
                    body=f"Dag persoon {i}.",
                )
    elif mode == "work":
        call_command("send_outbox", verbosity=0)


if __name__ == "__main__":
    main(*sys.argv[1:])
