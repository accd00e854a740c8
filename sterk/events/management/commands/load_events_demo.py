"""DEMO events, relative to today: a full gathering with a waiting list, a webinar with
questions, a conference with parallel sessions, a practice safari that offers freed seats
for 24 hours, a World Social Work Day campaign across regions, stakeholder meetings and a
steering-group meeting. Every title says "(demo)"; the registrants are invented
(@example.org). Refuses to run without DEBUG unless --force. Idempotent (matched on slug)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sterk.events import services
from sterk.events.models import Event, EventStatus, Series
from sterk.network.models import Region

# Every demo text in French and English too: the demo shows a translated platform.
DEMO_MARK = {"nl": " (demo)", "fr": " (démo)", "en": " (demo)"}
TRANSLATED = ("title", "summary", "description")


def _at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class Command(BaseCommand):
    help = "Load DEMO events relative to today (not real data)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--force", action="store_true", help="Run even without DEBUG.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if not settings.DEBUG and not options["force"]:
            raise CommandError("load_events_demo loads invented data: run with DEBUG or --force.")
        with transaction.atomic():
            made = self._load()
        self.stdout.write(f"demo events: {made} created (existing ones kept)")

    def _event(self, slug: str, **data: Any) -> tuple[Event, bool]:
        questions = data.pop("questions", [])
        sessions = data.pop("sessions", [])
        publish = data.pop("publish", True)
        for lang, mark in DEMO_MARK.items():
            data[f"title_{lang}"] = f"{data[f'title_{lang}']}{mark}"
        existing = Event.objects.filter(slug=slug).first()
        if existing is not None:
            # Loaded by an earlier version in Dutch only: add the translations it lacks.
            missing = {
                key: value
                for key, value in data.items()
                if key.split("_")[0] in TRANSLATED
                and key[-3:] in ("_fr", "_en")
                and not getattr(existing, key)
            }
            if missing:
                existing = services.event_update(actor=None, event=existing, data=missing)
            return existing, False
        event = services.event_create(actor=None, data={"slug": slug, **data})
        for q in questions:
            services.question_save(actor=None, event=event, data=q)
        for s in sessions:
            services.session_save(actor=None, event=event, data=s)
        if publish:
            event = services.event_publish(actor=None, event=event)
        return event, True

    def _fill(self, event: Event, count: int, prefix: str) -> None:
        for i in range(count):
            result = services.registration_create(
                event=event, name=f"Demo Deelnemer {i + 1}", email=f"{prefix}{i + 1}@example.org"
            )
            services.registration_confirm_email(registration=result.registration)

    def _load(self) -> int:
        regions = {r.slug: r for r in Region.objects.all()}

        def region(slug: str) -> dict[str, Any]:
            if slug in regions:
                return {"organiser": "region", "region": regions[slug]}
            return {"organiser": "platform"}

        made = 0
        event, new = self._event(
            "demo-bijeenkomst-werken-in-vertrouwen",
            title_nl="Regionale bijeenkomst: werken in vertrouwen",
            title_fr="Rencontre régionale : travailler dans la confiance",
            title_en="Regional gathering: working in trust",
            summary_nl="Praktijken die vertrekken vanuit een vertrouwensrelatie. Volzet: schrijf je in op de wachtlijst.",
            summary_fr="Des pratiques qui partent d'une relation de confiance. Complet : inscris-toi sur la liste d'attente.",
            summary_en="Practices that start from a relationship of trust. Full: join the waiting list.",
            type="gathering",
            format="on_site",
            venue="Demo-zaal",
            address="Voorbeeldstraat 1, 2000 Antwerpen",
            starts_at=_at(10, 13, 30),
            ends_at=_at(10, 16, 30),
            capacity=3,
            **region("antwerpen"),
        )
        if new:
            made += 1
            self._fill(event, 5, "demo-vertrouwen-")
        event, new = self._event(
            "demo-webinar-digitale-praktijken",
            title_nl="Webinar: nieuwe digitale praktijken",
            title_fr="Webinaire : nouvelles pratiques numériques",
            title_en="Webinar: new digital practices",
            type="webinar",
            format="online",
            online_url="https://example.org/demo-webinar",
            starts_at=_at(20, 10),
            ends_at=_at(20, 12),
            capacity=100,
            registration_closes_at=_at(17, 23, 59),
            questions=[
                {
                    "label_nl": "Organisatie",
                    "label_en": "Organisation",
                    "label_fr": "Organisation",
                    "kind": "text",
                    "required": True,
                },
                {
                    "label_nl": "Hoe ken je ons?",
                    "label_fr": "Comment nous as-tu connus ?",
                    "label_en": "How do you know us?",
                    "kind": "choice",
                    "choices_nl": "Nieuwsbrief\nCollega\nSociale media",
                    "choices_fr": "Lettre d'information\nCollègue\nRéseaux sociaux",
                    "choices_en": "Newsletter\nColleague\nSocial media",
                },
            ],
            **region("limburg"),
        )
        made += new
        event, new = self._event(
            "demo-praktijksafari-eerste-lijn",
            title_nl="Online praktijksafari: sociaal werk op de eerste lijn",
            title_fr="Safari de pratiques en ligne : le travail social en première ligne",
            title_en="Online practice safari: social work in primary care",
            type="praktijksafari",
            format="online",
            online_url="https://example.org/demo-safari",
            starts_at=_at(14, 14),
            ends_at=_at(14, 16),
            capacity=2,
            offer_hours=24,
            **region("oost-vlaanderen"),
        )
        if new:
            made += 1
            self._fill(event, 4, "demo-safari-")
        start = _at(60, 9)
        event, new = self._event(
            "demo-sociaalwerkconferentie",
            title_nl="Sociaalwerkconferentie",
            title_fr="Conférence du travail social",
            title_en="Social Work Conference",
            type="conference",
            organiser="platform",
            format="on_site",
            venue="Demo-congrescentrum",
            address="Congresplein 1, 1000 Brussel",
            starts_at=start,
            ends_at=_at(60, 17),
            capacity=300,
            sessions=[
                {
                    "title_nl": "Plenaire opening",
                    "title_fr": "Ouverture en plénière",
                    "title_en": "Plenary opening",
                    "starts_at": _at(60, 9),
                    "ends_at": _at(60, 10, 30),
                },
                {
                    "title_nl": "Workshop politiserend werken",
                    "title_fr": "Atelier sur le travail politisant",
                    "title_en": "Workshop politicising work",
                    "starts_at": _at(60, 11),
                    "ends_at": _at(60, 12, 30),
                    "capacity": 40,
                },
                {
                    "title_nl": "Workshop onderbescherming",
                    "title_fr": "Atelier sur le non-recours aux droits",
                    "title_en": "Workshop non-take-up",
                    "starts_at": _at(60, 11),
                    "ends_at": _at(60, 12, 30),
                    "capacity": 40,
                },
                {
                    "title_nl": "Workshop rechtvaardige duurzaamheid",
                    "title_fr": "Atelier sur la durabilité juste",
                    "title_en": "Workshop just sustainability",
                    "starts_at": _at(60, 14),
                    "ends_at": _at(60, 15, 30),
                    "capacity": 30,
                },
            ],
        )
        made += new
        series_texts = {
            "title_nl": "World Social Work Day (demo)",
            "title_fr": "World Social Work Day (démo)",
            "title_en": "World Social Work Day (demo)",
            "description_nl": "Een dag, acht webinars, acties in elke regio.",
            "description_fr": "Une journée, huit webinaires, des actions dans chaque région.",
            "description_en": "One day, eight webinars, actions in every region.",
        }
        series = Series.objects.filter(slug="demo-world-social-work-day").first()
        if series is None:
            series = services.series_save(
                actor=None, data={"slug": "demo-world-social-work-day", **series_texts}
            )
        else:
            missing = {k: v for k, v in series_texts.items() if not getattr(series, k)}
            if missing:
                series = services.series_save(actor=None, series=series, data=missing)
        wswd = datetime.date(timezone.localdate().year + 1, 3, 1)
        while wswd.weekday() != 1:  # the third Tuesday of March
            wswd += datetime.timedelta(days=1)
        offset = (wswd + datetime.timedelta(days=14) - timezone.localdate()).days
        for slug in ("antwerpen", "limburg", "west-vlaanderen"):
            name = {
                lang: (getattr(regions[slug], f"name_{lang}") or regions[slug].name_nl)
                if slug in regions
                else slug
                for lang in DEMO_MARK
            }
            _event, new = self._event(
                f"demo-wswd-{slug}",
                title_nl=f"World Social Work Day in {name['nl']}",
                title_fr=f"World Social Work Day à {name['fr']}",
                title_en=f"World Social Work Day in {name['en']}",
                type="campaign_day",
                format="on_site",
                venue="Demo-locatie",
                series=series,
                starts_at=_at(offset, 10),
                ends_at=_at(offset, 16),
                **region(slug),
            )
            made += new
        this_year = timezone.localdate().year
        for slug, when, title_nl, title_fr, title_en in (
            (
                "demo-stakeholdersmeeting-voorjaar",
                datetime.date(this_year, 5, 12),
                "Stakeholdersmeeting voorjaar",
                "Réunion de printemps des parties prenantes",
                "Spring stakeholder meeting",
            ),
            (
                "demo-stakeholdersmeeting-maart",
                datetime.date(this_year + 1, 3, 23),
                "Stakeholdersmeeting",
                "Réunion des parties prenantes",
                "Stakeholder meeting",
            ),
            (
                "demo-stakeholdersmeeting-oktober",
                datetime.date(this_year + 1, 10, 12),
                "Stakeholdersmeeting najaar",
                "Réunion d'automne des parties prenantes",
                "Autumn stakeholder meeting",
            ),
        ):
            days = (when - timezone.localdate()).days
            _event, new = self._event(
                slug,
                title_nl=title_nl,
                title_fr=title_fr,
                title_en=title_en,
                type="stakeholder_meeting",
                organiser="platform",
                format="hybrid",
                venue="Demo-vergaderzaal",
                online_url="https://example.org/demo-stakeholders",
                visibility="roles",
                invited_roles=["stakeholder", "steering", "coordinator"],
                starts_at=_at(days, 14),
                ends_at=_at(days, 16),
                audience="partners",
            )
            if new and days < 0:
                Event.objects.filter(pk=_event.pk).update(status=EventStatus.HELD)
            made += new
        _event, new = self._event(
            "demo-stuurgroep",
            title_nl="Stuurgroep",
            title_fr="Groupe de pilotage",
            title_en="Steering group",
            type="steering_meeting",
            organiser="platform",
            format="online",
            online_url="https://example.org/demo-stuurgroep",
            visibility="roles",
            invited_roles=["steering", "coordinator"],
            starts_at=_at(30, 10),
            ends_at=_at(30, 12),
            audience="network",
        )
        made += new
        return made
