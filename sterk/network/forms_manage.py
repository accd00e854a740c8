from django import forms

from .models import ContactRequest


class ContactHandleForm(forms.ModelForm):
    class Meta:
        model = ContactRequest
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}
