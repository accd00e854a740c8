"""Generic audited writes, used by the apps' services for plain field edits."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models, transaction

from .audit import audit_record, diff, snapshot

M = TypeVar("M", bound=models.Model)


def _split(data: dict[str, Any], instance: models.Model) -> tuple[dict[str, Any], dict[str, Any]]:
    many = {f.name for f in instance._meta.many_to_many}
    return (
        {k: v for k, v in data.items() if k not in many},
        {k: v for k, v in data.items() if k in many},
    )


@transaction.atomic
def instance_create_audited(
    *, actor: Any, model: type[M], data: dict[str, Any], action: str, region_id: int | None = None
) -> M:
    instance = model()
    plain, many = _split(data, instance)
    for key, value in plain.items():
        setattr(instance, key, value)
    instance.full_clean()
    instance.save()
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
    *, actor: Any, instance: M, data: dict[str, Any], action: str, region_id: int | None = None
) -> M:
    """Set the given fields, validate, save, and record before/after of what changed."""
    fields = list(data)
    before = snapshot(instance, fields)
    plain, many = _split(data, instance)
    for key, value in plain.items():
        setattr(instance, key, value)
    instance.full_clean()
    instance.save()
    for key, value in many.items():
        getattr(instance, key).set(value)
    changes = diff(before, snapshot(instance, fields))
    if changes:
        audit_record(actor=actor, action=action, obj=instance, changes=changes, region_id=region_id)
    return instance


@transaction.atomic
def instance_delete_audited(
    *, actor: Any, instance: models.Model, action: str, fields: list[str], region_id: int | None
) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=instance,
        changes=diff(snapshot(instance, fields), {}),
        region_id=region_id,
    )
    instance.delete()
