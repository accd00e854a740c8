"""DEMO news posts, dated relative to today: a few regional and platform posts, and one
scheduled a few days ahead (it appears then, not before). Every title says "(demo)" and
every post is marked `is_demo`. Refuses to run without DEBUG unless --force. Idempotent
(matched on slug)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sterk.core import content
from sterk.core.content import SyncRun
from sterk.news.models import PostStatus

from .load_news import post_values, sync_post

DEMO_MARK = {"nl": " (demo)", "fr": " (démo)", "en": " (demo)"}


def _when(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@transaction.atomic
def load_news_demo() -> SyncRun:
    run = SyncRun()
    for entry in content.demo_items("news"):
        data = dict(entry.data)
        data["title"] = {
            lang: f"{text}{DEMO_MARK[lang]}" for lang, text in (data.get("title") or {}).items()
        }
        values = post_values(data)
        values["publish_at"] = _when(int(data["publish_in_days"]), int(data.get("hour", 10)))
        values["status"] = PostStatus.PUBLISHED
        values["is_demo"] = True
        sync_post(run, entry, values)
    return run


class Command(BaseCommand):
    help = "Load DEMO news posts relative to today (not real data)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--force", action="store_true", help="Run even without DEBUG.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("load_news_demo loads invented data: run with DEBUG or --force.")
        run = load_news_demo()
        content.report(self, run, "Demo news loaded", options["verbosity"])
