"""Every list page of the survey area makes the same number of queries with more rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sterk.surveys import services
from sterk.surveys.models import ActionPoint, Answer, Finding
from sterk.surveys.tests.factories import small_survey
from sterk.surveys.tests.test_builder import chair_client
from sterk.surveys.tests.test_results import fill

pytestmark = pytest.mark.django_db


def counts(client: Client, url: str, grow: Callable[[], None]) -> list[int]:
    found = []
    for _round in range(2):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        found.append(len(ctx.captured_queries))
        grow()
    return found


def test_written_answers_page() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 3, yes=3)
    client = chair_client(survey.region)
    url = reverse("surveys_manage:texts", kwargs={"pk": survey.pk, "qpk": qs[3].pk})
    a, b = counts(client, url, lambda: fill(survey, qs, 6, yes=6))
    assert a == b


def _grow_followup(survey: Any, qs: list[Any]) -> Callable[[], None]:
    def grow() -> None:
        for i in range(3):
            f = Finding.objects.create(survey=survey, statement_nl=f"B{i}")
            f.questions.set(qs[:3])
            f.quotes.set(Answer.objects.filter(question=qs[3])[:2])
            ActionPoint.objects.create(finding=f, title_nl=f"P{i}")
            ActionPoint.objects.create(finding=f, title_nl=f"Q{i}")

    return grow


def test_follow_up_pages() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 6, yes=6)
    Answer.objects.filter(question=qs[3]).update(approved=True)
    grow = _grow_followup(survey, qs)
    grow()
    services.followup_publish(actor=None, survey=survey, publish=True)  # type: ignore[arg-type]
    client = chair_client(survey.region)
    manage = reverse("surveys_manage:followup", kwargs={"pk": survey.pk})
    a, b = counts(client, manage, grow)
    assert a == b
    public = reverse("surveys:followup", kwargs={"slug": survey.slug})
    a, b = counts(Client(), public, grow)
    assert a == b


def test_public_results_page() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 6, yes=6)
    Answer.objects.filter(question=qs[3]).update(approved=True)
    services.results_publish(
        actor=None,  # type: ignore[arg-type]
        survey=survey,
        question_ids=[q.pk for q in qs],
        publish=True,
    )
    url = reverse("surveys:results", kwargs={"slug": survey.slug})
    a, b = counts(Client(), url, lambda: fill(survey, qs, 10, yes=5))
    assert a == b
