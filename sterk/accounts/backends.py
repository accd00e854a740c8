"""The end of the permission chain: what the rules did not grant is refused, at once.

Permissions come from the rules alone (`sterk/*/rules.py`, through
`rules.permissions.ObjectPermissionBackend`, first in AUTHENTICATION_BACKENDS). Django's
per-user and per-group permission tables are not used: nothing grants rows in them and
the admin is for superusers, who have every permission without a lookup
(`PermissionsMixin.has_perm`). Without this backend, every permission the rules refuse
would fall through to `ModelBackend` (and allauth's backend, a `ModelBackend` too), which
reads those two tables: two queries on every signed-in member's page, for the header's
"Management" link alone.

Django stops the chain when a backend raises PermissionDenied (documented for
`has_perm` and `has_module_perms`). The two backends after this one stay in the list to
sign people in and to load the user of a session that names them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied


class RulesOnlyBackend:
    """Refuses every permission that reaches it; authenticates nobody."""

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        raise PermissionDenied

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        raise PermissionDenied
