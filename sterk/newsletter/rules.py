"""Who may do what with the newsletter. Deny by default.

- coordinators compose and send editions to every subscriber (any segment), see the
  subscriber list and each subscriber's history;
- a regional chair composes and sends editions of their own region, which go only to the
  subscribers who chose that region; they see the number of recipients, not the list.
"""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.rules import chairs_region_id, is_any_chair, is_coordinator

from .models import Edition


@rules.predicate
def chairs_edition_region(user: Any, edition: Any) -> bool:
    return isinstance(edition, Edition) and chairs_region_id(user, edition.region_id)


@rules.predicate
def chairs_region(user: Any, region: Any) -> bool:
    """obj: the Region an edition is written for (None: the whole platform)."""
    return region is not None and chairs_region_id(user, region.pk)


can_manage_edition = is_coordinator | chairs_edition_region

rules.add_perm("newsletter.view_editions", is_coordinator | is_any_chair)
rules.add_perm("newsletter.add_edition_for", is_coordinator | chairs_region)
rules.add_perm("newsletter.change_edition", can_manage_edition)
rules.add_perm("newsletter.send_edition", can_manage_edition)
rules.add_perm("newsletter.view_recipient_list", is_coordinator)
rules.add_perm("newsletter.view_subscribers", is_coordinator)
