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
