"""The role query behind `sterk.core.roles.roles_of`, next to the RoleAssignment model.

Core is the lowest layer and cannot import this app, so it asks through a hook that
`NetworkConfig.ready()` fills with `roles_load`."""

from __future__ import annotations

from typing import Any

from sterk.core import versioned
from sterk.core.roles import Roles

from .models import Role, RoleAssignment

# What `roles_load` reads: kept until this table is written (tracked in NetworkConfig.ready).
ROLE_TABLES = (RoleAssignment._meta.db_table,)
# Roles of this many people are kept per worker (a Roles is a few small sets).
ROLES_KEPT = 20_000


def roles_load(user: Any) -> Roles:
    """Every role assignment of `user`, folded into a `Roles`: one query, read once per
    version of the role table in each worker (#14: every signed-in page asks, the header's
    management link and every permission check; a role is given or taken rarely). A role
    change in the open transaction reads afresh (`versioned.per_data_version`)."""
    return versioned.per_data_version(
        "network.roles", user.pk, lambda: _read_roles(user.pk), tables=ROLE_TABLES, limit=ROLES_KEPT
    )


def _read_roles(user_id: int) -> Roles:
    # Unordered: the model's ordering would join the users' table for nothing here.
    rows = (
        RoleAssignment.objects.filter(user_id=user_id)
        .order_by()
        .values_list("role", "region_id", "organisation_id")
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
