"""A separate process for the newsletter's kill -9 test (test_send_faults.py). Run as

    python -m sterk.newsletter.tests.send_worker setup N   # migrate, N subscribers, send
    python -m sterk.newsletter.tests.send_worker work      # manage.py send_outbox, SMTP

The database and the SMTP port come from the environment as for core's outbox_worker
(OUTBOX_SQLITE or DATABASE_URL + OUTBOX_DB_NAME, OUTBOX_SMTP_PORT)."""

from __future__ import annotations

import sys

from sterk.core.tests import outbox_worker


def main(mode: str, *args: str) -> None:
    outbox_worker._setup()
    import os

    from django.conf import settings
    from django.core.management import call_command

    settings.STERK_OUTBOX_BREAKER = int(os.environ.get("OUTBOX_BREAKER", "0"))
    if mode == "setup":
        if os.environ.get("OUTBOX_SQLITE"):
            call_command("migrate", verbosity=0, run_syncdb=True)
        from sterk.network.models import Role
        from sterk.network.tests.factories import RoleAssignmentFactory
        from sterk.newsletter import services
        from sterk.newsletter.tests.factories import EditionFactory, SubscriberFactory, text_block

        for i in range(int(args[0])):
            SubscriberFactory(email=f"lezer{i}@example.org", language=("nl", "fr", "en")[i % 3])
        edition = EditionFactory()
        text_block(edition)
        coordinator = RoleAssignmentFactory(role=Role.COORDINATOR).user
        services.edition_send(actor=coordinator, edition=edition)
    elif mode == "work":
        call_command("send_outbox", verbosity=0)


if __name__ == "__main__":
    main(*sys.argv[1:])
