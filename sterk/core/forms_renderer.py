"""The form renderer: Django's own form templates, with a faster <select>.

Django renders every <option> through two template includes (select_option.html and
attrs.html); a filter with 40 choices spent about 6 ms on them, more than the queries of
the page. `form_templates/django/forms/widgets/select.html` writes the options in place,
with the same HTML. Every other form template is Django's."""

from __future__ import annotations

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property

OVERRIDES = Path(__file__).resolve().parent / "form_templates"


class FormRenderer(DjangoTemplates):
    @cached_property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OVERRIDES, Path(django.forms.__file__).parent / "templates"],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )
