"""DEMO data for the action plan: 13 invented "(demo)" actions with initiatives, regional
proposals in every state, progress updates, and the 2022 evaluation's snapshot.

Nothing here is real. Refuses to run without DEBUG unless --force. Idempotent."""

from __future__ import annotations

import functools
from typing import Any, cast

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sterk.actionplan import services
from sterk.actionplan.models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    Origin,
    Plan,
    ProposalStatus,
    SpearheadActivity,
    Status,
)
from sterk.actionplan.types import ActionData, InitiativeData
from sterk.core import content
from sterk.core.content import SyncRun, sync, translated
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Organisation, Region, Role, RoleAssignment


@functools.cache
def translations() -> dict[str, tuple[str, str]]:
    """The French and English of every Dutch demo text (content/demo/actionplan/), so the
    demo shows a translated platform (the real content is complete in the three languages):
    the demo actions' titles and initiatives, and the texts regions write in Dutch."""
    texts: list[dict[str, str]] = list(content.demo_item("actionplan/translations"))
    for entry in content.demo_items("actionplan/actions"):
        texts.append(entry.data["title"])
        texts.extend(entry.data["initiatives"])
    return {text["nl"]: (text["fr"], text["en"]) for text in texts}


DEMO_MARK = {"fr": " (démo)", "en": " (demo)"}


def marked(name: str, text: dict[str, str]) -> dict[str, str]:
    """A demo text's fields, each language with its demo mark ("… (demo)", "… (démo)")."""
    marks = {"nl": " (demo)", **DEMO_MARK}
    return {f"{name}_{lang}": f"{value}{marks[lang]}" for lang, value in text.items()}


def demo_translations(text_nl: str) -> dict[str, str] | None:
    """The French and English of a Dutch demo text ("… (demo)" keeps its mark, translated)."""
    base = text_nl.removesuffix(" (demo)")
    pair = translations().get(base)
    if pair is None:
        return None
    marked = base != text_nl
    return {
        lang: text + (DEMO_MARK[lang] if marked else "")
        for lang, text in zip(("fr", "en"), pair, strict=True)
    }


def _missing_translations(obj: Any, fields: tuple[str, ...]) -> dict[str, str]:
    """The fr/en values a demo row lacks: empty, or the Dutch text with a demo mark (what
    earlier versions of this command stored)."""
    data: dict[str, str] = {}
    for name in fields:
        text_nl = getattr(obj, f"{name}_nl") or ""
        translated = demo_translations(text_nl)
        if translated is None:
            continue
        base = text_nl.removesuffix(" (demo)")
        for lang, text in translated.items():
            current = getattr(obj, f"{name}_{lang}") or ""
            if current != text and (not current or current.removesuffix(DEMO_MARK[lang]) == base):
                data[f"{name}_{lang}"] = text
    return data


def _first_user(role: str, region: Region | None = None) -> Any:
    qs = RoleAssignment.objects.filter(role=role, user__is_active=True).select_related("user")
    if region is not None:
        qs = qs.filter(region=region)
    assignment = qs.order_by("id").first()
    return assignment.user if assignment else None


class Command(BaseCommand):
    help = "Add DEMO data to the action plan (13 '(demo)' actions, proposals, progress)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even when DEBUG is off (never in production)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_actionplan_demo adds invented demo data; it runs only with DEBUG on "
                "(or with --force)."
            )
        if not Plan.objects.filter(slug=content.item("actionplan/plan")["slug"]).exists():
            call_command("load_actionplan", stdout=self.stdout)
        with transaction.atomic():
            summary = self._load()
        self.stdout.write(self.style.WARNING(f"Action plan DEMO data: {summary}."))

    def _load(self) -> str:
        plan = Plan.objects.get(slug=content.item("actionplan/plan")["slug"])
        challenges = {c.number: c for c in Challenge.objects.filter(plan=plan)}
        texts = content.demo_item("actionplan/texts")
        regions = {}
        for order, (slug, name) in enumerate(texts["regions"].items(), start=1):
            region = Region.objects.filter(slug=slug).first()
            if region is None:
                region = Region(slug=slug, name_nl=name, order=order)
                region.full_clean()
                region.save()
            regions[slug] = region
        krachtlijnen = {k.number: k for k in Krachtlijn.objects.all()}
        functions = {f.number: f for f in Function.objects.all()}
        coordinator = _first_user(Role.COORDINATOR)
        new_updates = new_proposals = 0
        run = SyncRun()

        def create_action(data: dict[str, Any], item: dict[str, Any]) -> Action:
            action = services.action_create(
                actor=None,
                data=cast(
                    ActionData,
                    {
                        **data,
                        "challenge": challenges[item["challenge"]],
                        "origin": Origin.PLAN,
                        "krachtlijnen": [
                            krachtlijnen[n] for n in item["krachtlijnen"] if n in krachtlijnen
                        ],
                        "functions": [functions[n] for n in item["functions"] if n in functions],
                        "carrier_regions": [regions[s] for s in item["regions"]],
                    },
                ),
            )
            for line in item["initiatives"]:
                services.initiative_create(
                    actor=None, action=action, data=cast(InitiativeData, marked("title", line))
                )
            return action

        for entry in content.demo_items("actionplan/actions"):
            item = entry.data
            action = sync(
                run,
                key=f"demo.actionplan.action:{item['slug']}",
                model=Action,
                lookup={"slug": item["slug"]},
                values={
                    **marked("title", item["title"]),
                    **translated("description", texts["action_description"]),
                },
                create=lambda data, item=item: create_action(data, item),
            )
            updates = item["updates"]
            if not action.updates.exists():
                chair = _first_user(Role.CHAIR, regions[item["regions"][0]]) or coordinator
                for update in updates:
                    services.progress_record(
                        actor=chair,
                        target=action,
                        date=update["date"],
                        status=update["status"],
                        progress=update["progress"],
                        narrative=f"(demo) {update['narrative']}",
                    )
                    new_updates += 1
                first = action.initiatives.first()
                if first is not None and updates:
                    services.progress_record(
                        actor=chair,
                        target=first,
                        date=updates[0]["date"],
                        status=Status.COMPLETED,
                        narrative=texts["initiative_done"],
                    )
                    new_updates += 1

        socius = Organisation.objects.filter(normalised_name="socius").first()
        socius_rep = (
            RoleAssignment.objects.filter(role=Role.STAKEHOLDER, organisation=socius)
            .select_related("user")
            .first()
        )
        for activity in SpearheadActivity.objects.filter(
            spearhead__slug="draagvlak-en-politiserend-werken"
        ):
            if activity.updates.exists():
                continue
            for update in texts["activity_updates"].get(activity.title_nl or "", []):
                services.progress_record(
                    actor=socius_rep.user if socius_rep else coordinator,
                    target=activity,
                    date=update["date"],
                    status=update["status"],
                    progress=update["progress"],
                    narrative=f"(demo) {update['narrative']}",
                )
                new_updates += 1

        for entry in content.demo_items("actionplan/proposals"):
            item = entry.data
            region, title, status, message = (
                regions[item["region"]],
                item["title"],
                item["status"],
                item["message"],
            )
            if ActionProposal.objects.filter(region=region, title=title).exists():
                continue
            chair = _first_user(Role.CHAIR, region)
            proposal = services.proposal_submit(
                actor=chair,
                region=region,
                data={
                    "challenge": challenges[item["challenge"]],
                    "title": title,
                    "description": texts["proposal"]["description"],
                    "initiatives": texts["proposal"]["initiatives"],
                    "krachtlijnen": [k for n, k in krachtlijnen.items() if n in (1, 5)],
                    "carrier_regions": [region],
                },
            )
            if status == ProposalStatus.APPROVED:
                services.proposal_approve(actor=coordinator, proposal=proposal, message=message)
            elif status == ProposalStatus.CHANGES_REQUESTED:
                services.proposal_request_changes(
                    actor=coordinator, proposal=proposal, message=message
                )
            elif status == ProposalStatus.DECLINED:
                services.proposal_decline(actor=coordinator, proposal=proposal, reason=message)
            new_proposals += 1
        new_actions = run.total("created")

        rows_translated = self._translate(plan)

        snapshot = ""
        evaluation = Evaluation.objects.filter(
            slug=content.item("actionplan/evaluation")["slug"]
        ).first()
        if evaluation is not None and not evaluation.is_frozen:
            services.evaluation_snapshot_take(actor=coordinator, evaluation=evaluation)
            snapshot = ", snapshot of the 2022 evaluation taken"
        return (
            f"{new_actions} actions, {new_updates} progress updates, "
            f"{new_proposals} proposals, {rows_translated} rows translated{snapshot}"
        )

    def _translate(self, plan: Plan) -> int:
        """Give every demo action and initiative its French and English (also those of an
        approved demo proposal, which joins the plan in Dutch as regions write it, and
        rows that an earlier version of this command loaded in Dutch only)."""
        done = 0
        demo_actions = Action.objects.filter(challenge__plan=plan, title_nl__endswith="(demo)")
        for action in demo_actions.prefetch_related("initiatives"):
            data = _missing_translations(action, ("title", "description"))
            if data:
                services.action_update(actor=None, action=action, data=cast(ActionData, data))
                done += 1
            for initiative in action.initiatives.all():
                data = _missing_translations(initiative, ("title",))
                if data:
                    services.initiative_update(
                        actor=None, initiative=initiative, data=cast(InitiativeData, data)
                    )
                    done += 1
        return done
