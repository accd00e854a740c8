"""Who may moderate what: another region's chair and another organisation's call owner
are refused; a submitter edits only their own practice, and only while allowed."""

from __future__ import annotations

import pytest

from sterk.practices.models import Status

from .factories import (
    CallFactory,
    OrganisationFactory,
    PracticeFactory,
    UserFactory,
    chair_of,
    coordinator,
    stakeholder_of,
)

pytestmark = pytest.mark.django_db


def test_other_region_chair_is_refused(client, antwerpen, limburg) -> None:
    practice = PracticeFactory(region=antwerpen, title_nl="Antwerpse praktijk")
    client.force_login(chair_of(limburg))
    assert client.get(f"/nl/beheer/praktijken/{practice.pk}/").status_code == 403
    assert (
        client.post(f"/nl/beheer/praktijken/{practice.pk}/", {"decision": "publish"}).status_code
        == 403
    )
    assert client.get(f"/nl/beheer/praktijken/{practice.pk}/bewerken/").status_code == 403
    assert "Antwerpse praktijk" not in client.get("/nl/beheer/praktijken/").content.decode()
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
    client.force_login(chair_of(antwerpen))
    assert client.get(f"/nl/beheer/praktijken/{practice.pk}/").status_code == 200


def test_other_organisation_call_owner_is_refused(client, socius) -> None:
    call = CallFactory(owner=socius)
    practice = PracticeFactory(call=call, title_nl="Verhaal voor Socius")
    other = stakeholder_of(OrganisationFactory(name="Weliswaar", is_stakeholder=True))
    client.force_login(other)
    for url in (
        f"/nl/beheer/praktijken/{practice.pk}/",
        f"/nl/beheer/praktijken/oproepen/{call.pk}/",
        f"/nl/beheer/praktijken/oproepen/{call.pk}/bewerken/",
        f"/nl/beheer/praktijken/oproepen/{call.pk}/export.csv",
        f"/nl/beheer/praktijken/oproepen/{call.pk}/export.xlsx",
    ):
        assert client.get(url).status_code == 403, url
    assert "Verhaal voor Socius" not in client.get("/nl/beheer/praktijken/").content.decode()
    client.force_login(stakeholder_of(socius))
    assert client.get(f"/nl/beheer/praktijken/{practice.pk}/").status_code == 200


def test_unconfirmed_and_draft_are_nobodys_business(client, socius) -> None:
    call = CallFactory(owner=socius)
    unconfirmed = PracticeFactory(call=call, status=Status.UNCONFIRMED)
    draft = PracticeFactory(status=Status.DRAFT, submitted_by=UserFactory())
    client.force_login(coordinator())
    assert client.get(f"/nl/beheer/praktijken/{unconfirmed.pk}/").status_code == 403
    assert client.get(f"/nl/beheer/praktijken/{draft.pk}/").status_code == 403


def test_members_and_visitors_stay_out_of_management(client) -> None:
    assert client.get("/nl/beheer/praktijken/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/nl/beheer/praktijken/").status_code == 403
    assert client.get("/nl/beheer/praktijken/oproepen/nieuw/").status_code == 403


def test_chair_cannot_start_a_call(client, antwerpen) -> None:
    client.force_login(chair_of(antwerpen))
    assert client.get("/nl/beheer/praktijken/oproepen/nieuw/").status_code == 403


def test_stakeholder_cannot_create_call_for_another_organisation(client, socius) -> None:
    other = OrganisationFactory(name="Weliswaar", is_stakeholder=True)
    client.force_login(stakeholder_of(socius))
    response = client.post(
        "/nl/beheer/praktijken/oproepen/nieuw/",
        {
            "title_nl": "X",
            "question_nl": "Y",
            "owner": other.pk,
            "opens_on": "2025-01-01",
            "closes_on": "2025-02-01",
        },
    )
    assert response.status_code == 200  # not a choice for this person
    assert not other.practice_calls.exists()


def test_submitter_edits_own_practice_only_while_allowed(client) -> None:
    owner, stranger = UserFactory(), UserFactory()
    practice = PracticeFactory(status=Status.DRAFT, submitted_by=owner)
    client.force_login(stranger)
    assert client.get(f"/nl/praktijken/mijn/{practice.pk}/").status_code == 404
    client.force_login(owner)
    assert client.get(f"/nl/praktijken/mijn/{practice.pk}/").status_code == 200
    practice.status = Status.IN_REVIEW
    practice.save()
    assert client.post(f"/nl/praktijken/mijn/{practice.pk}/", {"title_nl": "x"}).status_code == 403
