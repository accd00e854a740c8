"""Types for code that knows who is signed in."""

from __future__ import annotations

from django.http import HttpRequest

from .models import User


class AuthenticatedRequest(HttpRequest):
    """A request behind `login_required`: `request.user` is a `User`, never anonymous.

    Annotate such a view's `request` with it (the django-stubs recipe) so that it can pass
    `request.user` to a service that takes `actor: User`.
    """

    user: User
