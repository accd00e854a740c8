"""Form helpers shared by every app's views."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


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
