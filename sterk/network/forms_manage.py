"""Forms of the management area. They validate input only; the services write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sterk.core.audit_display import action_label
from sterk.core.content_language import (
    LanguageMarkedSelect,
    LanguageModelChoiceField,
    language_label,
)
from sterk.core.forms import (
    LANGUAGE_NAMES,
    LANGUAGES,
    TranslatedErrorsMixin,
    translated_field_setup,
)
from sterk.core.roles import roles_of
from sterk.core.widgets import use_checkbox_lists

from . import imports
from .models import (
    ContactStatus,
    Organisation,
    OrganisationType,
    Region,
    RegionPriority,
    Role,
    SubRegion,
)


class GroupedFieldsMixin:
    """Forms list their fields in fieldsets: `groups` is [(legend or None, [field names])]."""

    groups: list[tuple[Any, list[str]]] = []

    def grouped(self) -> list[tuple[Any, list[Any]]]:
        seen: set[str] = set()
        result = []
        for legend, names in self.groups:
            fields = [self[n] for n in names if n in self.fields]  # type: ignore[index,attr-defined]
            seen.update(names)
            if fields:
                result.append((legend, fields))
        rest = [self[n] for n in self.fields if n not in seen]  # type: ignore[index,attr-defined]
        if rest:
            result.append((None, rest))
        return result


class RoleScopedChoicesMixin:
    """Choice fields whose options depend on who fills in the form. `role_scoped` maps a
    field name to what it holds ("region", "subregion" or "organisation"); `scope_to(user)`
    keeps only what the user's role may reach (selectors.regions_managed_by /
    organisations_represented_by), plus the value the object already has, so that editing
    an object does not drop it. A value outside the choices is refused by the field itself.
    sterk/core/tests/test_scoped_choices.py checks every choice field of every management
    form."""

    role_scoped: dict[str, str] = {}
    fields: dict[str, Any]

    def scope_to(self, user: Any) -> None:
        from django.db.models import Q

        from .selectors import organisations_represented_by, regions_managed_by

        regions = regions_managed_by(user)
        reach = {
            "region": regions,
            "subregion": SubRegion.objects.filter(region__in=regions),
            "organisation": organisations_represented_by(user),
        }
        for name, kind in self.role_scoped.items():
            field = self.fields.get(name)
            if field is None:
                continue
            allowed = Q(pk__in=reach[kind].values("pk"))
            current = self._current_ids(name)
            if current:
                allowed |= Q(pk__in=current)
            field.queryset = field.queryset.filter(allowed)

    def _current_ids(self, name: str) -> list[int]:
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            return []
        try:
            model_field = instance._meta.get_field(name)
        except Exception:  # a form-only field
            return []
        if model_field.many_to_many:
            return list(getattr(instance, name).values_list("pk", flat=True))
        value = getattr(instance, model_field.attname, None)
        return [value] if value is not None else []


def _language_groups(*bases: str) -> list[tuple[Any, list[str]]]:
    return [(LANGUAGE_NAMES[lang], [f"{b}_{lang}" for b in bases]) for lang in LANGUAGES]


# --- contact requests ------------------------------------------------------------------


class ContactHandleForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ContactStatus.choices)
    note = forms.CharField(
        label=_("Internal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only managers see this note; the sender does not."),
    )


class ContactFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False, widget=LanguageMarkedSelect)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        from .selectors import regions_managed_by

        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("All regions"))]
        if roles_of(user).coordinator:
            choices.append(("none", _("The platform as a whole (no region)")))
        choices += [(str(r.pk), language_label(r, r.name)) for r in regions_managed_by(user)]
        cast(forms.ChoiceField, self.fields["region"]).choices = choices


# --- regions ---------------------------------------------------------------------------


class RegionTextForm(GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    groups = [(None, ["contact_email"]), *_language_groups("name", "tagline", "description")]

    class Meta:
        model = Region
        fields = [
            "name_nl",
            "name_fr",
            "name_en",
            "tagline_nl",
            "tagline_fr",
            "tagline_en",
            "description_nl",
            "description_fr",
            "description_en",
            "contact_email",
        ]
        widgets = {f"description_{lang}": forms.Textarea(attrs={"rows": 8}) for lang in LANGUAGES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(self, "name", _("Name"), required_nl=True)
        translated_field_setup(self, "tagline", _("Tagline"), required_nl=False)
        translated_field_setup(self, "description", _("Description"), required_nl=False)
        for lang in LANGUAGES:
            self.fields[f"description_{lang}"].help_text = _("Markdown.")
            self.fields[f"name_{lang}"].help_text = (
                "" if lang == "nl" else _("Leave empty to show the Dutch name.")
            )
        self.fields["contact_email"].label = _("Contact e-mail")
        self.fields["contact_email"].help_text = _(
            "Shown on the region's page; contact requests still go to the chairs."
        )


class PriorityForm(GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    groups = [(None, ["order"]), *_language_groups("title", "description")]

    class Meta:
        model = RegionPriority
        fields = [
            "title_nl",
            "title_fr",
            "title_en",
            "description_nl",
            "description_fr",
            "description_en",
            "order",
        ]
        widgets = {f"description_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in LANGUAGES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(self, "title", _("Title"), required_nl=True)
        translated_field_setup(self, "description", _("Description"), required_nl=False)
        self.fields["order"].label = _("Order")
        self.fields["order"].help_text = _("Lower numbers come first.")


class SubRegionForm(GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    groups = [(None, ["slug", "order"]), *_language_groups("name", "description")]

    class Meta:
        model = SubRegion
        fields = [
            "name_nl",
            "name_fr",
            "name_en",
            "description_nl",
            "description_fr",
            "description_en",
            "slug",
            "order",
        ]
        widgets = {f"description_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in LANGUAGES}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        translated_field_setup(self, "name", _("Name"), required_nl=True)
        translated_field_setup(self, "description", _("Description"), required_nl=False)
        if user is None or not roles_of(user).coordinator:
            # Chairs are never asked for a slug: the service derives it from the name (and
            # keeps it on an edit); a slug= in their POST is ignored with the field.
            del self.fields["slug"]
        else:
            self.fields["slug"].required = False
            self.fields["slug"].label = _("Short name")
            self.fields["slug"].help_text = _(
                "Letters, digits and hyphens; the member import accepts it for the sub-region. "
                "Leave empty to derive it from the Dutch name."
            )
        self.fields["order"].label = _("Order")
        self.fields["order"].help_text = _("Lower numbers come first.")

    def clean_slug(self) -> str:
        # Only a coordinator's form has the field; empty: the service derives it.
        return self.cleaned_data.get("slug") or ""


# --- members ---------------------------------------------------------------------------


class MemberFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        help_text=_("Name, e-mail address, organisation or job title."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    subregion = LanguageModelChoiceField(
        label=_("Sub-region"),
        queryset=SubRegion.objects.none(),
        required=False,
        empty_label=_("All sub-regions"),
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    active = forms.BooleanField(label=_("Wants an active role"), required=False)
    consultation = forms.BooleanField(label=_("Leads a local consultation"), required=False)

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["subregion"]).queryset = region.subregions.all()
        # The user's sector choices (accounts is above network: read them off the model).
        sectors = get_user_model()._meta.get_field("sector").choices or []
        cast(forms.ChoiceField, self.fields["sector"]).choices = [("", _("All sectors")), *sectors]

    def selector_args(self) -> tuple[str, dict[str, str]]:
        """(search, filters) for selectors.region_members; an invalid filter is ignored."""
        data = self.cleaned_data if self.is_valid() else {}
        subregion = data.get("subregion")
        return (
            (data.get("q") or "").strip(),
            {
                "subregion": str(subregion.pk) if subregion else "",
                "active": "1" if data.get("active") else "",
                "consultation": "1" if data.get("consultation") else "",
                "sector": data.get("sector") or "",
            },
        )


class MemberImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (.csv or .xlsx)"),
        help_text=_(
            "The first row names the columns: email, first_name, last_name, organisation, "
            "subregion, wants_active_role (Dutch names work too: e-mail, voornaam, "
            "achternaam, organisatie, subregio, actieve_rol)."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self) -> Any:
        uploaded = self.cleaned_data["file"]
        try:
            self.rows = imports.read_upload(uploaded)
        except imports.ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return uploaded


# --- organisations ---------------------------------------------------------------------


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"})
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    stakeholder = forms.ChoiceField(
        label=_("Stakeholder"),
        required=False,
        choices=[("", _("All")), ("1", _("Stakeholders")), ("0", _("Not a stakeholder"))],
    )
    awaiting = forms.BooleanField(label=_("Awaiting approval"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["type"]).choices = [
            ("", _("All types")),
            *OrganisationType.choices,
        ]

    def selector_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "search": (data.get("q") or "").strip(),
            "type": data.get("type") or "",
            "stakeholder": data.get("stakeholder") or "",
            "awaiting": bool(data.get("awaiting")),
        }


def _https_formfield(field: Any, **kwargs: Any) -> Any:
    """Model fields to form fields; a web address typed without scheme gets https://."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class OrganisationForm(
    RoleScopedChoicesMixin, GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm
):
    role_scoped = {"regions": "region"}
    groups = [
        (None, ["name", "type", "website", "is_stakeholder", "regions"]),
        *_language_groups("description", "themes"),
    ]

    class Meta:
        model = Organisation
        formfield_callback = _https_formfield
        fields = [
            "name",
            "type",
            "website",
            "description_nl",
            "description_fr",
            "description_en",
            "themes_nl",
            "themes_fr",
            "themes_en",
            "is_stakeholder",
            "regions",
        ]
        widgets = {
            **{f"description_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in LANGUAGES},
            "regions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(self, "description", _("Description"), required_nl=False)
        translated_field_setup(self, "themes", _("Themes"), required_nl=False)
        self.fields["name"].label = _("Name")
        self.fields["type"].label = _("Type")
        self.fields["website"].label = _("Website")
        self.fields["is_stakeholder"].label = _("Stakeholder (partner organisation)")
        self.fields["regions"].label = _("Regions")
        self.fields["regions"].queryset = Region.objects.all()
        self.fields["regions"].required = False
        self.scope_to(user)
        use_checkbox_lists(self)


# --- roles -----------------------------------------------------------------------------


class RoleFilterForm(RoleScopedChoicesMixin, forms.Form):
    role_scoped = {"region": "region"}
    q = forms.CharField(
        label=_("Search"),
        required=False,
        help_text=_("Name, e-mail address or organisation."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    role = forms.ChoiceField(label=_("Role"), required=False)
    region = LanguageModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label=_("All")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("All roles")), *Role.choices]
        self.scope_to(user)

    def selector_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        region = data.get("region")
        return {
            "search": (data.get("q") or "").strip(),
            "role": data.get("role") or "",
            "region_id": region.pk if region else None,
        }


class RoleAssignForm(RoleScopedChoicesMixin, forms.Form):
    role_scoped = {"region": "region", "organisation": "organisation"}
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("The person needs an account on the platform."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    region = LanguageModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        help_text=_("Required for a regional chair."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.approved(),
        required=False,
        help_text=_("Required for a stakeholder representative; optional for other roles."),
    )
    capacity = forms.CharField(
        label=pgettext_lazy("role assignment", "Capacity"),
        max_length=200,
        required=False,
        help_text=_("Shown publicly, e.g. “on behalf of the university colleges”."),
    )

    user: Any = None

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope_to(actor)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        self.user = get_user_model().objects.filter(email=email, is_active=True).first()
        if self.user is None:
            raise forms.ValidationError(
                _("No account uses this e-mail address. Ask the person to create one first.")
            )
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role = data.get("role")
        if role == Role.CHAIR and not data.get("region"):
            self.add_error("region", _("A regional chair needs a region."))
        if role and role != Role.CHAIR and data.get("region"):
            self.add_error("region", _("Only a regional chair has a region; leave it empty."))
        if role == Role.STAKEHOLDER and not data.get("organisation"):
            self.add_error("organisation", _("A stakeholder representative needs an organisation."))
        return data


# --- audit trail -----------------------------------------------------------------------


class AuditFilterForm(RoleScopedChoicesMixin, forms.Form):
    role_scoped = {"region": "region"}
    action = forms.ChoiceField(label=_("Action"), required=False)
    region = LanguageModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label=_("All")
    )

    def __init__(self, *args: Any, actions: list[str], user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        self.fields["action"].choices = [("", _("All actions"))] + [
            (a, action_label(a)) for a in actions
        ]
        self.scope_to(user)
