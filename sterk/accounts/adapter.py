from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        from django.utils.translation import get_language

        user.language = (get_language() or "nl")[:2]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            # A visitor who clicked "join" before signing up is joined as soon as the
            # account exists, whichever browser later confirms the e-mail address.
            from .services import pending_join_apply

            pending_join_apply(request=request, user=user)
        return user
