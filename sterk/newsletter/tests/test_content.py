"""The archived edition of seed 004, loaded from content/newsletter/, and the demo
subscribers."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from sterk.newsletter.models import Edition, Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    for command in ("load_content", "load_actionplan", "load_events", "load_practices"):
        call_command(command, verbosity=0)
    call_command("load_newsletter", verbosity=0)
    call_command("load_newsletter", verbosity=0)  # idempotent


def test_the_spring_2021_edition_is_archived_with_its_live_items(client, loaded):
    edition = Edition.objects.get(slug="lente-2021-politiserend-werken")
    assert edition.is_public and Edition.objects.count() == 1
    kinds = [b.kind for b in edition.blocks.all()]
    assert kinds == ["text", "call", "practices", "events", "text"]
    practices = edition.blocks.get(kind="practices").practices.all()
    assert {p.slug for p in practices} == {
        "cachet-mechelen-grote-stap",
        "wonen-met-kansen",
        "miriam",
    }
    assert edition.blocks.get(kind="call").call.slug == "politiserende-praktijken-zorg-en-welzijn"
    for lang, words in (
        ("nl", "Politiserend sociaal werk"),
        ("fr", "Le travail social politisant"),
        ("en", "Politicising social work"),
    ):
        page = client.get(f"/{lang}/nieuwsbrief/{edition.slug}/")
        assert page.status_code == 200 and words in page.content.decode()
    listing = client.get(reverse("newsletter:archive")).content.decode()
    assert edition.get_absolute_url() in listing
    assert "World Social Work Day" in client.get(edition.get_absolute_url()).content.decode()


def test_demo_subscribers_are_marked_demo(loaded):
    call_command("load_newsletter_demo", verbosity=0)
    assert Subscriber.objects.count() == 5
    assert set(Subscriber.objects.values_list("is_demo", flat=True)) == {True}
