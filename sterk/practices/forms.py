"""Forms of the practice library: share a practice, answer a call, moderate, run a call."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sterk.actionplan.models import Action, Challenge
from sterk.core.forms import TranslatedErrorsMixin, UploadImageField, translated_field_setup
from sterk.core.widgets import use_checkbox_lists
from sterk.identity.models import Function, Krachtlijn
from sterk.network.forms_manage import RoleScopedChoicesMixin
from sterk.network.models import Organisation, Region, SubRegion

from .models import Call, LinkKind, Practice, PracticeImage
from .types import CallData, PracticeData

SUBMITTER_FIELDS = [
    "title_nl",
    "summary_nl",
    "story_nl",
    "language",
    "organisation_names",
    "region",
    "subregion",
    "sector",
    "target_group",
    "krachtlijnen",
    "functions",
    "challenges",
    "contact_name",
    "contact_email",
    "contact_consent",
    "licence",
]
LABELS = {
    "title_nl": _("Title"),
    "summary_nl": _("Summary"),
    "story_nl": _("The full story"),
    "licence": _("Under which licence may others reuse your story once it is published?"),
}
HELP = {
    "summary_nl": _("Two to four sentences: what you do, with whom, and what changed."),
    "story_nl": _(
        "Tell the story in your own words. You may use Markdown: *italic*, **bold**, "
        "lists with -, links as [text](https://...)."
    ),
    "organisation_names": _("The organisation(s) behind the practice, separated by commas."),
}


class PracticeFieldsMixin:
    """Labels, widgets and choices shared by every practice form."""

    fields: dict[str, forms.Field]

    def setup_fields(self) -> None:
        for name, label in LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
        for name, text in HELP.items():
            if name in self.fields:
                self.fields[name].help_text = text
        if "title_nl" in self.fields:
            self.fields["title_nl"].required = True
        if "summary_nl" in self.fields:
            self.fields["summary_nl"].required = True
            self.fields["summary_nl"].widget = forms.Textarea(attrs={"rows": 4, "maxlength": 600})
        for name, qs in {
            "krachtlijnen": Krachtlijn.objects.all(),
            "functions": Function.objects.all(),
            "challenges": Challenge.objects.filter(plan__is_current=True).order_by("number"),
        }.items():
            if name in self.fields:
                self.fields[name] = forms.ModelMultipleChoiceField(
                    queryset=qs,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    label=self.fields[name].label,
                )
        if "licence" in self.fields:
            # Preselected on the safe choice; a form sent without it keeps that choice.
            self.fields["licence"].widget = forms.RadioSelect(
                choices=self.fields["licence"].choices  # type: ignore[attr-defined]
            )
            self.fields["licence"].required = False
        if "region" in self.fields:
            self.fields["region"].queryset = Region.objects.all()  # type: ignore[attr-defined]
        if "subregion" in self.fields:
            self.fields["subregion"].queryset = SubRegion.objects.select_related("region")  # type: ignore[attr-defined]

    def clean_licence(self) -> str:
        from .models import Licence

        return self.cleaned_data.get("licence") or Licence.ALL_RIGHTS_RESERVED  # type: ignore[attr-defined]

    def clean_subregion(self) -> Any:
        subregion = self.cleaned_data.get("subregion")  # type: ignore[attr-defined]
        region = self.cleaned_data.get("region")  # type: ignore[attr-defined]
        if subregion and region and subregion.region_id != region.pk:
            raise forms.ValidationError(_("This sub-region does not belong to the chosen region."))
        return subregion


class PracticeForm(PracticeFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    """What a member fills in to share a practice."""

    class Meta:
        model = Practice
        fields = SUBMITTER_FIELDS
        widgets = {"story_nl": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_fields()
        images = self.instance.images.all() if self.instance.pk else PracticeImage.objects.none()
        if self.instance.pk and images:
            self.fields["remove_images"] = forms.ModelMultipleChoiceField(
                queryset=images,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=_("Remove these images"),
            )

    def service_data(self) -> PracticeData:
        return cast(
            PracticeData, {k: v for k, v in self.cleaned_data.items() if k != "remove_images"}
        )


class ModeratorPracticeForm(RoleScopedChoicesMixin, PracticeForm):
    """A moderator completes the practice: organisations, actions, translations. The
    region stays within the moderator's reach: a chair keeps it in their regions, a call
    owner keeps the region it has (the organisations behind a practice are a description,
    any approved organisation)."""

    role_scoped = {"region": "region", "subregion": "subregion"}

    class Meta:
        model = Practice
        fields = [
            *SUBMITTER_FIELDS[:3],
            "title_fr",
            "summary_fr",
            "story_fr",
            "title_en",
            "summary_en",
            "story_en",
            *SUBMITTER_FIELDS[3:],
            "organisations",
            "actions",
        ]
        widgets = {
            "story_nl": forms.Textarea(attrs={"rows": 12}),
            "story_fr": forms.Textarea(attrs={"rows": 6}),
            "story_en": forms.Textarea(attrs={"rows": 6}),
            "summary_fr": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope_to(user)
        if self.instance.region_id and "region" in self.fields:
            # Moving it out of every region would take it out of the moderator's reach too.
            self.fields["region"].required = not user.has_perm(
                "practices.clear_practice_region", self.instance
            )
        # The translations (the Dutch fields keep the submitter's labels).
        for name, label in (
            ("title", _("Title")),
            ("summary", _("Summary")),
            ("story", _("The full story")),
        ):
            translated_field_setup(self, name, label, required_nl=False, languages=("fr", "en"))
        self.fields["organisations"].queryset = Organisation.objects.approved()  # type: ignore[attr-defined]
        self.fields["organisations"].help_text = _("The organisations listed in the network.")
        self.fields["actions"] = forms.ModelMultipleChoiceField(
            queryset=Action.objects.in_current_plan().select_related("challenge").in_plan_order(),
            required=False,
            label=_("Actions of the plan it answers"),
        )
        use_checkbox_lists(self)


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type of link"), choices=LinkKind.choices)
    url = forms.URLField(
        label=_("Address (URL)"), required=False, max_length=500, assume_scheme="https"
    )
    title = forms.CharField(label=_("Link text"), required=False, max_length=200)


LinkFormSet = forms.formset_factory(LinkForm, extra=2, max_num=10)


def link_data(formset: Any) -> list[dict[str, Any]]:
    return [
        {
            "kind": f.cleaned_data["kind"],
            "url": f.cleaned_data["url"],
            "title": f.cleaned_data["title"],
        }
        for f in formset.forms
        if f.cleaned_data.get("url")
    ]


def link_initial(practice: Practice | None) -> list[dict[str, Any]]:
    if practice is None or not practice.pk:
        return []
    return [{"kind": lk.kind, "url": lk.url, "title": lk.title} for lk in practice.links.all()]


class ImageForm(forms.Form):
    image = UploadImageField(label=_("Image"), required=False)
    alt_text = forms.CharField(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Required with an image: what it shows, for people who cannot see it."),
    )
    caption = forms.CharField(label=_("Caption"), required=False, max_length=250)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("image") and not (data.get("alt_text") or "").strip():
            self.add_error("alt_text", _("Describe the image for people who cannot see it."))
        return data


ImageFormSet = forms.formset_factory(ImageForm, extra=1, max_num=6)


def image_data(formset: Any) -> list[dict[str, Any]]:
    return [
        {
            "image": f.cleaned_data["image"],
            "alt_text": f.cleaned_data["alt_text"].strip(),
            "caption": f.cleaned_data["caption"],
        }
        for f in formset.forms
        if f.cleaned_data.get("image")
    ]


class CallSubmissionForm(PracticeFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    """A story sent to a call: the practice, the call's extra questions, the consents."""

    # The visitor's own name and address (WCAG 1.3.5: autofill knows what they are).
    submitter_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    submitter_email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send you a link to confirm. Nothing is read before you confirm."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Practice
        fields = [
            "title_nl",
            "summary_nl",
            "story_nl",
            "language",
            "organisation_names",
            "region",
            "sector",
            "target_group",
            "contact_name",
            "contact_email",
            "contact_consent",
            "licence",
        ]
        widgets = {"story_nl": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args: Any, call: Call, member: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        self.setup_fields()
        if member is not None:
            del self.fields["submitter_name"]
            del self.fields["submitter_email"]
        for i, question in enumerate(call.questions):
            if question.get("kind") == "choice":
                field: forms.Field = forms.ChoiceField(
                    label=question["label"],
                    required=bool(question.get("required")),
                    choices=[(c, c) for c in question.get("choices", [])],
                    widget=forms.RadioSelect,
                )
            else:
                field = forms.CharField(
                    label=question["label"],
                    required=bool(question.get("required")),
                    widget=forms.Textarea(attrs={"rows": 3}),
                    max_length=3000,
                )
            self.fields[f"answer_{i}"] = field
        self.fields["consent_publish"] = forms.BooleanField(
            label=call.publish_consent_text(), required=False
        )
        self.fields["consent_anonymous"] = forms.BooleanField(
            label=call.anonymous_consent_text(), required=True
        )
        self.fields["website"].widget.attrs["class"] = "honeypot-input"

    def answer_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("answer_")]

    def practice_fields(self) -> list[Any]:
        skip = {
            "submitter_name",
            "submitter_email",
            "website",
            "consent_publish",
            "consent_anonymous",
        }
        return [self[n] for n in self.fields if n not in skip and not n.startswith("answer_")]

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = set(self.Meta.fields)
        return {
            "data": {k: v for k, v in data.items() if k in fields},
            "answers": {
                int(k.split("_", 1)[1]): v for k, v in data.items() if k.startswith("answer_")
            },
            "consent_publish": bool(data.get("consent_publish")),
            "consent_anonymous": bool(data.get("consent_anonymous")),
            "submitter_name": data.get("submitter_name", ""),
            "submitter_email": data.get("submitter_email", ""),
        }


class DecisionForm(forms.Form):
    REVIEW = "review"
    CHANGES = "changes"
    PUBLISH = "publish"
    DECLINE = "decline"
    ARCHIVE = "archive"

    decision = forms.ChoiceField(label=_("Your decision"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message to the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you ask for changes or decline: say what and why."),
    )

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        status = practice.status
        choices = []
        if status == "submitted":
            choices.append((self.REVIEW, _("Take into review (the submitter is told)")))
        if status in ("submitted", "in_review"):
            choices.append((self.CHANGES, _("Ask the submitter for changes")))
        if status in ("submitted", "in_review", "changes_requested", "archived"):
            choices.append((self.PUBLISH, _("Publish in the library")))
        if status in ("submitted", "in_review", "changes_requested"):
            choices.append((self.DECLINE, _("Decline")))
        if status == "published":
            choices.append((self.ARCHIVE, _("Archive (take out of the library)")))
        cast(forms.ChoiceField, self.fields["decision"]).choices = choices

    @property
    def has_choices(self) -> bool:
        return bool(cast(forms.ChoiceField, self.fields["decision"]).choices)


def parse_questions(text: str) -> list[dict[str, Any]]:
    """One question per line. "* " in front: required. "Question | option | option": a
    choice; otherwise an open question."""
    questions = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        required = line.startswith("*")
        parts = [p.strip() for p in line.lstrip("*").split("|")]
        label, choices = parts[0], [p for p in parts[1:] if p]
        questions.append(
            {
                "label": label,
                "kind": "choice" if choices else "text",
                "choices": choices,
                "required": required,
            }
        )
    return questions


def format_questions(questions: list[dict[str, Any]]) -> str:
    lines = []
    for q in questions or []:
        line = ("* " if q.get("required") else "") + q.get("label", "")
        if q.get("kind") == "choice":
            line += " | " + " | ".join(q.get("choices", []))
        lines.append(line)
    return "\n".join(lines)


class CallForm(RoleScopedChoicesMixin, TranslatedErrorsMixin, forms.ModelForm):
    role_scoped = {"owner": "organisation"}
    questions_text = forms.CharField(
        label=_("Extra questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One question per line. Start with * for a required question. For a choice, "
            "add the options after a bar: “Sector | Care | Welfare | Other”."
        ),
    )

    class Meta:
        model = Call
        fields = [
            "title_nl",
            "title_fr",
            "title_en",
            "question_nl",
            "question_fr",
            "question_en",
            "audience_nl",
            "theme_nl",
            "owner",
            "opens_on",
            "closes_on",
            "krachtlijn",
            "challenge",
            "consent_publish_text_nl",
            "consent_anonymous_text_nl",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "question_nl": forms.Textarea(attrs={"rows": 6}),
            "question_fr": forms.Textarea(attrs={"rows": 4}),
            "question_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Organisation.objects.approved()  # type: ignore[attr-defined]
        self.scope_to(user)
        self.fields["title_nl"].required = True
        self.fields["question_nl"].required = True
        self.fields["title_nl"].label = _("Title")
        self.fields["question_nl"].label = _("The question")
        self.fields["audience_nl"].label = _("Audience")
        self.fields["theme_nl"].label = _("Theme")
        self.fields["consent_publish_text_nl"].label = _("Consent to publish (text)")
        self.fields["consent_anonymous_text_nl"].label = _("No client can be recognised (text)")
        for code, language in (("fr", _("French")), ("en", _("English"))):
            self.fields[f"title_{code}"].label = f"{_('Title')} ({language})"
            self.fields[f"question_{code}"].label = f"{_('The question')} ({language})"
        self.fields["challenge"].queryset = Challenge.objects.filter(plan__is_current=True)  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["questions_text"].initial = format_questions(self.instance.questions)

    def service_data(self) -> CallData:
        data = {k: v for k, v in self.cleaned_data.items() if k != "questions_text"}
        data["questions"] = parse_questions(self.cleaned_data.get("questions_text", ""))
        return cast(CallData, data)


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from .models import MODERATOR_VISIBLE, Status

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["status"]).choices = [
            ("", _("To moderate")),
            *[(s.value, s.label) for s in Status if s in MODERATOR_VISIBLE],
            ("all", _("All")),
        ]
