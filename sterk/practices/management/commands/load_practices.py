"""Load the practices the public texts name, and the (closed) Socius call, from
`content/practices/`. Matched on slug; the re-run rule is the one of
`sterk.core.content.sync` (create what is missing, through the practices' services;
`--update` rewrites only the texts nobody edited in the management area)."""

from __future__ import annotations

import datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.actionplan.models import Challenge
from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Region, SubRegion
from sterk.practices import services
from sterk.practices.models import Call, Practice
from sterk.practices.types import PracticeData

BRUSSELS = ZoneInfo("Europe/Brussels")


def organisation(name: str) -> Any:
    return services.organisation_ensure(actor=None, name=name)


def _create_practice(item: dict[str, Any], data: dict[str, Any]) -> Practice:
    region = Region.objects.filter(slug=item["region"]).first() if item["region"] else None
    subregion = None
    if region is not None and item.get("subregion"):
        subregion = SubRegion.objects.filter(region=region, slug=item["subregion"]).first()
    data = {
        **{k: v for k, v in data.items() if k != "slug"},
        "language": "nl",
        "region": region,
        "subregion": subregion,
        "organisations": [organisation(n) for n in item.get("organisations", [])],
        "krachtlijnen": list(Krachtlijn.objects.filter(slug__in=item["krachtlijnen"])),
        "functions": list(Function.objects.filter(slug__in=item["functions"])),
        "challenges": list(
            Challenge.objects.filter(slug__in=item["challenges"], plan__is_current=True)
        ),
    }
    practice = services.practice_create(actor=None, data=cast(PracticeData, data))
    practice.slug = item["slug"]
    practice.save(update_fields=["slug"])
    practice = services.practice_submit(actor=None, practice=practice)
    return services.practice_publish(
        actor=None,
        practice=practice,
        published_at=datetime.datetime.combine(
            item["published"], datetime.time(12), tzinfo=BRUSSELS
        ),
    )


@transaction.atomic
def load_practices(*, update: bool = False) -> SyncRun:
    run = SyncRun(update=update)
    for entry in content.items("practices/practices"):
        item = entry.data
        sync(
            run,
            key=f"practices.practice:{item['slug']}",
            model=Practice,
            lookup={"slug": item["slug"]},
            values={
                "sector": item["sector"],
                "target_group": item["target_group"],
                "organisation_names": item.get("organisation_names", ""),
                **translated("title", item["title"]),
                **translated("summary", item["summary"]),
                **translated("story", item["story"]),
            },
            create=lambda data, item=item: _create_practice(item, data),
            save=lambda obj, data: services.practice_update(actor=None, practice=obj, data=data),
        )
    for entry in content.items("practices/calls"):
        item = entry.data
        sync(
            run,
            key=f"practices.call:{item['slug']}",
            model=Call,
            lookup={"slug": item["slug"]},
            values={
                "audience_nl": item["audience"],
                "theme_nl": item["theme"],
                "opens_on": item["opens_on"],
                "closes_on": item["closes_on"],
                "questions": item["questions"],
                **translated("title", item["title"]),
                **translated("question", item["question"]),
            },
            create=lambda data, item=item: services.call_create(
                actor=None,
                data={
                    **data,
                    "owner": organisation(item["owner"]),
                    "krachtlijn": Krachtlijn.objects.filter(slug=item["krachtlijn"]).first(),
                },
            ),
            save=lambda obj, data: services.call_update(actor=None, call=obj, data=data),
        )
    return run


class Command(BaseCommand):
    help = (
        "Load the real practices and the Socius call from content/practices/. Creates what "
        "is missing; --update also rewrites what nobody edited in the management area."
    )

    def add_arguments(self, parser: Any) -> None:
        content.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run = load_practices(update=options["update"])
        content.report(self, run, "Practices loaded", options["verbosity"])
