"""Answering a survey: pages, drafts, one response per person, anonymity, grace period."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sterk.core.models import AuditEntry, OutboundEmail
from sterk.core.once import new_token
from sterk.core.personal_data import subject_for
from sterk.network.tests.factories import UserFactory
from sterk.surveys import personal_data
from sterk.surveys.models import Answer, Participation, Response, ResponseStatus
from sterk.surveys.tests.factories import small_survey

pytestmark = pytest.mark.django_db


def page(survey: Any, n: int) -> str:
    return reverse("surveys:survey_page", kwargs={"slug": survey.slug, "n": n})


def start(client: Client, survey: Any) -> Any:
    return client.post(
        reverse("surveys:survey_start", kwargs={"slug": survey.slug}), {"start-consent": "on"}
    )


def answer_all(client: Client, survey: Any, qs: list[Any], *, token: str | None = None) -> Any:
    q1, q2, q3, q4 = qs
    yes = q1.options.get(label_nl="Ja")
    r = client.post(page(survey, 1), {f"q{q1.pk}": str(yes.pk), f"q{q2.pk}": "4", "go": "next"})
    assert r.status_code == 302 and r["Location"].endswith("/2/")
    rows = {f"q{q3.pk}_r{o.pk}": "3" for o in q3.options.all()}
    data = {**rows, f"q{q4.pk}": "Veel online.", "go": "submit", "keep_informed": "on"}
    if token:
        data["_once"] = token
    return client.post(page(survey, 2), data)


def test_member_answers_an_identified_survey_and_it_is_in_their_data() -> None:
    survey, qs = small_survey(anonymous=False)
    member = UserFactory()
    client = Client()
    client.force_login(member)
    assert start(client, survey).status_code == 302
    r = answer_all(client, survey, qs)
    assert r.status_code == 302 and r["Location"].endswith("/bedankt/")
    response = Response.objects.get(survey=survey)
    assert response.user == member and response.status == ResponseStatus.SUBMITTED
    assert Answer.objects.filter(response=response).count() == 5  # choice, scale, 2 rows, text
    assert Participation.objects.get(survey=survey, user=member).keep_informed
    data = personal_data.export(subject_for(member))
    assert data["survey_responses"][0]["answers"]
    # One response per member: the start page says so.
    again = client.get(reverse("surveys:survey_start", kwargs={"slug": survey.slug}))
    assert "You answered this survey" in again.content.decode() or again.status_code == 200
    assert Response.objects.filter(survey=survey).count() == 1


def test_back_and_forth_keeps_the_answers() -> None:
    survey, (q1, q2, _q3, q4) = small_survey(anonymous=False)
    client = Client()
    client.force_login(UserFactory())
    start(client, survey)
    no = q1.options.get(label_nl="Nee")
    client.post(page(survey, 1), {f"q{q1.pk}": str(no.pk), f"q{q2.pk}": "2", "go": "next"})
    r = client.post(page(survey, 2), {"go": "prev"})
    assert r["Location"].endswith("/1/")
    body = client.get(page(survey, 1)).content.decode()
    assert f'value="{no.pk}" id="id_q{q1.pk}_1" required checked' in body or "checked" in body
    # The condition: "Nee" hides the long text on page 2. (Its field by name and id: a
    # bare "q4" also turns up inside a random CSRF token or nonce now and then.)
    second = client.get(page(survey, 2)).content.decode()
    assert f'name="q{q4.pk}"' not in second and f'id="id_q{q4.pk}"' not in second
    assert f'name="q{_q3.pk}' in second  # the page itself is there, with its other question


def test_a_required_answer_missing_shows_an_error_linked_to_the_field() -> None:
    survey, (q1, *_rest) = small_survey(anonymous=False)
    client = Client()
    client.force_login(UserFactory())
    start(client, survey)
    r = client.post(page(survey, 1), {"go": "next"})
    body = r.content.decode()
    assert r.status_code == 200
    assert 'id="error-summary"' in body and f'href="#id_q{q1.pk}_0"' in body


def test_double_submit_makes_one_response() -> None:
    survey, qs = small_survey(anonymous=True)
    client = Client()
    client.force_login(UserFactory())
    start(client, survey)
    token = new_token()
    first = answer_all(client, survey, qs, token=token)
    second = client.post(page(survey, 2), {"go": "submit", "_once": token})
    assert first["Location"] == second["Location"]
    assert Response.objects.filter(survey=survey).count() == 1


def test_anonymous_response_has_no_link_to_the_person() -> None:
    survey, qs = small_survey(anonymous=True)
    member = UserFactory(email="wie@example.org")
    client = Client()
    client.force_login(member)
    start(client, survey)
    answer_all(client, survey, qs)
    response = Response.objects.get(survey=survey)
    assert response.user is None and response.email == "" and response.draft == {}
    assert response.submitted_at == response.started_at  # to the day only
    assert timezone.localtime(response.submitted_at).hour == 0  # type: ignore[arg-type]
    participation = Participation.objects.get(survey=survey)
    assert participation.user == member and participation.submitted
    assert not AuditEntry.objects.filter(object_type="surveys.response").exists()
    # Nothing about the response in the person's data download.
    assert personal_data.export(subject_for(member))["survey_responses"] == []
    # No second response for this member.
    start(client, survey)
    assert "You answered this survey" in client.get(page(survey, 1)).content.decode()


def test_visitor_gets_a_private_link_and_answers_anonymously() -> None:
    survey, qs = small_survey(anonymous=True)
    client = Client()
    r = client.post(
        reverse("surveys:survey_start", kwargs={"slug": survey.slug}),
        {"start-email": "Bezoeker@Example.org", "start-consent": "on"},
    )
    assert r.status_code == 302
    row = OutboundEmail.objects.get(to="bezoeker@example.org")
    participation = Participation.objects.get(survey=survey)
    assert participation.token in row.body
    link = reverse(
        "surveys:survey_link", kwargs={"slug": survey.slug, "token": participation.token}
    )
    assert client.get(link).status_code == 302
    answer_all(client, survey, qs)
    response = Response.objects.get(survey=survey)
    assert response.email == "" and response.user is None
    # The mail log holds the participation's token, never the response's.
    assert response.token not in row.body
    # The same address again: refused.
    other = Client()
    r = other.post(
        reverse("surveys:survey_start", kwargs={"slug": survey.slug}),
        {"start-email": "bezoeker@example.org", "start-consent": "on"},
    )
    assert "already answered" in r.content.decode()
    assert len(mail.outbox) <= 1


def test_visitor_draft_of_identified_survey_is_kept_under_the_address() -> None:
    survey, (q1, _q2, *_r) = small_survey(anonymous=False)
    client = Client()
    client.post(
        reverse("surveys:survey_start", kwargs={"slug": survey.slug}),
        {"start-email": "v@example.org", "start-consent": "on"},
    )
    p = Participation.objects.get(survey=survey)
    client.get(reverse("surveys:survey_link", kwargs={"slug": survey.slug, "token": p.token}))
    client.post(page(survey, 1), {f"q{q1.pk}": str(q1.options.first().pk), "go": "next"})  # type: ignore[union-attr]
    draft = Response.objects.get(survey=survey, email="v@example.org")
    assert draft.draft[f"q{q1.pk}"] == str(q1.options.first().pk)  # type: ignore[union-attr]
    # A closed tab: a new browser with the link comes back to page 2.
    fresh = Client()
    r = fresh.get(reverse("surveys:survey_link", kwargs={"slug": survey.slug, "token": p.token}))
    assert r["Location"].endswith("/2/")


def test_closing_while_answering_takes_answers_in_the_grace_period(settings: Any) -> None:
    settings.STERK_SURVEY_GRACE_MINUTES = 30
    survey, qs = small_survey(anonymous=False)
    client = Client()
    client.force_login(UserFactory())
    start(client, survey)
    q1, _q2, _q3, _q4 = qs
    client.post(page(survey, 1), {f"q{q1.pk}": str(q1.options.first().pk), "go": "next"})  # type: ignore[union-attr]
    Response.objects.filter(survey=survey).update(
        started_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    survey.closes_at = timezone.now() - datetime.timedelta(minutes=5)
    survey.opens_at = timezone.now() - datetime.timedelta(days=2)
    survey.save()
    body = client.get(page(survey, 2)).content.decode()
    assert "You started before that" in body
    r = client.post(page(survey, 2), {"go": "submit"})
    assert r["Location"].endswith("/bedankt/")
    assert Response.objects.get(survey=survey).late
    # Past the grace period: closed.
    other = Client()
    other.force_login(UserFactory())
    survey.closes_at = timezone.now() - datetime.timedelta(minutes=31)
    survey.save()
    start(other, survey)
    assert other.get(page(survey, 1)).status_code in (302, 410)


def test_survey_list_shows_open_surveys_for_the_audience() -> None:
    _public, _q = small_survey(title_nl="Open voor iedereen")
    _members, _q2 = small_survey(title_nl="Alleen leden", audience="members")
    body = Client().get(reverse("surveys:survey_list")).content.decode()
    assert "Open voor iedereen" in body and "Alleen leden" not in body
    client = Client()
    client.force_login(UserFactory())
    assert "Alleen leden" in client.get(reverse("surveys:survey_list")).content.decode()


def test_survey_list_leads_to_earlier_surveys_results_and_follow_up(
    django_assert_max_num_queries,
) -> None:
    """No dead end when nothing is open: closed surveys whose results or follow-up are
    public are listed with links to them, in a constant number of queries."""
    now = timezone.now()
    closed = {
        "opens_at": now - datetime.timedelta(days=60),
        "closes_at": now - datetime.timedelta(days=30),
    }
    both, _q = small_survey(title_nl="Vorige bevraging", **closed)
    both.results_published_at = both.followup_published_at = now
    both.save()
    _hidden, _q2 = small_survey(title_nl="Nog niet gedeeld", **closed)
    body = Client().get(reverse("surveys:survey_list")).content.decode()
    assert "Vorige bevraging" in body and "Nog niet gedeeld" not in body
    assert reverse("surveys:results", args=[both.slug]) in body
    assert reverse("surveys:followup", args=[both.slug]) in body
    Client().get(reverse("surveys:survey_list"))
    with django_assert_max_num_queries(12) as few:
        Client().get(reverse("surveys:survey_list"))
    for i in range(5):
        more, _q3 = small_survey(title_nl=f"Ouder {i}", **closed)
        more.followup_published_at = now
        more.save()
    with django_assert_max_num_queries(len(few)):
        assert "Ouder 4" in Client().get(reverse("surveys:survey_list")).content.decode()


def test_personal_data_erase_removes_identified_responses() -> None:
    survey, qs = small_survey(anonymous=False)
    member = UserFactory()
    client = Client()
    client.force_login(member)
    start(client, survey)
    answer_all(client, survey, qs)
    from sterk.surveys.models import AnswerTally

    assert AnswerTally.objects.filter(question__survey=survey, n__gt=0).exists()
    personal_data.erase(subject_for(member))
    assert not Response.objects.filter(survey=survey).exists()
    assert not AnswerTally.objects.filter(question__survey=survey, n__gt=0).exists()
    assert not Participation.objects.filter(survey=survey).exists()
