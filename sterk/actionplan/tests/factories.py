"""Factories for the action plan. People, regions and organisations come from the network's
shared factories."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from sterk.actionplan.models import (
    Action,
    Challenge,
    Evaluation,
    Initiative,
    Plan,
    ProgressUpdate,
    Spearhead,
    SpearheadActivity,
    Status,
)
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Role
from sterk.network.tests.factories import (  # noqa: F401 - re-exported for the tests
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
    give_totp,
)


def current_plan() -> Plan:
    plan = Plan.objects.filter(is_current=True).first()
    return plan or PlanFactory(is_current=True)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    slug = factory.Sequence(lambda n: f"plan-{n}")
    title_nl = "Vlaams Actieplan Sterk Sociaal Werk"
    start_year = 2020
    end_year = 2024
    is_current = False


class KrachtlijnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Krachtlijn
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"krachtlijn-{n}")
    number = factory.Sequence(lambda n: n + 1)
    title_nl = factory.Sequence(lambda n: f"Krachtlijn {n}")
    summary_nl = "Samenvatting."


class FunctionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Function
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"functie-{n}")
    number = factory.Sequence(lambda n: n + 1)
    title_nl = factory.Sequence(lambda n: f"Functie {n}")
    summary_nl = "Samenvatting."


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    plan = factory.LazyFunction(current_plan)
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"uitdaging-{n}")
    title_nl = factory.Sequence(lambda n: f"Uitdaging {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    challenge = factory.SubFactory(ChallengeFactory)
    slug = factory.Sequence(lambda n: f"actie-{n}")
    title_nl = factory.Sequence(lambda n: f"Actie {n}")
    description_nl = "Wat deze actie doet."

    @factory.post_generation
    def carrier_regions(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.carrier_regions.set(extracted)

    @factory.post_generation
    def carrier_organisations(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.carrier_organisations.set(extracted)

    @factory.post_generation
    def krachtlijnen(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.krachtlijnen.set(extracted)


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    action = factory.SubFactory(ActionFactory)
    order = factory.Sequence(lambda n: n)
    title_nl = factory.Sequence(lambda n: f"Initiatief {n}")


class SpearheadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spearhead
        skip_postgeneration_save = True

    plan = factory.LazyFunction(current_plan)
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"speerpunt-{n}")
    title_nl = factory.Sequence(lambda n: f"Speerpunt {n}")
    start_year = 2022
    end_year = 2024

    @factory.post_generation
    def partners(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.partners.set(extracted)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpearheadActivity

    spearhead = factory.SubFactory(SpearheadFactory)
    order = factory.Sequence(lambda n: n)
    title_nl = factory.Sequence(lambda n: f"Activiteit {n}")


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    plan = factory.LazyFunction(current_plan)
    slug = factory.Sequence(lambda n: f"evaluatie-{n}")
    title_nl = "Tussentijdse evaluatie"
    date = datetime.date(2022, 5, 5)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """Writes history directly (for query-count fixtures); tests of behaviour use the service."""

    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = datetime.date(2021, 1, 1)
    status = Status.RUNNING
    narrative = "Het loopt."


def coordinator() -> Any:
    return RoleAssignmentFactory(role=Role.COORDINATOR, region=None).user


def steering_member() -> Any:
    return RoleAssignmentFactory(role=Role.STEERING, region=None).user


def chair_of(region: Any) -> Any:
    return RoleAssignmentFactory(role=Role.CHAIR, region=region).user


def stakeholder_of(organisation: Any) -> Any:
    return RoleAssignmentFactory(role=Role.STAKEHOLDER, organisation=organisation).user
