"""Who may do what with events. Deny by default: what is not declared is refused.

- coordinators manage every event (regional, platform, partner) and the series;
- chairs manage the events of their own regions (create, edit, publish, cancel, report,
  registrants, check-in, messages); a chair of another region gets 403;
- the stakeholder-meeting cadence is the coordinators' watch.

Object permissions take an Event, a Region, or None (may this person manage some event)."""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.roles import roles_of


def _region_id(obj: Any) -> int | None:
    from sterk.network.models import Region

    from .models import Event

    if isinstance(obj, Region):
        return obj.pk
    if isinstance(obj, Event):
        return obj.region_id
    return getattr(obj, "region_id", None)


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return roles_of(user).coordinator


@rules.predicate
def is_any_chair(user: Any) -> bool:
    return bool(roles_of(user).chair_region_ids)


@rules.predicate
def chairs_region_of(user: Any, obj: Any) -> bool:
    if obj is None:
        return False
    region_id = _region_id(obj)
    return region_id is not None and region_id in roles_of(user).chair_region_ids


can_manage_event = is_coordinator | chairs_region_of

rules.add_perm("events.access_management", is_coordinator | is_any_chair)
rules.add_perm("events.add_event", is_coordinator | is_any_chair)
rules.add_perm("events.add_event_for", can_manage_event)  # obj: a Region (or None: platform)
rules.add_perm("events.manage_event", can_manage_event)
rules.add_perm("events.manage_series", is_coordinator)
rules.add_perm("events.view_cadence", is_coordinator)
