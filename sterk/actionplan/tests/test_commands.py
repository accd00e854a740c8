import datetime
import shutil

import pytest
import yaml
from django.core.management import CommandError, call_command

from sterk.actionplan.models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    FirstPriority,
    Initiative,
    Origin,
    Plan,
    ProposalStatus,
    Spearhead,
    SpearheadActivity,
)
from sterk.actionplan.tests import source as content
from sterk.network.models import Organisation

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DUTCH_TITLES = [
    "Sociaal werk in een context van vermaatschappelijking",
    "Sterk Sociaal Werk en digitalisering",
    "Sterk Sociaal Werk in een superdiverse context",
    "Sterk Sociaal Werk verbindt ecologie en sociaal beleid",
    "Sterk Sociaal Werk en werken in/met vertrouwen",
    "Sterk Sociaal Werk in een multidisciplinaire context",
    "Sterk Sociaal Werk en hybridisering",
    "Sterk Sociaal Werk en onderbescherming",
]


def counts():
    return [
        m.objects.count()
        for m in (
            Plan,
            Challenge,
            Action,
            Initiative,
            Spearhead,
            SpearheadActivity,
            FirstPriority,
            Evaluation,
            Organisation,
        )
    ]


def test_load_actionplan_loads_the_real_structure_idempotently():
    existing = OrganisationFactory(name="Socius vzw", is_stakeholder=True)
    call_command("load_actionplan", stdout=None)
    first = counts()
    call_command("load_actionplan", stdout=None)
    assert counts() == first

    plan = Plan.objects.get()
    assert plan.is_current and plan.period == "2020-2024"
    challenges = list(plan.challenges.order_by("number"))
    assert [c.title_nl for c in challenges] == DUTCH_TITLES
    for obj in [
        plan,
        *challenges,
        *Action.objects.all(),
        *Spearhead.objects.all(),
        *SpearheadActivity.objects.all(),
        *FirstPriority.objects.all(),
        *Evaluation.objects.all(),
    ]:
        for language in ("nl", "fr", "en"):
            assert getattr(obj, f"title_{language}"), (obj, language)

    actions = {a.slug: a.challenge.number for a in Action.objects.select_related("challenge")}
    assert actions == {
        "sociaal-werk-versterken-in-de-eerstelijnszones": 1,
        "impulsen-voor-nieuwe-digitale-praktijken": 2,
        "samenwerking-formeel-aanbod-burgerinitiatieven-verenigingsleven": 7,
        "onderbescherming-aanpakken": 8,
    }
    assert all(a.origin == Origin.PLAN for a in Action.objects.all())

    spearheads = list(Spearhead.objects.order_by("number"))
    assert len(spearheads) == 5
    assert all(s.period == "2022-2024" for s in spearheads)
    politicising = Spearhead.objects.get(slug="draagvlak-en-politiserend-werken")
    assert politicising.lead_organisation == existing  # found by normalised name
    assert {o.name for o in politicising.partners.all()} == {"Weliswaar", "Sociaal.Net"}
    activities = list(politicising.activities.all())
    assert [a.title_nl for a in activities] == ["Vertellen", "Verstaan", "Versterken"]
    assert [a.title_en for a in activities] == ["Tell", "Understand", "Strengthen"]
    assert {o.name for o in activities[0].partners.all()} == {"Weliswaar", "Sociaal.Net"}
    assert FirstPriority.objects.filter(year=2020).count() == 4
    evaluation = Evaluation.objects.get()
    assert evaluation.date == datetime.date(2022, 5, 5)
    assert not evaluation.is_frozen  # the coordinator takes it once the history is entered


def test_load_actionplan_keeps_edits_unless_asked_to_update(settings, tmp_path):
    call_command("load_actionplan", stdout=None)
    challenge = Challenge.objects.get(number=1)
    challenge.summary_nl = "Aangepast door de coördinator."
    challenge.save()
    call_command("load_actionplan", stdout=None)
    challenge.refresh_from_db()
    assert challenge.summary_nl == "Aangepast door de coördinator."
    # One re-run rule (sterk.core.content.sync, issue 9): --update rewrites from the source
    # only what nobody edited; the coordinator's summary stays, the untouched title follows
    # the file.
    source = tmp_path / "content"
    shutil.copytree(settings.BASE_DIR / "content", source)
    path = next((source / "actionplan" / "challenges").glob("01-*.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"]["nl"] = "Sociaal werk en vermaatschappelijking van de zorg"
    data["summary"]["nl"] = "Nieuwe samenvatting uit de bron."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    settings.STERK_CONTENT_DIR = source
    call_command("load_actionplan", "--update", stdout=None)
    challenge.refresh_from_db()
    assert challenge.summary_nl == "Aangepast door de coördinator."
    assert challenge.title_nl == "Sociaal werk en vermaatschappelijking van de zorg"
    assert content.CHALLENGES[0]["summary"]["nl"] != challenge.summary_nl


def test_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_actionplan_demo", stdout=None)
    assert not Action.objects.exists()


def test_demo_adds_13_demo_actions_proposals_in_every_state_and_progress(settings):
    settings.DEBUG = False
    call_command("load_actionplan_demo", "--force", stdout=None)
    first = [*counts(), ActionProposal.objects.count()]
    call_command("load_actionplan_demo", "--force", stdout=None)
    assert [*counts(), ActionProposal.objects.count()] == first

    demo = Action.objects.filter(title_nl__endswith="(demo)", origin=Origin.PLAN)
    assert demo.count() == 13
    assert Action.objects.filter(origin=Origin.PLAN).count() == 17
    assert {p.status for p in ActionProposal.objects.all()} == set(ProposalStatus.values)
    regional = Action.objects.get(origin=Origin.REGIONAL)
    assert regional.origin_region.slug == "west-vlaanderen"
    assert all(a.initiatives.exists() for a in demo)
    assert demo.exclude(status="not_started").exists()
    evaluation = Evaluation.objects.get()
    assert evaluation.is_frozen and evaluation.snapshot


def _untranslated(rows, fields):
    """(row, field, language) where a field has Dutch text but no French or English, or the
    French/English is the Dutch text itself."""
    missing = []
    for row in rows:
        for name in fields:
            nl = getattr(row, f"{name}_nl")
            if not nl:
                continue
            for lang in ("fr", "en"):
                value = getattr(row, f"{name}_{lang}")
                # English may share a name with Dutch; French written as Dutch is a gap.
                dutch = value.removesuffix(" (démo)") == nl.removesuffix(" (demo)")
                if not value or (lang == "fr" and dutch):
                    missing.append((str(row), name, lang))
    return missing


def test_demo_is_translated_into_french_and_english(settings):
    """The demo shows what a translated platform looks like: every demo action and
    initiative (also those of the approved regional proposal) has French and English."""
    settings.DEBUG = True
    call_command("load_actionplan_demo", stdout=None)
    actions = Action.objects.filter(title_nl__endswith="(demo)")
    initiatives = Initiative.objects.filter(action__in=actions)
    assert actions.count() == 14 and initiatives.count() == 51
    assert _untranslated(actions, ("title", "description")) == []
    assert _untranslated(initiatives, ("title", "description")) == []
    regional = Action.objects.get(origin=Origin.REGIONAL)
    assert regional.title_fr == "Suivre le plan en 40 points d'action (démo)"
    assert regional.title_en == "Following up the 40-point action plan (demo)"


def test_demo_translates_rows_an_earlier_version_loaded_in_dutch(settings):
    settings.DEBUG = True
    call_command("load_actionplan_demo", stdout=None)
    action = Action.objects.get(slug="demo-werken-in-vertrouwen")
    initiative = action.initiatives.first()
    Action.objects.filter(pk=action.pk).update(title_fr="Werken in vertrouwen (démo)", title_en="")
    Initiative.objects.filter(pk=initiative.pk).update(title_fr="", title_en="")
    call_command("load_actionplan_demo", stdout=None)
    action.refresh_from_db()
    initiative.refresh_from_db()
    assert action.title_fr == "Travailler dans la confiance (démo)"
    assert action.title_en == "Working in trust (demo)"
    assert initiative.title_fr and initiative.title_en
    # An editor's own translation is kept.
    Action.objects.filter(pk=action.pk).update(title_en="Trust at work (demo)")
    call_command("load_actionplan_demo", stdout=None)
    action.refresh_from_db()
    assert action.title_en == "Trust at work (demo)"
