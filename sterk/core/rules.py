"""Rule predicates shared by every app's rules.py, built on `sterk.core.roles.roles_of`.

An app's rules.py imports the role predicates from here and adds only the predicates about
its own objects (the region of an event, the carriers of an action, the owner of a call).
Each predicate is defined once, so that `is_coordinator` means the same in every app.

Beside the predicates, each app keeps the matching queryset scoping ("which rows may this
user see or manage") as a selector; a test per pair checks that the two agree."""

from __future__ import annotations

from typing import Any

import rules

from .roles import roles_of


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return roles_of(user).coordinator


@rules.predicate
def is_steering_member(user: Any) -> bool:
    return roles_of(user).steering


@rules.predicate
def is_any_chair(user: Any) -> bool:
    return bool(roles_of(user).chair_region_ids)


@rules.predicate
def is_any_stakeholder(user: Any) -> bool:
    return bool(roles_of(user).stakeholder_organisation_ids)


@rules.predicate
def has_management_role(user: Any) -> bool:
    return roles_of(user).any_management


@rules.predicate
def is_member(user: Any) -> bool:
    """Signed in with an active account (every member of the platform)."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def chairs_region_id(user: Any, region_id: int | None) -> bool:
    """The user chairs the region with this id (None: no region, so no)."""
    return region_id is not None and region_id in roles_of(user).chair_region_ids


def represents_organisation_id(user: Any, organisation_id: int | None) -> bool:
    """The user represents the organisation with this id as a stakeholder."""
    return (
        organisation_id is not None
        and organisation_id in roles_of(user).stakeholder_organisation_ids
    )
