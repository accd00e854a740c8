"""Load the real, archived newsletter editions (nl/fr/en) from `content/newsletter/`.

An edition is matched on its slug, a block on its edition and position; the re-run rule is
the one of `sterk.core.content.sync` (create what is missing; `--update` rewrites only what
nobody edited in the management area). An edition in the files was sent at `sent_at`
(Brussels time): it is archived (status sent), shown at /nl/nieuwsbrief/<slug>/ and never
mailed. The items its blocks show (a call, events, practices, a news post) are found by
slug when they exist (loaded by their own commands) and are only ever added."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.events.models import Event
from sterk.newsletter.models import Block, Edition, EditionStatus
from sterk.practices.models import Call, Practice

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def _local(value: Any) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=BRUSSELS)
    return datetime.datetime.fromisoformat(str(value)).replace(tzinfo=BRUSSELS)


def _block_values(data: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {"kind": data["kind"]}
    values.update(translated("heading", data.get("heading")))
    values.update(translated("text", data.get("text")))
    if data.get("call"):
        values["call"] = Call.objects.filter(slug=data["call"]).first()
    if data.get("next_count"):
        values["next_count"] = int(data["next_count"])
    if data.get("post"):
        from sterk.news.models import Post

        values["post"] = Post.objects.filter(slug=data["post"]).first()
    return values


def _add(manager: Any, model: Any, slugs: list[str]) -> None:
    wanted = set(model.objects.filter(slug__in=slugs or []).values_list("pk", flat=True))
    missing = wanted - set(manager.values_list("pk", flat=True))
    if missing:
        manager.add(*missing)


@transaction.atomic
def load_newsletter(*, update: bool = False) -> SyncRun:
    run = SyncRun(update=update)
    for entry in content.items("newsletter"):
        data = entry.data
        sent_at = _local(data["sent_at"])
        edition = sync(
            run,
            key=f"newsletter.edition:{data['slug']}",
            model=Edition,
            lookup={"slug": data["slug"]},
            values={
                **translated("title", data["title"]),
                **translated("intro", data.get("intro")),
                "status": EditionStatus.SENT,
                "sent_at": sent_at,
                "send_started_at": sent_at,
            },
        )
        for position, block in enumerate(data.get("blocks", []), start=1):
            obj = sync(
                run,
                key=f"newsletter.block:{data['slug']}:{position}",
                model=Block,
                lookup={"edition": edition, "position": position},
                values=_block_values(block),
            )
            _add(obj.events, Event, block.get("events", []))
            _add(obj.practices, Practice, block.get("practices", []))
    return run


class Command(BaseCommand):
    help = (
        "Load the archived newsletter editions from content/newsletter/. Creates what is "
        "missing; --update also rewrites what nobody edited in the management area."
    )

    def add_arguments(self, parser: Any) -> None:
        content.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run = load_newsletter(update=options["update"])
        content.report(self, run, "Newsletter editions loaded", options["verbosity"])
