"""Load the real surveys the public texts name (Brussel, June 2020; West-Vlaanderen's
survey of 435 professionals) from `content/surveys/`: their known facts only. Matched on
slug; the re-run rule is the one of `sterk.core.content.sync`. Their questions and
answers are demo data (`load_surveys_demo`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.core.services import instance_update_audited
from sterk.network.models import Region
from sterk.surveys.models import OwnerKind, Survey, SurveyStatus


def _create(item: dict[str, Any], data: dict[str, Any]) -> Survey:
    survey = Survey(
        **data,
        owner_kind=OwnerKind.REGION,
        region=Region.objects.get(slug=item["region"]),
        status=SurveyStatus.PUBLISHED,
    )
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def load_surveys(*, update: bool = False) -> SyncRun:
    run = SyncRun(update=update)
    for entry in content.items("surveys"):
        item = entry.data
        sync(
            run,
            key=f"surveys.survey:{item['slug']}",
            model=Survey,
            lookup={"slug": item["slug"]},
            values={
                "opens_at": item["opens_at"],
                "closes_at": item["closes_at"],
                "anonymous": item["anonymous"],
                "contact_name": item["contact_name"],
                "reported_respondents": item.get("reported_respondents"),
                **translated("title", item["title"]),
                **translated("intro", item["intro"]),
                **translated("consent_text", item["consent_text"]),
                **translated("purpose", item["purpose"]),
            },
            create=lambda data, item=item: _create(item, data),
            save=lambda obj, data: instance_update_audited(
                actor=None, instance=obj, data=data, action="surveys.survey_update"
            ),
        )
    return run


class Command(BaseCommand):
    help = (
        "Load the real surveys (known facts) from content/surveys/. Creates what is missing; "
        "--update also rewrites what nobody edited in the management area."
    )

    def add_arguments(self, parser: Any) -> None:
        content.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run = load_surveys(update=options["update"])
        content.report(self, run, "Surveys loaded", options["verbosity"])
