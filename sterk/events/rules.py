"""Who may do what with events. Deny by default: what is not declared is refused.

- coordinators manage every event (regional, platform, partner) and the series;
- chairs manage the events of their own regions (create, edit, publish, cancel, report,
  registrants, check-in, messages); a chair of another region gets 403;
- the stakeholder-meeting cadence is the coordinators' watch.

Object permissions take an Event, a Region, or None (may this person manage some event)."""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.rules import chairs_region_id, is_any_chair, is_coordinator


def _region_id(obj: Any) -> int | None:
    from sterk.network.models import Region

    from .models import Event

    if isinstance(obj, Region):
        return obj.pk
    if isinstance(obj, Event):
        return obj.region_id
    return getattr(obj, "region_id", None)


@rules.predicate
def chairs_region_of(user: Any, obj: Any) -> bool:
    if obj is None:
        return False
    return chairs_region_id(user, _region_id(obj))


can_manage_event = is_coordinator | chairs_region_of

rules.add_perm("events.access_management", is_coordinator | is_any_chair)
rules.add_perm("events.add_event", is_coordinator | is_any_chair)
rules.add_perm("events.add_event_for", can_manage_event)  # obj: a Region (or None: platform)
rules.add_perm("events.manage_event", can_manage_event)
rules.add_perm("events.manage_series", is_coordinator)
rules.add_perm("events.view_cadence", is_coordinator)
