"""Types for code that knows who is signed in, and the `data` the account services take."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.http import HttpRequest

from .models import User

if TYPE_CHECKING:
    from sterk.network.models import Organisation


class AuthenticatedRequest(HttpRequest):
    """A request behind `login_required`: `request.user` is a `User`, never anonymous.

    Annotate such a view's `request` with it (the django-stubs recipe) so that it can pass
    `request.user` to a service that takes `actor: User`.
    """

    user: User


class ProfileData(TypedDict, total=False):
    """The `data` for a person's profile (a form's cleaned_data)."""

    first_name: str
    last_name: str
    organisation: Organisation | None
    job_title: str
    sector: str
    language: str
    wants_active_role: bool
    leads_local_consultation: bool
    directory_visible: bool
