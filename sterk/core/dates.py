"""Dates in the reader's language, with the typography each language expects.

French writes the first day of a month as an ordinal: "1er décembre 2026", never
"1 décembre 2026" (every other day is a cardinal). Django's formats cannot say that, so
the platform's `date` template filter (sterk.core.templatetags.dates, a template builtin)
and `date_format` below add it.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.utils import formats
from django.utils.translation import get_language

# "j" (day without leading zero) that is not escaped by a backslash.
_DAY = re.compile(r"(?<!\\)j")
# A format that names the month (full, abbreviated, AP style, alternative).
_MONTH_NAME = re.compile(r"(?<!\\)[FMNE]")


def with_ordinal_first(format_string: str | None, value: Any) -> str | None:
    """The format, with French's "er" after the day when the value is the 1st of a month."""
    if not isinstance(value, datetime.date) or value.day != 1:
        return format_string
    if not (get_language() or "").startswith("fr"):
        return format_string
    resolved = formats.get_format(format_string or "DATE_FORMAT")
    if not isinstance(resolved, str) or not _MONTH_NAME.search(resolved):
        return format_string
    return _DAY.sub(r"j\\e\\r", resolved)


def date_format(value: Any, format_string: str | None = None) -> str:
    """django.utils.formats.date_format with the language's ordinal first day."""
    return formats.date_format(value, with_ordinal_first(format_string, value))
