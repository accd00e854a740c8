import datetime
import itertools
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sterk.actionplan import selectors, services
from sterk.actionplan.models import Action, Initiative, ProgressUpdate, Status

from .factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    EvaluationFactory,
    FunctionFactory,
    InitiativeFactory,
    KrachtlijnFactory,
    OrganisationFactory,
    RegionFactory,
    SpearheadFactory,
    coordinator,
)

pytestmark = pytest.mark.django_db
STATUSES = list(Status)
_batches = itertools.count()


def assert_accessible_markup(html: str) -> None:
    """What CSP and our accessibility rules forbid or require in every page."""
    assert not re.search(r"\sstyle\s*=", html), "inline style attribute"
    assert "<style" not in html
    for script in re.findall(r"<script[^>]*>", html):
        assert "src=" in script, f"inline script: {script}"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
    for table in re.findall(r"<table.*?</table>", html, flags=re.S):
        assert "<caption>" in table
        assert 'scope="col"' in table
    for control in re.findall(r'<(?:select|input|textarea)[^>]*\sid="([^"]+)"', html):
        assert f'for="{control}"' in html, f"no label for #{control}"


def build_plan(plan, n_actions: int, n_updates_per_action: int = 1):
    """A plan with n actions in bulk: carriers, krachtlijnen, initiatives and updates."""
    batch = next(_batches)
    challenges = [ChallengeFactory(plan=plan) for _ in range(8)]
    regions = [RegionFactory() for _ in range(3)]
    organisation = OrganisationFactory()
    krachtlijn = KrachtlijnFactory()
    function = FunctionFactory()
    actions = Action.objects.bulk_create(
        Action(
            challenge=challenges[i % 8],
            slug=f"bulk-{batch}-{i}",
            title_nl=f"Actie {i}",
            order=i,
            status=STATUSES[i % 5],
            progress=(i * 7) % 101,
            status_date=datetime.date(2022, 1, 1),
        )
        for i in range(n_actions)
    )
    through = Action.carrier_regions.through
    through.objects.bulk_create(
        through(action_id=a.pk, region_id=regions[i % 3].pk) for i, a in enumerate(actions)
    )
    org_through = Action.carrier_organisations.through
    org_through.objects.bulk_create(
        org_through(action_id=a.pk, organisation_id=organisation.pk) for a in actions[::2]
    )
    k_through = Action.krachtlijnen.through
    k_through.objects.bulk_create(
        k_through(action_id=a.pk, krachtlijn_id=krachtlijn.pk) for a in actions
    )
    f_through = Action.functions.through
    f_through.objects.bulk_create(
        f_through(action_id=a.pk, function_id=function.pk) for a in actions
    )
    initiatives = Initiative.objects.bulk_create(
        Initiative(action=a, order=j, title_nl=f"Initiatief {j}") for a in actions for j in range(2)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=a, date=datetime.date(2021, 1, 1 + j), status=Status.RUNNING, narrative="Bezig."
        )
        for a in actions
        for j in range(n_updates_per_action)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            initiative=i, date=datetime.date(2021, 2, 1), status=Status.RUNNING, narrative="Bezig."
        )
        for i in initiatives[::3]
    )
    spearhead = SpearheadFactory(plan=plan, partners=[organisation])
    for _ in range(3):
        ActivityFactory(spearhead=spearhead)
    return {
        "challenge": challenges[0],
        "region": regions[0],
        "krachtlijn": krachtlijn,
        "action": actions[0],
        "spearhead": spearhead,
    }


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_public_pages_keep_a_constant_query_count_from_10_to_1000_actions(client, plan):
    small = build_plan(plan, 10)

    def urls(objs):
        overview = reverse("actionplan:overview")
        return [
            overview,
            f"{overview}?regio={objs['region'].slug}&status=not_started"
            f"&krachtlijn={objs['krachtlijn'].slug}",
            objs["challenge"].get_absolute_url(),
            objs["spearhead"].get_absolute_url(),
            reverse("actionplan:export_csv"),
            reverse("actionplan:export_json"),
        ]

    before = [count_queries(client, url) for url in urls(small)]
    big = build_plan(plan, 990)
    assert Action.objects.count() == 1000
    after = [count_queries(client, url) for url in urls(big)]
    assert before == after


def test_action_page_keeps_a_constant_query_count_as_updates_grow(client, plan):
    few = build_plan(plan, 3, n_updates_per_action=2)["action"]
    many = build_plan(plan, 3, n_updates_per_action=25)["action"]
    EvaluationFactory(plan=plan)
    assert count_queries(client, few.get_absolute_url()) == count_queries(
        client, many.get_absolute_url()
    )


def test_management_lists_keep_a_constant_query_count(client, plan):
    client.force_login(coordinator())
    urls = [
        reverse("actionplan_manage:action_list"),
        reverse("actionplan_manage:progress_list"),
        reverse("actionplan_manage:dashboard"),
    ]
    build_plan(plan, 10)
    before = [count_queries(client, url) for url in urls]
    build_plan(plan, 200)
    assert [count_queries(client, url) for url in urls] == before


def test_overview_shows_challenges_bars_table_and_filters(client, plan, antwerpen):
    regional = ActionFactory(carrier_regions=[antwerpen], title_nl="Werken in vertrouwen")
    other = ActionFactory(title_nl="Digitale inclusie")
    services.progress_record(
        actor=None,
        target=regional,
        date=datetime.date(2022, 1, 1),
        status=Status.RUNNING,
        progress=50,
        narrative="Bezig.",
    )
    SpearheadFactory(title_nl="Rechtvaardige duurzaamheid")
    response = client.get(reverse("actionplan:overview"))
    html = response.content.decode()
    assert_accessible_markup(html)
    assert "<svg" in html and 'role="img"' in html and "st-running" in html
    assert "Werken in vertrouwen" in html and "Digitale inclusie" in html
    assert "Rechtvaardige duurzaamheid" in html
    filtered = client.get(reverse("actionplan:overview"), {"regio": "antwerpen"})
    assert "Werken in vertrouwen" in filtered.content.decode()
    assert other.title not in filtered.content.decode()
    by_status = client.get(reverse("actionplan:overview"), {"status": "not_started"})
    assert regional.title not in by_status.content.decode()
    assert other.title in by_status.content.decode()
    bad = client.get(reverse("actionplan:overview"), {"regio": "nergens", "status": "x"})
    assert bad.status_code == 200


def test_overview_serves_its_results_partial_to_htmx(client, plan):
    ActionFactory(title_nl="Onderbescherming aanpakken")
    response = client.get(
        reverse("actionplan:overview"),
        headers={"HX-Request": "true", "HX-Target": "plan-results"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="plan-results">')
    assert "<html" not in html and "Onderbescherming aanpakken" in html


def test_detail_pages_render_accessibly(client, plan, antwerpen, socius):
    krachtlijn = KrachtlijnFactory(title_nl="Politiserend werken")
    action = ActionFactory(
        carrier_regions=[antwerpen], carrier_organisations=[socius], krachtlijnen=[krachtlijn]
    )
    initiative = InitiativeFactory(action=action, title_nl="Praktijksafari")
    services.progress_record(
        actor=None,
        target=initiative,
        date=datetime.date(2021, 11, 19),
        status=Status.COMPLETED,
        narrative="Online praktijksafari over onderbescherming.",
        links=[{"title": "Opname", "url": "https://example.org/safari"}],
    )
    spearhead = SpearheadFactory(lead_organisation=socius)
    activity = ActivityFactory(spearhead=spearhead, title_nl="Verstaan")
    services.progress_record(
        actor=None,
        target=activity,
        date=datetime.date(2022, 5, 5),
        status=Status.COMPLETED,
        narrative="Publicatie voorgesteld.",
    )
    evaluation = EvaluationFactory(plan=plan)
    services.evaluation_snapshot_take(actor=None, evaluation=evaluation)
    services.conclusion_save(
        actor=None, evaluation=evaluation, data={"action": action, "text_nl": "Sterk begin."}
    )
    for url, expected in [
        (
            action.get_absolute_url(),
            [
                "Praktijksafari",
                "Online praktijksafari",
                "Socius",
                "Politiserend werken",
                "Sterk begin.",
                "https://example.org/safari",
            ],
        ),
        (action.challenge.get_absolute_url(), [action.title, "<svg"]),
        (spearhead.get_absolute_url(), ["Verstaan", "Publicatie voorgesteld.", "Socius"]),
        (evaluation.get_absolute_url(), [action.title, "Sterk begin.", "<svg"]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_accessible_markup(html)
        for text in expected:
            assert text in html, (url, text)
    assert client.get("/nl/actieplan/acties/bestaat-niet/").status_code == 404


def test_without_a_current_plan_the_overview_says_so(client):
    response = client.get(reverse("actionplan:overview"))
    assert response.status_code == 200
    assert client.get(reverse("actionplan:export_csv")).status_code == 404


def test_region_and_krachtlijn_includes(client, plan, antwerpen, limburg):
    krachtlijn = KrachtlijnFactory(slug="nabijheid", title_nl="Nabijheid")
    ours = ActionFactory(
        carrier_regions=[antwerpen], krachtlijnen=[krachtlijn], title_nl="Werken in vertrouwen"
    )
    ActionFactory(carrier_regions=[limburg], title_nl="Diversiteit")
    assert list(selectors.actions_for_region(antwerpen)) == [ours]
    assert list(selectors.actions_for_krachtlijn(krachtlijn)) == [ours]
    html = render_to_string(
        "actionplan/_region_actions.html",
        {"plan_actions": selectors.actions_for_region(antwerpen), "region": antwerpen},
    )
    assert "Werken in vertrouwen" in html and "Diversiteit" not in html
    assert "?regio=antwerpen" in html
    assert_accessible_markup(html)
    html = render_to_string(
        "actionplan/_krachtlijn_actions.html",
        {"plan_actions": selectors.actions_for_krachtlijn(krachtlijn), "krachtlijn": krachtlijn},
    )
    assert "Werken in vertrouwen" in html and "?krachtlijn=nabijheid" in html
    empty = render_to_string("actionplan/_region_actions.html", {"plan_actions": []})
    assert "<section" in empty


def test_management_pages_render_accessibly(client, plan, antwerpen):
    action = ActionFactory(carrier_regions=[antwerpen])
    InitiativeFactory(action=action)
    evaluation = EvaluationFactory(plan=plan)
    client.force_login(coordinator())
    for url in [
        reverse("actionplan_manage:dashboard"),
        reverse("actionplan_manage:action_edit", args=[action.pk]),
        reverse("actionplan_manage:action_create"),
        reverse("actionplan_manage:spearhead_create"),
        reverse("actionplan_manage:evaluation_edit", args=[evaluation.pk]),
        reverse("actionplan_manage:conclusion_create", args=[evaluation.pk]),
        reverse("actionplan_manage:progress_post", args=["actie", action.pk]),
        reverse("actionplan_manage:proposal_create"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_accessible_markup(response.content.decode())


def test_coordinator_runs_the_plan_through_the_management_pages(client, plan, antwerpen):
    client.force_login(coordinator())
    challenge = ChallengeFactory(plan=plan)
    response = client.post(
        reverse("actionplan_manage:action_create"),
        {
            "challenge": challenge.pk,
            "title_nl": "Nieuwe actie",
            "title_fr": "Nouvelle action",
            "origin": "regional",
            "carrier_regions": [antwerpen.pk],
        },
    )
    assert response.status_code == 200 and b"error-summary" in response.content  # no region
    response = client.post(
        reverse("actionplan_manage:action_create"),
        {
            "challenge": challenge.pk,
            "title_nl": "Nieuwe actie",
            "title_fr": "Nouvelle action",
            "origin": "plan",
            "carrier_regions": [antwerpen.pk],
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(slug="nieuwe-actie")
    assert action.title_fr == "Nouvelle action" and list(action.carrier_regions.all()) == [
        antwerpen
    ]
    response = client.post(
        reverse("actionplan_manage:initiative_create", args=[action.pk]),
        {"title_nl": "Eerste initiatief"},
    )
    assert response.status_code == 302 and action.initiatives.count() == 1
    response = client.post(
        reverse("actionplan_manage:evaluation_create"),
        {"plan": plan.pk, "date": "2022-05-05", "title_nl": "Evaluatie 2022"},
    )
    assert response.status_code == 302
    evaluation = plan.evaluations.get()
    response = client.post(reverse("actionplan_manage:evaluation_snapshot", args=[evaluation.pk]))
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.is_frozen
    response = client.post(
        reverse("actionplan_manage:conclusion_create", args=[evaluation.pk]),
        {"challenge": challenge.pk, "text_nl": "Goed bezig."},
    )
    assert response.status_code == 302 and evaluation.conclusions.count() == 1
    response = client.post(
        reverse("actionplan_manage:spearhead_create"),
        {
            "plan": plan.pk,
            "number": 1,
            "title_nl": "Krapte op de arbeidsmarkt",
            "start_year": 2022,
            "end_year": 2024,
        },
    )
    assert response.status_code == 302
    assert plan.spearheads.get().slug == "krapte-op-de-arbeidsmarkt"


def test_home_teaser(plan):
    ActionFactory(status=Status.COMPLETED)
    ActionFactory()
    teaser = selectors.home_teaser()
    assert teaser["summary"].total == 2 and teaser["summary"].completed == 1
    html = render_to_string("actionplan/_home_teaser.html", {"plan_teaser": teaser})
    assert reverse("actionplan:overview") in html
    assert_accessible_markup(html)
    assert render_to_string("actionplan/_home_teaser.html", {"plan_teaser": None}).strip() == ""
