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
# (name, what it is) per language: the demo shows what a translated library looks like.
ACTIVITIES: list[dict[str, tuple[str, str]]] = [
    {
        "nl": (
            "Buurtsoep",
            "een wekelijkse soep in het buurthuis waar bewoners en hulpverleners elkaar ontmoeten",
        ),
        "fr": (
            "Soupe de quartier",
            "une soupe hebdomadaire à la maison de quartier où habitants et intervenants se "
            "rencontrent",
        ),
        "en": (
            "Neighbourhood soup",
            "a weekly soup in the community centre where residents and social workers meet",
        ),
    },
    {
        "nl": (
            "Rechtenverkenners",
            "vrijwilligers die samen met buren nagaan of ze al hun rechten opnemen",
        ),
        "fr": (
            "Éclaireurs des droits",
            "des bénévoles qui vérifient avec leurs voisins s'ils font valoir tous leurs droits",
        ),
        "en": (
            "Rights scouts",
            "volunteers who check with their neighbours whether they claim all their rights",
        ),
    },
    {
        "nl": ("Digitaal café", "een plek waar mensen hulp krijgen bij hun smartphone en e-loket"),
        "fr": (
            "Café numérique",
            "un lieu où l'on aide les gens avec leur smartphone et les guichets en ligne",
        ),
        "en": (
            "Digital café",
            "a place where people get help with their smartphone and online public services",
        ),
    },
    {
        "nl": (
            "Wandelend overleg",
            "hulpverleners die op wandel gaan met jongeren in plaats van aan een bureau te zitten",
        ),
        "fr": (
            "Concertation en marchant",
            "des intervenants qui se promènent avec des jeunes au lieu de s'asseoir à un bureau",
        ),
        "en": (
            "Walking meetings",
            "social workers who go for a walk with young people instead of sitting at a desk",
        ),
    },
    {
        "nl": (
            "Mantelzorgnetwerk",
            "een netwerk van mantelzorgers dat elkaar ondersteunt in de wijk",
        ),
        "fr": (
            "Réseau d'aidants proches",
            "un réseau d'aidants proches qui s'entraident dans le quartier",
        ),
        "en": (
            "Carers' network",
            "a network of informal carers who support each other in the neighbourhood",
        ),
    },
    {
        "nl": ("Onthaal zonder drempel", "één onthaal voor alle sociale vragen, zonder afspraak"),
        "fr": (
            "Accueil sans seuil",
            "un seul accueil pour toutes les questions sociales, sans rendez-vous",
        ),
        "en": (
            "Open-door welcome",
            "one welcome desk for every social question, without an appointment",
        ),
    },
    {
        "nl": ("Groene buurt", "bewoners die samen hun wijk vergroenen en energie besparen"),
        "fr": (
            "Quartier vert",
            "des habitants qui verdissent ensemble leur quartier et économisent l'énergie",
        ),
        "en": (
            "Green neighbourhood",
            "residents who green their neighbourhood together and save energy",
        ),
    },
    {
        "nl": ("Schuldhulp op maat", "trajecten die mensen met schulden stap voor stap begeleiden"),
        "fr": (
            "Aide aux dettes sur mesure",
            "des parcours qui accompagnent pas à pas les personnes endettées",
        ),
        "en": (
            "Tailored debt support",
            "programmes that guide people in debt step by step",
        ),
    },
    {
        "nl": ("Straathoekwerk plus", "straathoekwerkers die samenwerken met de eerste lijn"),
        "fr": (
            "Travail de rue plus",
            "des travailleurs de rue qui collaborent avec la première ligne",
        ),
        "en": ("Street work plus", "street workers who team up with primary care"),
    },
    {
        "nl": ("Taaltuin", "nieuwkomers die Nederlands oefenen in de moestuin"),
        "fr": (
            "Jardin des langues",
            "des primo-arrivants qui pratiquent le néerlandais au potager",
        ),
        "en": ("Language garden", "newcomers who practise Dutch in the vegetable garden"),
    },
]
# The places in each language's own name.
PLACES: list[dict[str, str]] = [
    {"nl": "Gent", "fr": "Gand", "en": "Ghent"},
    {"nl": "Leuven", "fr": "Louvain", "en": "Leuven"},
    {"nl": "Hasselt", "fr": "Hasselt", "en": "Hasselt"},
    {"nl": "Brugge", "fr": "Bruges", "en": "Bruges"},
    {"nl": "Antwerpen", "fr": "Anvers", "en": "Antwerp"},
    {"nl": "Brussel", "fr": "Bruxelles", "en": "Brussels"},
    {"nl": "Mechelen", "fr": "Malines", "en": "Mechelen"},
    {"nl": "Kortrijk", "fr": "Courtrai", "en": "Kortrijk"},
    {"nl": "Genk", "fr": "Genk", "en": "Genk"},
    {"nl": "Aalst", "fr": "Alost", "en": "Aalst"},
]


def demo_texts(i: int) -> dict[str, str]:
    """Title, summary and story of demo practice number i, in Dutch, French and English."""
    activity = ACTIVITIES[i % len(ACTIVITIES)]
    place = PLACES[(i // len(ACTIVITIES)) % len(PLACES)]
    texts: dict[str, str] = {}
    templates = {
        "nl": (
            "{name} in {place} (demo)",
            "Demo: {what}. Een verzonnen voorbeeld om de bibliotheek te tonen.",
            "Dit is **demo**-inhoud.\n\nIn {place} werken ze aan {what}.",
        ),
        "fr": (
            "{name} à {place} (démo)",
            "Démo : {what}. Un exemple inventé pour montrer la bibliothèque.",
            "Ceci est un contenu de **démo**.\n\nÀ {place}, on travaille à {what}.",
        ),
        "en": (
            "{name} in {place} (demo)",
            "Demo: {what}. An invented example to show the library.",
            "This is **demo** content.\n\nIn {place} they work on {what}.",
        ),
    }
    for lang, (title, summary, story) in templates.items():
        name, what = activity[lang]
        values = {"name": name, "what": what, "place": place[lang]}
        texts[f"title_{lang}"] = title.format(**values)
        texts[f"summary_{lang}"] = summary.format(**values)
        texts[f"story_{lang}"] = story.format(**values)
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
            practice = services.practice_create(actor=None, data=data)
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
        services.practice_update(actor=None, practice=practice, data=data)
        return 1

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
                "title_fr": "Rester proche dans le quartier (démo)",
                "title_en": "Staying close in the neighbourhood (demo)",
                "question_nl": "Demo-oproep: hoe blijf jij nabij voor de mensen met wie je werkt?",
                "question_fr": "Appel de démo : comment restes-tu proche des personnes avec qui "
                "tu travailles ?",
                "question_en": "Demo call: how do you stay close to the people you work with?",
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
            Practice.objects.filter(pk=practice.pk).update(is_demo=True)
            practice.is_demo = True
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
                practice = services.practice_publish(actor=None, practice=practice)
                # Stories come in as written; editors add the translations.
                services.practice_update(
                    actor=None,
                    practice=practice,
                    data={
                        "title_fr": f"Récit {n} pour l'appel de démo (démo)",
                        "title_en": f"Story {n} for the demo call (demo)",
                        "summary_fr": "Démo : un récit de pratique inventé.",
                        "summary_en": "Demo: an invented practice story.",
                    },
                )
        self.stdout.write("Demo call with submissions in every state added.")
