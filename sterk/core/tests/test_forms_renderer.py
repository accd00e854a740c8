"""The platform's form renderer writes a <select>'s options in place: the HTML must stay
exactly what Django's own templates give, for every kind of select we use."""

from __future__ import annotations

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import SafeString

from sterk.core.content_language import LanguageMarkedSelect
from sterk.core.forms_renderer import FormRenderer


class _Label(str):
    """A label that says its language, as content_language.language_label makes them."""

    lang = "nl"


class _Form(forms.Form):
    plain = forms.ChoiceField(choices=[("", "—"), ("a", "Één & twee"), ("b", 'B "quoted"')])
    grouped = forms.ChoiceField(
        choices=[("Regio's", [("1", "Antwerpen"), ("2", "Limburg")]), ("x", "Platform")],
        required=False,
    )
    several = forms.MultipleChoiceField(choices=[("1", "Een"), ("2", "Twee"), ("3", "Drie")])
    marked = forms.ChoiceField(
        choices=[("1", _Label("Oost-Vlaanderen")), ("2", "Brussels")],
        widget=LanguageMarkedSelect(attrs={"aria-describedby": "hint", "disabled": False}),
    )
    yes_no = forms.NullBooleanField()


def _render(renderer: object, data: dict[str, object] | None) -> list[str]:
    form = _Form(data, renderer=renderer)
    return [str(form[name]) for name in form.fields]


def test_selects_render_as_with_djangos_own_templates() -> None:
    data = {"plain": "a", "grouped": "2", "several": ["1", "3"], "marked": "1", "yes_no": "true"}
    for bound in (None, data):
        ours, djangos = _render(FormRenderer(), bound), _render(DjangoTemplates(), bound)
        assert ours == djangos
    html = _render(FormRenderer(), data)
    assert '<option value="a" selected>Één &amp; twee</option>' in html[0]
    assert '<optgroup label="Regio&#x27;s">' in html[1]
    assert 'lang="nl"' in html[3] and "selected" in html[3]


def test_the_renderer_is_the_sites_default() -> None:
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), FormRenderer)
    assert isinstance(str(_Form()["plain"]), SafeString)


class _Choices(forms.Form):
    boxes = forms.MultipleChoiceField(
        choices=[("1", "Een & twee"), ("2", 'Twee "quoted"'), ("3", _Label("Drie"))],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "x", "data-y": True}),
    )
    grouped = forms.MultipleChoiceField(
        choices=[("Regio's", [("1", "Antwerpen"), ("2", "Limburg")]), ("x", "Platform")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    radio = forms.ChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect(attrs={"disabled": False})
    )
    one = forms.BooleanField(required=False)


def _render_choices(renderer: object, data: dict[str, object] | None) -> list[str]:
    form = _Choices(data, renderer=renderer, auto_id="id_%s")
    whole = [str(form[name]) for name in form.fields]
    # What core/_field.html writes: each choice's own tag, and its label.
    tags = [str(choice.tag()) for name in ("boxes", "grouped", "radio") for choice in form[name]]
    return whole + tags


def test_checkboxes_and_radio_buttons_render_as_with_djangos_own_templates() -> None:
    data = {"boxes": ["1", "3"], "grouped": ["2"], "radio": "b", "one": "on"}
    for bound in (None, data):
        ours, djangos = (
            _render_choices(FormRenderer(), bound),
            _render_choices(DjangoTemplates(), bound),
        )
        assert ours == djangos
    html = _render_choices(FormRenderer(), data)
    assert 'value="3" class="x" data-y id="id_boxes_2" checked' in html[0]
    assert '<label for="id_radio_1"><input type="radio" name="radio" value="b"' in html[2]
