from typing import Any

from allauth.account.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def join_pending_region_on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from .services import pending_join_apply

    pending_join_apply(request=request, user=user)
