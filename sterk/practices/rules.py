"""Who may do what with practices and calls. Deny by default: what is not declared here is
refused.

- coordinators moderate every practice and run every call;
- a regional chair moderates the practices of their region;
- a stakeholder representative runs the calls of their organisation and moderates what
  was sent to them (a call's owner moderates its submissions);
- the submitter edits their own practice while it is a draft or changes were asked.
"""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.rules import (
    chairs_region_id,
    is_any_chair,
    is_any_stakeholder,
    is_coordinator,
    is_member,
    represents_organisation_id,
)

from .models import MODERATOR_VISIBLE, Call, Practice, Status


@rules.predicate
def chairs_practice_region(user: Any, practice: Any) -> bool:
    return isinstance(practice, Practice) and chairs_region_id(user, practice.region_id)


@rules.predicate
def owns_practice_call(user: Any, practice: Any) -> bool:
    if not isinstance(practice, Practice) or practice.call is None:
        return False
    return represents_organisation_id(user, practice.call.owner_id)


@rules.predicate
def represents_call_owner(user: Any, call: Any) -> bool:
    return isinstance(call, Call) and represents_organisation_id(user, call.owner_id)


@rules.predicate
def represents_organisation(user: Any, organisation: Any) -> bool:
    """obj: an Organisation (the owner a call is started or moved to)."""
    return organisation is not None and represents_organisation_id(user, organisation.pk)


@rules.predicate
def visible_to_moderators(user: Any, practice: Any) -> bool:
    return isinstance(practice, Practice) and practice.status in MODERATOR_VISIBLE


@rules.predicate
def is_submitter(user: Any, practice: Any) -> bool:
    return (
        isinstance(practice, Practice)
        and getattr(user, "is_authenticated", False)
        and practice.submitted_by_id == user.pk
    )


@rules.predicate
def editable_by_submitter(user: Any, practice: Any) -> bool:
    return isinstance(practice, Practice) and practice.status in (
        Status.DRAFT,
        Status.CHANGES_REQUESTED,
    )


can_moderate = visible_to_moderators & (
    is_coordinator | chairs_practice_region | owns_practice_call
)
can_run_call = is_coordinator | represents_call_owner

rules.add_perm("practices.view_queue", is_coordinator | is_any_chair | is_any_stakeholder)
rules.add_perm("practices.moderate_practice", can_moderate)
rules.add_perm("practices.view_calls", is_coordinator | is_any_stakeholder)
# Without an object: may this person start a call at all (for one of their organisations)?
rules.add_perm("practices.add_call", is_coordinator | is_any_stakeholder)
# obj: an Organisation. May this person run a call owned by it (the owner chosen on the
# call's form)?
rules.add_perm("practices.add_call_for", is_coordinator | represents_organisation)
rules.add_perm("practices.change_call", can_run_call)
rules.add_perm("practices.view_call_submissions", can_run_call)
rules.add_perm("practices.export_call_submissions", can_run_call)
rules.add_perm("practices.submit_practice", is_member)
# obj: a Practice. Moving it out of every region takes it out of the regional chairs'
# reach; only a coordinator may leave the region empty.
rules.add_perm("practices.clear_practice_region", is_coordinator)
rules.add_perm("practices.edit_own_practice", is_submitter & editable_by_submitter)
rules.add_perm("practices.view_own_practice", is_submitter)
