"""DEMO data for the surveys: invented questions, answers, findings and action points for
the real surveys of content/surveys/ (whose questions and answers are not known), from
content/demo/surveys/. Marks each such survey `is_demo` (its pages say so), publishes its
results and follow-up. Refuses to run without DEBUG unless --force. Idempotent: a survey
that already has questions is left alone."""

from __future__ import annotations

import random
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sterk.core import content
from sterk.core.content import translated
from sterk.surveys.forms import _list_choices
from sterk.surveys.models import (
    ActionPoint,
    Answer,
    Finding,
    Kind,
    Option,
    Question,
    Response,
    Section,
    Survey,
)
from sterk.surveys.services import new_token, tally_rebuild


def _question(section: Section, position: int, spec: dict[str, Any]) -> Question:
    q = Question.objects.create(
        survey=section.survey,
        section=section,
        position=position,
        kind=spec["kind"],
        scale_max=spec.get("scale_max", 5),
        list_source=spec.get("list_source", ""),
        allow_other=spec.get("allow_other", False),
        publish=True,
        **translated("text", spec["text"]),
        **(translated("label_low", spec["label_low"]) if "label_low" in spec else {}),
        **(translated("label_high", spec["label_high"]) if "label_high" in spec else {}),
    )
    for i, label in enumerate(spec.get("options", []), start=1):
        Option.objects.create(question=q, position=i, label_nl=label)
    return q


def _answers(rng: random.Random, q: Question, spec: dict[str, Any], i: int) -> list[Answer]:
    options = list(q.options.all())
    weights = spec.get("weights")
    if q.kind == Kind.SINGLE:
        return [Answer(question=q, option=rng.choices(options, weights=weights)[0])]
    if q.kind == Kind.MULTIPLE:
        chances = weights or [5] * len(options)
        chosen = [o for o, w in zip(options, chances, strict=True) if rng.random() < w / 10]
        return [Answer(question=q, option=o) for o in chosen or options[:1]]
    if q.kind == Kind.SCALE:
        return [Answer(question=q, number=rng.choices(q.scale_values, weights=weights)[0])]
    if q.kind == Kind.MATRIX:
        return [
            Answer(question=q, option=o, number=rng.choices(q.scale_values, weights=weights)[0])
            for o in options
        ]
    if q.kind == Kind.LIST:
        keys = [k for k, _label in _list_choices(q.list_source)]
        return [Answer(question=q, choice=rng.choice(keys))] if keys else []
    if q.kind == Kind.NUMBER:
        lo, hi = spec.get("range", [0, 10])
        return [Answer(question=q, number=rng.randint(lo, hi))]
    texts = spec.get("texts", [])
    if texts and i < len(texts):
        return [Answer(question=q, text=texts[i], approved=True)]
    return []


@transaction.atomic
def load_surveys_demo() -> int:
    made = 0
    for entry in content.demo_items("surveys"):
        item = entry.data
        survey = Survey.objects.filter(slug=item["survey"]).first()
        if survey is None or survey.questions.exists():
            continue
        rng = random.Random(item["seed"])  # noqa: S311 - demo data, not secrets
        questions: list[tuple[Question, dict[str, Any]]] = []
        for s_pos, s_spec in enumerate(item["sections"], start=1):
            section = Section.objects.create(
                survey=survey, position=s_pos, **translated("title", s_spec["title"])
            )
            for q_pos, q_spec in enumerate(s_spec["questions"], start=1):
                questions.append((_question(section, q_pos, q_spec), q_spec))
        day = timezone.localtime(survey.opens_at).replace(hour=0, minute=0, second=0)
        for i in range(item["responses"]):
            response = Response.objects.create(
                survey=survey,
                token=new_token(),
                status="submitted",
                started_at=day,
                submitted_at=day,
            )
            rows = [a for q, spec in questions for a in _answers(rng, q, spec, i)]
            for row in rows:
                row.response = response
            Answer.objects.bulk_create(rows)
        for f_pos, f_spec in enumerate(item.get("findings", []), start=1):
            finding = Finding.objects.create(
                survey=survey, position=f_pos, **translated("statement", f_spec["statement"])
            )
            finding.questions.set([questions[n - 1][0] for n in f_spec.get("questions", [])])
            finding.quotes.set(Answer.objects.filter(question__survey=survey, approved=True)[:2])
            for p_spec in f_spec.get("points", []):
                ActionPoint.objects.create(
                    finding=finding,
                    responsible=p_spec.get("responsible", ""),
                    status=p_spec.get("status", "planned"),
                    done_notified=True,  # nobody to tell: demo respondents
                    **translated("title", p_spec["title"]),
                )
        tally_rebuild(survey=survey)
        now = timezone.now()
        Survey.objects.filter(pk=survey.pk).update(
            is_demo=True, results_published_at=now, followup_published_at=now
        )
        made += 1
    return made


class Command(BaseCommand):
    help = "Add DEMO questions, answers and follow-up to the real surveys (needs DEBUG or --force)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--force", action="store_true", help="Run even without DEBUG.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo data is for development: set DEBUG or pass --force.")
        made = load_surveys_demo()
        if options["verbosity"]:
            self.stdout.write(f"Demo questions and answers added to {made} survey(s).")
