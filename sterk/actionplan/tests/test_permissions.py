"""Progress, proposals and the plan's rules. Every URL of the action plan's management area
with every role is in the cross-app permission matrix,
sterk/manage/tests/test_permission_matrix.py."""

import datetime

import pytest
from django.urls import reverse

from sterk.actionplan import services
from sterk.actionplan.models import ProgressUpdate, ProposalStatus, Status
from sterk.core.models import OutboundEmail

from .factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    InitiativeFactory,
    OrganisationFactory,
    SpearheadFactory,
    UserFactory,
    chair_of,
    coordinator,
    stakeholder_of,
    steering_member,
)

pytestmark = pytest.mark.django_db


def _post_progress(client, kind, pk, **extra):
    data = {
        "date": "2023-03-01",
        "status": Status.RUNNING,
        "progress": "40",
        "narrative": "Het loopt goed.",
        "links": "Verslag | https://example.org/v",
        **extra,
    }
    return client.post(
        reverse("actionplan_manage:progress_post", kwargs={"kind": kind, "pk": pk}), data
    )


def test_chair_of_another_region_gets_403_on_an_antwerpen_action(client, antwerpen, limburg):
    action = ActionFactory(carrier_regions=[antwerpen])
    initiative = InitiativeFactory(action=action)
    client.force_login(chair_of(limburg))
    url = reverse("actionplan_manage:progress_post", kwargs={"kind": "actie", "pk": action.pk})
    assert client.get(url).status_code == 403
    assert _post_progress(client, "actie", action.pk).status_code == 403
    assert _post_progress(client, "initiatief", initiative.pk).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_chair_of_the_carrying_region_posts_progress(client, antwerpen):
    action = ActionFactory(carrier_regions=[antwerpen])
    initiative = InitiativeFactory(action=action)
    client.force_login(chair_of(antwerpen))
    response = _post_progress(client, "actie", action.pk)
    assert response.status_code == 302
    assert _post_progress(client, "initiatief", initiative.pk).status_code == 302
    action.refresh_from_db()
    assert action.status == Status.RUNNING and action.progress == 40
    update = action.updates.get()
    assert update.on_behalf_region == antwerpen
    assert update.links == [{"title": "Verslag", "url": "https://example.org/v"}]
    page = client.get(action.get_absolute_url())
    assert b"Het loopt goed." in page.content
    assert reverse("actionplan_manage:progress_post", args=["actie", action.pk]).encode() in (
        page.content
    )


def test_invalid_progress_shows_errors_instead_of_saving(client, antwerpen):
    action = ActionFactory(carrier_regions=[antwerpen])
    client.force_login(chair_of(antwerpen))
    response = _post_progress(client, "actie", action.pk, progress="150", links="ftp://x")
    assert response.status_code == 200
    assert b"error-summary" in response.content
    assert not ProgressUpdate.objects.exists()


def test_stakeholder_of_another_organisation_gets_403_on_a_socius_spearhead(client, socius):
    spearhead = SpearheadFactory(lead_organisation=socius)
    activity = ActivityFactory(spearhead=spearhead)
    other = OrganisationFactory(name="Andere organisatie", is_stakeholder=True)
    client.force_login(stakeholder_of(other))
    spearhead_url = reverse("actionplan_manage:progress_spearhead", kwargs={"pk": spearhead.pk})
    assert client.get(spearhead_url).status_code == 403
    assert _post_progress(client, "activiteit", activity.pk).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_socius_posts_progress_on_its_spearhead_and_on_actions_it_carries(client, socius):
    spearhead = SpearheadFactory(lead_organisation=socius)
    activity = ActivityFactory(spearhead=spearhead)
    action = ActionFactory(carrier_organisations=[socius])
    not_ours = ActionFactory()
    client.force_login(stakeholder_of(socius))
    assert (
        client.get(
            reverse("actionplan_manage:progress_spearhead", kwargs={"pk": spearhead.pk})
        ).status_code
        == 200
    )
    assert _post_progress(client, "activiteit", activity.pk).status_code == 302
    assert _post_progress(client, "actie", action.pk).status_code == 302
    assert _post_progress(client, "actie", not_ours.pk).status_code == 403
    assert activity.updates.get().on_behalf_organisation == socius


def test_partner_of_an_activity_may_post_on_it(client, socius):
    weliswaar = OrganisationFactory(name="Weliswaar", is_stakeholder=True)
    activity = ActivityFactory(spearhead=SpearheadFactory(lead_organisation=socius))
    activity.partners.add(weliswaar)
    client.force_login(stakeholder_of(weliswaar))
    assert _post_progress(client, "activiteit", activity.pk).status_code == 302


def test_chairs_do_not_post_on_spearheads_and_steering_members_do_not_post(client, antwerpen):
    activity = ActivityFactory()
    action = ActionFactory(carrier_regions=[antwerpen])
    client.force_login(chair_of(antwerpen))
    assert _post_progress(client, "activiteit", activity.pk).status_code == 403
    client.force_login(steering_member())
    assert _post_progress(client, "actie", action.pk).status_code == 403


def test_coordinator_posts_everywhere_and_removes_updates(client, antwerpen):
    action = ActionFactory(carrier_regions=[antwerpen])
    activity = ActivityFactory()
    client.force_login(coordinator())
    assert _post_progress(client, "actie", action.pk).status_code == 302
    assert _post_progress(client, "activiteit", activity.pk).status_code == 302
    update = action.updates.get()
    assert update.on_behalf_region is None
    url = reverse("actionplan_manage:progress_delete", kwargs={"pk": update.pk})
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not action.updates.exists()


def test_a_chair_cannot_remove_updates(client, antwerpen):
    action = ActionFactory(carrier_regions=[antwerpen])
    update = services.progress_record(
        actor=None,
        target=action,
        date=datetime.date(2022, 1, 1),
        status=Status.RUNNING,
        narrative="A.",
    )
    client.force_login(chair_of(antwerpen))
    url = reverse("actionplan_manage:progress_delete", kwargs={"pk": update.pk})
    assert client.post(url).status_code == 403
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()


def _proposal_post_data(challenge, region=None):
    data = {
        "challenge": challenge.pk,
        "title": "Werken in vertrouwen",
        "description": "Praktijken vanuit een vertrouwensrelatie.",
        "initiatives": "Eén\nTwee",
    }
    if region is not None:
        data["region"] = region.pk
    return data


def test_proposal_workflow_over_http(client, antwerpen, limburg):
    challenge = ChallengeFactory()
    chair = chair_of(antwerpen)
    client.force_login(chair)
    create = reverse("actionplan_manage:proposal_create")
    assert client.get(create).status_code == 200
    # A chair cannot propose on behalf of another region: the choice is not offered.
    response = client.post(create, _proposal_post_data(challenge, limburg))
    assert response.status_code == 200 and b"error-summary" in response.content
    response = client.post(create, _proposal_post_data(challenge, antwerpen))
    assert response.status_code == 302
    proposal = antwerpen.action_proposals.get()
    detail = reverse("actionplan_manage:proposal_detail", kwargs={"pk": proposal.pk})

    # The chair may not decide; another region's chair may not even look.
    assert client.post(detail, {"decision": "approve"}).status_code == 403
    client.force_login(chair_of(limburg))
    assert client.get(detail).status_code == 403

    client.force_login(steering_member())
    assert client.get(detail).status_code == 200
    response = client.post(detail, {"decision": "changes", "message": ""})
    assert response.status_code == 200 and b"error-summary" in response.content
    assert client.post(detail, {"decision": "changes", "message": "Partners?"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CHANGES_REQUESTED

    client.force_login(chair)
    edit = reverse("actionplan_manage:proposal_edit", kwargs={"pk": proposal.pk})
    assert client.get(edit).status_code == 200
    assert client.post(edit, _proposal_post_data(challenge)).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED and proposal.revision == 2

    client.force_login(coordinator())
    assert client.post(detail, {"decision": "approve", "message": ""}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    assert proposal.action.is_regional
    page = client.get(proposal.action.get_absolute_url())
    assert proposal.action.origin_region.name.encode() in page.content
    assert client.get(edit).status_code == 403  # decided proposals are closed
    assert OutboundEmail.objects.filter(to=chair.email).count() == 2


def test_other_people_get_403_and_anonymous_users_log_in(client, antwerpen):
    url = reverse("actionplan_manage:dashboard")
    response = client.get(url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_rules_declare_the_permissions():
    import rules

    for perm in (
        "actionplan.manage_plan",
        "actionplan.post_progress",
        "actionplan.decide_proposal",
        "actionplan.propose_action",
        "actionplan.delete_progress",
    ):
        assert rules.perm_exists(perm)
    assert not rules.has_perm("actionplan.manage_plan", None)
    assert not rules.has_perm("actionplan.something_undeclared", coordinator())
