"""Generic audited writes, used by the apps' services for plain field edits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import IntegrityError, models, transaction

from .audit import audit_record, diff, snapshot
from .slugs import SlugSource, save_with_unique_slug

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

M = TypeVar("M", bound=models.Model)


def _split(
    data: Mapping[str, Any], instance: models.Model
) -> tuple[dict[str, Any], dict[str, Any]]:
    many = {f.name for f in instance._meta.many_to_many}
    return (
        {k: v for k, v in data.items() if k not in many},
        {k: v for k, v in data.items() if k in many},
    )


def _save(instance: models.Model, slug_source: SlugSource | None = None) -> None:
    """Save after full_clean(). A concurrent request may take a unique value (a slug, a
    name) between the check and the write: a derived slug then moves on to the next free
    one; anything else is reported as full_clean() would have (a ValidationError the form
    shows), never as a 500."""
    if slug_source is not None:
        save_with_unique_slug(instance, slug_source)
        return
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        instance.validate_unique()
        instance.validate_constraints()
        raise


@transaction.atomic
def instance_create_audited(
    *,
    actor: AbstractUser | None,
    model: type[M],
    data: Mapping[str, Any],
    action: str,
    region_id: int | None = None,
    slug_source: SlugSource | None = None,
) -> M:
    """Create, validate and record. With `slug_source`, the slug in `data` was derived from
    a title: if a concurrent create takes it first, the next free one is used."""
    instance = model()
    plain, many = _split(data, instance)
    for key, value in plain.items():
        setattr(instance, key, value)
    instance.full_clean()
    _save(instance, slug_source)
    for key, value in many.items():
        getattr(instance, key).set(value)
    audit_record(
        actor=actor,
        action=action,
        obj=instance,
        changes=diff({}, snapshot(instance, list(data))),
        region_id=region_id,
    )
    return instance


@transaction.atomic
def instance_update_audited(
    *,
    actor: AbstractUser | None,
    instance: M,
    data: Mapping[str, Any],
    action: str,
    region_id: int | None = None,
) -> M:
    """Set the given fields, validate, save, and record before/after of what changed."""
    fields = list(data)
    before = snapshot(instance, fields)
    plain, many = _split(data, instance)
    for key, value in plain.items():
        setattr(instance, key, value)
    instance.full_clean()
    _save(instance)
    for key, value in many.items():
        getattr(instance, key).set(value)
    changes = diff(before, snapshot(instance, fields))
    if changes:
        audit_record(actor=actor, action=action, obj=instance, changes=changes, region_id=region_id)
    return instance


@transaction.atomic
def instance_delete_audited(
    *,
    actor: AbstractUser | None,
    instance: models.Model,
    action: str,
    fields: list[str],
    region_id: int | None,
) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=instance,
        changes=diff(snapshot(instance, fields), {}),
        region_id=region_id,
    )
    instance.delete()
