"""Every choice field of every management form offers, and accepts, only what the user's
role may reach.

The forms and their choice fields are found by walking the management form modules, so a
new form or a new choice field fails `test_every_choice_field_is_classified` until it is
listed below: in SCOPED (then it is tested that a chair of Limburg can neither see nor
submit Antwerpen's region, sub-region or a partner organisation they do not represent),
or in REFERENCE with the reason its choices are the same for every role."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import pytest
from django import forms
from django.urls import reverse

from sterk.actionplan import forms as actionplan_forms
from sterk.actionplan.tests.factories import EvaluationFactory, current_plan
from sterk.events import forms_manage as events_forms
from sterk.governance import forms as governance_forms
from sterk.network import forms_manage as network_forms
from sterk.network.models import Role, SubRegion
from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    give_totp,
)
from sterk.news import forms as news_forms
from sterk.practices import forms as practices_forms
from sterk.practices.models import Practice, PracticeImage
from sterk.practices.tests.factories import PracticeFactory

MODULES = [
    network_forms,
    events_forms,
    actionplan_forms,
    practices_forms,
    news_forms,
    governance_forms,
]
# Forms of those modules that are not management forms (public pages).
PUBLIC = {
    "actionplan.PlanFilterForm",
    "practices.PracticeForm",
    "practices.CallSubmissionForm",
    "practices.ImageForm",
    "news.NewsFilterForm",
}

# (form, field) -> what it holds: "region", "subregion", "organisation", or a literal
# value that only a coordinator may choose.
SCOPED: dict[str, Any] = {
    "network.ContactFilterForm.region": "region",
    "network.MemberFilterForm.subregion": "subregion",
    "network.OrganisationForm.regions": "region",
    "network.RoleFilterForm.region": "region",
    "network.RoleAssignForm.region": "region",
    "network.RoleAssignForm.organisation": "organisation",
    "network.AuditFilterForm.region": "region",
    "events.EventForm.region": "region",
    "events.EventForm.subregion": "subregion",
    "events.EventForm.organisation": "organisation",
    "events.EventForm.organiser": ("value", "platform"),
    "actionplan.ActionForm.origin_region": "region",
    "actionplan.ActionForm.carrier_regions": "region",
    "actionplan.ActionForm.carrier_organisations": "organisation",
    "actionplan.SpearheadForm.lead_organisation": "organisation",
    "actionplan.SpearheadForm.partners": "organisation",
    "actionplan.ActivityForm.partners": "organisation",
    "actionplan.ProposalForm.region": "region",
    "actionplan.ProposalForm.carrier_regions": "region",
    "practices.ModeratorPracticeForm.region": "region",
    "practices.ModeratorPracticeForm.subregion": "subregion",
    "practices.CallForm.owner": "organisation",
    "news.PostForm.region": "region",
    "news.PostForm.organisation": "organisation",
}

FIXED = "a fixed list of values (an enumeration), the same for every role"
PLATFORM = "the platform's shared framework content, which every role links to"
PLAN = "the action plan's structure; only coordinators open this form"
REFERENCE: dict[str, str] = {
    "network.ContactHandleForm.status": FIXED,
    "network.MemberFilterForm.sector": FIXED,
    "network.OrganisationFilterForm.type": FIXED,
    "network.OrganisationFilterForm.stakeholder": FIXED,
    "network.OrganisationForm.type": FIXED,
    "network.RoleFilterForm.role": FIXED,
    "network.RoleAssignForm.role": FIXED,
    "network.AuditFilterForm.action": "the kinds of audit entry (the trail is coordinators')",
    "events.EventForm.type": FIXED,
    "events.EventForm.audience": FIXED,
    "events.EventForm.format": FIXED,
    "events.EventForm.visibility": FIXED,
    "events.EventForm.invited_roles": FIXED,
    "events.EventForm.series": "series are campaigns of the whole platform",
    "events.EventForm.krachtlijnen": PLATFORM,
    "events.EventForm.challenges": PLATFORM,
    "events.EventForm.actions": PLATFORM,
    "events.QuestionForm.kind": FIXED,
    "actionplan.ChallengeForm.plan": PLAN,
    "actionplan.ActionForm.challenge": PLAN,
    "actionplan.ActionForm.origin": FIXED,
    "actionplan.ActionForm.krachtlijnen": PLATFORM,
    "actionplan.ActionForm.functions": PLATFORM,
    "actionplan.SpearheadForm.plan": PLAN,
    "actionplan.SpearheadForm.challenges": PLATFORM,
    "actionplan.FirstPriorityForm.plan": PLAN,
    "actionplan.FirstPriorityForm.challenges": PLATFORM,
    "actionplan.EvaluationForm.plan": PLAN,
    "actionplan.ConclusionForm.challenge": "the evaluated plan's challenges",
    "actionplan.ConclusionForm.action": "the evaluated plan's actions",
    "actionplan.ConclusionForm.spearhead": "the evaluated plan's spearheads",
    "actionplan.ProgressForm.status": FIXED,
    "actionplan.ProposalForm.challenge": PLATFORM,
    "actionplan.ProposalForm.krachtlijnen": PLATFORM,
    "actionplan.ProposalForm.functions": PLATFORM,
    "actionplan.ProposalForm.carrier_organisations": (
        "partners a proposal suggests; the steering group decides on the proposal"
    ),
    "actionplan.DecisionForm.decision": FIXED,
    "practices.ModeratorPracticeForm.language": FIXED,
    "practices.ModeratorPracticeForm.sector": FIXED,
    "practices.ModeratorPracticeForm.target_group": FIXED,
    "practices.ModeratorPracticeForm.licence": FIXED,
    "practices.ModeratorPracticeForm.krachtlijnen": PLATFORM,
    "practices.ModeratorPracticeForm.functions": PLATFORM,
    "practices.ModeratorPracticeForm.challenges": PLATFORM,
    "practices.ModeratorPracticeForm.actions": PLATFORM,
    "practices.ModeratorPracticeForm.organisations": (
        "the organisations behind a practice describe it (any approved organisation)"
    ),
    "practices.ModeratorPracticeForm.remove_images": "the practice's own images",
    "practices.LinkForm.kind": FIXED,
    "practices.DecisionForm.decision": "the decisions the practice's status allows",
    "practices.CallForm.krachtlijn": PLATFORM,
    "practices.CallForm.challenge": PLATFORM,
    "practices.QueueFilterForm.status": FIXED,
    "news.PostForm.krachtlijnen": PLATFORM,
    "news.PostForm.challenges": PLATFORM,
    "news.PostForm.actions": PLATFORM,
    "news.PostForm.events": "the agenda's listed events, public pages every role links to",
    "news.PostForm.practices": "the library's published practices, public pages",
    # Governance: every form but the channels is the coordinators'; a channel's kind is
    # an enumeration.
    "governance.ChannelForm.kind": FIXED,
    "governance.MeetingForm.kind": FIXED,
    "governance.MeetingForm.event": "the agenda's stakeholder and steering-group meetings",
    "governance.AttendanceForm.present": "the meeting's own invitees",
    "governance.FollowUpForm.owner": "the meeting's own invitees",
    "governance.FollowUpCloseForm.status": FIXED,
    "governance.PolicyContactForm.kind": FIXED,
    "governance.PolicyContactForm.challenges": PLATFORM,
    "governance.PolicyContactForm.actions": PLATFORM,
    "governance.PolicyContactForm.findings": "findings whose follow-up page is public",
}


def _key(cls: type) -> str:
    app = cls.__module__.split(".")[1]
    return f"{app}.{cls.__name__}"


def management_forms() -> list[type[forms.BaseForm]]:
    found = []
    for module in MODULES:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, forms.BaseForm):
                continue
            if issubclass(cls, forms.BaseModelForm) and getattr(cls._meta, "model", None) is None:
                continue  # an abstract base (ServiceModelForm)
            if _key(cls) not in PUBLIC:
                found.append(cls)
    return found


@dataclass
class World:
    antwerpen: Any
    limburg: Any
    kempen: Any
    hasselt: Any
    socius: Any
    chair_limburg: Any
    coordinator: Any
    practice: Any
    evaluation: Any

    def out_of_reach(self, kind: Any) -> Any:
        """A value the chair of Limburg may not choose."""
        if isinstance(kind, tuple):
            return kind[1]
        return {"region": self.antwerpen, "subregion": self.kempen, "organisation": self.socius}[
            kind
        ].pk


@pytest.fixture
def world(db) -> World:
    current_plan()
    antwerpen = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    limburg = RegionFactory(slug="limburg", name_nl="Limburg")
    chair = UserFactory(email="chair.limburg@example.org")
    RoleAssignmentFactory(user=chair, role=Role.CHAIR, region=limburg)
    coordinator = UserFactory(email="coordinator@example.org")
    RoleAssignmentFactory(user=coordinator, role=Role.COORDINATOR)
    practice: Any = PracticeFactory(region=limburg)
    # With an image, the moderation form also offers "remove these images".
    PracticeImage.objects.create(practice=practice, image="practices/x.png", alt_text="x")
    return World(
        antwerpen=antwerpen,
        limburg=limburg,
        kempen=SubRegionFactory(region=antwerpen, slug="kempen"),
        hasselt=SubRegionFactory(region=limburg, slug="hasselt"),
        socius=OrganisationFactory(name="Socius", is_stakeholder=True, is_approved=True),
        chair_limburg=chair,
        coordinator=coordinator,
        practice=practice,
        evaluation=EvaluationFactory(),
    )


def build(cls: type, world: World, user: Any, data: dict[str, Any] | None = None) -> Any:
    """The form as its view builds it for `user` (region-bound forms: the region the
    view authorised, Limburg for its chair, Antwerpen for the coordinator)."""
    region = world.limburg if user == world.chair_limburg else world.antwerpen
    kwargs: dict[str, Any] = {
        "network.ContactFilterForm": {"user": user},
        "network.MemberFilterForm": {"region": region},
        "network.OrganisationForm": {"user": user},
        "network.SubRegionForm": {"user": user},
        "network.RoleFilterForm": {"user": user},
        "network.RoleAssignForm": {"actor": user},
        "network.AuditFilterForm": {"user": user, "actions": ["practice.published"]},
        "events.EventForm": {"user": user},
        "actionplan.ActionForm": {"user": user},
        "actionplan.SpearheadForm": {"user": user},
        "actionplan.ActivityForm": {"user": user},
        "actionplan.ProposalForm": {"user": user, "choose_region": True},
        "actionplan.ConclusionForm": {"evaluation": world.evaluation},
        "practices.ModeratorPracticeForm": {"user": user, "instance": world.practice},
        "practices.DecisionForm": {"practice": world.practice},
        "practices.CallForm": {"user": user},
        "news.PostForm": {"user": user},
        "governance.AttendanceForm": {"invitations": []},
        "governance.FollowUpForm": {"invitations": []},
    }.get(_key(cls), {})
    return cls(data, **kwargs) if data is not None else cls(**kwargs)


def _offered(field: forms.Field) -> set[str]:
    values = set()
    for value, _label in field.choices:
        if isinstance(_label, (list, tuple)):  # option groups
            values |= {str(v) for v, _l in _label}
        values.add(str(getattr(value, "value", value)))
    return values


def _choice_fields(form: forms.BaseForm) -> list[str]:
    return [name for name, field in form.fields.items() if isinstance(field, forms.ChoiceField)]


def test_every_choice_field_is_classified(world):
    seen = set()
    for cls in management_forms():
        for name in _choice_fields(build(cls, world, world.coordinator)):
            key = f"{_key(cls)}.{name}"
            seen.add(key)
            assert key in SCOPED or key in REFERENCE, (
                f"{key}: a new choice field in a management form. Limit it to what the "
                "user's role reaches (RoleScopedChoicesMixin) and add it to SCOPED, or add "
                "it to REFERENCE with the reason its choices are the same for every role."
            )
            assert not (key in SCOPED and key in REFERENCE), key
    assert set(SCOPED) | set(REFERENCE) == seen, "stale entries"


def test_reference_fields_hold_no_region(world):
    from sterk.network.models import Region

    for cls in management_forms():
        form = build(cls, world, world.chair_limburg)
        for name in _choice_fields(form):
            key = f"{_key(cls)}.{name}"
            queryset = getattr(form.fields[name], "queryset", None)
            if key in REFERENCE and queryset is not None:
                assert queryset.model not in (Region, SubRegion), key


@pytest.mark.parametrize("key", sorted(SCOPED))
def test_a_chair_of_another_region_can_neither_see_nor_submit_it(world, key):
    app_form, name = key.rsplit(".", 1)
    cls = next(c for c in management_forms() if _key(c) == app_form)
    value = world.out_of_reach(SCOPED[key])
    # The coordinator is offered it: the field is real and the value exists.
    assert str(value) in _offered(build(cls, world, world.coordinator).fields[name]), key
    form = build(cls, world, world.chair_limburg)
    assert str(value) not in _offered(form.fields[name]), f"{key} offers {value}"
    multiple = isinstance(form.fields[name], forms.MultipleChoiceField)
    form = build(cls, world, world.chair_limburg, {name: [value] if multiple else value})
    form.is_valid()
    assert name in form.errors, f"{key} accepts {value}"


@pytest.mark.parametrize("key", sorted(k for k, v in SCOPED.items() if v == "region"))
def test_the_chair_keeps_their_own_region(world, key):
    app_form, name = key.rsplit(".", 1)
    cls = next(c for c in management_forms() if _key(c) == app_form)
    form = build(cls, world, world.chair_limburg)
    assert str(world.limburg.pk) in _offered(form.fields[name]) or app_form in (
        # coordinator-only forms: a chair never opens them, and sees no region there
        "network.OrganisationForm",
        "network.RoleFilterForm",
        "network.RoleAssignForm",
        "network.AuditFilterForm",
        "actionplan.ActionForm",
    ), key


def test_a_moderator_cannot_move_a_practice_into_another_region(client, world, settings):
    """The issue's case: a chair POSTs region= of a region they do not chair."""
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    give_totp(world.chair_limburg)
    client.force_login(world.chair_limburg)
    practice = world.practice
    response = client.post(
        reverse("practices_manage:practice_edit", args=[practice.pk]),
        {
            "title_nl": "Verhuisd",
            "summary_nl": "Samenvatting",
            "story_nl": "Verhaal",
            "language": "nl",
            "region": world.antwerpen.pk,
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "region" in response.context["form"].errors
    practice = Practice.objects.get(pk=practice.pk)
    assert practice.region_id == world.limburg.pk and practice.title_nl != "Verhuisd"
