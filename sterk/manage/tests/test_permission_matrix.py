"""The permission matrix of the whole management area: every /beheer/ URL x every role.

Deny by default: the URLs are read from `django.urls.get_resolver()`, so a URL added under
/beheer/ (by any app) without a row in MATRIX fails `test_every_management_url_has_a_row`
with its name. Each row says who may use the URL; every other role is refused.

The roles (columns, `ROLES` in sterk.network.tests.factories): anonymous, a member, the chair
of the objects' region (Antwerpen), the chair of another region (Limburg), the stakeholder
representative of the objects' organisation (Socius), the representative of another
organisation, a steering-group member and a coordinator. Everyone who needs TOTP in the
management area has it (the requirement itself is tested in sterk/network and sterk/core).

Every request runs inside a transaction that is rolled back, so one set of objects serves
every cell: a POST that deletes, approves or revokes leaves the next request the same world.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern

from sterk.actionplan.models import ActionProposal, EvaluationConclusion, FirstPriority
from sterk.actionplan.tests.factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    EvaluationFactory,
    InitiativeFactory,
    ProgressUpdateFactory,
    SpearheadFactory,
)
from sterk.core.models import AuditEntry
from sterk.events.models import Registration, Series
from sterk.events.tests.factories import EventFactory, QuestionFactory, SessionFactory
from sterk.network.models import Role
from sterk.network.tests.factories import (
    ROLES,
    ContactRequestFactory,
    OrganisationFactory,
    RegionFactory,
    RegionPriorityFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    people_of_every_role,
)
from sterk.news.tests.factories import PostFactory
from sterk.practices.tests.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db

PREFIX = "beheer/"

# Outcomes of a request.
LOGIN = "302 to the login page"
REDIRECT = "302 elsewhere"
ALLOWED = "allowed"  # a POST someone may make: anything but 403/404/405 or the login page

# Who may use a URL.
MANAGERS = frozenset(ROLES) - {"anonymous", "member"}
COORDINATOR = frozenset({"coordinator"})
REGION = frozenset({"chair", "coordinator"})  # the chair of the object's region
CHAIRS = frozenset({"chair", "other_chair", "coordinator"})  # any chair
STAKEHOLDERS = frozenset({"stakeholder", "other_stakeholder", "coordinator"})
ORGANISATION = frozenset({"stakeholder", "coordinator"})  # the object's organisation
DECIDERS = frozenset({"steering", "coordinator"})
# Governance: every representative, the steering group and the coordinators see the
# register and meeting lists (scoped); an entry or a meeting: its own representative.
GOVERNANCE = frozenset({"stakeholder", "other_stakeholder", "steering", "coordinator"})
GOV_ENTRY = frozenset({"stakeholder", "steering", "coordinator"})


@dataclass(frozen=True)
class Row:
    """One URL name (and, for a URL whose kwargs change who may use it, one variant)."""

    name: str  # "namespace:url_name"
    who: frozenset[str]  # the roles that may use it; every other role is refused
    kwargs: dict[str, str] = field(default_factory=dict)  # URL kwarg -> key in the world
    get: int | str = 200  # what an allowed GET answers (405: a POST-only action)
    refused: int = 403  # what a refused manager gets (a member always gets 403)
    post: bool = True  # also POST an empty form
    data: dict[str, str] = field(default_factory=dict)  # or this form (values: world keys)
    region_bound: bool = False  # the object belongs to Antwerpen
    variant: str = ""
    # (role, method) -> outcome, where the general rule above does not hold
    exceptions: dict[tuple[str, str], int | str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.name}[{self.variant}]" if self.variant else self.name


def _managers_get(code: int | str) -> dict[tuple[str, str], int | str]:
    """A POST-only view whose method check comes before its permission check."""
    return {(role, "GET"): code for role in MANAGERS}


SLUG = {"slug": "region_slug"}
EVENT = {"pk": "event"}
SURVEY = {"pk": "survey"}
SURVEY_SECTION = {"pk": "survey", "spk": "survey_section"}
SURVEY_QUESTION = {"pk": "survey", "qpk": "survey_question"}
SURVEY_FINDING = {"pk": "survey", "fpk": "survey_finding"}
SURVEY_POINT = {"pk": "survey", "ppk": "survey_point"}

MATRIX: list[Row] = [
    # --- network: the shell, a region, the inbox, organisations, roles, audit trail ---
    Row("manage:dashboard", MANAGERS, post=False),
    Row("manage:region_edit", REGION, SLUG, region_bound=True),
    Row("manage:priority_list", REGION, SLUG, post=False, region_bound=True),
    Row("manage:priority_create", REGION, SLUG, region_bound=True),
    Row("manage:priority_edit", REGION, {**SLUG, "pk": "region_priority"}, region_bound=True),
    Row("manage:priority_delete", REGION, {**SLUG, "pk": "region_priority"}, region_bound=True),
    Row("manage:subregion_list", REGION, SLUG, post=False, region_bound=True),
    Row("manage:subregion_create", REGION, SLUG, region_bound=True),
    Row("manage:subregion_edit", REGION, {**SLUG, "pk": "subregion"}, region_bound=True),
    Row("manage:subregion_delete", REGION, {**SLUG, "pk": "subregion"}, region_bound=True),
    Row("manage:member_list", REGION, SLUG, post=False, region_bound=True),
    Row("manage:member_export_csv", REGION, SLUG, post=False, region_bound=True),
    Row("manage:member_export_xlsx", REGION, SLUG, post=False, region_bound=True),
    Row("manage:member_import", REGION, SLUG, region_bound=True),
    Row(
        "manage:member_import_preview",
        REGION,
        {**SLUG, "token": "import_token"},
        get=REDIRECT,
        region_bound=True,
    ),
    Row("manage:contact_inbox", CHAIRS, post=False),
    Row("manage:contact_detail", REGION, {"pk": "contact"}, region_bound=True),
    Row("manage:organisation_list", COORDINATOR, post=False),
    Row("manage:organisation_create", COORDINATOR),
    Row("manage:organisation_edit", COORDINATOR, {"pk": "organisation"}),
    Row(
        "manage:organisation_approve",
        COORDINATOR,
        {"pk": "organisation"},
        get=405,
    ),
    Row("manage:role_list", COORDINATOR, post=False),
    Row("manage:role_assign", COORDINATOR),
    Row("manage:role_revoke", COORDINATOR, {"pk": "assignment"}),
    Row("manage:audit_trail", COORDINATOR, post=False),
    # --- the action plan ---
    Row("actionplan_manage:dashboard", MANAGERS, post=False),
    Row("actionplan_manage:plan_list", COORDINATOR, post=False),
    Row("actionplan_manage:plan_create", COORDINATOR),
    Row("actionplan_manage:plan_edit", COORDINATOR, {"pk": "plan"}),
    Row("actionplan_manage:challenge_list", COORDINATOR, post=False),
    Row("actionplan_manage:challenge_create", COORDINATOR),
    Row("actionplan_manage:challenge_edit", COORDINATOR, {"pk": "challenge"}),
    Row("actionplan_manage:action_list", COORDINATOR, post=False),
    Row("actionplan_manage:action_create", COORDINATOR),
    Row("actionplan_manage:action_edit", COORDINATOR, {"pk": "action"}),
    Row("actionplan_manage:action_delete", COORDINATOR, {"pk": "action"}),
    Row("actionplan_manage:initiative_create", COORDINATOR, {"action_pk": "action"}),
    Row("actionplan_manage:initiative_edit", COORDINATOR, {"pk": "initiative"}),
    Row("actionplan_manage:initiative_delete", COORDINATOR, {"pk": "initiative"}),
    Row("actionplan_manage:spearhead_list", COORDINATOR, post=False),
    Row("actionplan_manage:spearhead_create", COORDINATOR),
    Row("actionplan_manage:spearhead_edit", COORDINATOR, {"pk": "spearhead"}),
    Row("actionplan_manage:activity_create", COORDINATOR, {"spearhead_pk": "spearhead"}),
    Row("actionplan_manage:activity_edit", COORDINATOR, {"pk": "activity"}),
    Row("actionplan_manage:priority_list", COORDINATOR, post=False),
    Row("actionplan_manage:priority_create", COORDINATOR),
    Row("actionplan_manage:priority_edit", COORDINATOR, {"pk": "first_priority"}),
    Row("actionplan_manage:priority_delete", COORDINATOR, {"pk": "first_priority"}),
    Row("actionplan_manage:evaluation_list", COORDINATOR, post=False),
    Row("actionplan_manage:evaluation_create", COORDINATOR),
    Row("actionplan_manage:evaluation_edit", COORDINATOR, {"pk": "evaluation"}),
    Row(
        "actionplan_manage:evaluation_snapshot",
        COORDINATOR,
        {"pk": "evaluation"},
        get=405,
        exceptions=_managers_get(405),
    ),
    Row("actionplan_manage:conclusion_create", COORDINATOR, {"evaluation_pk": "evaluation"}),
    Row("actionplan_manage:conclusion_edit", COORDINATOR, {"pk": "conclusion"}),
    Row("actionplan_manage:conclusion_delete", COORDINATOR, {"pk": "conclusion"}),
    Row(
        "actionplan_manage:progress_list",
        frozenset({"chair", "other_chair", "stakeholder", "other_stakeholder", "coordinator"}),
        post=False,
    ),
    Row("actionplan_manage:progress_spearhead", ORGANISATION, {"pk": "spearhead"}, post=False),
    # The action is carried by Antwerpen and Socius; the spearhead is led by Socius.
    Row(
        "actionplan_manage:progress_post",
        REGION | ORGANISATION,
        {"kind": "=actie", "pk": "action"},
        region_bound=True,
        variant="actie",
    ),
    Row(
        "actionplan_manage:progress_post",
        REGION | ORGANISATION,
        {"kind": "=initiatief", "pk": "initiative"},
        region_bound=True,
        variant="initiatief",
    ),
    Row(
        "actionplan_manage:progress_post",
        ORGANISATION,
        {"kind": "=activiteit", "pk": "activity"},
        variant="activiteit",
    ),
    Row("actionplan_manage:progress_delete", COORDINATOR, {"pk": "progress_update"}),
    Row("actionplan_manage:proposal_list", CHAIRS | DECIDERS, post=False),
    Row("actionplan_manage:proposal_create", CHAIRS),
    # An open proposal of Antwerpen.
    Row(
        "actionplan_manage:proposal_detail",
        REGION | DECIDERS,
        {"pk": "proposal"},
        region_bound=True,
        exceptions={("chair", "POST"): 403},  # the chair reads it; the deciders decide
    ),
    Row("actionplan_manage:proposal_edit", REGION, {"pk": "proposal"}, region_bound=True),
    # --- the agenda (the event is Antwerpen's) ---
    Row("events_manage:event_list", CHAIRS, post=False),
    Row("events_manage:event_create", CHAIRS),
    Row("events_manage:series_list", COORDINATOR, post=False),
    Row("events_manage:series_create", COORDINATOR),
    Row("events_manage:series_edit", COORDINATOR, {"pk": "series"}),
    Row("events_manage:event_edit", REGION, EVENT, region_bound=True),
    Row("events_manage:event_publish", REGION, EVENT, get=405, region_bound=True),
    Row("events_manage:event_cancel", REGION, EVENT, region_bound=True),
    Row("events_manage:event_delete", REGION, EVENT, region_bound=True),
    Row("events_manage:event_report", REGION, EVENT, region_bound=True),
    Row("events_manage:question_list", REGION, EVENT, post=False, region_bound=True),
    Row("events_manage:question_create", REGION, EVENT, region_bound=True),
    Row("events_manage:question_edit", REGION, {**EVENT, "qpk": "question"}, region_bound=True),
    Row("events_manage:question_delete", REGION, {**EVENT, "qpk": "question"}, region_bound=True),
    Row("events_manage:session_list", REGION, EVENT, post=False, region_bound=True),
    Row("events_manage:session_create", REGION, EVENT, region_bound=True),
    Row("events_manage:session_edit", REGION, {**EVENT, "spk": "session"}, region_bound=True),
    Row("events_manage:session_delete", REGION, {**EVENT, "spk": "session"}, region_bound=True),
    Row("events_manage:registration_list", REGION, EVENT, post=False, region_bound=True),
    Row("events_manage:export_csv", REGION, EVENT, post=False, region_bound=True),
    Row("events_manage:export_xlsx", REGION, EVENT, post=False, region_bound=True),
    Row(
        "events_manage:registration_cancel",
        REGION,
        {**EVENT, "rpk": "registration"},
        region_bound=True,
    ),
    Row(
        "events_manage:check_in",
        REGION,
        EVENT,
        data={"registration": "registration", "present": "=1"},
        region_bound=True,
    ),
    Row("events_manage:message", REGION, EVENT, region_bound=True),
    # --- practices (the practice is Antwerpen's, sent in to Socius's call) ---
    Row("practices_manage:queue", REGION | STAKEHOLDERS | {"other_chair"}, post=False),
    Row(
        "practices_manage:practice_detail",
        REGION | ORGANISATION,
        {"pk": "practice"},
        region_bound=True,
    ),
    Row(
        "practices_manage:practice_edit",
        REGION | ORGANISATION,
        {"pk": "practice"},
        region_bound=True,
    ),
    Row("practices_manage:call_list", STAKEHOLDERS, post=False),
    Row("practices_manage:call_create", STAKEHOLDERS),
    Row("practices_manage:call_detail", ORGANISATION, {"pk": "call"}),
    Row("practices_manage:call_edit", ORGANISATION, {"pk": "call"}),
    Row(
        "practices_manage:call_export",
        ORGANISATION,
        {"pk": "call", "fmt": "=csv"},
        post=False,
        variant="csv",
    ),
    Row(
        "practices_manage:call_export",
        ORGANISATION,
        {"pk": "call", "fmt": "=xlsx"},
        post=False,
        variant="xlsx",
    ),
    # --- news (news_post: Antwerpen's draft; news_published: Antwerpen's published post;
    # news_socius_draft: platform news Socius's representative drafted) ---
    Row("news_manage:post_list", CHAIRS | STAKEHOLDERS, post=False),
    Row("news_manage:post_create", CHAIRS | STAKEHOLDERS),
    Row("news_manage:post_edit", REGION, {"pk": "news_post"}, region_bound=True),
    Row("news_manage:post_delete", REGION, {"pk": "news_post"}, region_bound=True),
    Row("news_manage:post_publish", REGION, {"pk": "news_post"}, get=405, region_bound=True),
    Row(
        "news_manage:post_unpublish",
        REGION,
        {"pk": "news_published"},
        get=405,
        region_bound=True,
    ),
    Row("news_manage:post_edit", ORGANISATION, {"pk": "news_socius_draft"}, variant="socius"),
    Row("news_manage:post_delete", ORGANISATION, {"pk": "news_socius_draft"}, variant="socius"),
    Row(
        "news_manage:post_publish",
        COORDINATOR,
        {"pk": "news_socius_draft"},
        get=405,
        variant="socius",
    ),
    # --- governance: the register (Socius's entry), a stakeholder meeting the Socius
    # representative was invited to (the other representative was not), the course watch
    # and the policy record ---
    Row("governance_manage:register", GOVERNANCE, post=False),
    Row("governance_manage:register_entry", GOV_ENTRY, {"pk": "gov_organisation"}, post=False),
    Row("governance_manage:channel_create", ORGANISATION, {"organisation_pk": "gov_organisation"}),
    Row("governance_manage:channel_edit", ORGANISATION, {"pk": "gov_channel"}),
    Row("governance_manage:channel_delete", ORGANISATION, {"pk": "gov_channel"}),
    Row("governance_manage:meeting_list", GOVERNANCE, post=False),
    Row("governance_manage:meeting_detail", GOV_ENTRY, {"pk": "gov_meeting"}, post=False),
    Row("governance_manage:meeting_create", COORDINATOR),
    Row("governance_manage:meeting_edit", COORDINATOR, {"pk": "gov_meeting"}),
    Row("governance_manage:meeting_delete", COORDINATOR, {"pk": "gov_meeting"}),
    Row("governance_manage:agenda_item_create", COORDINATOR, {"meeting_pk": "gov_meeting"}),
    Row("governance_manage:agenda_item_edit", COORDINATOR, {"pk": "gov_agenda_item"}),
    Row("governance_manage:agenda_item_delete", COORDINATOR, {"pk": "gov_agenda_item"}),
    *[
        Row(
            f"governance_manage:{name}",
            COORDINATOR,
            {"pk": "gov_meeting"},
            get=405,
            exceptions=_managers_get(405),
        )
        for name in (
            "meeting_invite",
            "meeting_send_invitations",
            "meeting_attendance",
            "meeting_minutes",
            "meeting_send_minutes",
            "meeting_approve_previous",
            "meeting_publish",
            "meeting_decision",
            "meeting_follow_up",
        )
    ],
    Row(
        "governance_manage:follow_up_close",
        COORDINATOR,
        {"pk": "gov_meeting", "follow_up_pk": "gov_follow_up"},
        get=405,
        exceptions=_managers_get(405),
    ),
    Row("governance_manage:course_watch", DECIDERS, post=False),
    Row("governance_manage:policy_list", COORDINATOR, post=False),
    Row("governance_manage:policy_create", COORDINATOR),
    Row("governance_manage:policy_edit", COORDINATOR, {"pk": "gov_policy"}),
    Row("governance_manage:policy_delete", COORDINATOR, {"pk": "gov_policy"}),
    Row("governance_manage:policy_document_create", COORDINATOR, {"policy_pk": "gov_policy"}),
    Row("governance_manage:policy_document_delete", COORDINATOR, {"pk": "gov_document"}),
    # --- newsletter (the edition is Antwerpen's; the list of recipients and the
    # subscribers are the coordinator's alone) ---
    Row("newsletter_manage:edition_list", CHAIRS, post=False),
    Row("newsletter_manage:edition_create", CHAIRS),
    Row("newsletter_manage:edition_detail", REGION, {"pk": "nl_edition"}, region_bound=True),
    Row(
        "newsletter_manage:edition_progress",
        REGION,
        {"pk": "nl_edition"},
        post=False,
        region_bound=True,
    ),
    Row("newsletter_manage:block_create", REGION, {"pk": "nl_edition"}, region_bound=True),
    Row(
        "newsletter_manage:block_edit",
        REGION,
        {"pk": "nl_edition", "bpk": "nl_block"},
        region_bound=True,
    ),
    *[
        Row(
            f"newsletter_manage:{name}",
            REGION,
            {"pk": "nl_edition", "bpk": "nl_block"},
            get=405,
            region_bound=True,
        )
        for name in ("block_delete", "block_move")
    ],
    *[
        Row(
            f"newsletter_manage:{name}",
            REGION,
            {"pk": "nl_edition", "language": "=fr"},
            post=False,
            region_bound=True,
        )
        for name in ("preview", "preview_mail")
    ],
    *[
        Row(
            f"newsletter_manage:{name}",
            REGION,
            {"pk": "nl_edition"},
            get=405,
            region_bound=True,
        )
        for name in ("test_send", "pause", "resume", "cancel")
    ],
    Row("newsletter_manage:send", REGION, {"pk": "nl_edition"}, region_bound=True),
    Row("newsletter_manage:recipients", COORDINATOR, {"pk": "nl_edition"}, post=False),
    Row("newsletter_manage:subscriber_list", COORDINATOR, post=False),
    Row(
        "newsletter_manage:subscriber_detail",
        COORDINATOR,
        {"pk": "nl_subscriber"},
        post=False,
    ),
    # --- surveys (the survey is Antwerpen's, with one section and one question) ---
    Row("surveys_manage:survey_list", CHAIRS | STAKEHOLDERS, post=False),
    Row("surveys_manage:survey_create", CHAIRS | STAKEHOLDERS),
    Row("surveys_manage:builder", REGION, SURVEY, post=False, region_bound=True),
    Row("surveys_manage:survey_edit", REGION, SURVEY, region_bound=True),
    Row(
        "surveys_manage:survey_status",
        REGION,
        SURVEY,
        get=405,
        region_bound=True,
    ),
    Row("surveys_manage:preview", REGION, SURVEY, post=False, region_bound=True),
    Row(
        "surveys_manage:preview_page",
        REGION,
        {**SURVEY, "n": "=1"},
        post=False,
        region_bound=True,
    ),
    Row("surveys_manage:section_create", REGION, SURVEY, region_bound=True),
    Row("surveys_manage:section_edit", REGION, SURVEY_SECTION, region_bound=True),
    Row("surveys_manage:section_delete", REGION, SURVEY_SECTION, region_bound=True),
    Row(
        "surveys_manage:section_move",
        REGION,
        SURVEY_SECTION,
        get=405,
        region_bound=True,
    ),
    Row("surveys_manage:question_create", REGION, SURVEY, region_bound=True),
    Row("surveys_manage:question_edit", REGION, SURVEY_QUESTION, region_bound=True),
    Row("surveys_manage:question_delete", REGION, SURVEY_QUESTION, region_bound=True),
    Row(
        "surveys_manage:question_move",
        REGION,
        SURVEY_QUESTION,
        get=405,
        region_bound=True,
    ),
    Row(
        "surveys_manage:question_duplicate",
        REGION,
        SURVEY_QUESTION,
        get=405,
        region_bound=True,
    ),
    Row("surveys_manage:results", REGION, SURVEY, post=False, region_bound=True),
    Row(
        "surveys_manage:texts", REGION, {**SURVEY, "qpk": "survey_text_question"}, region_bound=True
    ),
    Row("surveys_manage:results_publish", REGION, SURVEY, region_bound=True),
    *[
        Row(
            "surveys_manage:export",
            REGION,
            {**SURVEY, "fmt": f"={fmt}"},
            post=False,
            region_bound=True,
            variant=fmt,
        )
        for fmt in ("csv", "xlsx", "codeboek")
    ],
    Row("surveys_manage:followup", REGION, SURVEY, post=False, region_bound=True),
    Row("surveys_manage:followup_publish", REGION, SURVEY, get=405, region_bound=True),
    Row("surveys_manage:finding_create", REGION, SURVEY, region_bound=True),
    Row("surveys_manage:finding_edit", REGION, SURVEY_FINDING, region_bound=True),
    Row("surveys_manage:finding_delete", REGION, SURVEY_FINDING, region_bound=True),
    Row("surveys_manage:point_create", REGION, SURVEY_FINDING, region_bound=True),
    Row("surveys_manage:point_edit", REGION, SURVEY_POINT, region_bound=True),
    Row("surveys_manage:point_delete", REGION, SURVEY_POINT, region_bound=True),
    Row("surveys_manage:point_propose", REGION, SURVEY_POINT, region_bound=True),
    # --- open data: the coordinator's rebuild of the downloads (POST only) ---
    Row("api_manage:rebuild", COORDINATOR, get=405),
]


def management_url_names() -> list[str]:
    """Every URL name under /<lang>/beheer/, namespaced, from the live URL configuration."""

    def walk(patterns: list[Any], route: str, namespaces: tuple[str, ...]) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                part = (
                    "" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
                )
                inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
                yield from walk(pattern.url_patterns, route + part, inner)
            elif isinstance(pattern, URLPattern):
                full = route + str(pattern.pattern)
                if full.startswith(PREFIX):
                    yield ":".join((*namespaces, pattern.name or f"<unnamed {full}>"))

    return list(walk(get_resolver().url_patterns, "", ()))


@pytest.fixture
def world() -> dict[str, Any]:
    antwerpen = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    limburg = RegionFactory(slug="limburg", name_nl="Limburg")
    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    weliswaar = OrganisationFactory(name="Weliswaar", is_stakeholder=True)
    people = people_of_every_role(
        region=antwerpen, other_region=limburg, organisation=socius, other_organisation=weliswaar
    )
    action = ActionFactory(carrier_regions=[antwerpen], carrier_organisations=[socius])
    spearhead = SpearheadFactory(lead_organisation=socius)
    evaluation = EvaluationFactory()
    event = EventFactory(organiser="region", region=antwerpen)
    registrant = UserFactory()
    return {
        **people,
        "region_slug": antwerpen.slug,
        "region_priority": RegionPriorityFactory(region=antwerpen),
        "subregion": SubRegionFactory(region=antwerpen, slug="kempen", name_nl="Kempen"),
        "import_token": "not-a-pending-import",
        "contact": ContactRequestFactory(region=antwerpen),
        "organisation": OrganisationFactory(name="Voorgesteld", is_approved=False),
        "assignment": RoleAssignmentFactory(
            user=UserFactory(email="other.steering@example.org"), role=Role.STEERING
        ),
        "plan": action.challenge.plan,
        "challenge": action.challenge,
        "action": action,
        "initiative": InitiativeFactory(action=action),
        "spearhead": spearhead,
        "activity": ActivityFactory(spearhead=spearhead),
        "first_priority": FirstPriority.objects.create(
            plan=action.challenge.plan, year=2020, title_nl="Draagvlak"
        ),
        "evaluation": evaluation,
        "conclusion": EvaluationConclusion.objects.create(
            evaluation=evaluation, challenge=action.challenge, text_nl="Ok."
        ),
        "progress_update": ProgressUpdateFactory(action=action, date=datetime.date(2022, 1, 1)),
        "proposal": ActionProposal.objects.create(
            region=antwerpen,
            challenge=ChallengeFactory(),
            title="Voorstel",
            description="Tekst.",
        ),
        "series": Series.objects.create(slug="wswd", title_nl="WSWD"),
        "event": event,
        "question": QuestionFactory(event=event),
        "session": SessionFactory(event=event),
        "registration": Registration.objects.create(
            event=event,
            user=registrant,
            name="Ingeschreven Persoon",
            email=registrant.email,
            status="confirmed",
        ),
        "call": CallFactory(owner=socius),
        "practice": PracticeFactory(
            region=antwerpen, call=CallFactory(owner=socius), status="submitted"
        ),
        "news_post": PostFactory(region=antwerpen, status="draft", publish_at=None),
        "news_published": PostFactory(region=antwerpen),
        "news_socius_draft": PostFactory(organisation=socius, status="draft", publish_at=None),
        **_governance_world(socius, people),
        **_newsletter_world(antwerpen),
        **_survey_world(antwerpen),
    }


def _governance_world(socius: Any, people: dict[str, Any]) -> dict[str, Any]:
    from django.core.files.base import ContentFile

    from sterk.governance.models import (
        AgendaItem,
        FollowUp,
        Invitation,
        PolicyContact,
        PolicyDocument,
    )
    from sterk.governance.tests.factories import ChannelFactory, MeetingFactory

    meeting = MeetingFactory()
    Invitation.objects.create(meeting=meeting, user=people["stakeholder"], organisation=socius)
    policy = PolicyContact.objects.create(
        kind="letter",
        slug="brief",
        title="Brief",
        date=datetime.date(2026, 1, 1),
        policy_makers="Minister",
        asked="Vraag.",
    )
    document = PolicyDocument(record=policy, title="Brief")
    document.file.save("brief.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return {
        "gov_organisation": socius,
        "gov_channel": ChannelFactory(organisation=socius),
        "gov_meeting": meeting,
        "gov_agenda_item": AgendaItem.objects.create(meeting=meeting, title="Welkom"),
        "gov_follow_up": FollowUp.objects.create(meeting=meeting, title="Opvolgen"),
        "gov_policy": policy,
        "gov_document": document,
    }


def _newsletter_world(antwerpen: Any) -> dict[str, Any]:
    from sterk.newsletter.models import Block, Edition
    from sterk.newsletter.tests.factories import SubscriberFactory

    edition = Edition.objects.create(slug="nb-antwerpen", title_nl="Nieuws", region=antwerpen)
    subscriber = SubscriberFactory()
    subscriber.regions.set([antwerpen])
    return {
        "nl_edition": edition,
        "nl_block": Block.objects.create(edition=edition, kind="text", text_nl="Dag."),
        "nl_subscriber": subscriber,
    }


def _survey_world(region: Any) -> dict[str, Any]:
    from sterk.surveys.models import ActionPoint, Finding
    from sterk.surveys.tests.factories import small_survey

    survey, questions = small_survey(region=region, anonymous=False)
    finding = Finding.objects.create(survey=survey, statement_nl="Bevinding.")
    return {
        "survey": survey,
        "survey_section": questions[0].section,
        "survey_question": questions[1],
        "survey_text_question": questions[3],
        "survey_finding": finding,
        "survey_point": ActionPoint.objects.create(finding=finding, title_nl="Actiepunt"),
    }


def _values(spec: dict[str, str], world: dict[str, Any]) -> dict[str, Any]:
    """ "=text" is the text itself; anything else names an object (its pk) or a string of
    the world."""
    values: dict[str, Any] = {}
    for key, source in spec.items():
        if source.startswith("="):
            values[key] = source[1:]
        else:
            value = world[source]
            values[key] = value if isinstance(value, str) else value.pk
    return values


def url_of(row: Row, world: dict[str, Any]) -> str:
    return reverse(row.name, kwargs=_values(row.kwargs, world))


def expected(row: Row, role: str, method: str) -> int | str:
    if (role, method) in row.exceptions:
        return row.exceptions[(role, method)]
    if role == "anonymous":
        return LOGIN
    if role in row.who:
        return row.get if method == "GET" else ALLOWED
    return 403 if role == "member" else row.refused


def outcome(response: HttpResponse) -> int | str:
    if response.status_code == 302:
        login = reverse("account_login")
        return LOGIN if response["Location"].startswith(login) else REDIRECT
    return response.status_code


def matches(want: int | str, got: int | str) -> bool:
    if want == ALLOWED:
        return got not in (403, 404, 405, LOGIN)
    return want == got


@pytest.fixture
def quiet_refusals() -> Iterator[None]:
    """Hundreds of refusals are the point here: do not log a traceback for each."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


class _Rollback(Exception):
    pass


def request(
    client: Client, method: str, url: str, data: dict[str, Any] | None = None
) -> tuple[int | str, bool]:
    """The outcome of one request, rolled back; and whether it wrote to the audit trail."""
    result: list[Any] = []
    try:
        with transaction.atomic():
            before = AuditEntry.objects.count()
            response = client.post(url, data or {}) if method == "POST" else client.get(url)
            result = [outcome(response), AuditEntry.objects.count() != before]
            raise _Rollback
    except _Rollback:
        pass
    return result[0], result[1]


def test_every_management_url_has_a_row() -> None:
    declared = {row.name for row in MATRIX}
    names = management_url_names()
    missing = sorted(set(names) - declared)
    assert not missing, (
        f"{len(missing)} URL(s) under /{PREFIX} have no row in the permission matrix "
        f"(sterk/manage/tests/test_permission_matrix.py, MATRIX): {', '.join(missing)}. "
        "Declare who may use each one."
    )
    stale = sorted(declared - set(names))
    assert not stale, f"Rows for URLs that no longer exist: {', '.join(stale)}"
    assert len(names) == len(set(names)), "Two /beheer/ URLs share a name"


def test_permission_matrix(world: dict[str, Any], quiet_refusals: None) -> None:
    """Every URL x every role, GET and (where the view takes a form) an empty POST."""
    client = Client()
    mismatches = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world[role])
        for row in MATRIX:
            url = url_of(row, world)
            for method in ("GET", "POST") if row.post or row.get == 405 else ("GET",):
                want = expected(row, role, method)
                got, audited = request(client, method, url, _values(row.data, world))
                if not matches(want, got):
                    mismatches.append(f"{method} {row} as {role}: expected {want}, got {got}")
                elif not matches(ALLOWED, got) and audited:
                    mismatches.append(f"{method} {row} as {role}: refused but wrote to the trail")
    assert not mismatches, f"{len(mismatches)} cell(s) differ:\n" + "\n".join(mismatches)


def test_post_only_actions_refuse_a_get(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["coordinator"])
    post_only = [row for row in MATRIX if row.get == 405]
    assert post_only
    for row in post_only:
        assert request(client, "GET", url_of(row, world))[0] == 405, row


def test_a_chair_of_another_region_is_refused_on_every_region_bound_url(
    world: dict[str, Any], quiet_refusals: None
) -> None:
    client = Client()
    client.force_login(world["other_chair"])
    bound = [row for row in MATRIX if row.region_bound]
    assert len(bound) > 30
    refused = []
    for row in bound:
        for method in ("GET", "POST"):
            got, audited = request(client, method, url_of(row, world), _values(row.data, world))
            if got not in (403, 404) or audited:
                refused.append(f"{method} {row}: {got}{' (audited)' if audited else ''}")
    assert not refused, refused
