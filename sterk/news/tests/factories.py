"""Factories for news posts. People and regions come from the network's shared factories."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from sterk.news.models import Post, PostStatus


class PostFactory(factory.django.DjangoModelFactory):
    """A public post (published an hour ago) of the platform, unless told otherwise."""

    class Meta:
        model = Post
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"bericht-{n}")
    title_nl = factory.Sequence(lambda n: f"Bericht {n}")
    lead_nl = "Een korte inleiding op het bericht."
    body_nl = "De **tekst** van het bericht."
    status = PostStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    @factory.post_generation
    def krachtlijnen(self, create: bool, extracted, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if create and extracted:
            self.krachtlijnen.set(extracted)


def draft(**kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("publish_at", None)
    return PostFactory(status=PostStatus.DRAFT, **kwargs)


def scheduled(hours: float = 2, **kwargs):  # type: ignore[no-untyped-def]
    return PostFactory(publish_at=timezone.now() + datetime.timedelta(hours=hours), **kwargs)
