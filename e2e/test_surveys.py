"""Surveys end to end: a chair opens the builder and previews; a member answers page by
page (an error, back, forth, send); a visitor gives an address, follows the mailed link and
answers. Every page is checked with axe (and at 320 px), and screenshots are kept."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.support import ARTIFACTS, PASSWORD, wait_for_mail

pytestmark = pytest.mark.browser


def log_in(page: Page, email: str) -> None:
    visit(page, "/nl/account/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill(PASSWORD)
    follow(page, lambda: page.locator("main form button[type=submit]").click())


def shoot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"surveys-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_build_preview_and_answer(page: Page, content, make_user, settings) -> None:
    from sterk.network.models import Region, Role
    from sterk.network.services import role_assign
    from sterk.surveys.models import Participation, Response
    from sterk.surveys.tests.factories import small_survey

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    brussel = Region.objects.order_by("pk").first()
    survey, (_q1, q2, _q3, q4) = small_survey(
        region=brussel, anonymous=False, title_nl="Sociaal werk in coronatijden"
    )
    chair = make_user("voorzitter@example.org")
    role_assign(actor=None, user=chair, role=Role.CHAIR, region=brussel)

    log_in(page, "voorzitter@example.org")
    visit(page, "/nl/beheer/bevragingen/")
    shoot(page, "manage-list")
    follow(page, lambda: page.get_by_role("link", name="Sociaal werk in coronatijden").click())
    expect(page.locator("main h1")).to_have_text("Sociaal werk in coronatijden")
    shoot(page, "builder")
    follow(page, lambda: page.locator(f"#question-{q2.pk} a").first.click())
    expect(page.locator("#id_text_nl")).to_have_value("Hoe zwaar was het?")
    visit(page, f"/nl/beheer/bevragingen/{survey.pk}/voorbeeld/")
    shoot(page, "preview")
    page.context.clear_cookies()

    # A member answers: a required answer missing, then back and forth, then send.
    make_user("lid@example.org")
    log_in(page, "lid@example.org")
    visit(page, "/nl/bevragingen/")
    shoot(page, "list")
    follow(page, lambda: page.get_by_role("link", name="Sociaal werk in coronatijden").click())
    shoot(page, "start")
    page.locator("#id_start-consent").check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    follow(page, lambda: page.get_by_role("button", name=re.compile("Volgende|Next")).click())
    expect(page.locator("main .error-summary")).to_be_visible()
    shoot(page, "page-error")
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("4").check()
    follow(page, lambda: page.get_by_role("button", name=re.compile("Volgende|Next")).click())
    expect(page).to_have_url(re.compile(r"/2/$"))
    follow(page, lambda: page.get_by_role("button", name=re.compile("Vorige|Previous")).click())
    expect(page.get_by_label("Ja", exact=True)).to_be_checked()
    follow(page, lambda: page.get_by_role("button", name=re.compile("Volgende|Next")).click())
    page.locator(f"#id_q{q4.pk}").fill("Veel meer online.")
    shoot(page, "page-2")
    follow(page, lambda: page.get_by_role("button", name=re.compile("Verstuur|Send")).click())
    expect(page).to_have_url(re.compile(r"/bedankt/$"))
    assert Response.objects.filter(survey=survey, status="submitted").count() == 1
    page.context.clear_cookies()

    # A visitor: address first, then the private link.
    visit(page, f"/nl/bevragingen/{survey.slug}/")
    page.locator("#id_start-email").fill("bezoeker@example.org")
    page.locator("#id_start-consent").check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    expect(page).to_have_url(re.compile(r"/link-verstuurd/$"))
    message = wait_for_mail("bezoeker@example.org")
    link = re.search(r"https?://\S+/link/\S+/", message.body)
    assert link is not None
    token = Participation.objects.get(email="bezoeker@example.org").token
    visit(page, f"/nl/bevragingen/{survey.slug}/link/{token}/")
    expect(page).to_have_url(re.compile(r"/1/$"))
    page.get_by_label("Nee", exact=True).check()
    follow(page, lambda: page.get_by_role("button", name=re.compile("Volgende|Next")).click())
    follow(page, lambda: page.get_by_role("button", name=re.compile("Verstuur|Send")).click())
    expect(page).to_have_url(re.compile(r"/bedankt/$"))
    shoot(page, "thanks")
    assert Response.objects.filter(survey=survey, status="submitted").count() == 2


def test_results_publish_and_follow_up(page: Page, content, make_user, settings) -> None:
    from sterk.actionplan import services as actionplan_services
    from sterk.actionplan.models import ActionProposal
    from sterk.actionplan.tests.factories import ChallengeFactory
    from sterk.network.models import Region, Role
    from sterk.network.services import role_assign
    from sterk.surveys.models import Answer
    from sterk.surveys.tests.factories import small_survey
    from sterk.surveys.tests.test_results import fill

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    region = Region.objects.order_by("pk").first()
    survey, qs = small_survey(region=region, title_nl="Uitdagingen voor sterk sociaal werk")
    fill(survey, qs, 12, yes=7)
    challenge = ChallengeFactory(title_nl="Digitaal werken")
    chair = make_user("voorzitter2@example.org")
    role_assign(actor=None, user=chair, role=Role.CHAIR, region=region)
    steering = make_user("stuurgroep@example.org")
    role_assign(actor=None, user=steering, role=Role.STEERING)

    log_in(page, "voorzitter2@example.org")
    visit(page, f"/nl/beheer/bevragingen/{survey.pk}/resultaten/")
    expect(page.locator("main svg[role=img]").first).to_be_visible()
    shoot(page, "results")
    ja = qs[0].options.get(label_nl="Ja")
    nee = qs[0].options.get(label_nl="Nee")
    page.locator("#id_a").select_option(f"{qs[0].pk}:{ja.pk}")
    page.locator("#id_b").select_option(f"{qs[0].pk}:{nee.pk}")
    follow(page, lambda: page.get_by_role("button", name=re.compile("Show|Toon")).click())
    shoot(page, "compare")
    # Approve one written answer, publish two questions.
    visit(page, f"/nl/beheer/bevragingen/{survey.pk}/resultaten/tekst/{qs[3].pk}/")
    follow(
        page,
        lambda: page.get_by_role("button", name=re.compile("Approve|Goedkeuren")).first.click(),
    )
    assert Answer.objects.filter(question=qs[3], approved=True).count() == 1
    visit(page, f"/nl/beheer/bevragingen/{survey.pk}/resultaten/publiceren/")
    page.get_by_label("Werk je digitaal?").check()
    page.get_by_label("Vertel meer").check()
    page.get_by_label(re.compile("Publish the results|resultaten op de publieke pagina")).check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    visit(page, f"/nl/bevragingen/{survey.slug}/resultaten/")
    expect(page.locator("main h1")).to_have_text("Uitdagingen voor sterk sociaal werk")
    shoot(page, "public-results")

    # The follow-up: a finding, an action point, proposed as an action.
    visit(page, f"/nl/beheer/bevragingen/{survey.pk}/opvolging/")
    follow(
        page,
        lambda: page.get_by_role(
            "link", name=re.compile("Add a finding|Bevinding toevoegen")
        ).click(),
    )
    page.locator("#id_statement_nl").fill("Zeven op twaalf werken vooral digitaal.")
    page.get_by_label("Werk je digitaal?").check()
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    follow(
        page,
        lambda: page.get_by_role(
            "link", name=re.compile("Add an action point|Actiepunt toevoegen")
        ).click(),
    )
    page.locator("#id_title_nl").fill("Lerend netwerk digitaal werken")
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    follow(
        page,
        lambda: page.get_by_role(
            "link", name=re.compile("Propose as an action|Voorstellen als actie")
        ).click(),
    )
    page.locator("#id_challenge").select_option(str(challenge.pk))
    follow(page, lambda: page.locator("main form button[type=submit]").click())
    proposal = ActionProposal.objects.get(title="Lerend netwerk digitaal werken")
    assert proposal.challenge == challenge
    visit(page, f"/nl/beheer/bevragingen/{survey.pk}/opvolging/")
    follow(
        page,
        lambda: page.get_by_role(
            "button", name=re.compile("Publish the follow-up|Opvolgingspagina publiceren")
        ).click(),
    )
    shoot(page, "manage-followup")
    action = actionplan_services.proposal_approve(actor=steering, proposal=proposal)
    page.context.clear_cookies()
    visit(page, f"/nl/bevragingen/{survey.slug}/opvolging/")
    expect(
        page.get_by_role("link", name=re.compile("Lerend netwerk digitaal werken"))
    ).to_be_visible()
    shoot(page, "followup")
    visit(page, action.get_absolute_url())
    findings = page.locator("section[aria-labelledby=survey-findings-title]")
    expect(findings).to_contain_text("Zeven op twaalf werken vooral digitaal.")
    shoot(page, "action-page")
