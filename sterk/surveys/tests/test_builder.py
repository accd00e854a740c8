"""The builder: a chair builds a survey; once answered, only safe changes."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sterk.actionplan.tests.factories import chair_of
from sterk.core.models import AuditEntry
from sterk.network.tests.factories import RegionFactory, give_totp
from sterk.surveys.models import Option, Question, Response, Section, Survey
from sterk.surveys.tests.factories import SurveyFactory, small_survey

pytestmark = pytest.mark.django_db


def chair_client(region: Any) -> Client:
    user = chair_of(region)
    give_totp(user)
    client = Client()
    client.force_login(user)
    return client


def test_chair_builds_a_survey() -> None:
    region = RegionFactory()
    client = chair_client(region)
    r = client.post(
        reverse("surveys_manage:survey_create"),
        {
            "title_nl": "Sociaal werk in coronatijden",
            "owner_kind": "region",
            "region": region.pk,
            "opens_at": "2026-01-01T09:00",
            "closes_at": "2026-02-01T09:00",
            "audience": "public",
            "anonymous": "on",
            "consent_text_nl": "Ik doe mee.",
            "purpose_nl": "Uitdagingen kiezen.",
            "contact_name": "Voorzitter",
            "contact_email": "v@example.org",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    survey = Survey.objects.get()
    assert survey.slug == "sociaal-werk-in-coronatijden" and survey.region == region
    base = f"/en/beheer/bevragingen/{survey.pk}/"
    assert client.post(base + "sectie/nieuw/", {"title_nl": "Deel 1"}).status_code == 302
    section = Section.objects.get()
    r = client.post(
        base + "vraag/nieuw/",
        {
            "section": section.pk,
            "kind": "single",
            "text_nl": "Werk je digitaal?",
            "options_text": "Ja\nNee",
            "scale_max": 5,
        },
    )
    assert r.status_code == 302
    r = client.post(
        base + "vraag/nieuw/",
        {
            "section": section.pk,
            "kind": "single",
            "text_nl": "Eén optie",
            "options_text": "Ja",
            "scale_max": 5,
        },
    )
    assert "at least two options" in r.content.decode()
    assert 'value="Eén optie"' in r.content.decode() or "Eén optie" in r.content.decode()
    client.post(
        base + "vraag/nieuw/",
        {"section": section.pk, "kind": "scale", "text_nl": "Hoe zwaar?", "scale_max": 5},
    )
    first, second = Question.objects.order_by("position")
    client.post(base + f"vraag/{second.pk}/verplaatsen/", {"direction": "up"})
    assert list(Question.objects.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    client.post(base + f"vraag/{first.pk}/kopie/")
    assert Question.objects.count() == 3
    assert client.get(base + "voorbeeld/").status_code == 200
    assert client.post(base + "status/", {"status": "published"}).status_code == 302
    survey.refresh_from_db()
    assert survey.status == "published"
    assert (
        AuditEntry.objects.filter(action__startswith="surveys.", region_id=region.pk).count() >= 6
    )


def test_answered_survey_allows_only_safe_changes() -> None:
    survey, (q1, q2, _q3, _q4) = small_survey(anonymous=False)
    Response.objects.create(survey=survey, token="t" * 20)
    client = chair_client(survey.region)
    base = f"/en/beheer/bevragingen/{survey.pk}/"
    page = client.get(base).content.decode()
    assert "People answered this survey" in page
    # Change the kind: refused, said why.
    r = client.post(
        base + f"vraag/{q1.pk}/",
        {
            "section": q1.section_id,
            "kind": "multiple",
            "text_nl": "Werk je digitaal?",
            "options_text": "Ja\nNee",
            "scale_max": 5,
            "required": "on",
            "allow_other": "on",
        },
    )
    assert "people answered the question" in r.content.decode()
    # Remove an option: refused.
    r = client.post(
        base + f"vraag/{q1.pk}/",
        {
            "section": q1.section_id,
            "kind": "single",
            "text_nl": "Werk je digitaal?",
            "options_text": "Ja",
            "scale_max": 5,
            "required": "on",
            "allow_other": "on",
        },
    )
    assert "not removed" in r.content.decode()
    # Reword and add an option: fine.
    r = client.post(
        base + f"vraag/{q1.pk}/",
        {
            "section": q1.section_id,
            "kind": "single",
            "text_nl": "Werk je (ook) digitaal?",
            "options_text": "Ja, vaak\nNee\nSoms",
            "scale_max": 5,
            "required": "on",
            "allow_other": "on",
        },
    )
    assert r.status_code == 302
    assert list(Option.objects.filter(question=q1).values_list("label_nl", flat=True)) == [
        "Ja, vaak",
        "Nee",
        "Soms",
    ]
    # Delete: refused.
    client.post(base + f"vraag/{q2.pk}/verwijderen/")
    assert Question.objects.filter(pk=q2.pk).exists()
    # A new required question: refused; optional: fine.
    r = client.post(
        base + "vraag/nieuw/",
        {
            "section": q1.section_id,
            "kind": "short_text",
            "text_nl": "Nieuw",
            "scale_max": 5,
            "required": "on",
        },
    )
    assert "must be optional" in r.content.decode()
    r = client.post(
        base + "vraag/nieuw/",
        {"section": q1.section_id, "kind": "short_text", "text_nl": "Nieuw", "scale_max": 5},
    )
    assert r.status_code == 302


def test_chair_of_another_region_is_refused() -> None:
    survey = SurveyFactory()
    client = chair_client(RegionFactory())
    assert client.get(f"/nl/beheer/bevragingen/{survey.pk}/").status_code == 403
    assert (
        client.post(
            f"/nl/beheer/bevragingen/{survey.pk}/status/", {"status": "archived"}
        ).status_code
        == 403
    )
    # and cannot create one for that region
    r = client.post(
        reverse("surveys_manage:survey_create"),
        {
            "title_nl": "X",
            "owner_kind": "region",
            "region": survey.region_id,
            "opens_at": "2026-01-01T09:00",
            "closes_at": "2026-02-01T09:00",
            "audience": "public",
            "consent_text_nl": "a",
            "purpose_nl": "b",
            "contact_name": "c",
            "contact_email": "c@example.org",
        },
    )
    assert r.status_code == 200 and Survey.objects.count() == 1


def test_list_query_counts_do_not_grow() -> None:
    region = RegionFactory()
    client = chair_client(region)
    counts = []
    for extra in (1, 5):
        for _i in range(extra):
            small_survey(region=region)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("surveys_manage:survey_list")).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
    public = Client()
    counts = []
    for extra in (1, 5):
        for _i in range(extra):
            small_survey(audience="public")
        with CaptureQueriesContext(connection) as ctx:
            assert public.get(reverse("surveys:survey_list")).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_a_partner_organisation_asks_for_one_of_its_own_spearheads() -> None:
    """Owner "a partner organisation (for a spearhead)": the representative chooses among
    the spearheads their organisation leads or takes part in; another is refused."""
    import datetime

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from sterk.actionplan.tests.factories import SpearheadFactory, stakeholder_of
    from sterk.network.tests.factories import OrganisationFactory
    from sterk.surveys import services
    from sterk.surveys.forms import SurveyForm

    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    own = SpearheadFactory(lead_organisation=socius)
    joined = SpearheadFactory()
    joined.partners.add(socius)
    other = SpearheadFactory()
    representative = stakeholder_of(socius)
    offered = set(SurveyForm(user=representative).fields["spearhead"].queryset)  # type: ignore[attr-defined]
    assert own in offered and joined in offered and other not in offered
    now = timezone.now()
    data: Any = {
        "title_nl": "Bevraging speerpunt",
        "owner_kind": "organisation",
        "organisation": socius,
        "spearhead": own,
        "opens_at": now,
        "closes_at": now + datetime.timedelta(days=14),
        "contact_name": "Socius",
        "contact_email": "info@socius.example.org",
        "consent_text_nl": "Je antwoorden worden gebruikt voor het speerpunt.",
        "purpose_nl": "Het speerpunt bijsturen.",
    }
    survey = services.survey_create(actor=representative, data=data)
    assert survey.spearhead == own and str(own) in survey.owner_label()
    with pytest.raises(ValidationError) as refused:
        services.survey_create(actor=representative, data={**data, "spearhead": other})
    assert "spearhead" in refused.value.message_dict
    # A region's survey is never a spearhead's.
    region = RegionFactory()
    regional = services.survey_create(
        actor=representative, data={**data, "owner_kind": "region", "region": region}
    )
    assert regional.spearhead is None


def test_sections_and_questions_move_one_place_and_stay_numbered_from_one() -> None:
    from sterk.core.models import AuditEntry
    from sterk.surveys import services

    survey, _questions = small_survey()
    chair = chair_of(survey.region) if survey.region_id else None
    first, second = list(survey.sections.order_by("position"))
    services.section_move(actor=chair, section=second, step=-1)
    assert list(survey.sections.order_by("position").values_list("pk", "position")) == [
        (second.pk, 1),
        (first.pk, 2),
    ]
    services.section_move(actor=chair, section=second, step=-1)  # already first: no change
    assert survey.sections.get(pk=second.pk).position == 1
    on_first = list(Question.objects.filter(section=first).order_by("position"))
    services.question_move(actor=chair, question=on_first[0], step=1)
    moved = list(Question.objects.filter(section=first).order_by("position"))
    assert [q.pk for q in moved] == [on_first[1].pk, on_first[0].pk]
    assert [q.position for q in moved] == [1, 2]
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("surveys.section_move") == 2 and "surveys.question_move" in actions
