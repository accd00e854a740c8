"""Who may do what in the network. Deny by default: a permission not declared here is refused.

Object permissions take a Region (or an object with a region) as the object."""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.rules import chairs_region_id, has_management_role, is_any_chair, is_coordinator


def _region_id(obj: Any) -> int | None:
    if obj is None:
        return None
    from .models import Region

    if isinstance(obj, Region):
        return obj.pk
    return getattr(obj, "region_id", None)


@rules.predicate
def is_chair_of_region(user: Any, obj: Any) -> bool:
    return chairs_region_id(user, _region_id(obj))


can_manage_region = is_coordinator | is_chair_of_region

rules.add_perm("network.access_management", has_management_role)
rules.add_perm("network.view_region_members", can_manage_region)
rules.add_perm("network.export_region_members", can_manage_region)
rules.add_perm("network.import_region_members", can_manage_region)
rules.add_perm("network.change_region", can_manage_region)
rules.add_perm("network.handle_contact_request", can_manage_region)
rules.add_perm("network.view_all_contact_requests", is_coordinator)
rules.add_perm("network.manage_organisations", is_coordinator)
rules.add_perm("network.manage_roles", is_coordinator)
rules.add_perm("network.add_region", is_coordinator)
rules.add_perm("core.view_audit_trail", is_coordinator)

# --- management area (appended) --------------------------------------------------------

# The contact inbox: chairs (their regions' requests) and coordinators (everything).
rules.add_perm("network.view_contact_inbox", is_coordinator | is_any_chair)
# Regional priorities and sub-regions are part of the region's own page.
rules.add_perm("network.change_region_priorities", can_manage_region)
rules.add_perm("network.change_region_subregions", can_manage_region)
