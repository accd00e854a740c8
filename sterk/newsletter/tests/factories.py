from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from sterk.newsletter.models import Block, Edition, Subscriber, SubscriberStatus


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    status = SubscriberStatus.ACTIVE
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_at = factory.LazyFunction(timezone.now)
    consent_text = "I want the newsletter."


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    slug = factory.Sequence(lambda n: f"uitgave-{n}")
    title_nl = factory.Sequence(lambda n: f"Nieuwsbrief {n}")
    title_fr = factory.Sequence(lambda n: f"Lettre {n}")


def text_block(edition: Any, text: str = "Dag **iedereen**. [Meer](/nl/over/)", **kw: Any) -> Block:
    return Block.objects.create(edition=edition, kind="text", text_nl=text, position=1, **kw)
