"""Load the real past events the seeds name (nl/fr/en) from `content/events/`.

Series and events are matched on their slug; the re-run rule is the one of
`sterk.core.content.sync` (create what is missing; `--update` rewrites only what nobody
edited in the management area). Links to regions, krachtlijnen and challenges are made when
those exist (they are loaded by their own commands) and are only ever added."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.actionplan.models import Challenge
from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.events.models import Event, EventStatus, Series
from sterk.identity.models import Krachtlijn
from sterk.network.models import Region

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
TEXTS = ("title", "summary", "description", "report", "audience_note")
MOMENTS = ("starts_at", "ends_at", "registration_closes_at")


def _local(value: str) -> datetime.datetime:
    """A time in the files ("2021-04-22 10:00") is Brussels time."""
    return datetime.datetime.fromisoformat(value).replace(tzinfo=BRUSSELS)


@transaction.atomic
def load_events(*, update: bool = False) -> SyncRun:
    run = SyncRun(update=update)
    by_slug: dict[str, Series] = {}
    for entry in content.items("events/series"):
        data = entry.data
        series = sync(
            run,
            key=f"events.series:{data['slug']}",
            model=Series,
            lookup={"slug": data["slug"]},
            values={
                name: value for f in TEXTS for name, value in translated(f, data.get(f)).items()
            },
        )
        by_slug[series.slug] = series

    for entry in content.items("events/events"):
        raw = dict(entry.data)
        links = {k: raw.pop(k, None) for k in ("krachtlijnen", "challenges")}
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key == "slug":
                continue
            if key in TEXTS:
                values.update(translated(key, value))
            elif key in MOMENTS:
                values[key] = _local(value)
            elif key == "series":
                values["series"] = by_slug.get(value) or Series.objects.get(slug=value)
            elif key == "region":
                values["region"] = Region.objects.filter(slug=value).first()
                if values["region"] is None:
                    values["organiser"] = "platform"  # the region is not loaded (yet)
            else:
                values[key] = value
        values.setdefault("status", EventStatus.HELD)
        event = sync(
            run,
            key=f"events.event:{raw['slug']}",
            model=Event,
            lookup={"slug": raw["slug"]},
            values=values,
        )
        if links["krachtlijnen"] == "all":
            wanted = set(Krachtlijn.objects.values_list("pk", flat=True))
        elif links["krachtlijnen"]:
            wanted = set(
                Krachtlijn.objects.filter(slug__in=links["krachtlijnen"]).values_list(
                    "pk", flat=True
                )
            )
        else:
            wanted = set()
        if wanted - set(event.krachtlijnen.values_list("pk", flat=True)):
            event.krachtlijnen.add(*wanted)
        if links["challenges"]:
            challenges = set(
                Challenge.objects.filter(slug__in=links["challenges"]).values_list("pk", flat=True)
            )
            if challenges - set(event.challenges.values_list("pk", flat=True)):
                event.challenges.add(*challenges)
    return run


class Command(BaseCommand):
    help = (
        "Load the real past events of Sterk Sociaal Werk from content/events/. Creates what "
        "is missing; --update also rewrites what nobody edited in the management area."
    )

    def add_arguments(self, parser: Any) -> None:
        content.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run = load_events(update=options["update"])
        content.report(self, run, "Events loaded", options["verbosity"])
