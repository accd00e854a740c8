"""Factories for the practice library. People, regions, organisations, krachtlijnen and
challenges come from the network's and the action plan's factories."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone

from sterk.actionplan.tests.factories import (  # noqa: F401 - re-exported for the tests
    ChallengeFactory,
    FunctionFactory,
    KrachtlijnFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
    chair_of,
    coordinator,
    stakeholder_of,
)
from sterk.practices import services
from sterk.practices.models import Call, Practice, Status


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    slug = factory.Sequence(lambda n: f"oproep-{n}")
    title_nl = factory.Sequence(lambda n: f"Oproep {n}")
    question_nl = "Vertel ons over jouw praktijk."
    owner = factory.SubFactory(OrganisationFactory, is_stakeholder=True)
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    questions: Any = factory.LazyFunction(
        lambda: [
            {"label": "Wat leerde je?", "kind": "text", "choices": [], "required": True},
            {
                "label": "Sector",
                "kind": "choice",
                "choices": ["Zorg", "Welzijn"],
                "required": False,
            },
        ]
    )


class PracticeFactory(factory.django.DjangoModelFactory):
    """A practice as stored; `published()` below also puts it in the index."""

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"praktijk-{n}")
    title_nl = factory.Sequence(lambda n: f"Praktijk {n}")
    summary_nl = "Een korte samenvatting van de praktijk."
    story_nl = "Het **volledige** verhaal."
    status = Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def krachtlijnen(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.krachtlijnen.set(extracted)

    @factory.post_generation
    def challenges(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.challenges.set(extracted)

    @factory.post_generation
    def organisations(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.organisations.set(extracted)


def published(**kwargs: Any) -> Practice:
    kwargs.setdefault("published_at", timezone.now())
    practice = PracticeFactory(status=Status.PUBLISHED, **kwargs)
    services.practice_reindex(practice)
    return practice


def call_story_form(**extra: str) -> dict[str, str]:
    """The POST data of a complete story for a call with one question (both consents
    given, no links or images); `extra` overrides or adds fields."""
    form = {
        "submitter_name": "Sara",
        "submitter_email": "sara@example.org",
        "title_nl": "Samen sterk",
        "summary_nl": "Wat we deden.",
        "language": "nl",
        "answer_0": "Veel",
        "consent_publish": "on",
        "consent_anonymous": "on",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
    }
    form.update(extra)
    return form
