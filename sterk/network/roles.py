"""The role query behind `sterk.core.roles.roles_of`, next to the RoleAssignment model.

Core is the lowest layer and cannot import this app, so it asks through a hook that
`NetworkConfig.ready()` fills with `roles_load`."""

from __future__ import annotations

from typing import Any

from sterk.core.roles import Roles

from .models import Role, RoleAssignment


def roles_load(user: Any) -> Roles:
    """One query: every role assignment of `user`, folded into a `Roles`."""
    rows = RoleAssignment.objects.filter(user=user).values_list(
        "role", "region_id", "organisation_id"
    )
    coordinator = steering = False
    regions: set[int] = set()
    organisations: set[int] = set()
    for role, region_id, organisation_id in rows:
        if role == Role.COORDINATOR:
            coordinator = True
        elif role == Role.STEERING:
            steering = True
        elif role == Role.CHAIR and region_id:
            regions.add(region_id)
        elif role == Role.STAKEHOLDER and organisation_id:
            organisations.add(organisation_id)
    return Roles(coordinator, steering, frozenset(regions), frozenset(organisations))
