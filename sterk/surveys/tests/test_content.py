"""The real surveys (known facts) and their demo questions and answers."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sterk.surveys.models import Answer, Response, Survey

pytestmark = pytest.mark.django_db


def test_real_surveys_hold_only_their_known_facts() -> None:
    call_command("load_content", verbosity=0)
    call_command("load_surveys", verbosity=0)
    brussel = Survey.objects.get(slug="brussel-sociaal-werk-in-coronatijden")
    assert brussel.region.slug == "brussel"  # type: ignore[union-attr]
    opens = timezone.localtime(brussel.opens_at)
    assert (opens.year, opens.month, opens.day) == (2020, 6, 1)
    assert "oktober 2020" in brussel.intro_nl  # type: ignore[attr-defined]
    west = Survey.objects.get(slug="west-vlaanderen-uitdagingen-sterk-sociaal-werk")
    assert west.reported_respondents == 435
    assert "40 actiepunten" in west.intro_nl and "70" in west.intro_nl  # type: ignore[attr-defined]
    assert not west.questions.exists() and not west.is_demo
    assert not Response.objects.exists()


def test_demo_questions_and_answers_are_marked(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = True
    for command in ("load_content", "load_actionplan", "load_surveys", "load_surveys_demo"):
        call_command(command, verbosity=0)
    call_command("load_surveys_demo", verbosity=0)  # idempotent
    west = Survey.objects.get(slug="west-vlaanderen-uitdagingen-sterk-sociaal-werk")
    assert west.is_demo and west.responses.count() == 80
    assert Answer.objects.filter(question__survey=west).count() == 80 * 5
    page = Client().get(reverse("surveys:results", kwargs={"slug": west.slug})).content.decode()
    assert "Demo data" in page and "435" in page
    follow = Client().get(
        reverse("surveys:followup", kwargs={"slug": "brussel-sociaal-werk-in-coronatijden"})
    )
    assert follow.status_code == 200 and "(demo)" in follow.content.decode()
