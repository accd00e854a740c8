"""`manage.py load_content`: write the real content of Sterk Sociaal Werk to the database.

Pages, the 5 krachtlijnen, the 3 functions (`content/identity/`), the 6 regional platforms
with their sub-regions and priorities, and the organisations the platform's public texts
name (`content/network/`), in nl, fr and en. Rows are matched on their slug (organisations
on their normalised name, priorities on their Dutch title). The re-run rule is the one of
`sterk.core.content.sync`: what is missing is created; `--update` also rewrites the fields
nobody edited in the management area. A second run changes nothing. No people are created.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.identity.models import Function, Krachtlijn, Page
from sterk.network.models import Organisation, Region, RegionPriority, SubRegion, normalise_name


@transaction.atomic
def load_content(*, update: bool = False) -> SyncRun:
    """Write the content; returns the run with its counts."""
    run = SyncRun(update=update)
    for entry in content.items("identity/pages"):
        page = entry.data
        sync(
            run,
            key=f"identity.page:{page['slug']}",
            model=Page,
            lookup={"slug": page["slug"]},
            values={
                **translated("title", page["title"]),
                **translated("lead", page["lead"]),
                **translated("body", page["body"]),
            },
        )

    for model, area in ((Krachtlijn, "krachtlijnen"), (Function, "functions")):
        for entry in content.items(f"identity/{area}"):
            data = entry.data
            sync(
                run,
                key=f"identity.{model._meta.model_name}:{data['slug']}",
                model=model,
                lookup={"slug": data["slug"]},
                values={
                    "number": data["number"],
                    **translated("title", data["title"]),
                    **translated("summary", data["summary"]),
                    **translated("body", data["body"]),
                },
            )

    regions: dict[str, Region] = {}
    for entry in content.items("network/regions"):
        data = entry.data
        region = sync(
            run,
            key=f"network.region:{data['slug']}",
            model=Region,
            lookup={"slug": data["slug"]},
            values={
                "order": data["order"],
                "short_name": data["short_name"],
                **translated("name", data["name"]),
                **translated("tagline", data["tagline"]),
                **translated("description", data["description"]),
            },
        )
        regions[region.slug] = region
        for order, sub in enumerate(data["subregions"], start=1):
            sync(
                run,
                key=f"network.subregion:{region.slug}/{sub['slug']}",
                model=SubRegion,
                lookup={"region": region, "slug": sub["slug"]},
                values={
                    "order": order,
                    **translated("name", sub["name"]),
                    **translated("description", sub["description"]),
                },
            )
        for order, priority in enumerate(data["priorities"], start=1):
            sync(
                run,
                key=f"network.regionpriority:{region.slug}/{priority['title']['nl']}",
                model=RegionPriority,
                lookup={"region": region, "title_nl": priority["title"]["nl"]},
                values={
                    "order": order,
                    "title_fr": priority["title"]["fr"],
                    "title_en": priority["title"]["en"],
                    **translated("description", priority["description"]),
                },
            )

    for entry in content.items("network/organisations"):
        data = entry.data
        values: dict[str, Any] = {
            "name": data["name"],
            "type": data["type"],
            "is_stakeholder": data["is_stakeholder"],
            "is_approved": True,
            **translated("description", data["description"]),
            **translated("themes", data["themes"]),
        }
        if data["website"]:
            # An empty website in the content never erases one set in the admin.
            values["website"] = data["website"]
        normalised = normalise_name(data["name"])
        organisation = sync(
            run,
            key=f"network.organisation:{normalised}",
            model=Organisation,
            lookup={"normalised_name": normalised},
            values=values,
        )
        wanted = {regions[slug].pk for slug in data["regions"]}
        missing = wanted - set(organisation.regions.values_list("pk", flat=True))
        if missing:
            # Regions are only ever added: ties made in the admin stay.
            organisation.regions.add(*missing)
    return run


class Command(BaseCommand):
    help = (
        "Load the real content of Sterk Sociaal Werk from content/ (mission and other pages, "
        "the 5 krachtlijnen, the 3 functions, the 6 regional platforms with sub-regions and "
        "priorities, partner organisations) in nl, fr and en. Creates what is missing; "
        "--update also rewrites what was not edited in the management area. No people."
    )

    def add_arguments(self, parser: Any) -> None:
        content.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run = load_content(update=options["update"])
        content.report(self, run, "Content loaded", options["verbosity"])
