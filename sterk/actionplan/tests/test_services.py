import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sterk.actionplan import services
from sterk.actionplan.models import (
    Action,
    ActionProposal,
    Initiative,
    Origin,
    Plan,
    ProgressUpdate,
    ProposalStatus,
    Status,
)
from sterk.core.models import AuditEntry, OutboundEmail

from .factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    EvaluationFactory,
    InitiativeFactory,
    KrachtlijnFactory,
    PlanFactory,
    SpearheadFactory,
    chair_of,
    coordinator,
    stakeholder_of,
    steering_member,
)

pytestmark = pytest.mark.django_db
D = datetime.date


# --- progress --------------------------------------------------------------------------


def test_progress_record_sets_the_current_state_and_keeps_history(antwerpen):
    action = ActionFactory(carrier_regions=[antwerpen])
    chair = chair_of(antwerpen)
    services.progress_record(
        actor=chair,
        target=action,
        date=D(2021, 3, 1),
        status=Status.PREPARING,
        narrative="Werkgroep samengesteld.",
        progress=10,
    )
    services.progress_record(
        actor=chair,
        target=action,
        date=D(2022, 3, 1),
        status=Status.RUNNING,
        narrative="Gestart.",
        progress=40,
        links=["https://example.org/verslag"],
    )
    action.refresh_from_db()
    assert (action.status, action.progress, action.status_date) == (
        Status.RUNNING,
        40,
        D(2022, 3, 1),
    )
    assert action.updates.count() == 2
    latest = action.updates.latest_first().first()
    assert latest.on_behalf_region == antwerpen
    assert latest.links == [
        {"title": "https://example.org/verslag", "url": "https://example.org/verslag"}
    ]
    entry = AuditEntry.objects.filter(action="progress.recorded").first()
    assert entry.region_id == antwerpen.pk
    assert entry.actor == chair


def test_an_older_update_posted_later_does_not_become_the_current_state():
    action = ActionFactory()
    actor = coordinator()
    services.progress_record(
        actor=actor, target=action, date=D(2023, 1, 1), status=Status.RUNNING, narrative="Nu."
    )
    services.progress_record(
        actor=actor, target=action, date=D(2021, 1, 1), status=Status.PREPARING, narrative="Toen."
    )
    action.refresh_from_db()
    assert action.status == Status.RUNNING
    assert action.status_date == D(2023, 1, 1)


def test_completed_means_100_percent_and_future_dates_and_over_100_are_refused():
    action = ActionFactory()
    actor = coordinator()
    services.progress_record(
        actor=actor, target=action, date=D(2023, 1, 1), status=Status.COMPLETED, narrative="Klaar."
    )
    action.refresh_from_db()
    assert action.progress == 100
    with pytest.raises(ValidationError):
        services.progress_record(
            actor=actor,
            target=action,
            date=timezone.localdate() + datetime.timedelta(days=1),
            status=Status.RUNNING,
            narrative="Morgen.",
        )
    with pytest.raises(ValidationError):
        services.progress_record(
            actor=actor,
            target=action,
            date=D(2023, 2, 1),
            status=Status.RUNNING,
            narrative="Te veel.",
            progress=120,
        )
    with pytest.raises(ValidationError):
        services.progress_record(
            actor=actor,
            target=action,
            date=D(2023, 2, 1),
            status=Status.RUNNING,
            narrative="Link.",
            links=["javascript:alert(1)"],
        )
    assert action.updates.count() == 1


def test_progress_on_initiatives_and_activities_is_separate(socius):
    initiative = InitiativeFactory()
    activity = ActivityFactory(spearhead=SpearheadFactory(lead_organisation=socius))
    rep = stakeholder_of(socius)
    services.progress_record(
        actor=coordinator(),
        target=initiative,
        date=D(2022, 1, 1),
        status=Status.RUNNING,
        narrative="Bezig.",
    )
    services.progress_record(
        actor=rep,
        target=activity,
        date=D(2022, 5, 5),
        status=Status.COMPLETED,
        narrative="Publicatie voorgesteld.",
    )
    initiative.refresh_from_db()
    activity.refresh_from_db()
    initiative.action.refresh_from_db()
    assert initiative.status == Status.RUNNING
    assert initiative.action.status == Status.NOT_STARTED
    assert activity.status == Status.COMPLETED
    assert activity.updates.get().on_behalf_organisation == socius


def test_progress_delete_falls_back_to_the_previous_update():
    action = ActionFactory()
    actor = coordinator()
    services.progress_record(
        actor=actor, target=action, date=D(2021, 1, 1), status=Status.RUNNING, narrative="A."
    )
    wrong = services.progress_record(
        actor=actor, target=action, date=D(2022, 1, 1), status=Status.STOPPED, narrative="Fout."
    )
    services.progress_delete(actor=actor, update=wrong)
    action.refresh_from_db()
    assert action.status == Status.RUNNING
    assert AuditEntry.objects.filter(action="progress.deleted").exists()
    services.progress_delete(actor=actor, update=action.updates.get())
    action.refresh_from_db()
    assert (action.status, action.progress, action.status_date) == (Status.NOT_STARTED, None, None)


def test_action_with_history_cannot_be_deleted():
    action = ActionFactory()
    services.progress_record(
        actor=None, target=action, date=D(2021, 1, 1), status=Status.RUNNING, narrative="A."
    )
    with pytest.raises(ValidationError):
        services.action_delete(actor=coordinator(), action=action)
    fresh = ActionFactory()
    services.action_delete(actor=coordinator(), action=fresh)
    assert not Action.objects.filter(pk=fresh.pk).exists()


def test_action_update_refuses_to_set_the_state_directly():
    action = ActionFactory()
    with pytest.raises(ValidationError):
        services.action_update(actor=coordinator(), action=action, data={"status": "completed"})


def test_action_create_derives_a_unique_slug_and_audits(plan):
    challenge = ChallengeFactory()
    data = {"challenge": challenge, "title_nl": "Onderbescherming aanpakken"}
    first = services.action_create(actor=coordinator(), data=dict(data))
    second = services.action_create(actor=coordinator(), data=dict(data))
    assert first.slug == "onderbescherming-aanpakken"
    assert second.slug == "onderbescherming-aanpakken-2"
    assert second.order == first.order + 1
    assert AuditEntry.objects.filter(action="action.created").count() == 2


def test_only_one_plan_is_current():
    old = PlanFactory(is_current=True, slug="oud")
    new = services.plan_create(
        actor=coordinator(),
        data={
            "slug": "2025-2029",
            "title_nl": "Volgend plan",
            "start_year": 2025,
            "end_year": 2029,
            "is_current": True,
        },
    )
    old.refresh_from_db()
    assert new.is_current and not old.is_current
    assert Plan.objects.current() == new
    with pytest.raises(ValidationError):
        services.plan_create(
            actor=None,
            data={"slug": "fout", "title_nl": "Fout", "start_year": 2030, "end_year": 2029},
        )


# --- evaluations -----------------------------------------------------------------------


def test_snapshot_is_the_state_on_the_date_and_never_changes_afterwards(plan, antwerpen):
    action = ActionFactory(carrier_regions=[antwerpen], title_fr="Action FR")
    initiative = InitiativeFactory(action=action)
    activity = ActivityFactory()
    actor = coordinator()
    services.progress_record(
        actor=actor,
        target=action,
        date=D(2021, 6, 1),
        status=Status.RUNNING,
        progress=30,
        narrative="Bezig.",
    )
    services.progress_record(
        actor=actor, target=action, date=D(2022, 9, 1), status=Status.COMPLETED, narrative="Klaar."
    )
    services.progress_record(
        actor=actor, target=activity, date=D(2022, 5, 5), status=Status.COMPLETED, narrative="Ok."
    )
    evaluation = EvaluationFactory(plan=plan, date=D(2022, 5, 5))
    services.evaluation_snapshot_take(actor=actor, evaluation=evaluation)
    evaluation.refresh_from_db()
    rows = {(r["type"], r["id"]): r for r in evaluation.snapshot}
    # The update of September 2022 came after the evaluation: the snapshot knows the June 2021 one.
    assert rows[("action", action.pk)]["status"] == Status.RUNNING
    assert rows[("action", action.pk)]["progress"] == 30
    assert rows[("action", action.pk)]["title"]["fr"] == "Action FR"
    assert rows[("action", action.pk)]["carrier_regions"][0]["nl"] == "Antwerpen"
    assert rows[("initiative", initiative.pk)]["status"] == Status.NOT_STARTED
    assert rows[("activity", activity.pk)]["status"] == Status.COMPLETED
    frozen = list(evaluation.snapshot)

    # Later updates, even backdated ones, and renames do not touch the snapshot.
    services.progress_record(
        actor=actor, target=action, date=D(2022, 1, 1), status=Status.STOPPED, narrative="Later."
    )
    services.progress_record(
        actor=actor, target=initiative, date=D(2023, 1, 1), status=Status.RUNNING, narrative="X."
    )
    services.action_update(actor=actor, action=action, data={"title_nl": "Nieuwe titel"})
    evaluation.refresh_from_db()
    assert evaluation.snapshot == frozen
    with pytest.raises(ValidationError):
        services.evaluation_snapshot_take(actor=actor, evaluation=evaluation)
    with pytest.raises(ValidationError):
        services.evaluation_update(actor=actor, evaluation=evaluation, data={"date": D(2023, 1, 1)})
    evaluation.refresh_from_db()
    assert evaluation.snapshot == frozen


def test_conclusions_belong_to_one_subject_of_the_same_plan(plan):
    evaluation = EvaluationFactory(plan=plan)
    challenge = ChallengeFactory(plan=plan)
    conclusion = services.conclusion_save(
        actor=coordinator(),
        evaluation=evaluation,
        data={"challenge": challenge, "text_nl": "Goed op weg."},
    )
    assert conclusion.subject == challenge
    with pytest.raises(ValidationError):
        services.conclusion_save(
            actor=coordinator(),
            evaluation=evaluation,
            data={
                "challenge": challenge,
                "action": ActionFactory(challenge=challenge),
                "text_nl": "Twee.",
            },
        )
    other_plan_challenge = ChallengeFactory(plan=PlanFactory())
    with pytest.raises(ValidationError):
        services.conclusion_save(
            actor=coordinator(),
            evaluation=evaluation,
            data={"challenge": other_plan_challenge, "text_nl": "Ander plan."},
        )


# --- proposals -------------------------------------------------------------------------


def _proposal_data(challenge, **extra):
    return {
        "challenge": challenge,
        "title": "Minder bureaucratie, meer hulpverlening",
        "description": "Projecten die de administratieve werklast verlagen.",
        "initiatives": "Werklast in kaart\n- Projecten uitlichten\n\n",
        "krachtlijnen": [KrachtlijnFactory()],
        **extra,
    }


def test_a_proposal_goes_through_changes_to_approval(antwerpen, limburg):
    challenge = ChallengeFactory()
    chair = chair_of(antwerpen)
    decider = steering_member()
    boss = coordinator()

    proposal = services.proposal_submit(
        actor=chair, region=antwerpen, data=_proposal_data(challenge, carrier_regions=[limburg])
    )
    assert proposal.status == ProposalStatus.SUBMITTED
    assert set(proposal.carrier_regions.all()) == {antwerpen, limburg}
    deciders_mail = OutboundEmail.objects.filter(key__contains=":submitted:")
    assert set(deciders_mail.values_list("to", flat=True)) == {decider.email, boss.email}

    services.proposal_request_changes(actor=decider, proposal=proposal, message="Noem partners.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CHANGES_REQUESTED
    mail = OutboundEmail.objects.get(to=chair.email)
    assert "Noem partners." in mail.body
    with pytest.raises(ValidationError):  # cannot approve before the chair has answered
        services.proposal_request_changes(actor=decider, proposal=proposal, message="Nog eens.")

    proposal = services.proposal_update(
        actor=chair, proposal=proposal, data={"description": "Met partners: OCMW Antwerpen."}
    )
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.revision == 2
    assert OutboundEmail.objects.filter(key__contains=":r2:submitted:").count() == 2

    action = services.proposal_approve(actor=decider, proposal=proposal, message="Top.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    assert proposal.action == action
    assert proposal.decided_by == decider
    assert action.origin == Origin.REGIONAL and action.origin_region == antwerpen
    assert action.challenge == challenge
    assert action.title == "Minder bureaucratie, meer hulpverlening"
    assert set(action.carrier_regions.all()) == {antwerpen, limburg}
    assert action.krachtlijnen.count() == 1
    assert [i.title for i in action.initiatives.all()] == [
        "Werklast in kaart",
        "Projecten uitlichten",
    ]
    assert OutboundEmail.objects.filter(to=chair.email).count() == 2
    assert (
        AuditEntry.objects.filter(action__startswith="proposal.", region_id=antwerpen.pk).count()
        == 4
    )  # submitted, changes_requested, resubmitted, approved

    with pytest.raises(ValidationError):
        services.proposal_decline(actor=decider, proposal=proposal, reason="Toch niet.")
    with pytest.raises(ValidationError):
        services.proposal_update(actor=chair, proposal=proposal, data={"title": "Anders"})


def test_decline_needs_a_reason_and_mails_the_chair_once(antwerpen):
    chair = chair_of(antwerpen)
    proposal = services.proposal_submit(
        actor=chair, region=antwerpen, data=_proposal_data(ChallengeFactory())
    )
    with pytest.raises(ValidationError):
        services.proposal_decline(actor=coordinator(), proposal=proposal, reason="  ")
    services.proposal_decline(actor=coordinator(), proposal=proposal, reason="Dubbel.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_message == "Dubbel."
    assert not Action.objects.exists()
    # Sending the same notice again is a no-op thanks to the unique key.
    services._notify_chair(proposal)
    assert OutboundEmail.objects.filter(to=chair.email).count() == 1


def test_the_chair_receives_the_decision_by_email(
    antwerpen, mailoutbox, django_capture_on_commit_callbacks
):
    chair = chair_of(antwerpen)
    proposal = services.proposal_submit(
        actor=chair, region=antwerpen, data=_proposal_data(ChallengeFactory())
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_approve(actor=coordinator(), proposal=proposal)
    sent = [m for m in mailoutbox if chair.email in m.to]
    assert len(sent) == 1
    assert "Minder bureaucratie" in sent[0].subject
    assert "/nl/actieplan/acties/minder-bureaucratie-meer-hulpverlening/" in sent[0].body


def test_proposals_are_for_the_current_plan_only(antwerpen):
    old_challenge = ChallengeFactory(plan=PlanFactory())
    with pytest.raises(ValidationError):
        services.proposal_submit(
            actor=chair_of(antwerpen), region=antwerpen, data=_proposal_data(old_challenge)
        )
    assert not ActionProposal.objects.exists()


def test_initiative_with_history_cannot_be_deleted():
    initiative = InitiativeFactory()
    services.progress_record(
        actor=None, target=initiative, date=D(2022, 1, 1), status=Status.RUNNING, narrative="A."
    )
    with pytest.raises(ValidationError):
        services.initiative_delete(actor=coordinator(), initiative=initiative)
    assert Initiative.objects.filter(pk=initiative.pk).exists()
    assert ProgressUpdate.objects.count() == 1
