"""Small helpers for the action plan's templates."""

from __future__ import annotations

from typing import Any

from django import template

from sterk.actionplan.models import Status
from sterk.actionplan.selectors import StatusSummary, localise

register = template.Library()


@register.filter
def localised(value: Any) -> Any:
    """A snapshot value {language: text} (or a list of them) in the current language."""
    value = localise(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


@register.filter
def status_label(value: str) -> str:
    try:
        return str(Status(value).label)
    except ValueError:
        return value


@register.filter
def fixed2(value: Any) -> str:
    """A number with a dot and two decimals whatever the locale (for SVG coordinates)."""
    return f"{float(value):.2f}"


@register.simple_tag
def status_summary(items: Any) -> StatusSummary:
    """`{% status_summary plan_actions as summary %}`: the roll-up of a list of actions that
    another app's page passes in. Iterating a queryset fills its cache, so the list that
    follows costs no further query."""
    return StatusSummary.of(items or [])
