"""Form helpers shared by every app's views."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import validators


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
