"""Model fields that carry the shared validators (`sterk.core.validators`).

Validators do not change the schema, so these fields deconstruct as the plain Django field:
swapping `models.DateTimeField` for `SaneDateTimeField` needs no migration. Their form
fields carry the same validator, so a ModelForm refuses bad input at the field (with the
typed value kept) and `full_clean()` in a service refuses it too."""

from __future__ import annotations

from typing import Any

from django.db import models

from . import validators


class _PlainDeconstruct:
    plain_path = ""

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()  # type: ignore[misc]
        return name, self.plain_path, args, kwargs


class SaneDateField(_PlainDeconstruct, models.DateField):
    """A date a person types: between MIN_YEAR and MAX_YEAR."""

    plain_path = "django.db.models.DateField"
    default_validators = [validators.validate_sane_date]

    def formfield(self, **kwargs: Any) -> Any:
        from .forms import SaneDateField as FormField

        return super().formfield(**{"form_class": FormField, **kwargs})


class SaneDateTimeField(_PlainDeconstruct, models.DateTimeField):
    """A date and time a person types: between MIN_YEAR and MAX_YEAR."""

    plain_path = "django.db.models.DateTimeField"
    default_validators = [validators.validate_sane_date]

    def formfield(self, **kwargs: Any) -> Any:
        from .forms import SaneDateTimeField as FormField

        return super().formfield(**{"form_class": FormField, **kwargs})


class SingleLineCharField(_PlainDeconstruct, models.CharField):
    """A title or name: one line, no control characters (it ends up in e-mail subjects,
    calendar files and file names)."""

    plain_path = "django.db.models.CharField"
    default_validators = [validators.validate_single_line]

    def formfield(self, **kwargs: Any) -> Any:
        field = super().formfield(**kwargs)
        if field is not None and validators.validate_single_line not in field.validators:
            field.validators.append(validators.validate_single_line)
        return field


class LimitedImageField(_PlainDeconstruct, models.ImageField):
    """An uploaded image within STERK_MAX_UPLOAD_BYTES and STERK_MAX_IMAGE_PIXELS, for
    services that call full_clean() as much as for forms."""

    plain_path = "django.db.models.ImageField"
    default_validators = [
        *models.ImageField.default_validators,
        validators.validate_upload_size,
        validators.validate_image_pixels,
    ]

    def formfield(self, **kwargs: Any) -> Any:
        from .forms import UploadImageField

        return super().formfield(**{"form_class": UploadImageField, **kwargs})


def sane_datetime_check(*names: str, nullable: bool = False) -> Any:
    """The Q of a CheckConstraint that keeps these datetime columns within the sane window
    in the database too: a year-0001 value stored in Brussels time is a date "BC" for
    PostgreSQL, which the driver cannot read back, so one such row took every page that
    listed it down. Validation refuses it; the constraint makes it impossible."""
    import datetime

    low = datetime.datetime(validators.MIN_YEAR, 1, 1, tzinfo=datetime.UTC)
    high = datetime.datetime(validators.MAX_YEAR + 1, 1, 1, tzinfo=datetime.UTC)
    condition = models.Q()
    for name in names:
        in_range = models.Q(**{f"{name}__gte": low, f"{name}__lt": high})
        if nullable:
            in_range |= models.Q(**{f"{name}__isnull": True})
        condition &= in_range
    return condition


def fit_to_field(model: Any, field_name: str, value: str) -> str:
    """`value` cut to the column's max_length (for snapshots such as a member's full name
    copied into a shorter field), so a long name never fails a save."""
    max_length = model._meta.get_field(field_name).max_length
    value = (value or "").strip()
    return value[:max_length].rstrip() if max_length else value
