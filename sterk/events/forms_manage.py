"""Forms of the events management area. They validate input only; the services write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sterk.actionplan.models import Action, Challenge
from sterk.core.forms import (
    LANGUAGES,
    SingleLineCharField,
    TranslatedErrorsMixin,
    slug_as_web_address,
    translated_field_setup,
)
from sterk.core.roles import roles_of
from sterk.core.widgets import use_checkbox_lists
from sterk.identity.models import Krachtlijn
from sterk.network.forms_manage import (
    GroupedFieldsMixin,
    RoleScopedChoicesMixin,
    _https_formfield,
    _language_groups,
)
from sterk.network.models import Organisation, Region, Role, SubRegion

from .models import INVITABLE_ROLES, Event, Question, Series, Session

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def _datetime_fields(form: forms.BaseForm, *names: str) -> None:
    for name in names:
        if name in form.fields:
            form.fields[name].widget = DateTimeInput()
            cast(forms.DateTimeField, form.fields[name]).input_formats = [
                DATETIME_FORMAT,
                "%Y-%m-%d %H:%M",
            ]


class ServiceDataMixin:
    def service_data(self) -> dict[str, Any]:
        return dict(self.cleaned_data)  # type: ignore[attr-defined]


class EventForm(
    RoleScopedChoicesMixin,
    ServiceDataMixin,
    GroupedFieldsMixin,
    TranslatedErrorsMixin,
    forms.ModelForm,
):
    role_scoped = {"region": "region", "subregion": "subregion", "organisation": "organisation"}
    invited_roles = forms.MultipleChoiceField(
        label=_("Invited roles"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(r, Role(r).label) for r in INVITABLE_ROLES],
        help_text=_("Only for the visibility “invited roles only”."),
    )
    groups = [
        (_("What"), ["type", "series", "audience", "krachtlijnen", "challenges", "actions"]),
        (_("Who organises"), ["organiser", "region", "subregion", "organisation"]),
        (_("When and where"), ["starts_at", "ends_at", "format", "venue", "address", "online_url"]),
        (
            _("Registration"),
            [
                "registration_required",
                "capacity",
                "price",
                "registration_opens_at",
                "registration_closes_at",
                "waitlist_enabled",
                "offer_hours",
                "visibility",
                "invited_roles",
            ],
        ),
        *_language_groups("title", "summary", "description", "audience_note"),
    ]

    class Meta:
        model = Event
        formfield_callback = _https_formfield
        fields = [
            *[
                f"{b}_{lang}"
                for b in ("title", "summary", "description", "audience_note")
                for lang in LANGUAGES
            ],
            "type",
            "series",
            "audience",
            "organiser",
            "region",
            "subregion",
            "organisation",
            "starts_at",
            "ends_at",
            "format",
            "venue",
            "address",
            "online_url",
            "registration_required",
            "capacity",
            "price",
            "registration_opens_at",
            "registration_closes_at",
            "waitlist_enabled",
            "offer_hours",
            "visibility",
            "invited_roles",
            "krachtlijnen",
            "challenges",
            "actions",
        ]
        widgets = {
            **{f"description_{lang}": forms.Textarea(attrs={"rows": 6}) for lang in LANGUAGES},
            "krachtlijnen": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        roles = roles_of(user)
        translated_field_setup(self, "title", _("Title"), required_nl=True)
        translated_field_setup(self, "summary", _("Summary"), required_nl=False)
        translated_field_setup(self, "description", _("Description"), required_nl=False)
        translated_field_setup(self, "audience_note", _("Audience, in words"), required_nl=False)
        _datetime_fields(
            self, "starts_at", "ends_at", "registration_opens_at", "registration_closes_at"
        )
        if not roles.coordinator:
            # Chairs organise for their own regions only.
            self.fields["organiser"].choices = [("region", _("A regional platform"))]
            self.fields["region"].required = True
        self.fields["region"].queryset = Region.objects.all()
        self.fields["subregion"].queryset = SubRegion.objects.select_related("region")
        self.fields["subregion"].label_from_instance = lambda s: f"{s.region.name} – {s.name}"
        self.fields["organisation"].queryset = Organisation.objects.stakeholders()
        self.scope_to(user)
        self.fields["krachtlijnen"].queryset = Krachtlijn.objects.all()
        # In the plan's order: a long checkbox list is read top to bottom.
        self.fields["challenges"].queryset = Challenge.objects.filter(
            plan__is_current=True
        ).order_by("number")
        self.fields["actions"].queryset = (
            Action.objects.in_current_plan().select_related("challenge").in_plan_order()
        )
        self.fields["series"].queryset = Series.objects.all()
        self.fields["challenges"].required = False
        self.fields["actions"].required = False
        self.fields["krachtlijnen"].required = False
        use_checkbox_lists(self)


class ReportForm(ServiceDataMixin, GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    groups = [(None, ["recording_url", "attendance_count"]), *_language_groups("report")]

    class Meta:
        model = Event
        formfield_callback = _https_formfield
        fields = ["recording_url", "attendance_count", "report_nl", "report_fr", "report_en"]
        widgets = {f"report_{lang}": forms.Textarea(attrs={"rows": 8}) for lang in LANGUAGES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(self, "report", _("Report or minutes"), required_nl=False)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the registrants)"), max_length=300, required=False
    )


class QuestionForm(ServiceDataMixin, GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    groups = [(None, ["kind", "required", "order"]), *_language_groups("label", "choices")]

    class Meta:
        model = Question
        fields = [
            "kind",
            "required",
            "order",
            "label_nl",
            "label_fr",
            "label_en",
            "choices_nl",
            "choices_fr",
            "choices_en",
        ]
        widgets = {f"choices_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in LANGUAGES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(self, "label", _("Question"), required_nl=True)
        translated_field_setup(self, "choices", _("Choices, one per line"), required_nl=False)


class SessionForm(ServiceDataMixin, GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    groups = [
        (None, ["starts_at", "ends_at", "room", "capacity"]),
        *_language_groups("title", "description"),
    ]

    class Meta:
        model = Session
        fields = [
            "starts_at",
            "ends_at",
            "room",
            "capacity",
            "title_nl",
            "title_fr",
            "title_en",
            "description_nl",
            "description_fr",
            "description_en",
        ]
        widgets = {f"description_{lang}": forms.Textarea(attrs={"rows": 3}) for lang in LANGUAGES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(self, "title", _("Title"), required_nl=True)
        translated_field_setup(self, "description", _("Description"), required_nl=False)
        _datetime_fields(self, "starts_at", "ends_at")


class SeriesForm(ServiceDataMixin, GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    groups = [(None, ["slug"]), *_language_groups("title", "description")]

    class Meta:
        model = Series
        fields = [
            "slug",
            "title_nl",
            "title_fr",
            "title_en",
            "description_nl",
            "description_fr",
            "description_en",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(self, "title", _("Title"), required_nl=True)
        translated_field_setup(self, "description", _("Description"), required_nl=False)
        self.fields["slug"].required = False
        slug_as_web_address(self.fields["slug"], "events:series_detail")


class MessageForm(forms.Form):
    subject = SingleLineCharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))
    include_waiting = forms.BooleanField(label=_("Also to the waiting list"), required=False)
