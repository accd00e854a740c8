"""Reads of the survey area."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from sterk.core.roles import roles_of

from .models import Audience, Participation, Question, Survey, SurveyStatus


def surveys_managed_by(user: Any) -> QuerySet[Survey]:
    """The rows `surveys.change_survey` allows (test_scoping checks they agree)."""
    roles = roles_of(user)
    qs = Survey.objects.select_related("region", "organisation", "spearhead")
    if roles.coordinator:
        return qs
    return qs.filter(
        Q(region_id__in=roles.chair_region_ids)
        | Q(organisation_id__in=roles.stakeholder_organisation_ids)
    )


def survey_list_rows(user: Any) -> QuerySet[Survey]:
    return surveys_managed_by(user).annotate(
        n_questions=Count("questions", distinct=True),
        n_responses=Count("responses", filter=Q(responses__status="submitted"), distinct=True),
    )


def member_region_ids(user: Any) -> set[int]:
    from django.apps import apps

    Membership = apps.get_model("network", "Membership")
    return set(Membership.objects.filter(user=user).values_list("region_id", flat=True))


def may_answer(survey: Survey, user: Any) -> bool:
    """Whether this visitor or member is in the survey's audience."""
    if survey.audience == Audience.PUBLIC:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if survey.audience == Audience.MEMBERS:
        return True
    if survey.audience == Audience.REGIONS:
        wanted = {r.pk for r in survey.audience_regions.all()}
        return bool(wanted & member_region_ids(user))
    roles = roles_of(user)
    held = {
        "coordinator": roles.coordinator,
        "steering": roles.steering,
        "chair": bool(roles.chair_region_ids),
        "stakeholder": bool(roles.stakeholder_organisation_ids),
    }
    return any(held.get(role) for role in survey.audience_roles)


def surveys_with_public_outcome() -> QuerySet[Survey]:
    """Surveys whose results or follow-up page is public, newest first: what professionals
    said and what came of it, for the survey list."""
    return (
        Survey.objects.filter(
            Q(results_published_at__isnull=False) | Q(followup_published_at__isnull=False)
        )
        .select_related("region", "organisation", "spearhead")
        .order_by("-closes_at", "-pk")
    )


def surveys_with_public_results() -> QuerySet[Survey]:
    """Surveys whose results page is public (the page, its PDF and the API read this)."""
    return Survey.objects.filter(results_published_at__isnull=False).select_related(
        "region", "organisation", "spearhead"
    )


def surveys_with_public_followup() -> QuerySet[Survey]:
    """Surveys whose follow-up page ("you said, we did") is public."""
    return Survey.objects.filter(followup_published_at__isnull=False).select_related(
        "region", "organisation", "spearhead"
    )


def open_surveys_for(user: Any) -> list[Survey]:
    """The open surveys this person may answer (a handful: filtered in Python after one
    query with the regions prefetched)."""
    now = timezone.now()
    surveys = (
        Survey.objects.filter(status=SurveyStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now)
        .select_related("region", "organisation", "spearhead")
        .prefetch_related("audience_regions")
        .order_by("closes_at", "pk")
    )
    regions = member_region_ids(user) if getattr(user, "is_authenticated", False) else set()
    roles = roles_of(user)
    result = []
    for survey in surveys:
        if survey.audience == Audience.PUBLIC:
            result.append(survey)
        elif not getattr(user, "is_authenticated", False):
            continue
        elif survey.audience == Audience.MEMBERS:
            result.append(survey)
        elif survey.audience == Audience.REGIONS:
            if {r.pk for r in survey.audience_regions.all()} & regions:
                result.append(survey)
        else:
            held = {
                "coordinator": roles.coordinator,
                "steering": roles.steering,
                "chair": bool(roles.chair_region_ids),
                "stakeholder": bool(roles.stakeholder_organisation_ids),
            }
            if any(held.get(r) for r in survey.audience_roles):
                result.append(survey)
    return result


def answered_survey_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Participation.objects.filter(user=user, submitted=True).values_list("survey_id", flat=True)
    )


def builder_sections(survey: Survey) -> list[Any]:
    """The sections with their questions and options (three queries)."""
    return list(
        survey.sections.prefetch_related(
            "questions__options", "questions__condition_question", "questions__condition_option"
        )
    )


def survey_questions(survey: Survey) -> list[Question]:
    return list(
        Question.objects.filter(survey=survey)
        .select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "section_id", "position", "pk")
    )


def question_visible(question: Question, values: dict[str, Any]) -> bool:
    """A question with a condition shows only if the earlier answer includes the option."""
    if not question.condition_question_id or not question.condition_option_id:
        return True
    given = values.get(f"q{question.condition_question_id}")
    if given is None:
        return False
    if isinstance(given, list):
        return str(question.condition_option_id) in [str(v) for v in given]
    return str(given) == str(question.condition_option_id)


def findings_of(survey: Survey) -> list[Any]:
    """The findings with their questions, quotes and action points (and what those link
    to) in a fixed number of queries."""
    from .models import Finding

    return list(
        Finding.objects.filter(survey=survey).prefetch_related(
            "questions",
            "quotes",
            "points__action",
            "points__proposal__action",
            "points__event",
            "points__call",
        )
    )


def published_findings() -> QuerySet[Any]:
    """Findings whose survey's follow-up page is public ("jullie zeiden, wij deden"), for
    the pages of other areas that cite them (the dialogue with policy)."""
    from .models import Finding

    return Finding.objects.filter(survey__followup_published_at__isnull=False).select_related(
        "survey"
    )


def findings_for_action(action: Any) -> list[Any]:
    """The published findings an action of the action plan answers (through an action
    point linked to it, or to the proposal it came from). For the action's page."""
    from .models import Finding

    return list(
        Finding.objects.filter(
            Q(points__action=action) | Q(points__proposal__action=action),
            survey__followup_published_at__isnull=False,
        )
        .select_related("survey")
        .distinct()
        .order_by("survey__opens_at", "position", "pk")
    )
