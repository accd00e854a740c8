"""DEMO data for the practice library: about 200 invented "(demo)" practices over every
region, krachtlijn, challenge, sector and target group, and an open "(demo)" call with
stories in every state. Nothing here is real. Refuses to run without DEBUG unless --force.
Idempotent: demo practices that exist are kept."""

from __future__ import annotations

import datetime
import random
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sterk.actionplan.models import Challenge
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Organisation, Region
from sterk.practices import services
from sterk.practices.models import Call, Practice, Sector, TargetGroup

BRUSSELS = ZoneInfo("Europe/Brussels")
COUNT = 200
ACTIVITIES = [
    (
        "Buurtsoep",
        "een wekelijkse soep in het buurthuis waar bewoners en hulpverleners elkaar ontmoeten",
    ),
    ("Rechtenverkenners", "vrijwilligers die samen met buren nagaan of ze al hun rechten opnemen"),
    ("Digitaal café", "een plek waar mensen hulp krijgen bij hun smartphone en e-loket"),
    (
        "Wandelend overleg",
        "hulpverleners die op wandel gaan met jongeren in plaats van aan een bureau te zitten",
    ),
    ("Mantelzorgnetwerk", "een netwerk van mantelzorgers dat elkaar ondersteunt in de wijk"),
    ("Onthaal zonder drempel", "één onthaal voor alle sociale vragen, zonder afspraak"),
    ("Groene buurt", "bewoners die samen hun wijk vergroenen en energie besparen"),
    ("Schuldhulp op maat", "trajecten die mensen met schulden stap voor stap begeleiden"),
    ("Straathoekwerk plus", "straathoekwerkers die samenwerken met de eerste lijn"),
    ("Taaltuin", "nieuwkomers die Nederlands oefenen in de moestuin"),
]
PLACES = [
    "Gent",
    "Leuven",
    "Hasselt",
    "Brugge",
    "Antwerpen",
    "Brussel",
    "Mechelen",
    "Kortrijk",
    "Genk",
    "Aalst",
]


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
        added = 0
        for i in range(COUNT):
            slug = f"demo-praktijk-{i + 1:03d}"
            if Practice.objects.filter(slug=slug).exists():
                continue
            name, what = ACTIVITIES[i % len(ACTIVITIES)]
            place = PLACES[(i // len(ACTIVITIES)) % len(PLACES)]
            data: dict[str, Any] = {
                "title_nl": f"{name} in {place} (demo)",
                "summary_nl": f"Demo: {what}. Een verzonnen voorbeeld om de bibliotheek te tonen.",
                "story_nl": f"Dit is **demo**-inhoud.\n\nIn {place} werken ze aan {what}.",
                "title_fr": f"{name} à {place} (démo)",
                "title_en": f"{name} in {place} (demo)",
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
            practice = services.practice_create(actor=None, data=data)
            practice.slug = slug
            practice.save(update_fields=["slug"])
            practice = services.practice_submit(actor=None, practice=practice)
            day = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800))
            services.practice_publish(
                actor=None,
                practice=practice,
                published_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=BRUSSELS),
            )
            added += 1
        self.stdout.write(f"Demo practices: {added} added.")
        self.demo_call(organisations, regions)

    def demo_call(self, organisations: list[Organisation], regions: list[Region]) -> None:
        if Call.objects.filter(slug="demo-oproep-nabijheid").exists() or not organisations:
            return
        today = timezone.localdate()
        owner = Organisation.objects.filter(name="Socius").first() or organisations[0]
        call = services.call_create(
            actor=None,
            data={
                "slug": "demo-oproep-nabijheid",
                "title_nl": "Nabij blijven in de wijk (demo)",
                "question_nl": "Demo-oproep: hoe blijf jij nabij voor de mensen met wie je werkt?",
                "audience_nl": "Alle sociale professionals",
                "owner": owner,
                "opens_on": today - datetime.timedelta(days=14),
                "closes_on": today + datetime.timedelta(days=45),
                "krachtlijn": Krachtlijn.objects.filter(slug="nabijheid").first(),
                "questions": [
                    {
                        "label": "Wat maakt jouw praktijk nabij?",
                        "kind": "text",
                        "choices": [],
                        "required": True,
                    },
                    {
                        "label": "Hoe lang loopt de praktijk al?",
                        "kind": "choice",
                        "choices": ["Minder dan een jaar", "Een tot drie jaar", "Langer"],
                        "required": False,
                    },
                ],
            },
        )
        states = [
            "unconfirmed",
            "submitted",
            "in_review",
            "changes_requested",
            "published",
            "declined",
        ]
        for n, state in enumerate(states, start=1):
            practice = services.call_submission_create(
                call=call,
                user=None,
                data={
                    "title_nl": f"Verhaal {n} voor de demo-oproep (demo)",
                    "summary_nl": "Demo: een verzonnen praktijkverhaal.",
                    "region": regions[n % len(regions)] if regions else None,
                    "language": "nl",
                },
                answers={0: "Demo-antwoord.", 1: "Langer"},
                consent_publish=True,
                consent_anonymous=True,
                submitter_name=f"Demo-indiener {n}",
                submitter_email=f"demo-indiener{n}@example.org",
            )
            if state == "unconfirmed":
                continue
            practice = services.submission_confirm(token=services.confirmation_token(practice))
            if state in ("in_review", "changes_requested", "declined"):
                practice = services.practice_start_review(actor=None, practice=practice)
            if state == "changes_requested":
                services.practice_request_changes(
                    actor=None, practice=practice, comment="Demo: vertel meer over de aanpak."
                )
            elif state == "declined":
                services.practice_decline(
                    actor=None, practice=practice, reason="Demo: dit is geen praktijk."
                )
            elif state == "published":
                services.practice_publish(actor=None, practice=practice)
        self.stdout.write("Demo call with submissions in every state added.")
