"""Test data for every registered list: `ROWS[(namespace, name)](n)` creates n rows of
that list (with their parent) and returns the list's URL kwargs. A new declaration with a
list and no builder here fails test_queries.test_every_builder_is_there."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from sterk.actionplan.models import FirstPriority
from sterk.actionplan.tests.factories import (
    ActionFactory,
    ChallengeFactory,
    EvaluationFactory,
    PlanFactory,
    SpearheadFactory,
    current_plan,
)
from sterk.events.models import Series
from sterk.events.tests.factories import EventFactory, QuestionFactory, SessionFactory
from sterk.network.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RegionPriorityFactory,
    SubRegionFactory,
)
from sterk.news.tests.factories import PostFactory

_state: dict[str, Any] = {}


def _region() -> Any:
    if (
        "region" not in _state
        or not type(_state["region"]).objects.filter(pk=_state["region"].pk).exists()
    ):
        _state["region"] = RegionFactory(slug="lijst-regio")
    return _state["region"]


def _event() -> Any:
    if (
        "event" not in _state
        or not type(_state["event"]).objects.filter(pk=_state["event"].pk).exists()
    ):
        _state["event"] = EventFactory()
    return _state["event"]


def priorities(n: int) -> dict[str, Any]:
    region = _region()
    for _ in range(n):
        RegionPriorityFactory(region=region)
    return {"slug": region.slug}


def subregions(n: int) -> dict[str, Any]:
    region = _region()
    for _ in range(n):
        MembershipFactory(region=region, subregion=SubRegionFactory(region=region))
    return {"slug": region.slug}


def plans(n: int) -> dict[str, Any]:
    for _ in range(n):
        ChallengeFactory(plan=PlanFactory())
    return {}


def challenges(n: int) -> dict[str, Any]:
    for _ in range(n):
        ActionFactory(challenge=ChallengeFactory())
    return {}


def spearheads(n: int) -> dict[str, Any]:
    for _ in range(n):
        SpearheadFactory(lead_organisation=OrganisationFactory())
    return {}


def first_priorities(n: int) -> dict[str, Any]:
    plan = current_plan()
    for i in range(n):
        priority = FirstPriority.objects.create(
            plan=plan, year=2021, title_nl=f"Prioriteit {i}", order=i
        )
        priority.challenges.set([ChallengeFactory(plan=plan)])
    return {}


def evaluations(n: int) -> dict[str, Any]:
    for i in range(n):
        EvaluationFactory(date=datetime.date(2022, 1, 1) + datetime.timedelta(days=i))
    return {}


def series(n: int) -> dict[str, Any]:
    for i in range(n):
        s = Series.objects.create(slug=f"reeks-{Series.objects.count()}-{i}", title_nl="Reeks")
        EventFactory(series=s)
    return {}


def questions(n: int) -> dict[str, Any]:
    event = _event()
    for _ in range(n):
        QuestionFactory(event=event)
    return {"pk": event.pk}


def sessions(n: int) -> dict[str, Any]:
    event = _event()
    for _ in range(n):
        SessionFactory(event=event)
    return {"pk": event.pk}


def news_posts(n: int) -> dict[str, Any]:
    # Regional and platform posts, with an author organisation: every cell the list shows.
    for i in range(n):
        PostFactory(
            region=_region() if i % 2 else None,
            organisation=OrganisationFactory() if i % 3 else None,
        )
    return {}


ROWS: dict[tuple[str, str], Callable[[int], dict[str, Any]]] = {
    ("manage", "priority"): priorities,
    ("manage", "subregion"): subregions,
    ("actionplan_manage", "plan"): plans,
    ("actionplan_manage", "challenge"): challenges,
    ("actionplan_manage", "spearhead"): spearheads,
    ("actionplan_manage", "priority"): first_priorities,
    ("actionplan_manage", "evaluation"): evaluations,
    ("events_manage", "series"): series,
    ("events_manage", "question"): questions,
    ("events_manage", "session"): sessions,
    ("news_manage", "post"): news_posts,
}
