"""The network's governance in the browser (with axe on every page, 320 px reflow
included): the public stakeholders page with a partner's commitments and channels in
three languages, the dialogue with policy (list and detail) and published minutes; the
coordinator's register, a meeting (with a follow-up point typed wrong, then right) and
the course watch; a stakeholder representative who sees only their own organisation.
Screenshots of each page at 1280 and 320 px go to e2e/artifacts/governance/."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.conftest import DESKTOP
from e2e.support import ARTIFACTS
from e2e.test_actionplan import log_in_manager, make_manager

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "governance"
PHONE = {"width": 320, "height": 720}


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"{name}-{size['width']}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


@pytest.fixture
def governance(content):  # type: ignore[no-untyped-def]
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from sterk.actionplan.models import Action, Challenge
    from sterk.governance.models import (
        Decision,
        FollowUp,
        Meeting,
        PolicyContact,
        PolicyDocument,
    )
    from sterk.governance.tests.factories import ChannelFactory
    from sterk.network.models import Organisation

    call_command("load_actionplan", verbosity=0)
    call_command("load_governance", verbosity=0)
    socius = Organisation.objects.stakeholders().get(name__icontains="Socius")
    ChannelFactory(organisation=socius, title="Socius-nieuwsbrief", reach=4000)
    now = timezone.now()
    first = Meeting.objects.create(
        kind="stakeholder",
        title="Stakeholdersmeeting voorjaar",
        starts_at=now - datetime.timedelta(days=120),
        ends_at=now - datetime.timedelta(days=120, hours=-2),
        minutes="We bespraken de **stand van het actieplan**.",
        minutes_status="approved",
        minutes_published=True,
    )
    Decision.objects.create(meeting=first, text="De partners verspreiden de oproep.")
    second = Meeting.objects.create(
        kind="stakeholder",
        title="Stakeholdersmeeting najaar",
        starts_at=now - datetime.timedelta(days=2),
        ends_at=now - datetime.timedelta(days=2, hours=-2),
        location="Brussel",
    )
    FollowUp.objects.create(
        meeting=first,
        title="Oproep verspreiden via de nieuwsbrieven",
        due_on=timezone.localdate() - datetime.timedelta(days=5),
    )
    contact = PolicyContact.objects.create(
        kind="consultation",
        slug="advies-welzijnsbeleid",
        title="Advies bij de conceptnota welzijnsbeleid",
        date=datetime.date(2026, 3, 15),
        policy_makers="Kabinet Welzijn",
        asked="Het netwerk vroeg om het **mensenrechtenperspectief**.",
        answer="Het kabinet nam het op.",
        is_published=True,
    )
    contact.challenges.set(Challenge.objects.filter(plan__is_current=True)[:2])
    contact.actions.set(Action.objects.in_current_plan()[:1])
    document = PolicyDocument(record=contact, title="Het advies (PDF)")
    document.file.save("advies.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    return {"socius": socius, "first": first, "second": second, "contact": contact}


def test_public_governance_pages(page: Page, governance) -> None:  # type: ignore[no-untyped-def]
    for lang in ("nl", "fr", "en"):
        visit(page, f"/{lang}/stakeholders/")
        expect(page.locator("main")).to_contain_text("Socius-nieuwsbrief")
    expect(page.locator("main")).to_contain_text("4,000 professionals")
    shoot(page, "stakeholders")
    visit(page, "/nl/beleid/")
    expect(page.locator("main h2")).to_contain_text(["Advies bij de conceptnota welzijnsbeleid"])
    shoot(page, "beleid")
    follow(page, page.get_by_role("link", name="Advies bij de conceptnota welzijnsbeleid").click)
    expect(page.locator("main")).to_contain_text("mensenrechtenperspectief")
    expect(page.get_by_role("link", name="Het advies (PDF)")).to_have_count(1)
    shoot(page, "beleid-detail")
    visit(page, "/fr/beleid/")
    visit(page, f"/nl/stakeholders/vergaderingen/{governance['first'].pk}/")
    expect(page.locator("main")).to_contain_text("stand van het actieplan")
    shoot(page, "minutes")
    visit(page, f"/nl/stakeholders/vergaderingen/{governance['second'].pk}/", status=404)


def test_coordinator_runs_the_governance(page: Page, governance, make_user) -> None:  # type: ignore[no-untyped-def]
    from sterk.governance.models import FollowUp
    from sterk.network.models import Role

    coordinator = make_manager(
        make_user, "cas.coordinatie@example.org", Role.COORDINATOR, totp=True
    )
    log_in_manager(page, coordinator)
    visit(page, "/nl/beheer/")
    expect(page.locator("#governance-panel-title")).to_have_count(1)
    visit(page, "/nl/beheer/stakeholders/")
    expect(page.locator("main table")).to_contain_text("Socius")
    shoot(page, "register")
    follow(page, page.locator("main table").get_by_role("link").first.click)
    shoot(page, "register-entry")
    visit(page, "/nl/beheer/vergaderingen/")
    expect(page.locator("main")).to_contain_text("Stakeholdersmeeting")
    follow(page, page.get_by_role("link", name="Stakeholdersmeeting najaar").click)
    # The open follow-up point of the first meeting is on this meeting's agenda.
    expect(page.locator("main")).to_contain_text("Oproep verspreiden via de nieuwsbrieven")
    shoot(page, "meeting")
    # A follow-up point typed wrong: a clear error, the text is kept.
    form = page.locator('main form[action$="/opvolging/"]')
    form.locator('input[name="title"]').fill("Praktijken verzamelen")
    form.locator('input[name="due_on"]').fill("2150-01-01")
    follow(page, form.locator("button[type=submit]").click)
    expect(page.locator('main form[action$="/opvolging/"] input[name="title"]')).to_have_value(
        "Praktijken verzamelen"
    )
    expect(page.locator("main .error-summary")).to_be_visible()
    form = page.locator('main form[action$="/opvolging/"]')
    form.locator('input[name="due_on"]').fill("2030-01-01")
    follow(page, form.locator("button[type=submit]").click)
    assert FollowUp.objects.filter(title="Praktijken verzamelen").exists()
    # Close the carried point at this meeting.
    point = FollowUp.objects.get(title="Oproep verspreiden via de nieuwsbrieven")
    close = page.locator(f'main form[action$="/opvolging/{point.pk}/afsluiten/"]')
    close.get_by_label(re.compile("Outcome|Uitkomst")).select_option("done")
    follow(page, close.locator("button[type=submit]").click)
    assert FollowUp.objects.get(title="Oproep verspreiden via de nieuwsbrieven").status == "done"
    visit(page, "/nl/beheer/koers/")
    # The point was closed: the course watch no longer lists it as past due.
    expect(page.locator("main")).not_to_contain_text("Oproep verspreiden via de nieuwsbrieven")
    shoot(page, "course-watch")
    visit(page, "/fr/beheer/koers/")


def test_a_representative_sees_only_their_own_organisation(
    page: Page, governance, make_user
) -> None:  # type: ignore[no-untyped-def]
    from sterk.governance.models import Invitation
    from sterk.network.models import Organisation, Role
    from sterk.network.services import role_assign
    from sterk.network.tests.factories import give_totp

    other = Organisation.objects.create(name="Testpartner Oost", is_stakeholder=True)
    rep = make_user("sara.socius@example.org", first_name="Sara", last_name="Socius")
    role_assign(actor=None, user=rep, role=Role.STAKEHOLDER, organisation=governance["socius"])
    give_totp(rep)
    Invitation.objects.create(
        meeting=governance["second"], user=rep, organisation=governance["socius"]
    )
    log_in_manager(page, rep)
    visit(page, "/nl/beheer/stakeholders/")
    expect(page.locator("main table")).to_contain_text("Socius")
    expect(page.locator("main table")).not_to_contain_text(other.name)
    visit(page, "/nl/beheer/vergaderingen/")
    expect(page.locator("main table")).to_contain_text("Stakeholdersmeeting najaar")
    expect(page.locator("main table")).not_to_contain_text("Stakeholdersmeeting voorjaar")
    visit(page, f"/nl/beheer/vergaderingen/{governance['first'].pk}/", status=403)
