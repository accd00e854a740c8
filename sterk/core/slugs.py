"""Slugs derived from titles, unique even when two people create the same title at once.

`unique_slug` picks the first free `base`, `base-2`, `base-3`, ... But between that check
and the INSERT another request can take the same slug (two practices with the same title
submitted at once gave a 500). `save_with_unique_slug` therefore saves inside a savepoint
and, when the unique slug is what the database refused, picks the next free one and tries
again."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils.text import slugify

ATTEMPTS = 10


@dataclass(frozen=True)
class SlugSource:
    """Where an automatic slug comes from: the text, a fallback when the text has no
    letters, and slugs that URLs reserve."""

    text: str
    fallback: str = "item"
    reserved: Collection[str] = field(default_factory=tuple)
    name: str = "slug"


def unique_slug(
    model: type[models.Model],
    source: SlugSource,
    *,
    exclude_pk: Any = None,
    avoid: Collection[str] = (),
) -> str:
    max_length = getattr(model._meta.get_field(source.name), "max_length", None) or 50
    base = (slugify(source.text) or source.fallback)[: max_length - 5].strip("-") or (
        source.fallback
    )
    qs = model._default_manager.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    candidate, n = base, 1
    while (
        candidate in source.reserved
        or candidate in avoid
        or qs.filter(**{source.name: candidate}).exists()
    ):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def save_with_unique_slug(instance: models.Model, source: SlugSource) -> None:
    """`instance.save()`; when its slug was taken in the meantime, the next free slug."""
    model = type(instance)
    tried: set[str] = set()
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                instance.save()
            return
        except IntegrityError:
            slug = getattr(instance, source.name)
            others = model._default_manager.filter(**{source.name: slug})
            if instance.pk is not None and not instance._state.adding:
                others = others.exclude(pk=instance.pk)
            if attempt == ATTEMPTS - 1 or not others.exists():
                raise  # not the slug, or never free: a real error
            tried.add(slug)
            setattr(
                instance,
                source.name,
                unique_slug(model, source, exclude_pk=instance.pk, avoid=tried),
            )
