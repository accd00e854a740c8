"""Who may do what with the network's governance. Deny by default.

- coordinators run it all: the register, the meetings, the policy record;
- steering-group members see the register, every meeting and the course watch;
- a stakeholder representative sees only their own organisation's register entry (and
  keeps its communication channels up to date) and only the meetings they were invited to.

The matching scoping selectors (`selectors.register_entries_for`,
`selectors.meetings_visible_to`) sit beside these; `tests/test_scoping.py` checks they agree.
"""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.roles import roles_of
from sterk.core.rules import (
    is_any_stakeholder,
    is_coordinator,
    is_steering_member,
    represents_organisation_id,
)

from .models import Meeting


@rules.predicate
def represents_the_organisation(user: Any, organisation: Any) -> bool:
    return organisation is not None and represents_organisation_id(
        user, getattr(organisation, "pk", None)
    )


@rules.predicate
def is_stakeholder_organisation(user: Any, organisation: Any) -> bool:
    return bool(organisation is not None and getattr(organisation, "is_stakeholder", False))


@rules.predicate
def was_invited(user: Any, meeting: Any) -> bool:
    if not isinstance(meeting, Meeting) or not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(meeting, "_prefetched_objects_cache", {})
    if "invitations" in cache:
        return any(i.user_id == user.pk for i in cache["invitations"])
    return meeting.invitations.filter(user=user).exists()


@rules.predicate
def has_governance_role(user: Any) -> bool:
    roles = roles_of(user)
    return bool(roles.coordinator or roles.steering or roles.stakeholder_organisation_ids)


# The register: the list (scoped: a representative sees their own entry only) and an entry.
rules.add_perm("governance.view_register", has_governance_role)
rules.add_perm(
    "governance.view_register_entry",
    is_stakeholder_organisation
    & (is_coordinator | is_steering_member | represents_the_organisation),
)
rules.add_perm(
    "governance.change_register_entry",
    is_stakeholder_organisation & (is_coordinator | represents_the_organisation),
)
# Who has been inactive for a year: the coordinator's watch.
rules.add_perm("governance.view_inactive", is_coordinator)

# Meetings.
rules.add_perm("governance.view_meetings", has_governance_role)
rules.add_perm("governance.view_meeting", is_coordinator | is_steering_member | was_invited)
rules.add_perm("governance.manage_meetings", is_coordinator)

# The course watch of the steering group.
rules.add_perm("governance.view_course", is_coordinator | is_steering_member)

# The dialogue with policy.
rules.add_perm("governance.manage_policy", is_coordinator)

# The dashboard panel.
rules.add_perm("governance.view_panel", is_coordinator | is_steering_member | is_any_stakeholder)
