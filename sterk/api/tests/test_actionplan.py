"""The action plan through the API: what the action plan's pages show, for everyone alike."""

import datetime
import json

import pytest
from django.utils import timezone

from sterk.actionplan.models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    EvaluationConclusion,
    Initiative,
    Spearhead,
    SpearheadActivity,
    Status,
)
from sterk.actionplan.tests.factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    EvaluationFactory,
    FunctionFactory,
    InitiativeFactory,
    KrachtlijnFactory,
    OrganisationFactory,
    PlanFactory,
    ProgressUpdateFactory,
    RegionFactory,
    SpearheadFactory,
    UserFactory,
    current_plan,
)

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    get_json,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db

OVERVIEW = "/nl/actieplan/"
ACTION_LINK = r'href="/nl/actieplan/acties/([\w-]+)/"'
CHALLENGE_LINK = r'href="/nl/actieplan/uitdagingen/([\w-]+)/"'
SPEARHEAD_LINK = r'href="/nl/actieplan/speerpunten/([\w-]+)/"'
EVALUATION_LINK = r'href="/nl/actieplan/evaluaties/([\w-]+)/"'


def slugs(client, url):
    return {row["slug"] for row in all_results(client, url)}


@pytest.fixture
def plan():
    return current_plan()


@pytest.fixture
def old_plan():
    """A plan that is not current: its objects have pages but no page lists them."""
    old = PlanFactory(slug="vorig-plan", start_year=2015, end_year=2019)
    challenge = ChallengeFactory(plan=old, slug="oude-uitdaging")
    ActionFactory(challenge=challenge, slug="oude-actie")
    SpearheadFactory(plan=old, slug="oud-speerpunt")
    EvaluationFactory(plan=old, slug="oude-evaluatie")
    return old


@pytest.fixture
def landscape(plan, old_plan):
    """Actions over two challenges, two regions, two krachtlijnen and three statuses."""
    gent, kempen = RegionFactory(slug="gent"), RegionFactory(slug="kempen")
    k1, k2 = KrachtlijnFactory(slug="k-een"), KrachtlijnFactory(slug="k-twee")
    c1 = ChallengeFactory(plan=plan, slug="armoede", number=1)
    c2 = ChallengeFactory(plan=plan, slug="wonen", number=2)
    ActionFactory(
        challenge=c1,
        slug="a-gent-lopend",
        carrier_regions=[gent],
        krachtlijnen=[k1],
        status=Status.RUNNING,
        progress=40,
    )
    ActionFactory(
        challenge=c1, slug="a-kempen-klaar", carrier_regions=[kempen], status=Status.COMPLETED
    )
    ActionFactory(
        challenge=c2,
        slug="a-beide",
        carrier_regions=[gent, kempen],
        krachtlijnen=[k2],
        status=Status.RUNNING,
    )
    ActionFactory(challenge=c2, slug="a-niemand").functions.set([FunctionFactory(slug="f-een")])
    # A regional platform's proposal is not an action until it is approved.
    ActionProposal.objects.create(
        region=gent, challenge=c1, title="Voorstel dat nog niet goedgekeurd is", description="x"
    )
    return {"gent": gent, "kempen": kempen, "k1": k1, "k2": k2, "c1": c1, "c2": c2}


# --- parity with the pages -------------------------------------------------------------


def test_the_actions_are_those_the_overview_links_to_for_every_filter(client, landscape):
    for api_query, page_query in [
        ("", ""),
        ("region=gent", "regio=gent"),
        ("region=kempen&status=running", "regio=kempen&status=running"),
        ("status=completed", "status=completed"),
        ("krachtlijn=k-twee", "krachtlijn=k-twee"),
        ("status=stopped", "status=stopped"),
        ("function=f-een", "functie=f-een"),
        ("region=&krachtlijn=&function=", "regio=&krachtlijn=&functie=&status="),
    ]:
        api = slugs(client, f"/api/v1/actions?limit=1&{api_query}")
        page = page_links(client, f"{OVERVIEW}?{page_query}", ACTION_LINK)
        assert api == page, (api_query, api, page)
    everything = slugs(client, "/api/v1/actions")
    assert everything == {"a-gent-lopend", "a-kempen-klaar", "a-beide", "a-niemand"}
    assert "oude-actie" not in everything


def test_the_actions_of_a_challenge_are_those_its_page_links_to(client, landscape):
    api = slugs(client, "/api/v1/actions?challenge=wonen")
    page = page_links(client, "/nl/actieplan/uitdagingen/wonen/", ACTION_LINK)
    assert api == page == {"a-beide", "a-niemand"}


def test_no_proposal_and_no_other_plan_appears_anywhere(client, landscape):
    for url in ["/api/v1/plans", "/api/v1/challenges", "/api/v1/actions", "/api/v1/spearheads"]:
        body = client.get(url).content.decode()
        assert "Voorstel dat nog niet" not in body
        assert "vorig-plan" not in body and "oude-" not in body and "oud-" not in body


def test_the_challenges_are_those_the_overview_links_to(client, landscape):
    api = slugs(client, "/api/v1/challenges?limit=1")
    page = page_links(client, OVERVIEW, CHALLENGE_LINK)
    assert api == page == {"armoede", "wonen"}
    plan = current_plan()
    assert slugs(client, f"/api/v1/challenges?plan={plan.slug}") == api
    assert slugs(client, "/api/v1/challenges?plan=vorig-plan") == set()


def test_the_spearheads_and_evaluations_are_those_the_overview_links_to(client, plan, old_plan):
    for _ in range(3):
        ActivityFactory(spearhead=SpearheadFactory(plan=plan))
        EvaluationFactory(plan=plan)
    for resource, link in [("spearheads", SPEARHEAD_LINK), ("evaluations", EVALUATION_LINK)]:
        api = slugs(client, f"/api/v1/{resource}?limit=2")
        page = page_links(client, OVERVIEW, link)
        assert api == page and len(api) == 3, resource


def test_the_plans_are_the_current_one_only(client, landscape):
    plan = current_plan()
    rows = all_results(client, "/api/v1/plans")
    assert [row["slug"] for row in rows] == [plan.slug]
    assert {c["slug"] for c in rows[0]["challenges"]} == page_links(
        client, OVERVIEW, CHALLENGE_LINK
    )
    assert rows[0]["url"].endswith("/nl/actieplan/")
    assert get_json(client, f"/api/v1/plans/{plan.slug}")["slug"] == plan.slug


def test_a_detail_answers_where_the_page_does(client, landscape):
    for api, page in [
        ("/api/v1/actions/a-beide", "/nl/actieplan/acties/a-beide/"),
        ("/api/v1/actions/oude-actie", "/nl/actieplan/acties/oude-actie/"),
        ("/api/v1/challenges/wonen", "/nl/actieplan/uitdagingen/wonen/"),
        ("/api/v1/spearheads/oud-speerpunt", "/nl/actieplan/speerpunten/oud-speerpunt/"),
        ("/api/v1/evaluations/oude-evaluatie", "/nl/actieplan/evaluaties/oude-evaluatie/"),
        ("/api/v1/actions/bestaat-niet", "/nl/actieplan/acties/bestaat-niet/"),
        ("/api/v1/challenges/bestaat-niet", "/nl/actieplan/uitdagingen/bestaat-niet/"),
        ("/api/v1/spearheads/bestaat-niet", "/nl/actieplan/speerpunten/bestaat-niet/"),
        ("/api/v1/evaluations/bestaat-niet", "/nl/actieplan/evaluaties/bestaat-niet/"),
    ]:
        assert client.get(api).status_code == client.get(page).status_code, api


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/plans/vorig-plan",  # not current: no page shows it
        "/api/v1/actions/bestaat-niet",
        "/api/v1/challenges/bestaat-niet",
        "/api/v1/spearheads/bestaat-niet",
        "/api/v1/evaluations/bestaat-niet",
    ],
)
def test_a_detail_without_a_public_page_is_a_problem_detail(client, landscape, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["status"] == 404


def test_a_filter_naming_nothing_matches_nothing(client, landscape):
    # An empty list (not an error): any short name is a valid value, as the schema says.
    for query in ["region=nergens", "krachtlijn=nergens", "function=nergens", "challenge=nergens"]:
        body = get_json(client, f"/api/v1/actions?{query}")
        assert (body["count"], body["results"], body["progress"]["total"]) == (0, [], 0), query
    # A challenge of another plan is not one of the current plan's.
    assert get_json(client, "/api/v1/actions?challenge=oude-uitdaging")["count"] == 0


def test_a_status_that_does_not_exist_is_a_problem_detail(client, landscape):
    response = client.get("/api/v1/actions?status=bijna")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["errors"][0]["parameter"] == "status"


# --- what an object shows --------------------------------------------------------------


def test_progress_is_the_pages_average_over_every_action(client, plan):
    challenge = ChallengeFactory(plan=plan, slug="c")
    # Completed without a percentage counts as 100 %, running without one as 0 %.
    ActionFactory(challenge=challenge, status=Status.COMPLETED)
    ActionFactory(challenge=challenge, status=Status.RUNNING)
    ActionFactory(challenge=challenge, status=Status.RUNNING, progress=25)
    expected = {
        "total": 3,
        "counts": {
            "not_started": 0,
            "preparing": 0,
            "running": 2,
            "completed": 1,
            "stopped": 0,
        },
        "average_progress": 42,  # (100 + 0 + 25) / 3, rounded half up
        "progress_reported": 1,
    }
    assert get_json(client, "/api/v1/actions")["progress"] == expected
    assert get_json(client, "/api/v1/challenges")["results"][0]["progress"] == expected
    assert get_json(client, "/api/v1/challenges/c")["progress"] == expected
    assert get_json(client, f"/api/v1/plans/{plan.slug}")["progress"] == expected
    filtered = get_json(client, "/api/v1/actions?status=running")["progress"]
    assert (filtered["total"], filtered["average_progress"]) == (2, 13)


def test_an_action_shows_its_initiatives_carriers_and_history_without_people(client, plan):
    gent = RegionFactory(slug="gent", name_nl="Gent")
    socius = OrganisationFactory(name="Socius")
    author = UserFactory(email="geheim@example.org", first_name="Verborgen", last_name="Auteur")
    action = ActionFactory(
        challenge=ChallengeFactory(plan=plan),
        slug="de-actie",
        number=7,
        carrier_regions=[gent],
        carrier_organisations=[socius],
        krachtlijnen=[KrachtlijnFactory(slug="k")],
        status=Status.RUNNING,
        progress=50,
        status_date=datetime.date(2024, 3, 1),
    )
    action.functions.set([FunctionFactory(slug="f")])
    initiative = InitiativeFactory(action=action, title_nl="Een initiatief")
    ProgressUpdateFactory(
        action=action,
        date=datetime.date(2024, 3, 1),
        progress=50,
        narrative="Halfweg.",
        links=[{"title": "Verslag", "url": "https://example.org/verslag"}],
        author=author,
        on_behalf_region=gent,
    )
    ProgressUpdateFactory(
        action=None,
        initiative=initiative,
        date=datetime.date(2024, 1, 1),
        narrative="Gestart.",
        author=author,
    )
    body = get_json(client, "/api/v1/actions/de-actie")
    assert body["url"].endswith("/nl/actieplan/acties/de-actie/")
    assert (body["status"], body["progress"], body["status_date"]) == (
        "running",
        50,
        "2024-03-01",
    )
    assert [r["slug"] for r in body["carrier_regions"]] == ["gent"]
    assert body["carrier_organisations"] == [{"name": "Socius"}]
    assert [k["slug"] for k in body["krachtlijnen"]] == ["k"]
    assert [f["slug"] for f in body["functions"]] == ["f"]
    assert [i["title"] for i in body["initiatives"]] == ["Een initiatief"]
    assert body["initiatives"][0]["url"].endswith(f"/acties/de-actie/#initiatief-{initiative.pk}")
    assert [u["narrative"] for u in body["updates"]] == ["Halfweg.", "Gestart."]
    assert body["updates"][0]["reported_by"] == {"kind": "region", "name": "Gent"}
    assert body["updates"][0]["links"] == [
        {"title": "Verslag", "url": "https://example.org/verslag"}
    ]
    assert body["updates"][0]["initiative"] is None
    assert body["updates"][1]["initiative"]["id"] == initiative.pk
    assert body["updates"][1]["reported_by"]["kind"] == "coordination"
    raw = client.get("/api/v1/actions/de-actie").content.decode()
    assert "geheim@example.org" not in raw and "Verborgen" not in raw
    in_list = get_json(client, "/api/v1/actions")["results"][0]
    assert in_list["initiatives"] == body["initiatives"] and "updates" not in in_list
    assert get_json(client, "/api/v1/actions/de-actie?lang=fr")["url"].endswith(
        "/fr/actieplan/acties/de-actie/"
    )


def test_a_spearhead_shows_its_activities_and_their_history(client, plan):
    lead = OrganisationFactory(name="Kenniscentrum", website="https://kenniscentrum.example")
    challenge = ChallengeFactory(plan=plan, slug="verbonden")
    spearhead = SpearheadFactory(plan=plan, slug="s", lead_organisation=lead)
    spearhead.challenges.set([challenge])
    activity = ActivityFactory(spearhead=spearhead, status=Status.COMPLETED)
    ActivityFactory(spearhead=spearhead)
    ProgressUpdateFactory(action=None, activity=activity, narrative="Klaar.")
    listed = get_json(client, "/api/v1/spearheads")["results"][0]
    assert listed["lead_organisation"] == {
        "name": "Kenniscentrum",
        "website": "https://kenniscentrum.example",
    }
    assert [c["slug"] for c in listed["challenges"]] == ["verbonden"]
    assert (listed["progress"]["total"], listed["progress"]["average_progress"]) == (2, 50)
    assert "updates" not in listed["activities"][0]
    detail = get_json(client, "/api/v1/spearheads/s")
    assert [u["narrative"] for u in detail["activities"][0]["updates"]] == ["Klaar."]
    assert detail["activities"][0]["url"].endswith(f"/speerpunten/s/#activiteit-{activity.pk}")


def test_an_evaluation_shows_its_frozen_state_and_conclusions(client, plan):
    challenge = ChallengeFactory(plan=plan, slug="c", number=1)
    ActionFactory(challenge=challenge, slug="x", status=Status.COMPLETED)
    evaluation = EvaluationFactory(
        plan=plan,
        slug="e",
        snapshot_taken_at=timezone.now(),
        snapshot=[
            {
                "type": "challenge",
                "id": challenge.pk,
                "number": 1,
                "slug": "c",
                "title": {"nl": "C"},
            },
            {
                "type": "action",
                "id": 1,
                "number": None,
                "slug": "x",
                "challenge_id": challenge.pk,
                "title": {"nl": "X", "fr": "X fr"},
                "carrier_regions": [{"nl": "Gent", "fr": "Gand"}],
                "carrier_organisations": [],
                "status": "running",
                "progress": None,
                "status_date": None,
            },
        ],
    )
    EvaluationConclusion.objects.create(evaluation=evaluation, challenge=challenge, text_nl="Goed.")
    body = get_json(client, "/api/v1/evaluations")["results"][0]
    # The snapshot's state, not today's (the action is completed now).
    assert body["progress"]["counts"]["running"] == 1
    assert body["challenges"][0]["actions"][0]["status"] == "running"
    assert body["conclusions"][0]["subject"] == "challenge"
    assert body["conclusions"][0]["text"] == "Goed."
    assert body["snapshot_taken_at"].endswith(("+01:00", "+02:00"))
    french = get_json(client, "/api/v1/evaluations/e?lang=fr")
    assert french["challenges"][0]["actions"][0]["carrier_regions"] == ["Gand"]


# --- queries ---------------------------------------------------------------------------


def _bulk_actions(n):
    """n actions with an initiative, a carrier region and a krachtlijn each: bulk rows, so
    that a thousand take a second."""
    plan = current_plan()
    challenge = ChallengeFactory(plan=plan)
    region = RegionFactory(slug="bulk-regio")
    krachtlijn = KrachtlijnFactory(slug="bulk-krachtlijn")
    start = Action.objects.count()
    created = Action.objects.bulk_create(
        Action(
            challenge=challenge,
            slug=f"bulk-{start + i}",
            title_nl=f"Actie {start + i}",
            status=Status.RUNNING,
        )
        for i in range(n)
    )
    Initiative.objects.bulk_create(Initiative(action=a, title_nl="Initiatief") for a in created)
    Action.carrier_regions.through.objects.bulk_create(
        Action.carrier_regions.through(action_id=a.pk, region_id=region.pk) for a in created
    )
    Action.krachtlijnen.through.objects.bulk_create(
        Action.krachtlijnen.through(action_id=a.pk, krachtlijn_id=krachtlijn.pk) for a in created
    )


def test_the_action_list_takes_a_constant_number_of_queries(client, plan):
    url = "/api/v1/actions?limit=100&region=bulk-regio"
    assert_constant_queries(client, url, _bulk_actions, small=10, large=1000)


def _bulk_challenges(n):
    """n challenges with an action each, carried by a region."""
    plan = current_plan()
    region = RegionFactory(slug="bulk-regio")
    start = Challenge.objects.count()
    challenges = Challenge.objects.bulk_create(
        Challenge(plan=plan, number=100 + start + i, slug=f"c-{start + i}", title_nl="C")
        for i in range(n)
    )
    created = Action.objects.bulk_create(
        Action(challenge=c, slug=f"a-{c.slug}", title_nl="A", status=Status.COMPLETED)
        for c in challenges
    )
    Action.carrier_regions.through.objects.bulk_create(
        Action.carrier_regions.through(action_id=a.pk, region_id=region.pk) for a in created
    )


def test_the_challenge_list_takes_a_constant_number_of_queries(client, plan):
    assert_constant_queries(
        client, "/api/v1/challenges?limit=100", _bulk_challenges, small=10, large=1000
    )


def test_the_plan_list_takes_a_constant_number_of_queries(client, plan):
    # The plan nests every challenge: 100 keep the test short.
    assert_constant_queries(client, "/api/v1/plans", _bulk_challenges, small=10, large=100)


def _bulk_spearheads(n):
    """n spearheads with a lead, a partner, a related challenge and an activity with a
    partner each."""
    plan = current_plan()
    lead, partner = OrganisationFactory(), OrganisationFactory()
    challenge = ChallengeFactory(plan=plan)
    start = Spearhead.objects.count()
    spearheads = Spearhead.objects.bulk_create(
        Spearhead(
            plan=plan,
            number=100 + start + i,
            slug=f"s-{start + i}",
            title_nl="S",
            start_year=2022,
            end_year=2024,
            lead_organisation=lead,
        )
        for i in range(n)
    )
    Spearhead.partners.through.objects.bulk_create(
        Spearhead.partners.through(spearhead_id=s.pk, organisation_id=partner.pk)
        for s in spearheads
    )
    Spearhead.challenges.through.objects.bulk_create(
        Spearhead.challenges.through(spearhead_id=s.pk, challenge_id=challenge.pk)
        for s in spearheads
    )
    activities = SpearheadActivity.objects.bulk_create(
        SpearheadActivity(spearhead=s, title_nl="A", status=Status.RUNNING) for s in spearheads
    )
    SpearheadActivity.partners.through.objects.bulk_create(
        SpearheadActivity.partners.through(spearheadactivity_id=a.pk, organisation_id=partner.pk)
        for a in activities
    )


def test_the_spearhead_list_takes_a_constant_number_of_queries(client, plan):
    assert_constant_queries(
        client, "/api/v1/spearheads?limit=100", _bulk_spearheads, small=10, large=1000
    )


def _bulk_evaluations(n):
    """n evaluations with a conclusion on a challenge, an action and a spearhead each."""
    plan = current_plan()
    challenge = ChallengeFactory(plan=plan)
    action = ActionFactory(challenge=challenge)
    spearhead = SpearheadFactory(plan=plan)
    start = Evaluation.objects.count()
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(plan=plan, slug=f"e-{start + i}", title_nl="E", date=datetime.date(2022, 5, 5))
        for i in range(n)
    )
    EvaluationConclusion.objects.bulk_create(
        EvaluationConclusion(evaluation=e, text_nl="T", **subject)
        for e in evaluations
        for subject in ({"challenge": challenge}, {"action": action}, {"spearhead": spearhead})
    )


def test_the_evaluation_list_takes_a_constant_number_of_queries(client, plan):
    assert_constant_queries(
        client, "/api/v1/evaluations?limit=100", _bulk_evaluations, small=10, large=1000
    )


# --- who asks --------------------------------------------------------------------------


def test_a_session_of_any_role_changes_nothing(client, landscape):
    socius, other = OrganisationFactory(), OrganisationFactory()
    Action.objects.get(slug="a-beide").carrier_organisations.set([socius])
    spearhead = SpearheadFactory(plan=current_plan(), slug="sp", lead_organisation=socius)
    ActivityFactory(spearhead=spearhead)
    EvaluationFactory(slug="ev")
    everyone = people(
        region=landscape["gent"],
        other_region=landscape["kempen"],
        organisation=socius,
        other_organisation=other,
    )
    plan = current_plan()
    assert_same_for_everyone(
        client,
        [
            "/api/v1/plans",
            f"/api/v1/plans/{plan.slug}",
            "/api/v1/challenges",
            "/api/v1/challenges/armoede",
            "/api/v1/actions",
            "/api/v1/actions?region=gent",
            "/api/v1/actions/a-beide",
            "/api/v1/spearheads",
            "/api/v1/spearheads/sp",
            "/api/v1/evaluations",
            "/api/v1/evaluations/ev",
        ],
        everyone,
    )
