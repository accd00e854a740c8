"""Every hand-written list page of the management area uses as many queries for 25 rows as
for 3. The registered (declared) lists are covered by test_queries.py, the network's
pages (members, contact inbox, organisations, roles, audit trail) by
sterk/network/tests/test_manage_queries.py; the workflow lists of the other apps are
here. A new list-like URL under /beheer/ (a name ending in `_list`, `_inbox`, `queue`,
`_trail`, ...) that is in none of them fails test_every_list_page_is_counted."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sterk.actionplan.models import ActionProposal, ProposalStatus
from sterk.actionplan.tests.factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    InitiativeFactory,
    ProgressUpdateFactory,
    SpearheadFactory,
)
from sterk.core.managed import registry
from sterk.events.models import EventMessage, Registration, RegistrationStatus
from sterk.events.tests.factories import EventFactory, SessionFactory
from sterk.network.models import Role
from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
    give_totp,
)
from sterk.network.tests.test_manage_queries import PAGES as NETWORK_PAGES
from sterk.practices.tests.factories import CallFactory, PracticeFactory

from .test_permission_matrix import management_url_names

LIST_LIKE = re.compile(r"(_list|_inbox|queue|_trail|_history|_submissions|check_in)$")

# The network's list pages and the URL names they visit (test_manage_queries.PAGES).
NETWORK_COVERED = {
    "members": "manage:member_list",
    "inbox": "manage:contact_inbox",
    "organisations": "manage:organisation_list",
    "roles": "manage:role_list",
    "audit": "manage:audit_trail",
}


# --- row builders: build(state, n) adds n rows and returns the page's URL ----------------


def _once(state: dict[str, Any], key: str, make: Callable[[], Any]) -> Any:
    if key not in state:
        state[key] = make()
    return state[key]


def actions(state: dict[str, Any], n: int) -> str:
    region = _once(state, "region", RegionFactory)
    organisation = _once(state, "organisation", lambda: OrganisationFactory(is_stakeholder=True))
    for i in range(n):
        action = ActionFactory(
            challenge=ChallengeFactory(),
            origin_region=region if i % 2 else None,
            carrier_regions=[region],
            carrier_organisations=[organisation],
        )
        InitiativeFactory(action=action)
    return reverse("actionplan_manage:action_list")


def progress(state: dict[str, Any], n: int) -> str:
    region = _once(state, "region", RegionFactory)
    organisation = _once(state, "organisation", lambda: OrganisationFactory(is_stakeholder=True))
    for i in range(n):
        action = ActionFactory(
            challenge=ChallengeFactory(),
            carrier_regions=[region],
            carrier_organisations=[organisation] if i % 2 else [],
        )
        ProgressUpdateFactory(action=action)
        ActivityFactory(spearhead=SpearheadFactory(lead_organisation=organisation))
    return reverse("actionplan_manage:progress_list")


def progress_history(state: dict[str, Any], n: int) -> str:
    """One action's page with its history of updates."""
    action = _once(state, "action", lambda: ActionFactory(challenge=ChallengeFactory()))
    for _ in range(n):
        ProgressUpdateFactory(action=action, author=UserFactory())
    return reverse("actionplan_manage:progress_post", kwargs={"kind": "actie", "pk": action.pk})


def spearhead_activities(state: dict[str, Any], n: int) -> str:
    spearhead = _once(state, "spearhead", SpearheadFactory)
    for _ in range(n):
        ActivityFactory(spearhead=spearhead)
    return reverse("actionplan_manage:progress_spearhead", args=[spearhead.pk])


def proposals(state: dict[str, Any], n: int) -> str:
    challenge = _once(state, "challenge", ChallengeFactory)
    for i in range(n):
        region = RegionFactory()
        proposal = ActionProposal.objects.create(
            region=region,
            challenge=challenge,
            title=f"Voorstel {i}",
            description="Wat het voorstel doet.",
            proposed_by=UserFactory(),
            status=ProposalStatus.SUBMITTED,
        )
        proposal.carrier_regions.set([region])
    return reverse("actionplan_manage:proposal_list")


def events(state: dict[str, Any], n: int) -> str:
    for i in range(n):
        event = (
            EventFactory(organiser="region", region=RegionFactory()) if i % 2 else EventFactory()
        )
        _registrations(event, 2)
    return reverse("events_manage:event_list")


def _registrations(event: Any, n: int, *, sessions: list[Any] | None = None) -> None:
    for _ in range(n):
        user = UserFactory()
        registration = Registration.objects.create(
            event=event,
            user=user,
            name=user.get_full_name() or "Iemand",
            email=user.email,
            status=RegistrationStatus.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        if sessions:
            registration.sessions.set(sessions)


def _event_with_sessions(state: dict[str, Any]) -> Any:
    def make() -> Any:
        event = EventFactory(capacity=500)
        state["sessions"] = [SessionFactory(event=event, capacity=500) for _ in range(2)]
        return event

    return _once(state, "event", make)


def registrations(state: dict[str, Any], n: int) -> str:
    event = _event_with_sessions(state)
    _registrations(event, n, sessions=state["sessions"])
    return reverse("events_manage:registration_list", args=[event.pk])


def check_in(state: dict[str, Any], n: int) -> str:
    event = _event_with_sessions(state)
    _registrations(event, n, sessions=state["sessions"])
    return reverse("events_manage:check_in", args=[event.pk])


def message_history(state: dict[str, Any], n: int) -> str:
    event = _once(state, "event", EventFactory)
    for i in range(n):
        EventMessage.objects.create(
            event=event,
            sender=UserFactory(),
            subject=f"Bericht {i}",
            body="Tot dan.",
            recipient_count=3,
        )
    return reverse("events_manage:message", args=[event.pk])


def queue(state: dict[str, Any], n: int) -> str:
    call = _once(state, "call", CallFactory)
    for i in range(n):
        PracticeFactory(region=RegionFactory(), call=call if i % 2 else None)
    return reverse("practices_manage:queue")


def calls(state: dict[str, Any], n: int) -> str:
    for _ in range(n):
        call = CallFactory()
        PracticeFactory(region=None, call=call)
    return reverse("practices_manage:call_list")


def call_submissions(state: dict[str, Any], n: int) -> str:
    call = _once(state, "call", CallFactory)
    for _ in range(n):
        PracticeFactory(region=RegionFactory(), call=call, submitted_by=UserFactory())
    return reverse("practices_manage:call_detail", args=[call.pk])


def governance_meetings(state: dict[str, Any], n: int) -> str:
    from sterk.governance.tests.factories import MeetingFactory

    MeetingFactory.create_batch(n)
    return reverse("governance_manage:meeting_list")


def governance_register(state: dict[str, Any], n: int) -> str:
    from sterk.governance.tests.test_queries import stakeholder_with_everything

    for _ in range(n):
        stakeholder_with_everything()
    return reverse("governance_manage:register")


# --- newsletter -------------------------------------------------------------------------


def _nl_subscribers(n: int) -> list[Any]:
    from sterk.newsletter.tests.factories import SubscriberFactory

    region = RegionFactory()
    subscribers = []
    for _ in range(n):
        subscriber = SubscriberFactory(interests=",events,")
        subscriber.regions.set([region])
        subscribers.append(subscriber)
    return subscribers


def _nl_sent_edition(subscribers: list[Any]) -> Any:
    from sterk.core.outbox import Bulk, enqueue_many
    from sterk.newsletter.mail import EDITION_KIND, edition_key
    from sterk.newsletter.models import Delivery
    from sterk.newsletter.tests.factories import EditionFactory, text_block

    edition = EditionFactory(status="sent", sent_at=timezone.now())
    text_block(edition)
    for s in subscribers:
        Delivery.objects.create(
            edition=edition, subscriber=s, outbox_key=edition_key(edition.pk, s.pk)
        )
    enqueue_many(
        Bulk(
            edition_key(edition.pk, s.pk),
            s.email,
            EDITION_KIND,
            {"edition_id": edition.pk, "subscriber_id": s.pk},
        )
        for s in subscribers
    )
    return edition


def nl_editions(state: dict[str, Any], n: int) -> str:
    from sterk.newsletter.tests.factories import EditionFactory, text_block

    for _ in range(n):
        text_block(EditionFactory(region=RegionFactory()))
    return reverse("newsletter_manage:edition_list")


def nl_subscribers(state: dict[str, Any], n: int) -> str:
    _nl_sent_edition(_nl_subscribers(n))
    return reverse("newsletter_manage:subscriber_list")


def nl_recipients(state: dict[str, Any], n: int) -> str:
    from sterk.newsletter.tests.factories import EditionFactory

    edition = _once(state, "nl_edition", EditionFactory)
    _nl_subscribers(n)
    return reverse("newsletter_manage:recipients", args=[edition.pk])


def nl_history(state: dict[str, Any], n: int) -> str:
    subscriber = _once(state, "nl_subscriber", lambda: _nl_subscribers(1)[0])
    for _ in range(n):
        _nl_sent_edition([subscriber])
    return reverse("newsletter_manage:subscriber_detail", args=[subscriber.pk])


def nl_blocks(state: dict[str, Any], n: int) -> str:
    from sterk.newsletter.models import Block
    from sterk.newsletter.tests.factories import EditionFactory

    edition = _once(state, "nl_blocks", EditionFactory)
    for i in range(n):
        Block.objects.create(edition=edition, kind="text", text_nl=f"Blok {i}", position=i)
    return reverse("newsletter_manage:edition_detail", args=[edition.pk])


def surveys(state: dict[str, Any], n: int) -> str:
    from sterk.surveys.tests.factories import small_survey

    for _ in range(n):
        small_survey()
    return reverse("surveys_manage:survey_list")


PAGES: dict[str, Callable[[dict[str, Any], int], str]] = {
    "actionplan_manage:action_list": actions,
    "actionplan_manage:progress_list": progress,
    "actionplan_manage:progress_post": progress_history,
    "actionplan_manage:progress_spearhead": spearhead_activities,
    "actionplan_manage:proposal_list": proposals,
    "events_manage:event_list": events,
    "events_manage:registration_list": registrations,
    "events_manage:check_in": check_in,
    "events_manage:message": message_history,
    "practices_manage:queue": queue,
    "practices_manage:call_list": calls,
    "practices_manage:call_detail": call_submissions,
    "governance_manage:meeting_list": governance_meetings,
    "governance_manage:register": governance_register,
    "newsletter_manage:edition_list": nl_editions,
    "newsletter_manage:subscriber_list": nl_subscribers,
    "newsletter_manage:recipients": nl_recipients,
    "newsletter_manage:subscriber_detail": nl_history,
    "newsletter_manage:edition_detail": nl_blocks,
    "surveys_manage:survey_list": surveys,
}


def test_every_list_page_is_counted() -> None:
    registered = {
        f"{m.namespace}:{m.url_name('list')}" for m in registry.managed if "list" in m.views
    }
    assert {page for page, _url, _rows in NETWORK_PAGES} == set(NETWORK_COVERED)
    counted = registered | set(PAGES) | set(NETWORK_COVERED.values())
    names = set(management_url_names())
    uncounted = sorted(n for n in names if LIST_LIKE.search(n) and n not in counted)
    assert not uncounted, f"list pages without a query-count test: {uncounted}"
    assert set(PAGES) <= names, f"gone: {sorted(set(PAGES) - names)}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PAGES))
def test_list_page_queries_do_not_grow_with_rows(client, name) -> None:
    user = RoleAssignmentFactory(role=Role.COORDINATOR, region=None).user
    give_totp(user)
    client.force_login(user)
    state: dict[str, Any] = {}
    build = PAGES[name]

    def count(n: int) -> int:
        url = build(state, n)
        client.get(url)  # warm up: session, caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(ctx.captured_queries)

    few = count(3)
    many = count(22)  # 25 rows in all
    assert many == few, f"{name}: {few} queries for 3 rows, {many} for 25"
