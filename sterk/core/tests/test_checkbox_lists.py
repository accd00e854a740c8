"""Every multiple choice of every management form is one CheckboxList (sterk.core.widgets):
a fieldset of checkboxes with a legend, never a Ctrl-click <select multiple>, and a
filter box for a long list that JavaScript shows (without it the list still works)."""

from __future__ import annotations

import re

from django import forms
from django.template import Context, Template
from django.template.loader import render_to_string

from sterk.core.widgets import CheckboxList

from .test_scoped_choices import _key, build, management_forms, world  # noqa: F401

FIELDS = Template('{% for field in form %}{% include "core/_field.html" %}{% endfor %}')


def _multiple(form: forms.BaseForm) -> list[str]:
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
    ]


def test_every_multiple_choice_of_a_management_form_is_a_checkbox_list(world):  # noqa: F811
    seen = []
    for cls in management_forms():
        form = build(cls, world, world.coordinator)
        for name in _multiple(form):
            seen.append(f"{_key(cls)}.{name}")
            assert isinstance(form.fields[name].widget, CheckboxList), (
                f"{_key(cls)}.{name} is a {type(form.fields[name].widget).__name__}: call "
                "sterk.core.widgets.use_checkbox_lists(self) at the end of the form's __init__"
            )
    # The three Ctrl-click lists are among them.
    assert {"events.EventForm.actions", "events.EventForm.challenges"} <= set(seen)
    assert "practices.ModeratorPracticeForm.organisations" in seen


def test_no_management_form_renders_a_select_multiple(world):  # noqa: F811
    for cls in management_forms():
        form = build(cls, world, world.coordinator)
        html = FIELDS.render(Context({"form": form}))
        assert not re.search(r"<select[^>]*\bmultiple", html), _key(cls)


def test_a_long_list_gets_a_hidden_filter_box_and_a_legend():
    choices = [(str(i), f"Actie {i}") for i in range(CheckboxList.FILTER_FROM)]
    form = forms.Form()
    form.fields["actions"] = forms.MultipleChoiceField(
        label="Acties", choices=choices, widget=CheckboxList, required=False
    )
    html = render_to_string("core/_field.html", {"field": form["actions"]})
    assert "<fieldset" in html and "<legend>Acties" in html
    assert "data-checkbox-list" in html
    # Without JavaScript the filter box is not shown: only the checkboxes.
    assert "data-checkbox-filter hidden" in html
    assert html.count('type="checkbox"') == CheckboxList.FILTER_FROM
    assert 'name="actions"' in html and 'type="search"' in html
    assert 'name="actions_filter"' not in html  # the filter box is never submitted


def test_a_short_list_has_no_filter_box():
    form = forms.Form()
    form.fields["k"] = forms.MultipleChoiceField(
        label="K", choices=[("1", "Een"), ("2", "Twee")], widget=CheckboxList
    )
    html = render_to_string("core/_field.html", {"field": form["k"]})
    assert "<fieldset" in html and "data-checkbox-list" not in html and "search" not in html
