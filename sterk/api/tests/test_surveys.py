"""Survey outcomes through the API: the surveys the survey list links to, their published
results and follow-up as those pages show them; never an answer the page does not show,
never an unpublished survey."""

import datetime
import json

import pytest
from django.utils import timezone

from sterk.actionplan.tests.factories import ActionFactory
from sterk.events.tests.factories import EventFactory
from sterk.network.tests.factories import OrganisationFactory, RegionFactory
from sterk.surveys import services
from sterk.surveys.models import ActionPoint, Answer, Finding
from sterk.surveys.tests.factories import SurveyFactory, small_survey
from sterk.surveys.tests.test_results import fill

from .support import (
    all_results,
    assert_constant_queries,
    assert_same_for_everyone,
    get_json,
    page_links,
    people,
)

pytestmark = pytest.mark.django_db

RESULTS = r'href="/nl/bevragingen/([\w-]+)/resultaten/"'
FOLLOW_UP = r'href="/nl/bevragingen/([\w-]+)/opvolging/"'


def closed(**kwargs):
    now = timezone.now()
    kwargs.setdefault("opens_at", now - datetime.timedelta(days=30))
    kwargs.setdefault("closes_at", now - datetime.timedelta(days=10))
    return small_survey(**kwargs)


def publish_results(survey, questions):
    services.results_publish(
        actor=None, survey=survey, question_ids=[q.pk for q in questions], publish=True
    )


def with_follow_up(survey, qs, statement="Vijf op acht werken digitaal."):
    finding = Finding.objects.create(survey=survey, statement_nl=statement)
    finding.questions.set([qs[0]])
    services.followup_publish(actor=None, survey=survey, publish=True)
    return finding


def test_the_surveys_are_those_the_survey_list_links_to(client):
    results_only, qs = closed(slug="resultaten-alleen")
    fill(results_only, qs, 3, yes=1)
    publish_results(results_only, qs[:2])
    follow_up_only, qs2 = closed(slug="opvolging-alleen")
    with_follow_up(follow_up_only, qs2)
    both, qs3 = closed(slug="beide")
    publish_results(both, qs3[:1])
    with_follow_up(both, qs3)
    closed(slug="niets-gepubliceerd")
    SurveyFactory(slug="nu-open")  # open, its results not public
    api = {s["slug"]: s for s in all_results(client, "/api/v1/surveys?limit=2")}
    results = page_links(client, "/nl/bevragingen/", RESULTS)
    follow_up = page_links(client, "/nl/bevragingen/", FOLLOW_UP)
    assert set(api) == results | follow_up == {"resultaten-alleen", "opvolging-alleen", "beide"}
    assert {slug for slug, s in api.items() if s["results_url"]} == results
    assert {slug for slug, s in api.items() if s["follow_up_url"]} == follow_up
    assert api["opvolging-alleen"]["url"].endswith("/nl/bevragingen/opvolging-alleen/opvolging/")
    assert api["beide"]["closes_at"][-6:] in ("+01:00", "+02:00")


def test_the_results_show_the_published_questions_and_approved_quotes_only(client):
    survey, qs = closed(slug="werkdruk")
    fill(survey, qs, 8, yes=5)
    Answer.objects.filter(question=qs[3], text="Tekst 0").update(approved=True)
    publish_results(survey, [qs[0], qs[2], qs[3]])  # not the scale question
    response = client.get("/api/v1/surveys/werkdruk/results?lang=en")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["respondents"] == 8 and body["survey"]["slug"] == "werkdruk"
    questions = {q["question"]: q for q in body["questions"]}
    assert set(questions) == {"Werk je digitaal?", "Hoe goed lukt het?", "Vertel meer"}
    single = questions["Werk je digitaal?"]
    assert [(b["label"], b["n"], b["percent"]) for b in single["bars"]][:2] == [
        ("Ja", 5, 62.5),
        ("Nee", 3, 37.5),
    ]
    assert [r["mean"] for r in questions["Hoe goed lukt het?"]["rows"]] == [4.0, 2.0]
    assert questions["Vertel meer"]["quotes"] == ["Tekst 0"]
    # The written answers the owner did not approve are on neither the page nor the API.
    page = client.get("/en/bevragingen/werkdruk/resultaten/").content.decode()
    for unapproved in ("Tekst 1", "Tekst 4"):
        assert unapproved.encode() not in response.content and unapproved not in page
    assert "Tekst 0" in page


def test_the_follow_up_shows_findings_and_points_as_its_page(client):
    survey, qs = closed(slug="opvolging")
    fill(survey, qs, 6, yes=4)
    quote = Answer.objects.filter(question=qs[3]).order_by("pk").first()
    finding = Finding.objects.create(survey=survey, statement_nl="Digitaal werken weegt.")
    finding.questions.set([qs[0]])
    finding.quotes.set([quote])
    action = ActionFactory()
    ActionPoint.objects.create(finding=finding, title_nl="Een lerend netwerk", action=action)
    members = EventFactory(visibility="members")
    ActionPoint.objects.create(finding=finding, title_nl="Een ledenavond", event=members)
    services.followup_publish(actor=None, survey=survey, publish=True)
    body = get_json(client, "/api/v1/surveys/opvolging/follow-up")
    assert body["respondents"] == 6
    [found] = body["findings"]
    assert found["statement"] == "Digitaal werken weegt."
    assert found["quotes"] == [quote.text]
    assert [r["question"] for r in found["results"]] == ["Werk je digitaal?"]
    assert found["results"][0]["quotes"] == []
    points = {p["title"]: p for p in found["points"]}
    assert points["Een lerend netwerk"]["action"]["url"].endswith(action.get_absolute_url())
    # A members' event keeps its title off the public page, and off the API.
    assert points["Een ledenavond"]["event"] is None
    page = client.get("/nl/bevragingen/opvolging/opvolging/").content.decode()
    assert members.get_absolute_url() not in page
    assert members.title.encode() not in json.dumps(body).encode()


def test_what_is_not_public_is_a_problem_detail(client):
    unpublished, _qs = closed(slug="niet-gepubliceerd")
    fill(unpublished, _qs, 3, yes=1)
    results_only, qs = closed(slug="alleen-resultaten")
    publish_results(results_only, qs)
    follow_up_only, qs2 = closed(slug="alleen-opvolging")
    with_follow_up(follow_up_only, qs2)
    for page, api in [
        ("/nl/bevragingen/niet-gepubliceerd/resultaten/", "/api/v1/surveys/niet-gepubliceerd"),
        (
            "/nl/bevragingen/niet-gepubliceerd/resultaten/",
            "/api/v1/surveys/niet-gepubliceerd/results",
        ),
        (
            "/nl/bevragingen/niet-gepubliceerd/opvolging/",
            "/api/v1/surveys/niet-gepubliceerd/follow-up",
        ),
        (
            "/nl/bevragingen/alleen-resultaten/opvolging/",
            "/api/v1/surveys/alleen-resultaten/follow-up",
        ),
        (
            "/nl/bevragingen/alleen-opvolging/resultaten/",
            "/api/v1/surveys/alleen-opvolging/results",
        ),
    ]:
        assert client.get(page).status_code == 404, page
        response = client.get(api)
        assert response.status_code == 404, api
        assert response["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/surveys/alleen-resultaten/results").status_code == 200
    assert client.get("/api/v1/surveys/alleen-opvolging/follow-up").status_code == 200


def test_the_survey_list_takes_a_constant_number_of_queries(client):
    organisation = OrganisationFactory()

    def grow(n):
        for i in range(n):
            if i % 2:
                survey, qs = closed(region=RegionFactory())
            else:
                survey, qs = closed(
                    owner_kind="organisation", region=None, organisation=organisation
                )
            publish_results(survey, qs[:1])

    assert_constant_queries(client, "/api/v1/surveys?limit=100", grow, small=3, large=30)


def test_results_and_follow_up_take_a_constant_number_of_queries(client):
    survey, qs = closed(slug="groeit")
    publish_results(survey, qs)
    Answer.objects.filter(question=qs[3]).update(approved=True)
    finding = with_follow_up(survey, qs)

    def grow(n):
        fill(survey, qs, n, yes=n // 2)
        Answer.objects.filter(question=qs[3]).update(approved=True)
        for i in range(n):
            ActionPoint.objects.create(
                finding=finding, title_nl=f"Punt {i}", action=ActionFactory()
            )

    assert_constant_queries(client, "/api/v1/surveys/groeit/results", grow, small=3, large=30)
    assert_constant_queries(client, "/api/v1/surveys/groeit/follow-up", grow, small=3, large=30)


def test_a_session_of_any_role_changes_nothing(client):
    region, other = RegionFactory(), RegionFactory()
    survey, qs = closed(region=region)
    fill(survey, qs, 5, yes=2)
    publish_results(survey, qs)
    with_follow_up(survey, qs)
    everyone = people(
        region=region,
        other_region=other,
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )
    assert_same_for_everyone(
        client,
        [
            "/api/v1/surveys",
            f"/api/v1/surveys/{survey.slug}/results",
            f"/api/v1/surveys/{survey.slug}/follow-up",
        ],
        everyone,
    )
