"""The newsletter's forms: sign-up, preferences (by personal link, and a member's), and the
composer's edition and block forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from sterk.core import versioned
from sterk.core.content_language import LanguageLabel, fallback_language, mark_choice_languages
from sterk.core.widgets import use_checkbox_lists

from .models import LANGUAGE_CHOICES, Block, BlockKind, Interest, split_interests


def choice_tables() -> tuple[str, ...]:
    """What the forms' choices show: regions and krachtlijnen (tracked in NewsletterConfig:
    a new practice or registration leaves the choices and the rendered fields as they are)."""
    from sterk.identity.models import Krachtlijn
    from sterk.network.models import Region

    return (Region._meta.db_table, Krachtlijn._meta.db_table)


def _choices() -> dict[str, list[tuple[str, LanguageLabel]]]:
    """Regions and krachtlijnen for the forms, each label saying its language when it
    falls back to Dutch: two small queries, read once per version of their tables and
    language (`sterk.core.versioned`; a member's page shows the form on every visit, #14).
    The lists are shared: a form's field copies them."""
    return versioned.per_data_version(
        "newsletter.choices",
        translation.get_language() or "",
        _read_choices,
        tables=choice_tables(),
    )


def _read_choices() -> dict[str, list[tuple[str, LanguageLabel]]]:
    from sterk.identity.models import Krachtlijn
    from sterk.network.models import Region

    return {
        "regions": [
            (str(r.pk), _label(str(r), fallback_language(r))) for r in Region.objects.all()
        ],
        "krachtlijnen": [
            (str(k.pk), _label(str(k), fallback_language(k))) for k in Krachtlijn.objects.all()
        ],
    }


def _label(text: str, lang: str | None) -> LanguageLabel:
    """A choice label that says its language when it falls back to Dutch."""
    label = LanguageLabel(text)
    label.lang = lang
    return label


class PreferencesForm(forms.Form):
    name = forms.CharField(label=_("Name (optional)"), max_length=150, required=False)
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=LANGUAGE_CHOICES)
    regions = forms.MultipleChoiceField(
        label=_("News from these regions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    krachtlijnen = forms.MultipleChoiceField(
        label=_("About these krachtlijnen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interests = forms.MultipleChoiceField(
        label=_("Kinds of content"),
        choices=Interest.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _choices()
        self.fields["regions"].choices = choices["regions"]  # type: ignore[attr-defined]
        self.fields["krachtlijnen"].choices = choices["krachtlijnen"]  # type: ignore[attr-defined]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        if not self.is_bound and "language" not in self.initial:
            self.initial["language"] = (translation.get_language() or "nl")[:2]

    def preferences(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data.get("name", ""),
            "language": data["language"],
            "regions": [int(pk) for pk in data["regions"]],
            "krachtlijnen": [int(pk) for pk in data["krachtlijnen"]],
            "interests": list(data["interests"]),
        }

    @staticmethod
    def initial_of(subscriber: Any) -> dict[str, Any]:
        return {
            "name": subscriber.name,
            "language": subscriber.language,
            "regions": [str(pk) for pk in subscriber.regions.values_list("pk", flat=True)],
            "krachtlijnen": [
                str(pk) for pk in subscriber.krachtlijnen.values_list("pk", flat=True)
            ],
            "interests": split_interests(subscriber.interests),
        }


class SignupForm(PreferencesForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    # A field people never see; bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to say you want the newsletter.")},
    )

    field_order = ["email", "name", "language", "regions", "krachtlijnen", "interests"]

    def __init__(self, *args: Any, place: str = "page", **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{place}_%s")
        super().__init__(*args, **kwargs)
        from .services import consent_text

        self.fields["consent"].label = consent_text()
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})


class MemberForm(PreferencesForm):
    subscribed = forms.BooleanField(label=_("Send me the newsletter"), required=False)

    field_order = ["subscribed", "language", "regions", "krachtlijnen", "interests"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["name"]


def member_initial(subscriber: Any) -> dict[str, Any]:
    """What a member's newsletter form starts from: their subscription (if any)."""
    from .models import SubscriberStatus

    initial = PreferencesForm.initial_of(subscriber) if subscriber else {}
    initial["subscribed"] = bool(subscriber and subscriber.status == SubscriberStatus.ACTIVE)
    return initial


def member_form(
    subscriber: Any, data: Any = None, *, initial: dict[str, Any] | None = None
) -> MemberForm:
    """A member's newsletter choice, filled with their subscription (if any; `initial`
    when it was read already)."""
    start = dict(initial) if initial is not None else member_initial(subscriber)
    return MemberForm(data, initial=start, auto_id="id_newsletter_%s")


def member_fields(initial: dict[str, Any]) -> SafeString:
    """The member form's fields as a member's page shows them (unbound, no CSRF token):
    the same for everyone who made the same choices, so rendered once per data version,
    language and choices (#14: a dozen checkboxes on every visit to /mijn/)."""
    key = tuple(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in sorted(initial.items())
    )
    return versioned.rendered_per_data_version(
        "newsletter.member_fields",
        key,
        "newsletter/_member_fields.html",
        lambda: {"form": member_form(None, initial=initial)},
    )


# --- the composer ---------------------------------------------------------------------------


class EditionForm(forms.Form):
    title_nl = forms.CharField(label=_("Title (Dutch)"), max_length=200)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    intro_nl = forms.CharField(
        label=_("Introduction (Dutch)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    intro_fr = forms.CharField(
        label=_("Introduction (French)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    intro_en = forms.CharField(
        label=_("Introduction (English)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    region: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        required=False,
        empty_label=_("The platform as a whole"),
        help_text=_("A region's newsletter goes only to subscribers who chose that region."),
    )
    segment_regions: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Only subscribers of these regions"), queryset=None, required=False
    )
    segment_krachtlijnen: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Only subscribers interested in these krachtlijnen"), queryset=None, required=False
    )
    segment_interests = forms.MultipleChoiceField(
        label=_("Or in these kinds of content"),
        choices=Interest.choices,
        required=False,
    )
    segment_language = forms.ChoiceField(
        label=_("Only subscribers reading"),
        choices=[("", _("every language")), *LANGUAGE_CHOICES],
        required=False,
    )

    def __init__(self, *args: Any, regions: Any, **kwargs: Any) -> None:
        from sterk.identity.models import Krachtlijn
        from sterk.network.models import Region

        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]
        self.fields["segment_regions"].queryset = Region.objects.all()  # type: ignore[attr-defined]
        self.fields["segment_krachtlijnen"].queryset = Krachtlijn.objects.all()  # type: ignore[attr-defined]
        mark_choice_languages(self)
        if regions.count() == 1 and not self.fields["region"].initial:
            region = self.fields["region"]
            region.required = True  # a chair writes for their region
            region.empty_label = None  # type: ignore[attr-defined]
        use_checkbox_lists(self)

    @staticmethod
    def initial_of(edition: Any) -> dict[str, Any]:
        return {
            **{
                f"{f}_{lang}": getattr(edition, f"{f}_{lang}") or ""
                for f in ("title", "intro")
                for lang in ("nl", "fr", "en")
            },
            "region": edition.region,
            "segment_regions": list(edition.segment_regions.all()),
            "segment_krachtlijnen": list(edition.segment_krachtlijnen.all()),
            "segment_interests": split_interests(edition.segment_interests),
            "segment_language": edition.segment_language,
        }


class BlockForm(forms.ModelForm):
    class Meta:
        model = Block
        fields = [
            "kind",
            "heading_nl",
            "heading_fr",
            "heading_en",
            "text_nl",
            "text_fr",
            "text_en",
            "events",
            "next_count",
            "next_regions",
            "practices",
            "call",
            "post",
        ]
        widgets = {
            "text_nl": forms.Textarea(attrs={"rows": 6}),
            "text_fr": forms.Textarea(attrs={"rows": 6}),
            "text_en": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from sterk.events.models import Event
        from sterk.news.models import Post
        from sterk.practices.models import Call, Practice

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = BlockKind.choices  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["kind"].disabled = True
        self.fields["events"].queryset = (  # type: ignore[attr-defined]
            Event.objects.visible_to(None).upcoming().order_by("starts_at")
        )
        self.fields["practices"].queryset = Practice.objects.published().order_by("-pk")  # type: ignore[attr-defined]
        self.fields["call"].queryset = Call.objects.order_by("-pk")  # type: ignore[attr-defined]
        self.fields["post"].queryset = Post.objects.public().order_by("-publish_at")  # type: ignore[attr-defined]
        self.fields["events"].help_text = _("Pick events, or give a number below.")
        self.fields["next_count"].help_text = _(
            "Instead of picking: the next N events (of the regions below, or everywhere)."
        )
        mark_choice_languages(self)
        use_checkbox_lists(self)


BLOCK_FIELDS = {
    BlockKind.TEXT: ("heading", "text"),
    BlockKind.NEWS: ("heading", "text", "post"),
    BlockKind.EVENTS: ("heading", "text", "events", "next_count", "next_regions"),
    BlockKind.PRACTICES: ("heading", "text", "practices"),
    BlockKind.CALL: ("heading", "text", "call"),
    BlockKind.ACTION_PLAN: ("heading", "text"),
}


class SendForm(forms.Form):
    expected = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class TestSendForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
