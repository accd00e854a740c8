"""`manage.py load_content`: write the real content of Sterk Sociaal Werk to the database.

Pages, the 5 krachtlijnen, the 3 functions, the 6 regional platforms with their sub-regions
and priorities, and the organisations the platform's public texts name, in nl, fr and en
(see `sterk/identity/content.py`). Idempotent: rows are matched on their slug (or, for
organisations, their normalised name; for priorities, their Dutch title), a row is only
saved when a value differs, and a second run changes nothing. No people are created.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.utils import translation

from sterk.identity import content
from sterk.identity.models import Function, Krachtlijn, Page
from sterk.network.models import Organisation, Region, RegionPriority, SubRegion, normalise_name


def _translated(field: str, text: content.Text) -> dict[str, str]:
    return {f"{field}_{lang}": text[lang] for lang in content.LANGUAGES}


def _sync(
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    *,
    overwrite: bool,
    stats: Counter[str],
) -> Any:
    """Create the row, or bring it in line with `values`; save only what differs."""
    label = model._meta.model_name
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        stats[f"{label} created"] += 1
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not overwrite or not changed:
        stats[f"{label} unchanged"] += 1
        return obj
    for name in changed:
        setattr(obj, name, values[name])
    obj.full_clean()
    obj.save()
    stats[f"{label} updated"] += 1
    return obj


@transaction.atomic
def load_content(*, overwrite: bool = True) -> Counter[str]:
    """Write the content; returns counts per model of rows created, updated, unchanged."""
    stats: Counter[str] = Counter()
    values: dict[str, Any]
    # The untranslated columns of modeltranslation fields take the active language's
    # value on save: keep them Dutch, the default language.
    with translation.override("nl"):
        for page in content.PAGES:
            values = {
                **_translated("title", page["title"]),
                **_translated("lead", page["lead"]),
                **_translated("body", page["body"]),
            }
            _sync(Page, {"slug": page["slug"]}, values, overwrite=overwrite, stats=stats)

        for model, items in ((Krachtlijn, content.KRACHTLIJNEN), (Function, content.FUNCTIONS)):
            for item in items:
                values = {
                    "number": item["number"],
                    **_translated("title", item["title"]),
                    **_translated("summary", item["summary"]),
                    **_translated("body", item["body"]),
                }
                _sync(model, {"slug": item["slug"]}, values, overwrite=overwrite, stats=stats)

        regions: dict[str, Region] = {}
        for data in content.REGIONS:
            values = {
                "order": data["order"],
                "short_name": data["short_name"],
                **_translated("name", data["name"]),
                **_translated("tagline", data["tagline"]),
                **_translated("description", data["description"]),
            }
            region = _sync(Region, {"slug": data["slug"]}, values, overwrite=overwrite, stats=stats)
            regions[region.slug] = region
            for order, sub in enumerate(data["subregions"], start=1):
                values = {
                    "order": order,
                    **_translated("name", sub["name"]),
                    **_translated("description", sub["description"]),
                }
                _sync(
                    SubRegion,
                    {"region": region, "slug": sub["slug"]},
                    values,
                    overwrite=overwrite,
                    stats=stats,
                )
            for order, priority in enumerate(data["priorities"], start=1):
                values = {
                    "order": order,
                    "title_fr": priority["title"]["fr"],
                    "title_en": priority["title"]["en"],
                    **_translated("description", priority["description"]),
                }
                _sync(
                    RegionPriority,
                    {"region": region, "title_nl": priority["title"]["nl"]},
                    values,
                    overwrite=overwrite,
                    stats=stats,
                )

        for data in content.ORGANISATIONS:
            values = {
                "name": data["name"],
                "type": data["type"],
                "is_stakeholder": data["is_stakeholder"],
                "is_approved": True,
                **_translated("description", data["description"]),
                **_translated("themes", data["themes"]),
            }
            if data["website"]:
                # An empty website in the content never erases one set in the admin.
                values["website"] = data["website"]
            organisation = _sync(
                Organisation,
                {"normalised_name": normalise_name(data["name"])},
                values,
                overwrite=overwrite,
                stats=stats,
            )
            wanted = {regions[slug].pk for slug in data["regions"]}
            missing = wanted - set(organisation.regions.values_list("pk", flat=True))
            if missing:
                # Regions are only ever added: ties made in the admin stay.
                organisation.regions.add(*missing)
    return stats


class Command(BaseCommand):
    help = (
        "Load the real content of Sterk Sociaal Werk (mission and other pages, the 5 "
        "krachtlijnen, the 3 functions, the 6 regional platforms with sub-regions and "
        "priorities, partner organisations) in nl, fr and en. Idempotent: run it as often "
        "as you like. No people are created."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--only-missing",
            action="store_true",
            help="Create what is missing but leave existing rows as they are "
            "(keeps texts edited in the admin).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stats = load_content(overwrite=not options["only_missing"])
        created = sum(n for key, n in stats.items() if key.endswith(" created"))
        updated = sum(n for key, n in stats.items() if key.endswith(" updated"))
        unchanged = sum(n for key, n in stats.items() if key.endswith(" unchanged"))
        if options["verbosity"] >= 2:
            for key in sorted(stats):
                self.stdout.write(f"  {key}: {stats[key]}")
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Content loaded: {created} created, {updated} updated, {unchanged} unchanged."
                )
            )
