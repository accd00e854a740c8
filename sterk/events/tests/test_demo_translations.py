"""The demo events show a translated platform: French and English for every text."""

import pytest
from django.core.management import call_command

from sterk.events.models import Event, Question, Series, Session

pytestmark = pytest.mark.django_db


def _untranslated(rows, fields):
    missing = []
    for row in rows:
        for name in fields:
            nl = getattr(row, f"{name}_nl")
            for lang in ("fr", "en"):
                if nl and not getattr(row, f"{name}_{lang}"):
                    missing.append((str(row), name, lang))
    return missing


def test_demo_events_are_translated(settings) -> None:
    settings.DEBUG = True
    call_command("load_events_demo", verbosity=0)
    events = Event.objects.filter(slug__startswith="demo-")
    assert events.count() == 11
    assert _untranslated(events, ("title", "summary", "description")) == []
    assert _untranslated(Session.objects.filter(event__in=events), ("title", "description")) == []
    assert _untranslated(Question.objects.filter(event__in=events), ("label", "choices")) == []
    assert (
        _untranslated(Series.objects.filter(slug__startswith="demo-"), ("title", "description"))
        == []
    )
    assert Event.objects.get(slug="demo-stuurgroep").title_fr == "Groupe de pilotage (démo)"


def test_demo_translates_events_loaded_in_dutch_only(settings) -> None:
    settings.DEBUG = True
    call_command("load_events_demo", verbosity=0)
    Event.objects.filter(slug="demo-stuurgroep").update(title_fr="", title_en="")
    Event.objects.filter(slug="demo-sociaalwerkconferentie").update(title_en="Our conference")
    Series.objects.filter(slug="demo-world-social-work-day").update(description_fr="")
    call_command("load_events_demo", verbosity=0)
    assert Event.objects.get(slug="demo-stuurgroep").title_en == "Steering group (demo)"
    assert Event.objects.get(slug="demo-sociaalwerkconferentie").title_en == "Our conference"
    assert Series.objects.get(slug="demo-world-social-work-day").description_fr
