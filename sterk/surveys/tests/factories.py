"""Factories for surveys: a survey owned by a region, sections, questions and options."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone

from sterk.network.tests.factories import RegionFactory
from sterk.surveys.models import Kind, Option, Question, Section, Survey, SurveyStatus


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    slug = factory.Sequence(lambda n: f"bevraging-{n}")
    title_nl = factory.Sequence(lambda n: f"Bevraging {n}")
    owner_kind = "region"
    region = factory.SubFactory(RegionFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    status = SurveyStatus.PUBLISHED
    consent_text_nl = "Ik doe vrijwillig mee."
    purpose_nl = "Om de uitdagingen van de regio te kiezen."
    contact_name = "Contactpersoon"
    contact_email = "contact@example.org"
    anonymous = True


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    title_nl = factory.Sequence(lambda n: f"Deel {n}")


def question(
    section: Section, kind: str = Kind.SINGLE, options: list[str] | None = None, **kw: Any
) -> Question:
    q = Question.objects.create(
        survey=section.survey,
        section=section,
        kind=kind,
        text_nl=kw.pop("text", f"Vraag {kind}"),
        position=section.questions.count() + 1,
        **kw,
    )
    for i, label in enumerate(options or [], start=1):
        Option.objects.create(question=q, position=i, label_nl=label)
    return q


def small_survey(**kw: Any) -> tuple[Survey, list[Question]]:
    """Two pages: a single choice (with other) and a scale; then a matrix and a long text
    shown only when the first answer is "Ja"."""
    survey = SurveyFactory(**kw)
    one = SectionFactory(survey=survey, position=1, title_nl="Over jou")
    two = SectionFactory(survey=survey, position=2, title_nl="Over je werk")
    q1 = question(
        one, Kind.SINGLE, ["Ja", "Nee"], text="Werk je digitaal?", required=True, allow_other=True
    )
    q2 = question(
        one,
        Kind.SCALE,
        text="Hoe zwaar was het?",
        scale_max=5,
        label_low_nl="licht",
        label_high_nl="zwaar",
    )
    q3 = question(
        two, Kind.MATRIX, ["Contact", "Nabijheid"], text="Hoe goed lukt het?", scale_max=4
    )
    q4 = question(
        two,
        Kind.LONG_TEXT,
        text="Vertel meer",
        condition_question=q1,
        condition_option=q1.options.get(label_nl="Ja"),
    )
    return survey, [q1, q2, q3, q4]
