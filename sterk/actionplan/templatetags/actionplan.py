"""Small helpers for the action plan's templates."""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from sterk.actionplan.models import Status
from sterk.actionplan.selectors import LANGUAGE_CODES, StatusSummary, localise
from sterk.core.content_language import current_language
from sterk.core.templatetags.dates import date as date_filter

register = template.Library()


def _marked(value: Any) -> Any:
    """One snapshot value as HTML: in the current language, or the Dutch text marked
    `lang="nl"` when the snapshot has no translation (sterk.core.content_language)."""
    from django.utils.html import conditional_escape, format_html

    text = localise(value)
    is_translated = isinstance(value, dict) and value and set(value) <= set(LANGUAGE_CODES)
    if is_translated and text and not value.get(current_language()):
        return format_html('<span lang="nl">{}</span>', text)
    return conditional_escape(text)


@register.filter
def localised(value: Any) -> Any:
    """A snapshot value {language: text} (or a list of them) in the current language, the
    Dutch text marked as Dutch where it falls back."""
    from django.utils.html import format_html_join

    if isinstance(value, list):
        return format_html_join(", ", "{}", ((_marked(v),) for v in value))
    return _marked(value)


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


def _field(obj: Any, name: str) -> Any:
    """What `{{ obj.name }}` reads: a key of a dict (a snapshot row), else an attribute."""
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


@register.simple_tag
def state_line(obj: Any) -> SafeString:
    """The state of a tracked object (action, initiative, activity, progress update):
    status badge, percentage done, as-of date. Written in Python, not as an included
    template: the plan's pages show it for every action and activity (22 times on the
    overview, at about 0.1 ms each as a template; #14). The same HTML as the template it
    replaced (tested)."""
    status = _field(obj, "status")
    parts = [
        format_html(
            '<span class="status status-{}">{}</span>',
            "" if status is None else status,
            status_label("" if status is None else status),
        )
    ]
    progress = _field(obj, "progress")
    if progress is not None:
        parts.append(
            format_html(
                " <span>{}</span>",
                # As {% blocktranslate %}: the sentence is trusted, the value escaped.
                SafeString(
                    gettext("%(p)s %% done") % {"p": conditional_escape(formats.localize(progress))}
                ),
            )
        )
    status_date = _field(obj, "status_date")
    if status_date:
        if isinstance(status_date, datetime.datetime) and timezone.is_aware(status_date):
            status_date = timezone.localtime(status_date)  # as the `date` filter does
        day = conditional_escape(date_filter(status_date, "j F Y"))
        parts.append(
            format_html(
                ' <span class="meta">{}</span>', SafeString(gettext("as of %(d)s") % {"d": day})
            )
        )
    return format_html('<span class="state-line">{}</span>', SafeString("".join(parts)))
