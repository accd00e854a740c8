"""Load the real news posts (nl/fr/en) from `content/news/`.

Posts are matched on their slug; the re-run rule is the one of `sterk.core.content.sync`
(create what is missing; `--update` rewrites only what nobody edited in the management
area). A post in the files is published at its `publish_at` (Brussels time). Ties to
regions, core principles, challenges, actions, events and practices are made when those
exist (they are loaded by their own commands) and are only ever added."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.actionplan.models import Action, Challenge
from sterk.core import content
from sterk.core.content import Item, SyncRun, sync, translated
from sterk.events.models import Event
from sterk.identity.models import Krachtlijn
from sterk.network.models import Organisation, Region
from sterk.news.models import Post, PostStatus
from sterk.practices.models import Practice

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
TEXTS = ("title", "lead", "body", "share_text", "image_alt")
TIES: dict[str, Any] = {
    "krachtlijnen": Krachtlijn,
    "challenges": Challenge,
    "actions": Action,
    "events": Event,
    "practices": Practice,
}


def local(value: Any) -> datetime.datetime:
    """A time in the files ("2020-06-02 10:00") is Brussels time."""
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=BRUSSELS)
    return datetime.datetime.fromisoformat(str(value)).replace(tzinfo=BRUSSELS)


def post_values(data: dict[str, Any]) -> dict[str, Any]:
    """The model fields of one file (without the slug and the ties)."""
    values: dict[str, Any] = {}
    for name in TEXTS:
        values.update(translated(name, data.get(name)))
    if data.get("region"):
        values["region"] = Region.objects.filter(slug=data["region"]).first()
    if data.get("organisation"):
        values["organisation"] = Organisation.objects.filter(name=data["organisation"]).first()
    if "publish_at" in data:
        values["publish_at"] = local(data["publish_at"])
        values["status"] = PostStatus.PUBLISHED
    return values


def add_ties(post: Post, data: dict[str, Any]) -> None:
    for name, model in TIES.items():
        slugs = data.get(name) or []
        if slugs == "all":
            wanted = set(model.objects.values_list("pk", flat=True))
        else:
            wanted = set(model.objects.filter(slug__in=slugs).values_list("pk", flat=True))
        manager = getattr(post, name)
        missing = wanted - set(manager.values_list("pk", flat=True))
        if missing:
            manager.add(*missing)


def sync_post(run: SyncRun, entry: Item, values: dict[str, Any]) -> Post:
    data = entry.data
    post = sync(
        run,
        key=f"news.post:{data['slug']}",
        model=Post,
        lookup={"slug": data["slug"]},
        values=values,
    )
    add_ties(post, data)
    return post


@transaction.atomic
def load_news(*, update: bool = False) -> SyncRun:
    run = SyncRun(update=update)
    for entry in content.items("news"):
        sync_post(run, entry, post_values(entry.data))
    return run


class Command(BaseCommand):
    help = (
        "Load the real news posts of Sterk Sociaal Werk from content/news/. Creates what is "
        "missing; --update also rewrites what nobody edited in the management area."
    )

    def add_arguments(self, parser: Any) -> None:
        content.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run = load_news(update=options["update"])
        content.report(self, run, "News loaded", options["verbosity"])
