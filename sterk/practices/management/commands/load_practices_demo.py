"""DEMO data for the practice library: about 200 invented "(demo)" practices over every
region, krachtlijn, challenge, sector and target group, and an open "(demo)" call with
stories in every state. Nothing here is real. Refuses to run without DEBUG unless --force.
Idempotent: demo practices that exist are kept."""

from __future__ import annotations

import datetime
import functools
import random
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sterk.actionplan.models import Challenge
from sterk.core import content
from sterk.core.content import translated
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Organisation, Region
from sterk.practices import services
from sterk.practices.models import Call, Practice, Sector, TargetGroup
from sterk.practices.types import CallData, PracticeData

BRUSSELS = ZoneInfo("Europe/Brussels")
COUNT = 200


@functools.cache
def _source() -> dict[str, Any]:
    """content/demo/practices/: activities (name and what it is, per language), places in
    each language's own name, and the templates of a demo practice's texts."""
    return {
        "activities": content.demo_item("practices/activities"),
        "places": content.demo_item("practices/places"),
        "templates": content.demo_item("practices/templates"),
    }


def demo_texts(i: int) -> dict[str, str]:
    """Title, summary and story of demo practice number i, in Dutch, French and English."""
    source = _source()
    activity = source["activities"][i % len(source["activities"])]
    place = source["places"][(i // len(source["activities"])) % len(source["places"])]
    texts: dict[str, str] = {}
    for lang in ("nl", "fr", "en"):
        values = {
            "name": activity["name"][lang],
            "what": activity["what"][lang],
            "place": place[lang],
        }
        for field in ("title", "summary", "story"):
            texts[f"{field}_{lang}"] = source["templates"][field][lang].format(**values)
    return texts


class Command(BaseCommand):
    help = "Add DEMO practices and an open demo call with submissions (needs DEBUG or --force)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--force", action="store_true", help="Run even without DEBUG.")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo data is for development: set DEBUG or pass --force.")
        rng = random.Random(2021)  # noqa: S311 - demo data
        regions = list(Region.objects.all())
        krachtlijnen = list(Krachtlijn.objects.all())
        functions = list(Function.objects.all())
        challenges = list(Challenge.objects.filter(plan__is_current=True))
        organisations = list(Organisation.objects.approved()[:40])
        added = translated = 0
        for i in range(COUNT):
            slug = f"demo-praktijk-{i + 1:03d}"
            existing = Practice.objects.filter(slug=slug).first()
            if existing is not None:
                translated += self.translate(existing, demo_texts(i))
                continue
            data: dict[str, Any] = {
                **demo_texts(i),
                "language": "nl",
                "region": rng.choice(regions) if regions and rng.random() > 0.1 else None,
                "sector": rng.choice(Sector.values),
                "target_group": rng.choice(TargetGroup.values),
                "krachtlijnen": rng.sample(
                    krachtlijnen, k=min(len(krachtlijnen), rng.randint(1, 2))
                ),
                "functions": rng.sample(functions, k=min(len(functions), 1)),
                "challenges": rng.sample(challenges, k=min(len(challenges), rng.randint(1, 2))),
                "organisations": rng.sample(organisations, k=min(len(organisations), 1)),
            }
            practice = services.practice_create(actor=None, data=cast(PracticeData, data))
            practice.slug = slug
            practice.is_demo = True  # ranks after real practices (selectors.library_search)
            practice.save(update_fields=["slug", "is_demo"])
            practice = services.practice_submit(actor=None, practice=practice)
            day = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800))
            services.practice_publish(
                actor=None,
                practice=practice,
                published_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=BRUSSELS),
            )
            added += 1
        self.stdout.write(f"Demo practices: {added} added, {translated} translated.")
        self.demo_call(organisations, regions)

    def translate(self, practice: Practice, texts: dict[str, str]) -> int:
        """Give a demo practice that an earlier version of this command loaded the French
        and English it lacks (empty, or the Dutch name with a French mark); an editor's own
        translation is kept."""
        data = {}
        for key, text in texts.items():
            if key.endswith("_nl"):
                continue
            current = getattr(practice, key) or ""
            nl_name = texts[key[:-2] + "nl"].partition(" in ")[0]
            if current != text and (not current or current.startswith(f"{nl_name} à ")):
                data[key] = text
        if not data:
            return 0
        services.practice_update(actor=None, practice=practice, data=cast(PracticeData, data))
        return 1

    def demo_call(self, organisations: list[Organisation], regions: list[Region]) -> None:
        (entry,) = content.demo_items("practices/calls")
        item = entry.data
        if Call.objects.filter(slug=item["slug"]).exists() or not organisations:
            return
        today = timezone.localdate()
        owner = Organisation.objects.filter(name="Socius").first() or organisations[0]
        call = services.call_create(
            actor=None,
            data=cast(
                CallData,
                {
                    "slug": item["slug"],
                    **translated("title", item["title"]),
                    **translated("question", item["question"]),
                    **translated("audience", item["audience"]),
                    "owner": owner,
                    "opens_on": today - datetime.timedelta(days=item["opens_days_ago"]),
                    "closes_on": today + datetime.timedelta(days=item["closes_in_days"]),
                    "krachtlijn": Krachtlijn.objects.filter(slug="nabijheid").first(),
                    "questions": item["questions"],
                },
            ),
        )
        texts = item["submissions"]
        for n, state in enumerate(texts["states"], start=1):
            practice = services.call_submission_create(
                call=call,
                user=None,
                data={
                    "title_nl": texts["title"]["nl"].format(n=n),
                    "summary_nl": texts["summary"]["nl"],
                    "region": regions[n % len(regions)] if regions else None,
                    "language": "nl",
                },
                answers=texts["answers"],
                consent_publish=True,
                consent_anonymous=True,
                submitter_name=texts["submitter_name"].format(n=n),
                submitter_email=texts["submitter_email"].format(n=n),
            )
            Practice.objects.filter(pk=practice.pk).update(is_demo=True)
            practice.is_demo = True
            if state == "unconfirmed":
                continue
            practice = services.submission_confirm(token=services.confirmation_token(practice))
            if state in ("in_review", "changes_requested", "declined"):
                practice = services.practice_start_review(actor=None, practice=practice)
            if state == "changes_requested":
                services.practice_request_changes(
                    actor=None, practice=practice, comment=texts["changes_requested"]
                )
            elif state == "declined":
                services.practice_decline(actor=None, practice=practice, reason=texts["declined"])
            elif state == "published":
                practice = services.practice_publish(actor=None, practice=practice)
                # Stories come in as written; editors add the translations.
                services.practice_update(
                    actor=None,
                    practice=practice,
                    data=cast(
                        PracticeData,
                        {
                            f"{field}_{lang}": texts[field][lang].format(n=n)
                            for field in ("title", "summary")
                            for lang in ("fr", "en")
                        },
                    ),
                )
        self.stdout.write("Demo call with submissions in every state added.")
