"""Language of parts (WCAG 3.1.2) in the management area: with every translation removed
and every Dutch text tagged, each tagged text shown on the French and English management
list and detail pages sits inside an element marked `lang="nl"`.

Form field values (inputs, textareas) are what the coordinator edits, in the column the
form is for, and are not checked; choice labels (<option>) are."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from sterk.core.tests import test_language_of_parts as public
from sterk.network.models import Role
from sterk.network.tests.factories import (
    MembershipFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db

TAG = public.TAG
# The public test's content: every translation removed, every Dutch text tagged.
dutch_only_content = public.dutch_only_content


class _ManageChecker(public._LangChecker):
    """Like the public checker, but the text of a <textarea> is a form value."""

    def handle_data(self, data: str) -> None:
        if any(tag == "textarea" for tag, _lang in self.stack):
            return
        super().handle_data(data)


@pytest.fixture
def coordinator(client):
    user = UserFactory(email="coordinator@example.org")
    RoleAssignmentFactory(user=user, role=Role.COORDINATOR)
    give_totp(user)
    client.force_login(user)
    return user


def _manage_pages() -> list[str]:
    from sterk.actionplan.models import (
        Action,
        Challenge,
        Evaluation,
        FirstPriority,
        Initiative,
        Plan,
        Spearhead,
        SpearheadActivity,
    )
    from sterk.events.models import Event, Series
    from sterk.network.models import Region
    from sterk.practices.models import Call, Practice

    urls = [
        reverse("actionplan_manage:dashboard"),
        reverse("actionplan_manage:plan_list"),
        reverse("actionplan_manage:challenge_list"),
        reverse("actionplan_manage:action_list"),
        reverse("actionplan_manage:spearhead_list"),
        reverse("actionplan_manage:priority_list"),
        reverse("actionplan_manage:evaluation_list"),
        reverse("actionplan_manage:progress_list"),
        reverse("actionplan_manage:proposal_list"),
        reverse("events_manage:event_list"),
        reverse("events_manage:series_list"),
        reverse("practices_manage:queue"),
        reverse("practices_manage:call_list"),
        reverse("manage:dashboard"),
        reverse("manage:organisation_list"),
        reverse("manage:role_list"),
        reverse("manage:contact_inbox"),
        reverse("manage:audit_trail"),
    ]
    for queryset, names in (
        (Plan.objects.all(), ("actionplan_manage:plan_edit",)),
        (Challenge.objects.all(), ("actionplan_manage:challenge_edit",)),
        (Action.objects.all(), ("actionplan_manage:action_edit",)),
        (
            Spearhead.objects.all(),
            ("actionplan_manage:spearhead_edit", "actionplan_manage:progress_spearhead"),
        ),
        (Evaluation.objects.all(), ("actionplan_manage:evaluation_edit",)),
        (
            Initiative.objects.all(),
            ("actionplan_manage:initiative_edit", "actionplan_manage:initiative_delete"),
        ),
        (SpearheadActivity.objects.all(), ("actionplan_manage:activity_edit",)),
        (
            FirstPriority.objects.all(),
            ("actionplan_manage:priority_edit", "actionplan_manage:priority_delete"),
        ),
        (Series.objects.all(), ("events_manage:series_edit",)),
        (
            Event.objects.all(),
            (
                "events_manage:event_edit",
                "events_manage:registration_list",
                "events_manage:session_list",
                "events_manage:question_list",
                "events_manage:event_cancel",
            ),
        ),
        (
            Practice.objects.all(),
            ("practices_manage:practice_detail", "practices_manage:practice_edit"),
        ),
        (Call.objects.all(), ("practices_manage:call_detail",)),
    ):
        first = queryset.order_by("pk").first()
        if first is not None:
            urls += [reverse(name, kwargs={"pk": first.pk}) for name in names]
    region = Region.objects.order_by("pk").first()
    for name in (
        "manage:region_edit",
        "manage:priority_list",
        "manage:subregion_list",
        "manage:member_list",
    ):
        urls.append(reverse(name, kwargs={"slug": region.slug}))
    priority = region.priorities.order_by("pk").first()
    subregion = region.subregions.order_by("pk").first()
    urls += [
        reverse("manage:priority_edit", kwargs={"slug": region.slug, "pk": priority.pk}),
        reverse("manage:subregion_edit", kwargs={"slug": region.slug, "pk": subregion.pk}),
        reverse("manage:priority_delete", kwargs={"slug": region.slug, "pk": priority.pk}),
        reverse("manage:subregion_delete", kwargs={"slug": region.slug, "pk": subregion.pk}),
    ]
    event = Event.objects.filter(questions__isnull=False).order_by("pk").first()
    if event is not None:
        question = event.questions.order_by("pk").first()
        urls += [
            reverse(name, kwargs={"pk": event.pk, "qpk": question.pk})
            for name in ("events_manage:question_edit", "events_manage:question_delete")
        ]
    event = Event.objects.filter(sessions__isnull=False).order_by("pk").first()
    if event is not None:
        session = event.sessions.order_by("pk").first()
        urls += [
            reverse(name, kwargs={"pk": event.pk, "spk": session.pk})
            for name in ("events_manage:session_edit", "events_manage:session_delete")
        ]
    return urls


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dutch_fallback_is_marked_on_management_pages(
    client, dutch_only_content, coordinator, language
):
    from sterk.network.models import Region

    region = Region.objects.order_by("pk").first()
    # A member and a sub-region, so the region's member and sub-region lists show names.
    sub = SubRegionFactory(region=region, name_nl=f"{TAG} Deelregio")
    MembershipFactory(region=region, subregion=sub, user=UserFactory())
    # A question, a session and an initiative, which the loaded content does not have.
    from sterk.actionplan.models import Action
    from sterk.actionplan.tests.factories import InitiativeFactory
    from sterk.events.models import Event
    from sterk.events.tests.factories import QuestionFactory, SessionFactory

    event = Event.objects.order_by("pk").first()
    QuestionFactory(event=event, label_nl=f"{TAG} Vraag")
    SessionFactory(event=event, title_nl=f"{TAG} Sessie")
    InitiativeFactory(action=Action.objects.order_by("pk").first(), title_nl=f"{TAG} Initiatief")
    with translation.override(language):
        urls = _manage_pages()
    assert len(urls) >= 30
    public.assert_dutch_is_marked(client, urls, _ManageChecker)
