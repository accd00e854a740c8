"""Role look-ups shared by every app's rules.py.

A user's role assignments are read once per request object and cached on it, so that a
page asking many permission questions costs one query. The query itself lives next to
`RoleAssignment` (`sterk.network.roles.roles_load`); the network app hands it to
`set_roles_loader` in its `AppConfig.ready()`, so core imports no app above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_CACHE_ATTR = "_sterk_roles"


@dataclass(frozen=True)
class Roles:
    coordinator: bool
    steering: bool
    chair_region_ids: frozenset[int]
    stakeholder_organisation_ids: frozenset[int]

    @property
    def any_management(self) -> bool:
        return bool(
            self.coordinator
            or self.steering
            or self.chair_region_ids
            or self.stakeholder_organisation_ids
        )

    @property
    def requires_mfa(self) -> bool:
        """Whoever can see and export personal data needs TOTP: coordinators and chairs
        (members, registrants, contact requests) and stakeholder representatives (the
        names and e-mail addresses of the people who answer their calls)."""
        return bool(self.coordinator or self.chair_region_ids or self.stakeholder_organisation_ids)


NO_ROLES = Roles(False, False, frozenset(), frozenset())

_loader: Callable[[Any], Roles] | None = None


def set_roles_loader(loader: Callable[[Any], Roles]) -> None:
    """Called once by the app that holds the role assignments (network)."""
    global _loader
    _loader = loader


def roles_of(user: Any) -> Roles:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return NO_ROLES
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if _loader is None:
        raise RuntimeError(
            "No roles loader: sterk.network must be installed (its ready() sets it)."
        )
    roles = _loader(user)
    setattr(user, _CACHE_ATTR, roles)
    return roles


def forget_roles(user: Any) -> None:
    """Drop the cache after a role change (services call this)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
