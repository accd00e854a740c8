from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sterk.network.models import Organisation

from .models import User


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def signup(self, request: Any, user: User) -> None:
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save()


class ProfileForm(forms.ModelForm):
    proposed_organisation = forms.CharField(
        label=_("My organisation is not in the list"),
        required=False,
        max_length=200,
        help_text=_("Type its name; the coordination team adds it to the list."),
    )

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation",
            "job_title",
            "sector",
            "language",
            "wants_active_role",
            "leads_local_consultation",
            "directory_visible",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        organisation.queryset = Organisation.objects.approved()
        organisation.empty_label = _("Choose your organisation")
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and the data listed above are erased for good."),
        required=True,
    )
