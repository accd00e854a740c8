"""DEMO events, relative to today: a full gathering with a waiting list, a webinar with
questions, a conference with parallel sessions, a practice safari that offers freed seats
for 24 hours, a World Social Work Day campaign across regions, stakeholder meetings and a
steering-group meeting. Every title says "(demo)"; the registrants are invented
(@example.org). Refuses to run without DEBUG unless --force. Idempotent (matched on slug)."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sterk.core import content
from sterk.core.content import translated
from sterk.events import services
from sterk.events.models import Event, EventStatus, Series
from sterk.events.types import EventData, SeriesData
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
                existing = services.event_update(
                    actor=None, event=existing, data=cast(EventData, missing)
                )
            return existing, False
        event = services.event_create(actor=None, data=cast(EventData, {"slug": slug, **data}))
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

        def fields(item: dict[str, Any], day: int | None = None) -> dict[str, Any]:
            """A demo file's event as service data: texts flattened per language, times
            relative to today (or to `day`), the region as organiser."""
            data: dict[str, Any] = {}
            for key, value in item.items():
                if key in ("slug", "registrations", "regions", "when", "date"):
                    continue
                if key in ("questions", "sessions"):
                    data[key] = [fields(row, day) for row in value]
                elif isinstance(value, dict) and set(value) <= {"nl", "fr", "en"}:
                    data.update(translated(key, value))
                elif isinstance(value, dict) and "time" in value:
                    hour, minute = (int(part) for part in value["time"].split(":"))
                    data[key] = _at(value.get("days", day or 0), hour, minute)
                elif key == "region":
                    data.update(region(value))
                else:
                    data[key] = value
            return data

        made = 0
        for entry in content.demo_items("events/events"):
            item = entry.data
            event, new = self._event(item["slug"], **fields(item))
            made += new
            if new and item.get("registrations"):
                self._fill(
                    event, item["registrations"]["count"], item["registrations"]["email_prefix"]
                )

        (series_entry,) = content.demo_items("events/series")
        series_texts = {
            k: v
            for k, v in fields(series_entry.data).items()
            if k.split("_")[0] in ("title", "description")
        }
        slug = series_entry.data["slug"]
        series = Series.objects.filter(slug=slug).first()
        if series is None:
            series = services.series_save(
                actor=None, data=cast(SeriesData, {"slug": slug, **series_texts})
            )
        else:
            missing = {k: v for k, v in series_texts.items() if not getattr(series, k)}
            if missing:
                series = services.series_save(
                    actor=None, series=series, data=cast(SeriesData, missing)
                )

        # The campaign day: the third Tuesday of March next year, in three regions.
        campaign = content.demo_item("events/campaign-day")
        wswd = datetime.date(timezone.localdate().year + 1, 3, 1)
        while wswd.weekday() != 1:  # the third Tuesday of March
            wswd += datetime.timedelta(days=1)
        offset = (wswd + datetime.timedelta(days=14) - timezone.localdate()).days
        for slug in campaign["regions"]:
            name = {
                lang: (getattr(regions[slug], f"name_{lang}") or regions[slug].name_nl)
                if slug in regions
                else slug
                for lang in DEMO_MARK
            }
            data = fields(campaign, offset)
            for lang in DEMO_MARK:
                data[f"title_{lang}"] = campaign["title"][lang].format(name=name[lang])
            data["series"] = series
            _event, new = self._event(f"demo-wswd-{slug}", **data, **region(slug))
            made += new

        this_year = timezone.localdate().year
        for entry in content.demo_items("events/stakeholder-meetings"):
            item = entry.data
            when = datetime.date(
                this_year + item["date"]["years_from_now"],
                item["date"]["month"],
                item["date"]["day"],
            )
            days = (when - timezone.localdate()).days
            _event, new = self._event(item["slug"], **fields(item, days))
            if new and days < 0:
                Event.objects.filter(pk=_event.pk).update(status=EventStatus.HELD)
            made += new
        return made
