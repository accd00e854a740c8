"""Chairs are never asked for a "slug"; a coordinator sees it as what it is, the end of
the page's web address (or, for a sub-region, which has no page, its short name)."""

from __future__ import annotations

from django.utils import translation

from sterk.network.forms_manage import SubRegionForm

from .test_scoped_choices import _key, build, management_forms, world  # noqa: F401

# Slugs of things without a page of their own: a short name, not a web address.
NO_PAGE = {"network.SubRegionForm", "actionplan.PlanForm"}


def test_no_management_form_calls_it_a_slug(world):  # noqa: F811
    with translation.override("en"):
        found = []
        for cls in management_forms():
            form = build(cls, world, world.coordinator)
            if "slug" not in form.fields:
                continue
            field = form.fields["slug"]
            found.append(_key(cls))
            assert "slug" not in str(field.label).lower(), _key(cls)
            if _key(cls) in NO_PAGE:
                assert str(field.label) == "Short name", _key(cls)
            else:
                assert not field.required, f"{_key(cls)}: an empty slug is derived"
                assert str(field.label) == "Web address", _key(cls)
                # The address before it, in the page's language: /en/actieplan/acties/…
                assert "/en/" in str(field.help_text), _key(cls)
    assert {"actionplan.ActionForm", "events.SeriesForm", "network.SubRegionForm"} <= set(found)


def test_a_chairs_subregion_form_has_no_slug(world):  # noqa: F811
    assert "slug" not in SubRegionForm(user=world.chair_limburg).fields
    assert "slug" not in SubRegionForm().fields  # deny by default
    assert "slug" in SubRegionForm(user=world.coordinator).fields
