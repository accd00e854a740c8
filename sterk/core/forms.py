"""Form helpers shared by every app's views."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from . import validators

# The content languages of the modeltranslation fields (title_nl, title_fr, title_en).
LANGUAGE_NAMES = {"nl": _("Dutch"), "fr": _("French"), "en": _("English")}
LANGUAGES = tuple(LANGUAGE_NAMES)


class SaneDateField(forms.DateField):
    """A date between MIN_YEAR and MAX_YEAR (`sterk.core.validators`). Every DateField of a
    form in sterk.* is one (a test walks the form classes); model fields of
    `sterk.core.fields` produce it."""

    default_validators = [validators.validate_sane_date]


class SaneDateTimeField(forms.DateTimeField):
    """A date and time between MIN_YEAR and MAX_YEAR; see SaneDateField."""

    default_validators = [validators.validate_sane_date]


class SingleLineCharField(forms.CharField):
    """A title typed in a plain form: one line, no control characters."""

    default_validators = [validators.validate_single_line]


class UploadFileField(forms.FileField):
    """A file within STERK_MAX_UPLOAD_BYTES."""

    default_validators = [validators.validate_upload_size]


class UploadImageField(forms.ImageField):
    """An image within STERK_MAX_UPLOAD_BYTES and STERK_MAX_IMAGE_PIXELS."""

    default_validators = [
        *forms.ImageField.default_validators,
        validators.validate_upload_size,
        validators.validate_image_pixels,
    ]


def apply_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it concerns when the form
    has it (a translated model field's error goes to its Dutch form field), else on top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        if name in form.fields:
            target: str | None = name
        elif f"{name}_nl" in form.fields:
            target = f"{name}_nl"
        else:
            target = None
        for error in errors:
            form.add_error(target, error)


class TranslatedErrorsMixin:
    """For ModelForms that edit modeltranslation fields (title_nl, title_fr, ...): an error
    the model raises on "title" lands on the "title_nl" form field instead of crashing
    Django's add_error with "has no field named 'title'"."""

    def add_error(self, field: Any, error: Any) -> None:
        fields = self.fields  # type: ignore[attr-defined]

        def target(name: str) -> str:
            if name not in fields and f"{name}_nl" in fields:
                return f"{name}_nl"
            return name

        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            error = ValidationError({target(k): v for k, v in error.error_dict.items()})
        elif field is not None:
            field = target(field)
        super().add_error(field, error)  # type: ignore[misc]


def label_in_language(base: Any, lang: str) -> Any:
    """ "Title (French)": a translated field's label in one language."""
    return format_lazy("{} ({})", base, LANGUAGE_NAMES[lang])


def translated_names(*bases: str) -> list[str]:
    """The form field names of translated model fields: title_nl, title_fr, title_en, ..."""
    return [f"{base}_{lang}" for base in bases for lang in LANGUAGES]


def translated_field_setup(
    form: forms.BaseForm,
    base: str,
    label: Any = None,
    *,
    required_nl: bool | None = None,
    languages: Iterable[str] = LANGUAGES,
    other_help: Any = None,
) -> None:
    """Set up the per-language form fields of one translated model field: each labelled
    "<label> (<language>)" and marked with its `lang`; only the Dutch one can be required
    (the others fall back to it) and the others may say so (`other_help`). Without a label,
    the model field's verbose name; without `required_nl`, required when the model field
    is (ModelForms only)."""
    if label is None or required_nl is None:
        model_field = form._meta.model._meta.get_field(base)  # type: ignore[attr-defined]
        label = capfirst(model_field.verbose_name) if label is None else label
        required_nl = not model_field.blank if required_nl is None else required_nl
    for lang in languages:
        field = form.fields.get(f"{base}_{lang}")
        if field is None:
            continue
        field.label = label_in_language(label, lang)
        field.widget.attrs["lang"] = lang
        field.required = required_nl and lang == "nl"
        if other_help is not None and lang != "nl":
            field.help_text = other_help


class TranslatedFieldsMixin:
    """For ModelForms with translated fields: `translated_fields = ("title", "description")` sets
    each up with `translated_field_setup` (label from the model, Dutch required when the
    model requires it, "Leave empty to show the Dutch text." on the others)."""

    translated_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for base in self.translated_fields:
            translated_field_setup(
                self,  # type: ignore[arg-type]
                base,
                other_help=_("Leave empty to show the Dutch text."),
            )


def slug_as_web_address(field: forms.Field, url_name: str) -> None:
    """Show a slug field as what it is to a coordinator: the end of the page's web address,
    with the address before it as help text. (Chairs are never asked for a slug: their
    forms leave it out and the service derives it.)"""
    from django.urls import reverse

    sample = "slug-0"
    prefix = reverse(url_name, args=[sample]).split(sample)[0]
    field.label = _("Web address")
    field.help_text = format_lazy(
        _("The end of the address {prefix}…, in Dutch. Leave empty to derive it from the title."),
        prefix=prefix,
    )
