"""Who may do what with the action plan. Deny by default: what is not declared is refused.

- coordinators run the whole plan;
- steering-group members (and coordinators) decide on regional proposals;
- chairs propose actions for their region and post progress for actions their region carries;
- stakeholder representatives post progress for actions and spearheads their organisation
  carries (lead or partner).

Carrier look-ups use prefetched relations when a view prefetched them, else one query,
cached on the object."""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.roles import roles_of
from sterk.core.rules import (
    chairs_region_id,
    has_management_role,
    is_any_chair,
    is_any_stakeholder,
    is_coordinator,
    is_steering_member,
)

from .models import (
    Action,
    ActionProposal,
    Initiative,
    Spearhead,
    SpearheadActivity,
)

_CARRIERS_ATTR = "_actionplan_carriers"


def _ids(manager: Any) -> set[int]:
    instance = manager.instance
    cache = getattr(instance, "_prefetched_objects_cache", {})
    if manager.prefetch_cache_name in cache:
        return {obj.pk for obj in cache[manager.prefetch_cache_name]}
    return set(manager.values_list("pk", flat=True))


def carriers_of(obj: Any) -> tuple[frozenset[int], frozenset[int]]:
    """(region ids, organisation ids) that carry an action, initiative, spearhead or
    spearhead activity."""
    cached = getattr(obj, _CARRIERS_ATTR, None)
    if cached is not None:
        return cached
    regions: set[int] = set()
    organisations: set[int] = set()
    if isinstance(obj, Initiative):
        regions, organisations = (set(s) for s in carriers_of(obj.action))
    elif isinstance(obj, Action):
        regions = _ids(obj.carrier_regions)
        organisations = _ids(obj.carrier_organisations)
    elif isinstance(obj, SpearheadActivity):
        _regions, spearhead_orgs = carriers_of(obj.spearhead)
        organisations = set(spearhead_orgs) | _ids(obj.partners)
    elif isinstance(obj, Spearhead):
        organisations = _ids(obj.partners)
        if obj.lead_organisation_id:
            organisations.add(obj.lead_organisation_id)
    result = (frozenset(regions), frozenset(organisations))
    setattr(obj, _CARRIERS_ATTR, result)
    return result


def forget_carriers(obj: Any) -> None:
    if hasattr(obj, _CARRIERS_ATTR):
        delattr(obj, _CARRIERS_ATTR)


@rules.predicate
def chairs_carrier_region(user: Any, obj: Any) -> bool:
    if obj is None or isinstance(obj, (Spearhead, SpearheadActivity)):
        return False
    regions, _organisations = carriers_of(obj)
    return bool(regions & roles_of(user).chair_region_ids)


@rules.predicate
def represents_carrier_organisation(user: Any, obj: Any) -> bool:
    if obj is None:
        return False
    _regions, organisations = carriers_of(obj)
    return bool(organisations & roles_of(user).stakeholder_organisation_ids)


@rules.predicate
def chairs_region(user: Any, obj: Any) -> bool:
    """obj: a Region, or an object with a region (a proposal)."""
    if obj is None:
        return False
    region_id = obj.region_id if isinstance(obj, ActionProposal) else getattr(obj, "pk", None)
    return chairs_region_id(user, region_id)


@rules.predicate
def proposal_is_open(user: Any, obj: Any) -> bool:
    return isinstance(obj, ActionProposal) and obj.is_open


can_post_progress = is_coordinator | chairs_carrier_region | represents_carrier_organisation
can_decide = is_coordinator | is_steering_member

rules.add_perm("actionplan.access_management", has_management_role)
rules.add_perm("actionplan.manage_plan", is_coordinator)
rules.add_perm("actionplan.post_progress", can_post_progress)
rules.add_perm("actionplan.view_progress_area", is_coordinator | is_any_chair | is_any_stakeholder)
rules.add_perm("actionplan.delete_progress", is_coordinator)
# The dashboard lists the actions and activities this person carries (a chair's region, a
# stakeholder's organisation: `selectors.actions_postable_by`/`activities_postable_by`); a
# coordinator may post on every action and is sent to the full progress list instead.
rules.add_perm("actionplan.list_own_work", ~is_coordinator & (is_any_chair | is_any_stakeholder))
rules.add_perm("actionplan.view_proposals", is_coordinator | is_steering_member | is_any_chair)
rules.add_perm("actionplan.view_proposal", can_decide | chairs_region)
# Without an object: may this person propose for some region at all?
rules.add_perm("actionplan.propose_action", is_any_chair | is_coordinator)
rules.add_perm("actionplan.propose_action_for_region", chairs_region | is_coordinator)
rules.add_perm("actionplan.change_proposal", (chairs_region | is_coordinator) & proposal_is_open)
rules.add_perm("actionplan.decide_proposal", can_decide & proposal_is_open)
