"""Form widgets shared by every app."""

from __future__ import annotations

from typing import Any

from django import forms

from sterk.core.content_language import mark_choice_languages


class CheckboxList(forms.CheckboxSelectMultiple):
    """A long multiple choice (actions, challenges, organisations) as a scrollable list of
    checkboxes in a fieldset with a legend, never a Ctrl-click <select multiple>.

    core/_field.html renders it (field.widget_type == "checkboxlist") with a filter box
    that stays hidden until sterk/core/static/js/site.js shows it: without JavaScript it
    is a plain list that works with Tab and Space. A short list (FILTER_FROM options or
    fewer) gets neither the filter nor the scroll box.
    """

    FILTER_FROM = 8


def use_checkbox_lists(form: Any) -> None:
    """Give every multiple-choice field of the form a CheckboxList (call at the end of a
    form's __init__): one widget for all of them, whatever the model field's default.
    Every model choice also says its language when its name falls back to Dutch."""

    mark_choice_languages(form)
    for field in form.fields.values():
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField) and (
            isinstance(field.widget, forms.SelectMultiple | forms.CheckboxSelectMultiple)
            and not isinstance(field.widget, CheckboxList)
        ):
            widget = CheckboxList(attrs=field.widget.attrs)
            widget.choices = field.choices  # type: ignore[attr-defined,assignment]
            widget.is_required = field.widget.is_required
            field.widget = widget
