"""Public forms: the agenda filters and the registration form (with the event's questions
and, for a conference, its sessions)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.content_language import LanguageMarkedSelect, language_label
from sterk.core.forms import SaneDateField, SingleLineCharField
from sterk.identity.models import Krachtlijn
from sterk.network.models import Region

from .models import Audience, Event, EventType, QuestionKind


class AgendaFilterForm(forms.Form):
    regio = forms.ChoiceField(label=_("Region"), required=False, widget=LanguageMarkedSelect)
    type = forms.ChoiceField(label=_("Type"), required=False)
    vorm = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[
            ("", _("On site or online")),
            ("ter-plaatse", _("On site")),
            ("online", _("Online")),
        ],
    )
    doelgroep = forms.ChoiceField(label=_("Audience"), required=False)
    krachtlijn = forms.ChoiceField(
        label=_("Core principle"), required=False, widget=LanguageMarkedSelect
    )
    vanaf = SaneDateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = SaneDateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    voorbij = forms.BooleanField(label=_("Past events"), required=False)
    opname = forms.BooleanField(label=_("Only with a recording"), required=False)

    def __init__(
        self, *args: Any, regions: Any = None, krachtlijnen: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        regions = regions if regions is not None else Region.objects.all()
        krachtlijnen = krachtlijnen if krachtlijnen is not None else Krachtlijn.objects.all()
        fields = cast(dict[str, forms.ChoiceField], self.fields)
        fields["regio"].choices = [("", _("All regions"))] + [
            (r.slug, language_label(r)) for r in regions
        ]
        fields["type"].choices = [("", _("All types")), *EventType.choices]
        fields["doelgroep"].choices = [("", _("Everyone")), *Audience.choices]
        fields["krachtlijn"].choices = [("", _("All core principles"))] + [
            (k.slug, language_label(k)) for k in krachtlijnen
        ]

    def filters(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "region": data.get("regio"),
            "type": data.get("type"),
            "format": data.get("vorm"),
            "audience": data.get("doelgroep"),
            "krachtlijn": data.get("krachtlijn"),
            "date_from": data.get("vanaf"),
            "date_to": data.get("tot"),
            "past": data.get("voorbij"),
            "recording": data.get("opname"),
        }


def _session_label(session: Any) -> str:
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    label = (
        f"{formats.time_format(start, 'H:i')}–{formats.time_format(end, 'H:i')} · {session.title}"
    )
    if session.capacity is not None:
        left = max(session.capacity - getattr(session, "seats_taken", 0), 0)
        label += " · " + str(_("%(n)s seats left") % {"n": left})
    return label


class RegistrationForm(forms.Form):
    """Visitors give name and e-mail; members only answer the questions."""

    name = SingleLineCharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    # A honeypot for bots: hidden from people by CSS, never filled in by them.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args: Any, event: Event, member: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        if member:
            for name in ("name", "email", "organisation_name", "website"):
                del self.fields[name]
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"
            self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
            self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for question in event.questions.all():
            key = f"q_{question.pk}"
            if question.kind == QuestionKind.CHECKBOX:
                field: forms.Field = forms.BooleanField(
                    label=question.label, required=question.required
                )
            elif question.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(
                    label=question.label,
                    required=question.required,
                    choices=[("", "—")] + [(c, c) for c in question.choice_list()],
                )
            else:
                field = forms.CharField(
                    label=question.label, required=question.required, max_length=500
                )
            self.fields[key] = field
        sessions = list(event.sessions.all())
        if sessions:
            self.fields["sessions"] = forms.MultipleChoiceField(
                label=_("Sessions"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(str(s.pk), _session_label(s)) for s in sessions],
                help_text=_("Choose sessions that do not take place at the same time."),
            )
        self.session_objects = {str(s.pk): s for s in sessions}

    def answers(self) -> dict[str, Any]:
        return {key[2:]: value for key, value in self.cleaned_data.items() if key.startswith("q_")}

    def chosen_sessions(self) -> list[Any]:
        return [self.session_objects[pk] for pk in self.cleaned_data.get("sessions", [])]

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))
