"""`manage.py load_demo`: load DEMO data. Invented people and organisations for development
and demonstrations only: NEVER run this against a production database.

Every demo person has an e-mail address at @demo.sterksociaalwerk.be and the published
password "demo-sterk-2026"; demo organisations end in " (demo)". The command refuses to run
when settings.DEBUG is off, unless --force is given. It is idempotent: a second run creates
nothing. See `sterk/network/demo.py` for what it builds.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sterk.network.demo import DEMO_DOMAIN, DEMO_PASSWORD, build_demo


class Command(BaseCommand):
    help = (
        "Load DEMO data (never for production): a login per role and about 75 invented "
        f"people at @{DEMO_DOMAIN} with the password {DEMO_PASSWORD!r}, demo organisations "
        "named '... (demo)', memberships and contact requests. Loads the real content first "
        "if it is missing. Idempotent. Refuses to run when DEBUG is off unless --force."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Demo logins have a published password: "
            "never do this on a site that real people use.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_demo creates demo logins with a published password and is meant for "
                "development only. DEBUG is off, so this looks like a real site: nothing was "
                "loaded. Use --force if you really mean it."
            )
        result = build_demo()
        created = ", ".join(f"{n} {what}" for what, n in sorted(result.stats.items()))
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded: {created or 'nothing new, all present'}.")
        )
        if options["verbosity"] < 1:
            return
        width = max(len(email) for email, _label in result.logins)
        role_width = max(len(label) for _email, label in result.logins)
        rule = "-" * (width + role_width + len(DEMO_PASSWORD) + 4)
        self.stdout.write("")
        self.stdout.write("Demo logins (DEMO DATA: never use on a real site)")
        self.stdout.write(rule)
        self.stdout.write(f"{'E-mail':<{width}}  {'Role':<{role_width}}  Password")
        self.stdout.write(rule)
        for email, label in result.logins:
            self.stdout.write(f"{email:<{width}}  {label:<{role_width}}  {DEMO_PASSWORD}")
        self.stdout.write(rule)
        self.stdout.write(f"Every other person at @{DEMO_DOMAIN} has the same password.")
