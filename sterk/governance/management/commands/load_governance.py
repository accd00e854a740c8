"""Load the platform's governance bodies (the steering group, the stakeholder meeting and
how often it meets) from `content/governance/bodies/`. Matched on slug; the re-run rule is
the one of `sterk.core.content.sync` (create what is missing; `--update` rewrites only the
texts nobody edited since)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.governance.models import Body


@transaction.atomic
def load_governance(*, update: bool = False) -> SyncRun:
    run = SyncRun(update=update)
    for entry in content.items("governance/bodies"):
        item = entry.data
        sync(
            run,
            key=f"governance.body:{item['slug']}",
            model=Body,
            lookup={"slug": item["slug"]},
            values={
                "kind": item["kind"],
                "order": item.get("order", 0),
                "meetings_per_year": item.get("meetings_per_year"),
                **translated("title", item["title"]),
                **translated("description", item.get("description")),
            },
        )
    return run


class Command(BaseCommand):
    help = "Load the governance bodies from content/governance/."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        content.add_arguments(parser)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        run = load_governance(update=options["update"])
        content.report(self, run, "governance bodies", options["verbosity"])
