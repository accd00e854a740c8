"""The management forms of the governance (every one is opened by a coordinator, except
the communication channels, which a representative keeps for their own organisation)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sterk.actionplan.models import Action, Challenge
from sterk.core.forms import SaneDateField, SingleLineCharField, UploadFileField
from sterk.core.widgets import use_checkbox_lists
from sterk.events.models import Event, EventType
from sterk.network.forms_manage import _https_formfield
from sterk.surveys import selectors as survey_selectors

from .models import (
    AgendaItem,
    Channel,
    FollowUpStatus,
    Meeting,
    PolicyContact,
    PolicyDocument,
)

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class ChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ["kind", "title", "reach", "audience", "url"]
        formfield_callback = _https_formfield


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "title", "starts_at", "ends_at", "location", "event"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].widget = DateTimeInput()
            cast(forms.DateTimeField, self.fields[name]).input_formats = [
                DATETIME_FORMAT,
                "%Y-%m-%d %H:%M",
            ]
        event = cast(forms.ModelChoiceField, self.fields["event"])
        event.queryset = Event.objects.filter(
            type__in=[EventType.STAKEHOLDER_MEETING, EventType.STEERING_MEETING]
        ).order_by("-starts_at")
        event.help_text = _("The stakeholder or steering-group meeting in the agenda, if any.")


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["order", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown: *italic*, **bold**, lists with -, links as [text](https://...)."),
    )


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(label=_("Present"), required=False)

    def __init__(self, *args: Any, invitations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.MultipleChoiceField, self.fields["present"])
        field.choices = [
            (
                str(i.pk),
                f"{i.user.get_full_name() or i.user.email}"
                + (f" ({i.organisation})" if i.organisation_id else ""),
            )
            for i in invitations
        ]
        if not self.is_bound:
            self.initial["present"] = [str(i.pk) for i in invitations if i.attended]
        use_checkbox_lists(self)


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Decision"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class FollowUpForm(forms.Form):
    title = SingleLineCharField(label=_("What"), max_length=255)
    owner = forms.TypedChoiceField(label=_("Owner"), required=False, coerce=int, empty_value=None)
    due_on = SaneDateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, invitations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = cast(forms.TypedChoiceField, self.fields["owner"])
        owner.choices = [("", _("Nobody yet"))] + [
            (i.user_id, i.user.get_full_name() or i.user.email) for i in invitations
        ]
        owner.help_text = _("One of the invitees.")


class FollowUpCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(FollowUpStatus.DONE, _("Done")), (FollowUpStatus.DROPPED, _("Dropped"))],
        initial=FollowUpStatus.DONE,
    )


def _finding_label(finding: Any) -> str:
    """A finding in the choice list: its survey, then what professionals said."""
    return f"{finding.survey.title}: {str(finding.statement)[:120]}"


class PolicyContactForm(forms.ModelForm):
    class Meta:
        model = PolicyContact
        fields = [
            "kind",
            "title",
            "date",
            "policy_makers",
            "challenges",
            "actions",
            "findings",
            "asked",
            "answer",
            "is_published",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "asked": forms.Textarea(attrs={"rows": 6}),
            "answer": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        challenges = cast(forms.ModelMultipleChoiceField, self.fields["challenges"])
        challenges.queryset = Challenge.objects.filter(plan__is_current=True).order_by("number")
        actions = cast(forms.ModelMultipleChoiceField, self.fields["actions"])
        actions.queryset = Action.objects.in_current_plan().in_plan_order()
        findings = cast(forms.ModelMultipleChoiceField, self.fields["findings"])
        findings.queryset = survey_selectors.published_findings().order_by(
            "survey__opens_at", "position", "pk"
        )
        findings.label_from_instance = _finding_label  # type: ignore[method-assign,assignment]
        self.fields["is_published"].help_text = _("Shown publicly on /beleid/.")
        use_checkbox_lists(self)


class PolicyDocumentForm(forms.ModelForm):
    file = UploadFileField(label=_("File"), help_text=_("PDF, ODT, DOCX, ODS, XLSX or TXT."))

    class Meta:
        model = PolicyDocument
        fields = ["title", "file"]
