from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CONTACT_CONSENT_TEXT, ContactRequest, ContactTopic, Region, SubRegion


class ContactForm(forms.ModelForm):
    # A field people never see; bots fill it in. Named like a real field on purpose.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    consent = forms.BooleanField(
        required=True,
        label=CONTACT_CONSENT_TEXT,
        error_messages={"required": _("We need your consent to handle your request.")},
    )

    class Meta:
        model = ContactRequest
        fields = ["name", "email", "organisation_name", "topic", "region", "message", "consent"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        region = cast(forms.ModelChoiceField, self.fields["region"])
        region.queryset = Region.objects.all()
        region.empty_label = _("The platform as a whole")
        cast(forms.ChoiceField, self.fields["topic"]).choices = ContactTopic.choices
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})


class JoinForm(forms.Form):
    subregion = forms.ModelChoiceField(
        queryset=SubRegion.objects.none(),
        required=False,
        label=_("Sub-region (optional)"),
        empty_label=_("No particular sub-region"),
    )

    def __init__(self, *args, region: Region, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["subregion"]).queryset = region.subregions.all()
        if not region.subregions.exists():
            del self.fields["subregion"]
