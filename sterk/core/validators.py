"""Validators that every app shares: sane dates, single-line titles, upload limits.

They are attached once, in the field classes of `sterk.core.fields` (models) and
`sterk.core.forms` (plain forms), so a service calling `full_clean()`, a ModelForm and a
plain form refuse the same input with the same translated message."""

from __future__ import annotations

import datetime
import unicodedata
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Dates people type into the platform: an event, a deadline, a progress date. Anything
# outside this window is a typing error (year 0001 took pages down on PostgreSQL).
MIN_YEAR = 1990
MAX_YEAR = 2100


@deconstructible
class SaneDateValidator:
    message = _("Enter a date between %(min)s and %(max)s.")
    code = "date_out_of_range"

    def __call__(self, value: Any) -> None:
        if value is None or not isinstance(value, datetime.date):
            return
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValidationError(
                self.message, code=self.code, params={"min": MIN_YEAR, "max": MAX_YEAR}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SaneDateValidator)


validate_sane_date = SaneDateValidator()


def has_control_characters(value: str) -> bool:
    """Line breaks, tabs, NUL and other control characters (Unicode category C*, except
    the soft hyphen and joiners people paste from word processors)."""
    return any(
        unicodedata.category(ch) in {"Cc", "Zl", "Zp"} or ch in "\u2028\u2029" for ch in value
    )


@deconstructible
class SingleLineValidator:
    message = _("This text must fit on one line: remove line breaks and control characters.")
    code = "single_line"

    def __call__(self, value: Any) -> None:
        if isinstance(value, str) and has_control_characters(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SingleLineValidator)


validate_single_line = SingleLineValidator()


def single_line(value: str) -> str:
    """The text on one line: every run of whitespace or control characters becomes one space
    (for e-mail subjects, file names and calendar names built from stored titles)."""
    cleaned = "".join(" " if has_control_characters(ch) else ch for ch in value or "")
    return " ".join(cleaned.split())


def max_upload_bytes() -> int:
    return int(getattr(settings, "STERK_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))


def max_image_pixels() -> int:
    return int(getattr(settings, "STERK_MAX_IMAGE_PIXELS", 40_000_000))


def _stored_already(file: Any) -> bool:
    """A FieldFile of a saved row (validated when it was uploaded; its file may even be
    gone from the storage): only new uploads are checked."""
    return getattr(file, "_committed", False) is True


def validate_upload_size(file: Any) -> None:
    if file is None or _stored_already(file):
        return
    size = getattr(file, "size", None)
    if size is not None and size > max_upload_bytes():
        raise ValidationError(
            _("This file is too large (%(size)s); the limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_upload_bytes())},
        )


def validate_image_pixels(file: Any) -> None:
    """Refuse an image whose pixel count is above the limit, reading only its header (a
    small PNG can unpack to gigabytes: a decompression bomb)."""
    if file is None or _stored_already(file):
        return
    image = getattr(file, "image", None)  # set by forms.ImageField after Pillow's check
    if image is not None:
        width, height = image.size
    else:
        from PIL import Image

        try:
            position = file.tell()
        except (AttributeError, OSError):
            position = None
        try:
            with Image.open(file) as img:
                width, height = img.size
        except Exception:  # not an image: the ImageField's own check reports it
            return
        finally:
            if position is not None:
                file.seek(position)
    if width * height > max_image_pixels():
        raise ValidationError(
            _("This image has too many pixels (%(pixels)s megapixels); the limit is %(limit)s."),
            code="image_too_large",
            params={
                "pixels": round(width * height / 1_000_000),
                "limit": round(max_image_pixels() / 1_000_000),
            },
        )
