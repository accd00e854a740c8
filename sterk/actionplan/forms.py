"""Forms of the action plan: the public filter, and the management forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.content_language import LanguageModelChoiceField
from sterk.core.forms import (
    SaneDateField,
    TranslatedErrorsMixin,
    TranslatedFieldsMixin,
    slug_as_web_address,
    translated_names,
)
from sterk.core.widgets import use_checkbox_lists
from sterk.identity.models import Function, Krachtlijn
from sterk.network.forms_manage import RoleScopedChoicesMixin
from sterk.network.models import Organisation, Region

from .models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    EvaluationConclusion,
    FirstPriority,
    Initiative,
    Origin,
    Plan,
    Spearhead,
    SpearheadActivity,
    Status,
)
from .selectors import Filters

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanFilterForm(forms.Form):
    """The overview's filters: a GET form that works without JavaScript."""

    regio = LanguageModelChoiceField(
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Regional platform"),
        empty_label=_("All regions"),
    )
    krachtlijn = LanguageModelChoiceField(
        queryset=Krachtlijn.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Core principle"),
        empty_label=_("All core principles"),
    )
    functie = LanguageModelChoiceField(
        queryset=Function.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Function"),
        empty_label=_("All functions"),
    )
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *Status.choices], required=False, label=_("Status")
    )

    def filters(self) -> Filters:
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return Filters(
            region=data.get("regio"),
            krachtlijn=data.get("krachtlijn"),
            function=data.get("functie"),
            status=data.get("status") or "",
        )


class ServiceModelForm(
    RoleScopedChoicesMixin, TranslatedErrorsMixin, TranslatedFieldsMixin, forms.ModelForm
):
    """A ModelForm whose cleaned data goes to a service instead of `save()`. Translated
    fields are labelled per language; the Dutch one is required when the field is. Forms
    with `role_scoped` fields take `user` and offer only what that user's role reaches."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every multiple choice is a checkbox list (a later queryset change updates it).
        use_checkbox_lists(self)

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.fields if name in self.cleaned_data}

    def _post_clean(self) -> None:
        # Validation happens in the service (full_clean there); the form checks the input only.
        pass


class PlanForm(ServiceModelForm):
    translated_fields = ("title", "description")

    class Meta:
        model = Plan
        fields = [
            "slug",
            *translated_names("title"),
            "start_year",
            "end_year",
            "is_current",
            *translated_names("description"),
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A plan has no page of its own: its slug names it in exports and filter links.
        self.fields["slug"].label = _("Short name")
        self.fields["slug"].help_text = _(
            "Letters, digits and hyphens, e.g. 2025-2030: used in the names of exported files "
            "and in links that show this plan."
        )


class ChallengeForm(ServiceModelForm):
    translated_fields = ("title", "summary", "description")

    class Meta:
        model = Challenge
        fields = ["plan", "number", "slug", *translated_names("title", "summary", "description")]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        slug_as_web_address(self.fields["slug"], "actionplan:challenge_detail")


class ActionForm(ServiceModelForm):
    translated_fields = ("title", "description")
    role_scoped = {
        "origin_region": "region",
        "carrier_regions": "region",
        "carrier_organisations": "organisation",
    }

    class Meta:
        model = Action
        fields = [
            "challenge",
            "number",
            "order",
            "slug",
            *translated_names("title", "description"),
            "origin",
            "origin_region",
            "krachtlijnen",
            "functions",
            "carrier_regions",
            "carrier_organisations",
        ]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = Challenge.objects.select_related("plan").order_by(
            "-plan__is_current", "plan_id", "number"
        )
        self.fields["slug"].required = False
        slug_as_web_address(self.fields["slug"], "actionplan:action_detail")
        self.fields["order"].required = False
        self.fields["carrier_organisations"].queryset = Organisation.objects.approved()
        self.fields["carrier_organisations"].widget.attrs["size"] = 8
        self.scope_to(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("origin") == Origin.REGIONAL and not data.get("origin_region"):
            self.add_error(
                "origin_region", _("A regional action names the platform that proposed it.")
            )
        if data.get("order") is None:
            data["order"] = 0
        return data


class InitiativeForm(ServiceModelForm):
    translated_fields = ("title", "description")

    class Meta:
        model = Initiative
        fields = ["order", *translated_names("title", "description")]
        widgets = {
            f"description_{c}": forms.Textarea(attrs={"rows": 3}) for c in ["nl", "fr", "en"]
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("order") is None:
            data["order"] = 0
        return data


class SpearheadForm(ServiceModelForm):
    translated_fields = ("title", "summary", "description")
    role_scoped = {"lead_organisation": "organisation", "partners": "organisation"}

    class Meta:
        model = Spearhead
        fields = [
            "plan",
            "number",
            "slug",
            *translated_names("title", "summary", "description"),
            "start_year",
            "end_year",
            "lead_organisation",
            "partners",
            "challenges",
        ]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        slug_as_web_address(self.fields["slug"], "actionplan:spearhead_detail")
        self.fields["lead_organisation"].queryset = Organisation.objects.approved()
        self.fields["partners"].queryset = Organisation.objects.approved()
        self.fields["partners"].widget.attrs["size"] = 8
        self.fields["challenges"].queryset = Challenge.objects.filter(plan__is_current=True)
        self.scope_to(user)


class ActivityForm(ServiceModelForm):
    translated_fields = ("title", "description", "timing")
    role_scoped = {"partners": "organisation"}

    class Meta:
        model = SpearheadActivity
        fields = ["order", *translated_names("title", "timing", "description"), "partners"]
        widgets = {
            f"description_{c}": forms.Textarea(attrs={"rows": 3}) for c in ["nl", "fr", "en"]
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["partners"].queryset = Organisation.objects.approved()
        self.fields["partners"].widget.attrs["size"] = 8
        self.scope_to(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("order") is None:
            data["order"] = 0
        return data


class FirstPriorityForm(ServiceModelForm):
    translated_fields = ("title", "description")

    class Meta:
        model = FirstPriority
        fields = ["plan", "year", "order", *translated_names("title", "description"), "challenges"]


class EvaluationForm(ServiceModelForm):
    translated_fields = ("title", "description")

    class Meta:
        model = Evaluation
        fields = ["plan", "slug", "date", *translated_names("title", "description")]
        widgets = {"date": DATE_INPUT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        slug_as_web_address(self.fields["slug"], "actionplan:evaluation_detail")
        if self.instance.pk and self.instance.is_frozen:
            for name in ("plan", "date"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Fixed: the snapshot was taken.")


class ConclusionForm(ServiceModelForm):
    translated_fields = ("text",)

    class Meta:
        model = EvaluationConclusion
        fields = ["challenge", "action", "spearhead", *translated_names("text")]

    def __init__(self, *args: Any, evaluation: Evaluation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plan = evaluation.plan_id
        self.fields["challenge"].queryset = Challenge.objects.filter(plan_id=plan)
        self.fields["action"].queryset = Action.objects.filter(
            challenge__plan_id=plan
        ).in_plan_order()
        self.fields["spearhead"].queryset = Spearhead.objects.filter(plan_id=plan)
        for name in ("challenge", "action", "spearhead"):
            self.fields[name].required = False
        if self.instance.pk:
            for name in ("challenge", "action", "spearhead"):
                self.fields[name].disabled = True
        else:
            self.fields["challenge"].help_text = _(
                "Choose one: a challenge, an action or a spearhead."
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.instance.pk:
            chosen = [n for n in ("challenge", "action", "spearhead") if data.get(n)]
            if len(chosen) != 1:
                raise forms.ValidationError(_("Choose exactly one challenge, action or spearhead."))
        return data


class ProgressForm(forms.Form):
    date = SaneDateField(label=_("Date"), widget=DATE_INPUT)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Optional, 0 to 100."),
    )
    narrative = forms.CharField(
        label=_("What happened"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences: what was done, what comes next. Shown publicly."),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, one per line: a web address, or “title | web address”."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_links(self) -> list[dict[str, str]]:
        from .services import clean_links

        parsed = []
        for line in self.cleaned_data.get("links", "").splitlines():
            line = line.strip()
            if not line:
                continue
            title, _sep, url = line.rpartition("|")
            parsed.append({"title": title.strip(), "url": url.strip()})
        try:
            return clean_links(parsed)
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["links"]) from exc


class ProposalForm(ServiceModelForm):
    # A chair proposes for the regions they chair; the partner organisations a proposal
    # names are a suggestion that the steering group decides on (any approved one).
    role_scoped = {"region": "region", "carrier_regions": "region"}

    region = forms.ModelChoiceField(queryset=Region.objects.none(), label=_("Regional platform"))

    class Meta:
        model = ActionProposal
        fields = [
            "challenge",
            "title",
            "description",
            "initiatives",
            "krachtlijnen",
            "functions",
            "carrier_regions",
            "carrier_organisations",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "initiatives": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, user: Any, choose_region: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = Challenge.objects.filter(plan__is_current=True)
        self.fields["carrier_organisations"].queryset = Organisation.objects.approved()
        self.fields["carrier_organisations"].widget.attrs["size"] = 8
        self.fields["carrier_regions"].help_text = _(
            "Your own platform is always one of the carriers."
        )
        self.fields["carrier_regions"].queryset = Region.objects.all()
        if not choose_region:
            del self.fields["region"]
        else:
            self.fields["region"].queryset = Region.objects.all()
            self.order_fields(["region"])
        self.scope_to(user)
        if choose_region:
            regions = list(self.fields["region"].queryset)
            if len(regions) == 1:
                self.fields["region"].initial = regions[0]


class DecisionForm(forms.Form):
    APPROVE, CHANGES, DECLINE = "approve", "changes", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (APPROVE, _("Approve: the action joins the plan as a regional action")),
            (CHANGES, _("Ask for changes")),
            (DECLINE, _("Decline")),
        ],
    )
    message = forms.CharField(
        label=_("Message to the chair"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you ask for changes or decline: say what and why."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("decision") in (self.CHANGES, self.DECLINE)
            and not (data.get("message") or "").strip()
        ):
            self.add_error("message", _("Say what should change, or why you decline."))
        return data
