"""Load the real structure of the Vlaams Actieplan Sterk Sociaal Werk 2020-2024.

Idempotent: what exists (by slug, number or title) is kept as it is, so coordinators' edits
survive a second run; `--update` rewrites the texts from the source."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from sterk.actionplan import content, services
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
from sterk.identity.models import Function
from sterk.network.models import Organisation


def texts(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": value for code, value in values.items()}


class Command(BaseCommand):
    help = "Load the action plan 2020-2024 (challenges, actions, spearheads, priorities)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="Rewrite the texts of existing items from the source.",
        )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        update = options["update"]
        created = 0

        plan = Plan.objects.filter(slug=content.PLAN["slug"]).first()
        plan_data = {
            "slug": content.PLAN["slug"],
            "start_year": content.PLAN["start_year"],
            "end_year": content.PLAN["end_year"],
            **texts("title", content.PLAN["title"]),
            **texts("description", content.PLAN["description"]),
        }
        if plan is None:
            plan_data["is_current"] = not Plan.objects.filter(is_current=True).exists()
            plan = services.plan_create(actor=None, data=plan_data)
            created += 1
        elif update:
            services.plan_update(actor=None, plan=plan, data=plan_data)

        organisations = {
            name: services.organisation_ensure(
                actor=None, name=name, type=kind, is_stakeholder=True, website=website
            )
            for name, (kind, website) in content.ORGANISATIONS.items()
        }

        challenges: dict[int, Challenge] = {}
        for item in content.CHALLENGES:
            data = {
                **texts("title", item["title"]),
                **texts("summary", item["summary"]),
            }
            challenge = Challenge.objects.filter(plan=plan, number=item["number"]).first()
            if challenge is None:
                challenge = services.challenge_create(
                    actor=None,
                    data={"plan": plan, "number": item["number"], "slug": item["slug"], **data},
                )
                created += 1
            elif update:
                services.challenge_update(actor=None, challenge=challenge, data=data)
            challenges[item["number"]] = challenge

        functions = {f.number: f for f in Function.objects.all()}
        for item in content.ACTIONS:
            data = {
                **texts("title", item["title"]),
                **texts("description", item["description"]),
            }
            action = Action.objects.filter(slug=item["slug"]).first()
            if action is None:
                services.action_create(
                    actor=None,
                    data={
                        "challenge": challenges[item["challenge"]],
                        "slug": item["slug"],
                        "origin": Origin.PLAN,
                        "functions": [functions[n] for n in item["functions"] if n in functions],
                        **data,
                    },
                )
                created += 1
            elif update:
                services.action_update(actor=None, action=action, data=data)

        for item in content.SPEARHEADS:
            lead = organisations.get(item["lead"]) if item["lead"] else None
            data = {
                **texts("title", item["title"]),
                **texts("summary", item["summary"]),
            }
            spearhead = Spearhead.objects.filter(slug=item["slug"]).first()
            if spearhead is None:
                spearhead = services.spearhead_create(
                    actor=None,
                    data={
                        "plan": plan,
                        "number": item["number"],
                        "slug": item["slug"],
                        "start_year": 2022,
                        "end_year": 2024,
                        "lead_organisation": lead,
                        "partners": [organisations[n] for n in item["partners"]],
                        "challenges": [challenges[n] for n in item["challenges"]],
                        **data,
                    },
                )
                created += 1
            elif update:
                services.spearhead_update(actor=None, spearhead=spearhead, data=data)
            for order, activity_item in enumerate(item["activities"], start=1):
                activity_data = {
                    **texts("title", activity_item["title"]),
                    **texts("timing", activity_item["timing"]),
                    **texts("description", activity_item["description"]),
                }
                activity = SpearheadActivity.objects.filter(
                    spearhead=spearhead, title_nl=activity_item["title"]["nl"]
                ).first()
                if activity is None:
                    services.activity_create(
                        actor=None,
                        spearhead=spearhead,
                        data={
                            "order": order,
                            "partners": [
                                organisations.get(n) or Organisation.objects.get(name=n)
                                for n in activity_item["partners"]
                            ],
                            **activity_data,
                        },
                    )
                    created += 1
                elif update:
                    services.activity_update(actor=None, activity=activity, data=activity_data)

        for item in content.FIRST_PRIORITIES:
            data = texts("title", item["title"])
            priority = FirstPriority.objects.filter(
                plan=plan, year=2020, order=item["order"]
            ).first()
            if priority is None:
                services.first_priority_create(
                    actor=None,
                    data={
                        "plan": plan,
                        "year": 2020,
                        "order": item["order"],
                        "challenges": [challenges[n] for n in item["challenges"]],
                        **data,
                    },
                )
                created += 1
            elif update:
                services.first_priority_update(actor=None, priority=priority, data=data)

        evaluation = Evaluation.objects.filter(slug=content.EVALUATION["slug"]).first()
        evaluation_data = {
            **texts("title", content.EVALUATION["title"]),
            **texts("description", content.EVALUATION["description"]),
        }
        if evaluation is None:
            services.evaluation_create(
                actor=None,
                data={
                    "plan": plan,
                    "slug": content.EVALUATION["slug"],
                    "date": content.EVALUATION["date"],
                    **evaluation_data,
                },
            )
            created += 1
        elif update:
            services.evaluation_update(actor=None, evaluation=evaluation, data=evaluation_data)

        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"Action plan {plan.period} loaded ({created} items created).")
            )
