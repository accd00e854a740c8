"""Load the real structure of the Vlaams Actieplan Sterk Sociaal Werk 2020-2024 from
`content/actionplan/` (plan, challenges with their actions, spearheads with their
activities, the first priorities of 2020, the interim evaluation).

The re-run rule is the one of `sterk.core.content.sync`: what is missing (by slug, number or
title) is created through the action plan's services; what exists is kept, and `--update`
rewrites only the texts nobody edited in the management area since the last load."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.actionplan import services
from sterk.actionplan.models import (
    Action,
    Challenge,
    Evaluation,
    FirstPriority,
    Origin,
    Plan,
    Spearhead,
    SpearheadActivity,
)
from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.identity.models import Function
from sterk.network.models import Organisation


@transaction.atomic
def load_actionplan(*, update: bool = False) -> tuple[SyncRun, Plan]:
    run = SyncRun(update=update)
    source = content.item("actionplan/plan")
    plan = sync(
        run,
        key=f"actionplan.plan:{source['slug']}",
        model=Plan,
        lookup={"slug": source["slug"]},
        values={
            "start_year": source["start_year"],
            "end_year": source["end_year"],
            **translated("title", source["title"]),
            **translated("description", source["description"]),
        },
        create=lambda data: services.plan_create(
            actor=None,
            data={**data, "is_current": not Plan.objects.filter(is_current=True).exists()},
        ),
        save=lambda obj, data: services.plan_update(actor=None, plan=obj, data=data),
    )

    organisations = {
        row["name"]: services.organisation_ensure(
            actor=None,
            name=row["name"],
            type=row["type"],
            is_stakeholder=True,
            website=row["website"],
        )
        for row in content.item("actionplan/organisations")
    }

    challenges: dict[int, Challenge] = {}
    functions = {f.number: f for f in Function.objects.all()}
    for entry in content.items("actionplan/challenges"):
        item = entry.data
        challenge = sync(
            run,
            key=f"actionplan.challenge:{plan.slug}/{item['number']}",
            model=Challenge,
            lookup={"plan": plan, "number": item["number"]},
            values={**translated("title", item["title"]), **translated("summary", item["summary"])},
            create=lambda data, item=item: services.challenge_create(
                actor=None, data={**data, "slug": item["slug"]}
            ),
            save=lambda obj, data: services.challenge_update(actor=None, challenge=obj, data=data),
        )
        challenges[item["number"]] = challenge
        for action in item["actions"]:
            sync(
                run,
                key=f"actionplan.action:{action['slug']}",
                model=Action,
                lookup={"slug": action["slug"]},
                values={
                    **translated("title", action["title"]),
                    **translated("description", action["description"]),
                },
                create=lambda data, action=action, challenge=challenge: services.action_create(
                    actor=None,
                    data={
                        **data,
                        "challenge": challenge,
                        "origin": Origin.PLAN,
                        "functions": [functions[n] for n in action["functions"] if n in functions],
                    },
                ),
                save=lambda obj, data: services.action_update(actor=None, action=obj, data=data),
            )

    for entry in content.items("actionplan/spearheads"):
        item = entry.data
        lead = organisations.get(item["lead"]) if item["lead"] else None
        spearhead = sync(
            run,
            key=f"actionplan.spearhead:{item['slug']}",
            model=Spearhead,
            lookup={"slug": item["slug"]},
            values={**translated("title", item["title"]), **translated("summary", item["summary"])},
            create=lambda data, item=item, lead=lead: services.spearhead_create(
                actor=None,
                data={
                    **data,
                    "plan": plan,
                    "number": item["number"],
                    "start_year": 2022,
                    "end_year": 2024,
                    "lead_organisation": lead,
                    "partners": [organisations[n] for n in item["partners"]],
                    "challenges": [challenges[n] for n in item["challenges"]],
                },
            ),
            save=lambda obj, data: services.spearhead_update(actor=None, spearhead=obj, data=data),
        )
        for order, activity in enumerate(item["activities"], start=1):
            sync(
                run,
                key=f"actionplan.spearheadactivity:{spearhead.slug}/{activity['title']['nl']}",
                model=SpearheadActivity,
                lookup={"spearhead": spearhead, "title_nl": activity["title"]["nl"]},
                values={
                    **translated("title", activity["title"]),
                    **translated("timing", activity["timing"]),
                    **translated("description", activity["description"]),
                },
                create=lambda data, activity=activity, order=order, spearhead=spearhead: (
                    services.activity_create(
                        actor=None,
                        spearhead=spearhead,
                        data={
                            **{k: v for k, v in data.items() if k != "spearhead"},
                            "order": order,
                            "partners": [
                                organisations.get(n) or Organisation.objects.get(name=n)
                                for n in activity["partners"]
                            ],
                        },
                    )
                ),
                save=lambda obj, data: services.activity_update(
                    actor=None, activity=obj, data=data
                ),
            )

    for item in content.item("actionplan/first-priorities-2020"):
        sync(
            run,
            key=f"actionplan.firstpriority:{plan.slug}/2020/{item['order']}",
            model=FirstPriority,
            lookup={"plan": plan, "year": 2020, "order": item["order"]},
            values=translated("title", item["title"]),
            create=lambda data, item=item: services.first_priority_create(
                actor=None,
                data={**data, "challenges": [challenges[n] for n in item["challenges"]]},
            ),
            save=lambda obj, data: services.first_priority_update(
                actor=None, priority=obj, data=data
            ),
        )

    evaluation = content.item("actionplan/evaluation")
    sync(
        run,
        key=f"actionplan.evaluation:{evaluation['slug']}",
        model=Evaluation,
        lookup={"slug": evaluation["slug"]},
        values={
            **translated("title", evaluation["title"]),
            **translated("description", evaluation["description"]),
        },
        create=lambda data: services.evaluation_create(
            actor=None, data={**data, "plan": plan, "date": evaluation["date"]}
        ),
        save=lambda obj, data: services.evaluation_update(actor=None, evaluation=obj, data=data),
    )
    return run, plan


class Command(BaseCommand):
    help = (
        "Load the action plan 2020-2024 from content/actionplan/ (challenges, actions, "
        "spearheads, priorities). Creates what is missing; --update also rewrites the texts "
        "nobody edited in the management area."
    )

    def add_arguments(self, parser: Any) -> None:
        content.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        run, plan = load_actionplan(update=options["update"])
        content.report(self, run, f"Action plan {plan.period} loaded", options["verbosity"])
