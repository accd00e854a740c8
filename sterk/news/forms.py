"""Forms of the news app: the public list's filters and the management form of a post.
They validate input only; the services write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sterk.actionplan.models import Action, Challenge
from sterk.core.content_language import LanguageMarkedSelect, language_label
from sterk.core.forms import (
    LANGUAGES,
    TranslatedErrorsMixin,
    slug_as_web_address,
    translated_field_setup,
)
from sterk.core.roles import roles_of
from sterk.core.widgets import use_checkbox_lists
from sterk.events.models import Event
from sterk.identity.models import Krachtlijn
from sterk.network.forms_manage import GroupedFieldsMixin, RoleScopedChoicesMixin, _language_groups
from sterk.network.models import Organisation, Region
from sterk.practices.models import Practice

from .models import Post

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class NewsFilterForm(forms.Form):
    regio = forms.ChoiceField(label=_("Region"), required=False, widget=LanguageMarkedSelect)
    krachtlijn = forms.ChoiceField(
        label=_("Core principle"), required=False, widget=LanguageMarkedSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = cast(dict[str, forms.ChoiceField], self.fields)
        fields["regio"].choices = [
            ("", _("All regions and the platform")),
            ("platform", _("The platform")),
        ] + [(r.slug, language_label(r)) for r in Region.objects.all()]
        fields["krachtlijn"].choices = [("", _("All core principles"))] + [
            (k.slug, language_label(k)) for k in Krachtlijn.objects.all()
        ]

    def filters(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            "region": self.cleaned_data.get("regio"),
            "krachtlijn": self.cleaned_data.get("krachtlijn"),
        }


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class PostForm(RoleScopedChoicesMixin, GroupedFieldsMixin, TranslatedErrorsMixin, forms.ModelForm):
    """A post as its author writes it. The status is not here: publishing is its own step
    (news.publish_post), so that a stakeholder representative can only draft."""

    role_scoped = {"region": "region", "organisation": "organisation"}
    groups = [
        (
            _("Where it belongs"),
            ["region", "organisation", "publish_at", "slug"],
        ),
        (_("Image"), ["image", *[f"image_alt_{lang}" for lang in LANGUAGES]]),
        (_("Ties"), ["krachtlijnen", "challenges", "actions", "events", "practices"]),
        *_language_groups("title", "lead", "body", "share_text"),
    ]

    class Meta:
        model = Post
        fields = [
            *[f"{b}_{lang}" for b in ("title", "lead", "body", "share_text") for lang in LANGUAGES],
            "region",
            "organisation",
            "publish_at",
            "slug",
            "image",
            *[f"image_alt_{lang}" for lang in LANGUAGES],
            "krachtlijnen",
            "challenges",
            "actions",
            "events",
            "practices",
        ]
        widgets = {
            **{f"body_{lang}": forms.Textarea(attrs={"rows": 10}) for lang in LANGUAGES},
            **{f"lead_{lang}": forms.Textarea(attrs={"rows": 3}) for lang in LANGUAGES},
            "image": forms.ClearableFileInput(attrs={"accept": "image/*"}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = roles_of(user)
        translated_field_setup(self, "title", _("Title"), required_nl=True)
        translated_field_setup(self, "lead", _("Lead"), required_nl=True)
        translated_field_setup(self, "body", _("Text (Markdown)"), required_nl=False)
        translated_field_setup(self, "share_text", _("Text for sharing"), required_nl=False)
        translated_field_setup(self, "image_alt", _("Alternative text"), required_nl=False)
        self.fields["image_alt_nl"].help_text = _(
            "Required with an image: what it shows, for people who cannot see it."
        )
        publish_at = cast(forms.DateTimeField, self.fields["publish_at"])
        publish_at.widget = DateTimeInput()
        publish_at.input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        if roles.coordinator:
            slug_as_web_address(self.fields["slug"], "news:post_detail")
            self.fields["slug"].required = False
        else:
            # Chairs and representatives are never asked for a slug: the service derives it.
            del self.fields["slug"]
        region = cast(forms.ModelChoiceField, self.fields["region"])
        region.queryset = Region.objects.all()
        region.label_from_instance = language_label  # type: ignore[method-assign]
        if not roles.coordinator and roles.chair_region_ids:
            region.required = True
            region.help_text = _("The region whose news this is.")
        elif not roles.coordinator:
            region.help_text = _(
                "Representatives write news of the platform; the coordinator publishes it."
            )
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        organisation.queryset = Organisation.objects.approved()
        if not roles.coordinator and not roles.chair_region_ids:
            organisation.required = True
        self.scope_to(user)
        self.fields["krachtlijnen"].queryset = Krachtlijn.objects.all()  # type: ignore[attr-defined]
        self.fields["challenges"].queryset = Challenge.objects.filter(  # type: ignore[attr-defined]
            plan__is_current=True
        ).order_by("number")
        self.fields["actions"].queryset = (  # type: ignore[attr-defined]
            Action.objects.in_current_plan().select_related("challenge").in_plan_order()
        )
        self.fields["events"].queryset = Event.objects.listed().order_by("-starts_at")  # type: ignore[attr-defined]
        self.fields["practices"].queryset = Practice.objects.published().order_by("title")  # type: ignore[attr-defined]
        for name in ("krachtlijnen", "challenges", "actions", "events", "practices"):
            self.fields[name].required = False
        use_checkbox_lists(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        image = data.get("image")
        has_image = bool(image) or (image is None and bool(self.instance.image))
        if has_image and not (data.get("image_alt_nl") or "").strip():
            self.add_error("image_alt_nl", _("Describe the image: alternative text is required."))
        return data

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if data.get("image") is None:
            data.pop("image", None)  # nothing uploaded: keep the current image
        elif data.get("image") is False:
            data["image"] = ""  # "clear" ticked: remove it
        if not data.get("slug"):
            data.pop("slug", None)
        return data
