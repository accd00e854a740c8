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
from sterk.core.rules import chairs_region_id, is_any_chair, is_coordinator
from sterk.network.models import Region

from .models import Event, EventStatus, Visibility


def _region_id(obj: Any) -> int | None:
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


@rules.predicate
def event_is_listed(user: Any, event: Any) -> bool:
    """Published, cancelled or held: not a draft."""
    return isinstance(event, Event) and event.status != EventStatus.DRAFT


@rules.predicate
def visibility_admits(user: Any, event: Any) -> bool:
    """Public events for everyone; members' events when signed in; invited-role events for
    holders of one of those roles; every event for a coordinator; the events of their own
    regions for a chair. The queryset twin is `Event.objects.visible_to`."""
    if not isinstance(event, Event):
        return False
    if event.visibility == Visibility.PUBLIC:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    roles = roles_of(user)
    if roles.coordinator or event.visibility == Visibility.MEMBERS:
        return True
    held = {
        "steering": roles.steering,
        "chair": bool(roles.chair_region_ids),
        "stakeholder": bool(roles.stakeholder_organisation_ids),
    }
    if event.visibility == Visibility.ROLES and any(
        held.get(role) for role in event.invited_roles or []
    ):
        return True
    return chairs_region_id(user, event.region_id)


can_manage_event = is_coordinator | chairs_region_of
# In the agenda and the series pages (scoping: `Event.objects.visible_to`).
can_see_listed_event = event_is_listed & visibility_admits

rules.add_perm("events.access_management", is_coordinator | is_any_chair)
rules.add_perm("events.add_event", is_coordinator | is_any_chair)
# obj: a Region, or None for an event without a region (platform, partner): then only a
# coordinator (chairs_region_of(None) is False).
rules.add_perm("events.add_event_for", can_manage_event)
rules.add_perm("events.manage_event", can_manage_event)
rules.add_perm("events.manage_series", is_coordinator)
rules.add_perm("events.view_listed_event", can_see_listed_event)
# The event's own page: what the agenda shows, and drafts for the people who manage them.
# The listed check first: it needs no roles, so a public event's page and form answer
# without loading who manages what.
rules.add_perm("events.view_event", can_see_listed_event | can_manage_event)
rules.add_perm("events.view_cadence", is_coordinator)
