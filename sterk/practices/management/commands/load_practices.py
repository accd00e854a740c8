"""Load the practices the public texts name, and the (closed) Socius call. Idempotent:
a practice or call that exists (by slug) is left as it is."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.actionplan.models import Challenge
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Region, SubRegion
from sterk.practices import content, services
from sterk.practices.models import Call, Practice

BRUSSELS = ZoneInfo("Europe/Brussels")


def organisation(name: str) -> Any:
    return services.organisation_ensure(actor=None, name=name)


class Command(BaseCommand):
    help = "Load the real practices and the Socius call (idempotent)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        created = 0
        for item in content.PRACTICES:
            if Practice.objects.filter(slug=item["slug"]).exists():
                continue
            self.load_practice(item)
            created += 1
        call_created = self.load_call(content.SOCIUS_CALL)
        self.stdout.write(
            f"Practices: {created} added, {len(content.PRACTICES) - created} already there; "
            f"call: {'added' if call_created else 'already there'}."
        )

    def load_practice(self, item: dict[str, Any]) -> None:
        region = Region.objects.filter(slug=item["region"]).first() if item["region"] else None
        subregion = None
        if region is not None and item.get("subregion"):
            subregion = SubRegion.objects.filter(region=region, slug=item["subregion"]).first()
        data: dict[str, Any] = {
            "language": "nl",
            "region": region,
            "subregion": subregion,
            "sector": item["sector"],
            "target_group": item["target_group"],
            "organisations": [organisation(n) for n in item.get("organisations", [])],
            "organisation_names": item.get("organisation_names", ""),
            "krachtlijnen": list(Krachtlijn.objects.filter(slug__in=item["krachtlijnen"])),
            "functions": list(Function.objects.filter(slug__in=item["functions"])),
            "challenges": list(
                Challenge.objects.filter(slug__in=item["challenges"], plan__is_current=True)
            ),
        }
        for field in ("title", "summary", "story"):
            for code, text in item[field].items():
                data[f"{field}_{code}"] = text
        practice = services.practice_create(actor=None, data=data)
        practice.slug = item["slug"]
        practice.save(update_fields=["slug"])
        practice = services.practice_submit(actor=None, practice=practice)
        services.practice_publish(
            actor=None,
            practice=practice,
            published_at=datetime.datetime.combine(
                item["published"], datetime.time(12), tzinfo=BRUSSELS
            ),
        )

    def load_call(self, item: dict[str, Any]) -> bool:
        if Call.objects.filter(slug=item["slug"]).exists():
            return False
        data: dict[str, Any] = {
            "owner": organisation(item["owner"]),
            "audience_nl": item["audience"],
            "theme_nl": item["theme"],
            "opens_on": item["opens_on"],
            "closes_on": item["closes_on"],
            "krachtlijn": Krachtlijn.objects.filter(slug=item["krachtlijn"]).first(),
            "questions": item["questions"],
            "slug": item["slug"],
        }
        for field in ("title", "question"):
            for code, text in item[field].items():
                data[f"{field}_{code}"] = text
        services.call_create(actor=None, data=data)
        return True
