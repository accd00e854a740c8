"""The `date` filter with each language's typography (sterk.core.dates): installed as a
template builtin, so every `{{ value|date:"j F Y" }}` writes "1er décembre" in French."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import date as django_date

from sterk.core.dates import with_ordinal_first

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value: Any, arg: str | None = None) -> str:
    return django_date(value, with_ordinal_first(arg, value))
