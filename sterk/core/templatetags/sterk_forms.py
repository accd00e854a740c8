"""Template helpers for the shared form partials (core/_field.html, core/_form_errors.html)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

# Widgets that render as a group of inputs: a fieldset with a legend, not a label.
GROUP_WIDGETS = frozenset({"checkboxselectmultiple", "checkboxlist", "radioselect"})


@register.filter
def has_required(form: Any) -> bool:
    """True when a visible field of the form is required: the form then explains "*" once."""
    fields = getattr(form, "visible_fields", None)
    if fields is None:
        return False
    return any(field.field.required for field in fields())


@register.filter
def is_group(field: Any) -> bool:
    """True for a field shown as a group of checkboxes or radio buttons."""
    return getattr(field, "widget_type", "") in GROUP_WIDGETS
