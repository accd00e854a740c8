"""Input rules that hold for every form and model of the project, checked by walking them,
so a new form or field cannot forget them."""

from __future__ import annotations

import datetime
import importlib
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

import sterk
from sterk.core import validators
from sterk.core.fields import fit_to_field


def _import_all_sterk_modules() -> None:
    for info in pkgutil.walk_packages(sterk.__path__, "sterk."):
        parts = info.name.split(".")
        if {"tests", "migrations", "management"} & set(parts):
            continue
        importlib.import_module(info.name)


def _subclasses(cls: type) -> set[type]:
    found: set[type] = set()
    for sub in cls.__subclasses__():
        found.add(sub)
        found |= _subclasses(sub)
    return found


def sterk_form_classes() -> list[type]:
    _import_all_sterk_modules()
    classes = [
        c
        for c in _subclasses(forms.BaseForm)
        if c.__module__.startswith("sterk.") and ".tests" not in c.__module__
    ]
    return sorted(classes, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def date_fields() -> list[tuple[str, str, forms.Field]]:
    found = []
    for form_class in sterk_form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.DateField | forms.DateTimeField):
                found.append((f"{form_class.__module__}.{form_class.__qualname__}", name, field))
    return found


def test_the_walk_finds_the_date_fields_of_model_forms_and_plain_forms():
    names = {(form, name) for form, name, _field in date_fields()}
    assert ("sterk.events.forms.AgendaFilterForm", "vanaf") in names or any(
        n == "vanaf" for _f, n in names
    )
    assert any(n == "starts_at" for _f, n in names)  # a ModelForm's generated field
    assert any(n == "opens_on" for _f, n in names)


@pytest.mark.parametrize(
    ("form", "name", "field"),
    [pytest.param(*row, id=f"{row[0]}.{row[1]}") for row in date_fields()],
)
def test_every_date_field_of_every_form_refuses_years_outside_the_window(form, name, field):
    if isinstance(field, forms.DateTimeField):
        bad = ["0001-01-01 00:00", "2101-01-01 10:00"]
        good = "2026-05-04 10:00"
    else:
        bad = ["0001-01-01", "2101-01-01"]
        good = "2026-05-04"
    for value in bad:
        with pytest.raises(ValidationError) as caught:
            field.clean(value)
        assert "date_out_of_range" in [e.code for e in caught.value.error_list], (form, name)
        assert "1990" in str(caught.value.messages[0]), (form, name)
    field.clean(good)


def test_the_date_message_is_translated():
    from django.utils import translation

    with translation.override("nl"):
        message = str(validators.SaneDateValidator.message)
    assert message  # gettext_lazy: the catalogue supplies nl/fr/en


def _title_like(field: models.Field) -> bool:
    base = field.name.rsplit("_", 1)[0] if field.name.endswith(("_nl", "_fr", "_en")) else None
    return isinstance(field, models.CharField) and (field.name == "title" or base == "title")


def test_every_title_of_every_model_is_single_line():
    checked = 0
    for model in apps.get_models():
        if not model.__module__.startswith("sterk."):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.Field) and _title_like(field):
                assert validators.validate_single_line in field.validators, (model, field.name)
                checked += 1
    assert checked > 10


@pytest.mark.parametrize("text", ["a\nb", "a\rb", "a\x00b", "a\tb", "a\u2028b"])
def test_single_line_refuses_line_breaks_and_control_characters(text):
    with pytest.raises(ValidationError):
        validators.validate_single_line(text)
    assert "\n" not in validators.single_line(text) and "\x00" not in validators.single_line(text)


def test_single_line_keeps_ordinary_text():
    validators.validate_single_line("Praktijksafari – Gent, 3 mei (deel 2) 🎉")
    assert validators.single_line("  Een\r\n twee ") == "Een twee"


@pytest.mark.django_db
def test_fit_to_field_cuts_a_long_name_to_the_column():
    from sterk.network.models import ContactRequest

    assert len(fit_to_field(ContactRequest, "name", "x" * 500)) == 150
    assert fit_to_field(ContactRequest, "name", " An ") == "An"


def test_sane_date_validator_bounds():
    validators.validate_sane_date(datetime.date(1990, 1, 1))
    validators.validate_sane_date(datetime.datetime(2100, 12, 31, 23, 59, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError):
        validators.validate_sane_date(datetime.date(1989, 12, 31))


@pytest.mark.django_db
def test_a_member_with_a_150_plus_150_character_name_sends_a_story_and_a_contact_request(
    client, settings
):
    """Snapshots of a member's full name (301 characters) into shorter fields are cut to
    the column, not a 500."""
    from sterk.network.models import ContactRequest, Role
    from sterk.network.tests.factories import (
        OrganisationFactory,
        RoleAssignmentFactory,
        UserFactory,
    )
    from sterk.practices import services as practice_services
    from sterk.practices.tests.factories import CallFactory

    member = UserFactory(first_name="A" * 150, last_name="B" * 150)
    call = CallFactory(owner=OrganisationFactory(is_stakeholder=True), questions=[])
    practice = practice_services.call_submission_create(
        call=call,
        user=member,
        data={"title_nl": "Samen", "summary_nl": "S"},
        answers={},
        consent_publish=True,
        consent_anonymous=True,
    )
    assert practice.submitter_name == "A" * 150

    from django.core.cache import cache

    cache.clear()  # the contact form's rate limit counts in the cache
    RoleAssignmentFactory(user=UserFactory(), role=Role.COORDINATOR)
    client.force_login(member)
    page = client.get("/nl/contact/")
    assert page.status_code == 200
    name = page.context["form"].initial["name"]
    response = client.post(
        "/nl/contact/",
        {"name": name, "email": member.email, "topic": "join", "message": "Hoi", "consent": "on"},
    )
    assert response.status_code == 302
    assert ContactRequest.objects.get().name == "A" * 150
