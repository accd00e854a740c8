"""A separate process for bench_newsletter: the outbox worker (`manage.py send_outbox
--every`), or the set-up of the database. Run as

    python -m bench.newsletter_worker setup N   # migrate, N subscribers, one edition, send
    python -m bench.newsletter_worker work      # send_outbox --every 0.2 over SMTP

The database comes from the environment: NL_BENCH_SQLITE=<file>, or DATABASE_URL plus
NL_BENCH_DB_NAME on PostgreSQL. NL_BENCH_SMTP_PORT is the sink's port. The job runner is
the dummy backend: the worker command alone sends, as in production's `send_outbox`."""

from __future__ import annotations

import os
import sys


def _setup() -> None:
    import django
    from django.conf import settings

    from sterk.core.tests.outbox_worker import point_settings_at

    point_settings_at(
        sqlite=os.environ.get("NL_BENCH_SQLITE"),
        db_name=os.environ.get("NL_BENCH_DB_NAME"),
        smtp_port=int(os.environ.get("NL_BENCH_SMTP_PORT", "25")),
        smtp_timeout=2,
    )
    # A claim is stale after 5 s (a killed worker's row is taken over quickly); every SMTP
    # step ends well before that. Retries: 2 s doubling to 10 s; a pass stops after 5
    # temporary failures in a row (the server is down).
    settings.STERK_OUTBOX_CLAIM_TIMEOUT = 5
    settings.STERK_OUTBOX_RETRY_BASE = 2
    settings.STERK_OUTBOX_RETRY_MAX = 10
    settings.STERK_OUTBOX_MAX_ATTEMPTS = 30
    settings.STERK_OUTBOX_BREAKER = 5
    settings.STERK_OUTBOX_RATE = float(os.environ.get("NL_BENCH_RATE", "0"))
    settings.STERK_PAGE_CACHE = False
    django.setup()


def _populate(n: int) -> None:
    from django.core.management import call_command
    from django.db import transaction

    from sterk.accounts.models import User
    from sterk.network.models import Region, Role, RoleAssignment
    from sterk.newsletter import services
    from sterk.newsletter.models import Block, Edition, Subscriber, SubscriberStatus

    call_command("migrate", verbosity=0, run_syncdb=True)
    region = Region.objects.create(slug="antwerpen", name_nl="Antwerpen", name="Antwerpen")
    coordinator = User.objects.create_user(email="coordinator@example.org", password=None)
    RoleAssignment.objects.create(user=coordinator, role=Role.COORDINATOR)
    languages = ("nl", "nl", "nl", "fr", "en")
    with transaction.atomic():
        Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"lezer{i}@example.org",
                    language=languages[i % len(languages)],
                    status=SubscriberStatus.ACTIVE,
                    interests=",events,",
                    token=f"t{i:08d}" + "x" * 30,
                )
                for i in range(n)
            ],
            batch_size=2000,
        )
        through = Subscriber.regions.through
        through.objects.bulk_create(
            [
                through(subscriber_id=pk, region_id=region.pk)
                for pk in Subscriber.objects.values_list("pk", flat=True)
            ],
            batch_size=5000,
        )
    edition = Edition.objects.create(
        slug="bench", title_nl="Nieuwsbrief", title_fr="Lettre", title_en="Newsletter"
    )
    Block.objects.create(
        edition=edition,
        kind="text",
        position=1,
        heading_nl="Politiserend werken",
        text_nl="Een **tekst** met [een link](/nl/over/).\n\n- een\n- twee",
        text_fr="Un **texte** avec [un lien](/fr/over/).",
    )
    Block.objects.create(edition=edition, kind="events", position=2, next_count=3)
    Block.objects.create(edition=edition, kind="actionplan", position=3)
    count = services.edition_send(actor=coordinator, edition=edition)
    print(count)


def main(mode: str, *args: str) -> None:
    _setup()
    from django.core.management import call_command

    if mode == "setup":
        _populate(int(args[0]))
    elif mode == "work":
        call_command("send_outbox", every=0.2, verbosity=0)


if __name__ == "__main__":
    main(*sys.argv[1:])
