"""Who may do what with surveys. Deny by default.

- coordinators manage every survey (and are the only ones for the platform's own);
- a regional chair manages the surveys of their region;
- a stakeholder representative manages the surveys of their organisation.
"""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.rules import (
    chairs_region_id,
    is_any_chair,
    is_any_stakeholder,
    is_coordinator,
    represents_organisation_id,
)

from .models import Survey


@rules.predicate
def chairs_survey_region(user: Any, survey: Any) -> bool:
    return isinstance(survey, Survey) and chairs_region_id(user, survey.region_id)


@rules.predicate
def represents_survey_organisation(user: Any, survey: Any) -> bool:
    return isinstance(survey, Survey) and represents_organisation_id(user, survey.organisation_id)


can_manage_survey = is_coordinator | chairs_survey_region | represents_survey_organisation

rules.add_perm("surveys.view_surveys", is_coordinator | is_any_chair | is_any_stakeholder)
rules.add_perm("surveys.add_survey", is_coordinator | is_any_chair | is_any_stakeholder)
rules.add_perm("surveys.change_survey", can_manage_survey)
rules.add_perm("surveys.view_results", can_manage_survey)
