"""Forms of the survey area: the builder's (survey, section, question) and the respondent's
(the visitor's address, one page of answers built from the section's questions)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sterk.actionplan.models import Spearhead
from sterk.core.forms import TranslatedErrorsMixin, translated_field_setup
from sterk.core.widgets import use_checkbox_lists
from sterk.network.forms_manage import RoleScopedChoicesMixin
from sterk.network.models import Organisation, Region

from .models import (
    ActionPoint,
    Answer,
    AudienceRole,
    Finding,
    Kind,
    ListSource,
    OwnerKind,
    PointStatus,
    Question,
    Section,
    Survey,
)
from .types import QuestionData, SectionData, SurveyData

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class SurveyForm(RoleScopedChoicesMixin, TranslatedErrorsMixin, forms.ModelForm):
    role_scoped = {"region": "region", "organisation": "organisation", "audience_regions": "region"}
    audience_roles = forms.MultipleChoiceField(
        label=_("Roles"),
        required=False,
        choices=AudienceRole.choices,
        help_text=_("Only when the survey is for people with given roles."),
    )

    class Meta:
        model = Survey
        fields = [
            "title_nl",
            "title_fr",
            "title_en",
            "intro_nl",
            "intro_fr",
            "intro_en",
            "owner_kind",
            "region",
            "organisation",
            "spearhead",
            "opens_at",
            "closes_at",
            "audience",
            "audience_regions",
            "audience_roles",
            "anonymous",
            "consent_text_nl",
            "consent_text_fr",
            "consent_text_en",
            "purpose_nl",
            "purpose_fr",
            "purpose_en",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "intro_nl": forms.Textarea(attrs={"rows": 4}),
            "intro_fr": forms.Textarea(attrs={"rows": 3}),
            "intro_en": forms.Textarea(attrs={"rows": 3}),
            "consent_text_nl": forms.Textarea(attrs={"rows": 3}),
            "consent_text_fr": forms.Textarea(attrs={"rows": 2}),
            "consent_text_en": forms.Textarea(attrs={"rows": 2}),
            "purpose_nl": forms.Textarea(attrs={"rows": 3}),
            "purpose_fr": forms.Textarea(attrs={"rows": 2}),
            "purpose_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from sterk.core.roles import roles_of

        for base in ("title", "intro", "consent_text", "purpose"):
            translated_field_setup(self, base, other_help=_("Leave empty to show the Dutch text."))
        self.fields["organisation"].queryset = Organisation.objects.approved()  # type: ignore[attr-defined]
        self.fields["region"].queryset = Region.objects.all()  # type: ignore[attr-defined]
        self.fields["audience_regions"].queryset = Region.objects.all()  # type: ignore[attr-defined]
        self.scope_to(user)
        roles = roles_of(user)
        kinds = []
        if roles.coordinator:
            kinds.append(OwnerKind.PLATFORM)
        if roles.coordinator or roles.chair_region_ids:
            kinds.append(OwnerKind.REGION)
        if roles.coordinator or roles.stakeholder_organisation_ids:
            kinds.append(OwnerKind.ORGANISATION)
        owner = cast(forms.ChoiceField, self.fields["owner_kind"])
        owner.choices = [(k.value, k.label) for k in kinds]
        for name in ("opens_at", "closes_at"):
            field = cast(forms.DateTimeField, self.fields[name])
            field.widget = DateTimeInput()
            field.input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        self.fields["region"].help_text = _("When a region owns the survey.")
        self.fields["organisation"].help_text = _(
            "When a partner organisation owns the survey (for a spearhead)."
        )
        self.fields["audience_regions"].help_text = _(
            "Only when the survey is for the members of given regions."
        )
        spearhead = cast(forms.ModelChoiceField, self.fields["spearhead"])
        spearheads = Spearhead.objects.filter(plan__is_current=True).order_by("number")
        if not roles.coordinator:
            # A representative chooses among the spearheads their organisation leads or
            # takes part in.
            ids = roles.stakeholder_organisation_ids
            spearheads = spearheads.filter(
                Q(lead_organisation_id__in=ids) | Q(partners__in=ids)
            ).distinct()
        spearhead.queryset = spearheads
        spearhead.help_text = _(
            "When the organisation asks for one of its spearheads of the action plan."
        )
        self.fields["contact_email"].required = True
        use_checkbox_lists(self)

    grouped_fields = [
        (
            _("Title and introduction"),
            ["title_nl", "title_fr", "title_en", "intro_nl", "intro_fr", "intro_en"],
        ),
        (
            _("Owner"),
            ["owner_kind", "region", "organisation", "spearhead", "contact_name", "contact_email"],
        ),
        (
            _("Who answers, and when"),
            ["opens_at", "closes_at", "audience", "audience_regions", "audience_roles"],
        ),
        (
            _("Privacy"),
            [
                "anonymous",
                "consent_text_nl",
                "consent_text_fr",
                "consent_text_en",
                "purpose_nl",
                "purpose_fr",
                "purpose_en",
            ],
        ),
    ]

    @property
    def grouped(self) -> list[tuple[Any, list[Any]]]:
        return [(legend, [self[n] for n in names]) for legend, names in self.grouped_fields]

    def service_data(self) -> SurveyData:
        return cast(SurveyData, dict(self.cleaned_data))


class SectionForm(TranslatedErrorsMixin, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title_nl", "title_fr", "title_en", "intro_nl", "intro_fr", "intro_en"]
        widgets = {f"intro_{c}": forms.Textarea(attrs={"rows": 3}) for c in ("nl", "fr", "en")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for base in ("title", "intro"):
            translated_field_setup(self, base, other_help=_("Leave empty to show the Dutch text."))

    def service_data(self) -> SectionData:
        return cast(SectionData, dict(self.cleaned_data))


class QuestionForm(TranslatedErrorsMixin, forms.ModelForm):
    options_text = forms.CharField(
        label=_("Options or matrix rows"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, for a choice or a matrix."),
    )

    class Meta:
        model = Question
        fields = [
            "section",
            "kind",
            "text_nl",
            "text_fr",
            "text_en",
            "help_nl",
            "required",
            "options_text",
            "allow_other",
            "scale_max",
            "label_low_nl",
            "label_high_nl",
            "list_source",
            "condition_question",
            "condition_option",
        ]
        widgets = {
            "text_nl": forms.Textarea(attrs={"rows": 2}),
            "text_fr": forms.Textarea(attrs={"rows": 2}),
            "text_en": forms.Textarea(attrs={"rows": 2}),
            "help_nl": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, survey: Survey, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(
            self, "text", required_nl=True, other_help=_("Leave empty to show the Dutch text.")
        )
        self.fields["help_nl"].label = _("Explanation")
        self.fields["label_low_nl"].label = _("Label of the lowest value")
        self.fields["label_high_nl"].label = _("Label of the highest value")
        section = cast(forms.ModelChoiceField, self.fields["section"])
        section.queryset = survey.sections.all()
        section.empty_label = None
        cq = cast(forms.ModelChoiceField, self.fields["condition_question"])
        cq.queryset = Question.objects.filter(
            survey=survey, kind__in=[Kind.SINGLE, Kind.MULTIPLE]
        ).exclude(pk=self.instance.pk or 0)
        co = cast(forms.ModelChoiceField, self.fields["condition_option"])
        co.queryset = co.queryset.filter(question__survey=survey).select_related("question")  # type: ignore[union-attr]
        co.label_from_instance = lambda obj: f"{obj.question.text[:40]}: {obj.label}"  # type: ignore[method-assign]
        cq.label_from_instance = lambda obj: str(obj.text)[:80]  # type: ignore[method-assign]
        cq.help_text = _("A choice question of an earlier section. Leave empty to always show it.")
        self.fields["scale_max"].help_text = _("For a scale or a matrix: 2 to 10.")
        if self.instance.pk:
            self.fields["options_text"].initial = "\n".join(
                o.label_nl
                for o in self.instance.options.order_by("position", "pk")  # type: ignore[attr-defined]
            )

    def service_data(self) -> QuestionData:
        data = {k: v for k, v in self.cleaned_data.items() if k != "options_text"}
        data["options"] = [
            line.strip()
            for line in self.cleaned_data.get("options_text", "").splitlines()
            if line.strip()
        ]
        if "options" in self.errors:  # pragma: no cover - options error goes on options_text
            pass
        return cast(QuestionData, data)

    def add_error(self, field: Any, error: Any) -> None:
        from django.core.exceptions import ValidationError

        if isinstance(error, ValidationError) and hasattr(error, "error_dict") and field is None:
            moved = {
                ("options_text" if k == "options" else k): v for k, v in error.error_dict.items()
            }
            error = ValidationError(moved)
        elif field == "options":
            field = "options_text"
        super().add_error(field, error)


class VisitorEmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We mail you a private link to confirm it and to come back to your answers."),
    )


# --- answering --------------------------------------------------------------------------


def _list_choices(source: str) -> list[tuple[str, str]]:
    from django.apps import apps

    if source == ListSource.SECTOR:
        return list(apps.get_model("accounts", "User")._meta.get_field("sector").choices or [])
    model = {
        ListSource.REGION: ("network", "Region", "name"),
        ListSource.KRACHTLIJN: ("identity", "Krachtlijn", "title"),
        ListSource.CHALLENGE: ("actionplan", "Challenge", "title"),
    }[ListSource(source)]
    rows = apps.get_model(model[0], model[1]).objects.all()
    if model[1] == "Challenge":
        rows = rows.filter(plan__is_current=True)
    return [(str(r.pk), str(getattr(r, model[2]))) for r in rows]


class AnswerForm(forms.Form):
    """One page: a field per visible question of the section (a matrix: one field per
    row). Field names are `q<id>`, `q<id>_other`, `q<id>_r<row id>`: the draft stores the
    values under these names."""

    keep_informed = forms.BooleanField(
        label=_("Keep me informed about what is done with the results"), required=False
    )

    def __init__(self, *args: Any, questions: list[Question], last: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not last:
            del self.fields["keep_informed"]
        self.questions = questions
        self.groups: list[tuple[Question, list[str]]] = []
        for q in questions:
            name = f"q{q.pk}"
            label = str(q.text)
            help_text = str(q.help or "")
            names = [name]
            if q.kind in (Kind.SINGLE, Kind.MULTIPLE):
                choices = [(str(o.pk), str(o.label)) for o in q.options.all()]
                if q.allow_other:
                    choices.append(("other", str(_("Other"))))
                if q.kind == Kind.SINGLE:
                    self.fields[name] = forms.ChoiceField(
                        label=label, choices=choices, widget=forms.RadioSelect, required=q.required
                    )
                else:
                    self.fields[name] = forms.MultipleChoiceField(
                        label=label,
                        choices=choices,
                        widget=forms.CheckboxSelectMultiple,
                        required=q.required,
                    )
                if q.allow_other:
                    self.fields[f"{name}_other"] = forms.CharField(
                        label=_("Other, namely"), required=False, max_length=500
                    )
                    names.append(f"{name}_other")
            elif q.kind == Kind.SCALE:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=_scale_choices(q),
                    widget=forms.RadioSelect(attrs={"class": "scale"}),
                    required=q.required,
                )
            elif q.kind == Kind.MATRIX:
                names = []
                for option in q.options.all():
                    row = f"{name}_r{option.pk}"
                    self.fields[row] = forms.ChoiceField(
                        label=str(option.label),
                        choices=_scale_choices(q),
                        widget=forms.RadioSelect(attrs={"class": "scale"}),
                        required=q.required,
                    )
                    names.append(row)
            elif q.kind == Kind.NUMBER:
                self.fields[name] = forms.IntegerField(
                    label=label, required=q.required, min_value=-(10**9), max_value=10**9
                )
            elif q.kind == Kind.LIST:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=[("", "---------"), *_list_choices(q.list_source)],
                    required=q.required,
                )
            elif q.kind == Kind.SHORT_TEXT:
                self.fields[name] = forms.CharField(
                    label=label, required=q.required, max_length=500
                )
            else:
                self.fields[name] = forms.CharField(
                    label=label,
                    required=q.required,
                    max_length=10000,
                    widget=forms.Textarea(attrs={"rows": 5}),
                )
            if help_text and names and names[0] in self.fields:
                self.fields[names[0]].help_text = help_text
            self.groups.append((q, names))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for q in self.questions:
            if q.allow_other:
                name = f"q{q.pk}"
                chosen = data.get(name) or []
                chosen = [chosen] if isinstance(chosen, str) else chosen
                if "other" in chosen and not (data.get(f"{name}_other") or "").strip():
                    self.add_error(f"{name}_other", _("Say what you mean by “other”."))
        return data

    def values(self) -> dict[str, Any]:
        """The draft values (JSON) of this page."""
        out: dict[str, Any] = {}
        for key, value in self.cleaned_data.items():
            if key == "keep_informed":
                continue
            out[key] = value if value is not None else ""
        return out

    def rendered_groups(self) -> list[dict[str, Any]]:
        return [{"question": q, "fields": [self[n] for n in names]} for q, names in self.groups]


def _scale_choices(q: Question) -> list[tuple[str, str]]:
    choices = []
    for value in q.scale_values:
        label = str(value)
        if value == 1 and q.label_low:
            label = f"{value} – {q.label_low}"
        elif value == q.scale_max and q.label_high:
            label = f"{value} – {q.label_high}"
        choices.append((str(value), label))
    return choices


# --- follow-up --------------------------------------------------------------------------


class FindingForm(TranslatedErrorsMixin, forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["statement_nl", "statement_fr", "statement_en", "questions", "quotes"]
        widgets = {f"statement_{c}": forms.Textarea(attrs={"rows": 3}) for c in ("nl", "fr", "en")}

    def __init__(self, *args: Any, survey: Survey, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_field_setup(
            self, "statement", required_nl=True, other_help=_("Leave empty to show the Dutch text.")
        )
        questions = cast(forms.ModelMultipleChoiceField, self.fields["questions"])
        questions.queryset = Question.objects.filter(survey=survey).order_by(
            "section__position", "position"
        )
        questions.label_from_instance = lambda obj: str(obj.text)[:100]  # type: ignore[method-assign]
        questions.help_text = _("Their numbers are shown with the finding.")
        quotes = cast(forms.ModelMultipleChoiceField, self.fields["quotes"])
        quotes.queryset = Answer.objects.filter(question__survey=survey, approved=True).exclude(
            text=""
        )
        quotes.label_from_instance = lambda obj: str(obj.text)[:160]  # type: ignore[method-assign]
        quotes.help_text = _("Only written answers you approved for publication can be quoted.")
        use_checkbox_lists(self)

    def service_data(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class PointForm(TranslatedErrorsMixin, forms.ModelForm):
    class Meta:
        model = ActionPoint
        fields = [
            "title_nl",
            "title_fr",
            "title_en",
            "description_nl",
            "responsible",
            "due",
            "status",
            "action",
            "event",
            "call",
        ]
        widgets = {
            "description_nl": forms.Textarea(attrs={"rows": 3}),
            "due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.apps import apps

        translated_field_setup(
            self, "title", required_nl=True, other_help=_("Leave empty to show the Dutch text.")
        )
        self.fields["description_nl"].label = _("Description")
        action = cast(forms.ModelChoiceField, self.fields["action"])
        action.queryset = apps.get_model("actionplan", "Action").objects.filter(
            challenge__plan__is_current=True
        )
        action.help_text = _("Its state is then followed here.")
        event = cast(forms.ModelChoiceField, self.fields["event"])
        # The events anyone may see: the follow-up page is public, and a chair must not
        # see (or link) another region's invited-roles meeting.
        event.queryset = apps.get_model("events", "Event").objects.visible_to(None)
        self.fields["status"].help_text = _(
            "Only used when the point is not linked: a linked point follows the action, the "
            "event or the call."
        )
        status = cast(forms.ChoiceField, self.fields["status"])
        if self.instance.status != PointStatus.PROPOSED:
            status.choices = [c for c in PointStatus.choices if c[0] != PointStatus.PROPOSED]

    def service_data(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class ProposeForm(forms.Form):
    challenge: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Challenge it answers"),
        queryset=None,  # type: ignore[arg-type]
    )
    description = forms.CharField(
        label=_("Description for the steering group"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the action does and why, based on what the respondents said."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.apps import apps

        challenge = cast(forms.ModelChoiceField, self.fields["challenge"])
        challenge.queryset = apps.get_model("actionplan", "Challenge").objects.filter(
            plan__is_current=True
        )
