"""Two creates with the same title at once: the second gets the next free slug, no 500."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import IntegrityError

from sterk.core.slugs import SlugSource, save_with_unique_slug, unique_slug
from sterk.events import services as event_services
from sterk.events.models import Event
from sterk.events.tests.factories import EventFactory
from sterk.network.tests.factories import RegionFactory, UserFactory
from sterk.practices import services as practice_services
from sterk.practices.models import Practice
from sterk.practices.tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def racing(model, factory):
    """Patch model.full_clean so that, right after the uniqueness check passed, another
    request stores a row with the same slug (what a concurrent create does)."""
    original = model.full_clean

    def full_clean(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if self._state.adding and not model.objects.filter(slug=self.slug).exists():
            factory(slug=self.slug)

    return mock.patch.object(model, "full_clean", full_clean)


def test_two_practices_with_the_same_title_created_at_once_get_two_slugs():
    region = RegionFactory()
    with racing(Practice, PracticeFactory):
        practice = practice_services.practice_create(
            actor=UserFactory(), data={"title_nl": "Buurtwerk", "summary_nl": "S", "region": region}
        )
    assert practice.slug == "buurtwerk-2"
    assert Practice.objects.filter(slug="buurtwerk").count() == 1


def test_two_events_with_the_same_title_created_at_once_get_two_slugs():
    import datetime

    from django.utils import timezone

    start = timezone.now() + datetime.timedelta(days=3)
    with racing(Event, EventFactory):
        event = event_services.event_create(
            actor=None,
            data={
                "title_nl": "Praktijksafari",
                "organiser": "platform",
                "format": "online",
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=1),
            },
        )
    assert event.slug == "praktijksafari-2"


def test_a_conflict_that_is_not_the_slug_is_not_hidden():
    event = EventFactory.build(slug="vrij")
    with (
        mock.patch.object(Event, "save", side_effect=IntegrityError("other")),
        pytest.raises(IntegrityError),
    ):
        save_with_unique_slug(event, SlugSource("vrij"))


def test_unique_slug_skips_reserved_and_taken_slugs():
    EventFactory(slug="reeks-2")
    assert unique_slug(Event, SlugSource("Reeks", reserved={"reeks"})) == "reeks-3"
    assert unique_slug(Event, SlugSource("!!!", fallback="activiteit")) == "activiteit"


def test_a_typed_slug_taken_by_a_concurrent_create_is_a_form_error_not_a_500():
    from django.core.exceptions import ValidationError

    from sterk.network import services as network_services
    from sterk.network.models import SubRegion
    from sterk.network.tests.factories import SubRegionFactory

    region = RegionFactory()
    original = SubRegion.full_clean

    def full_clean(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if self._state.adding:
            SubRegionFactory(region=region, slug=self.slug)

    with (
        mock.patch.object(SubRegion, "full_clean", full_clean),
        pytest.raises(ValidationError),
    ):
        network_services.subregion_create(
            actor=None, region=region, data={"name_nl": "Leuven", "slug": "leuven"}
        )
