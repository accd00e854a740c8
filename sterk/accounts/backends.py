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
sign people in and to load the user of a session that names them: Django's and
allauth's, each loading the session's person once per version of the users' table
(`kept_user`, below).
"""

from __future__ import annotations

import functools
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS

# What `kept_user` reads: kept until this table is written (tracked in AccountsConfig.ready).
USER_TABLES = ("accounts_user",)


class RulesOnlyBackend:
    """Refuses every permission that reaches it; authenticates nobody."""

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        raise PermissionDenied

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        raise PermissionDenied


# --- the signed-in person, once per version of the users' table ---------------------------

# People whose row is kept per worker (`kept_user`): a row is some thirty values.
USERS_KEPT = 5000


@functools.cache
def _field_names() -> tuple[str, ...]:
    """The users' table's columns, in the model's order (`Model.from_db` takes them so):
    worked out once, not twice on every signed-in request."""
    from .models import User

    return tuple(field.attname for field in User._meta.concrete_fields)


def _read_user_row(user_id: Any) -> tuple[Any, ...] | None:
    """The row, in a statement written once (`core.rows`): on a run of new visitors (a
    popular event's registrations) the ORM's query building was most of the read."""
    from sterk.core import rows

    from .models import User

    return rows.by_pk(User, _field_names()).fetch(user_id)


def kept_user(user_id: Any) -> Any:
    """The person a session names, as `ModelBackend.get_user` reads them, but read from
    the database once per version of the users' table in each worker (#14: every signed-in
    request loads its person). Each request gets an instance of its own, built from the
    kept row: nothing a view sets on it reaches another request. Any write to the users'
    table (a new password, an address, a deactivation, a deletion) in any process renews
    the version (`pagecache.track_tables` in AccountsConfig.ready), so the next request
    reads the row again, and the session check (`django.contrib.auth.get_user`) runs on
    it as before."""
    from sterk.core import versioned

    from .models import User

    row = versioned.per_data_version(
        "accounts.user_row",
        str(user_id),
        lambda: _read_user_row(user_id),
        tables=USER_TABLES,
        limit=USERS_KEPT,
    )
    if row is None:
        return None
    return User.from_db(DEFAULT_DB_ALIAS, list(_field_names()), row)


class KeptUserMixin:
    """`get_user` from `kept_user`; everything else (authenticate, the active check) as
    the backend it is mixed into."""

    def get_user(self, user_id: Any) -> Any:
        user = kept_user(user_id)
        if user is None:
            return None
        return user if self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackend(KeptUserMixin, DjangoModelBackend):
    """Django's ModelBackend (sign in by e-mail and password in the admin), loading the
    session's person from `kept_user`."""


class AuthenticationBackend(KeptUserMixin, AllauthBackend):
    """allauth's backend (the site's login), loading the session's person from `kept_user`."""


# Sessions made before these backends name the classes they extend: the session engine
# reads those names as these (sterk.accounts.sessions), so nobody is signed out by them.
RENAMED_BACKENDS = {
    "django.contrib.auth.backends.ModelBackend": "sterk.accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": (
        "sterk.accounts.backends.AuthenticationBackend"
    ),
}
