import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from sterk.actionplan import services
from sterk.actionplan.exports import CSV_COLUMNS
from sterk.actionplan.models import Status

from .factories import (
    ActionFactory,
    ActivityFactory,
    ChallengeFactory,
    InitiativeFactory,
    SpearheadFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(plan, antwerpen, limburg, socius):
    challenge = ChallengeFactory(
        plan=plan,
        number=8,
        title_nl="Sterk Sociaal Werk en onderbescherming",
        title_fr="Un travail social fort et la sous-protection",
    )
    ours = ActionFactory(
        challenge=challenge,
        carrier_regions=[antwerpen],
        carrier_organisations=[socius],
        title_nl="Onderbescherming aanpakken",
        title_fr="Lutter contre la sous-protection",
    )
    theirs = ActionFactory(
        challenge=challenge, carrier_regions=[limburg], title_nl='=HYPERLINK("http://evil")'
    )
    initiative = InitiativeFactory(action=ours, title_nl="Praktijksafari")
    services.progress_record(
        actor=None,
        target=ours,
        date=datetime.date(2022, 3, 1),
        status=Status.RUNNING,
        progress=40,
        narrative="Signaalbundel in opmaak.",
    )
    spearhead = SpearheadFactory(
        plan=plan,
        lead_organisation=socius,
        title_nl="Draagvlak voor sociaal werk en politiserend werken",
    )
    activity = ActivityFactory(spearhead=spearhead, title_nl="Verstaan")
    return {"ours": ours, "theirs": theirs, "initiative": initiative, "activity": activity}


def test_csv_export_parses_back(client, content):
    response = client.get(reverse("actionplan:export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0]) == CSV_COLUMNS
    by_title = {r["title"]: r for r in rows}
    ours = by_title["Onderbescherming aanpakken"]
    assert ours["type"] == "action"
    assert ours["status"] == "running" and ours["progress"] == "40"
    assert ours["status_date"] == "2022-03-01"
    assert ours["carrier_regions"] == "Antwerpen" and ours["carrier_organisations"] == "Socius"
    assert ours["url"].endswith(content["ours"].get_absolute_url())
    assert by_title["Praktijksafari"]["parent"] == content["ours"].slug
    assert by_title["Verstaan"]["type"] == "activity"
    assert by_title["Draagvlak voor sociaal werk en politiserend werken"]["lead_organisation"] == (
        "Socius"
    )
    # A title a spreadsheet would run as a formula is defused.
    assert '\'=HYPERLINK("http://evil")' in by_title


def test_csv_export_for_one_region_and_in_french(client, content):
    response = client.get("/fr/actieplan/export.csv", {"regio": "antwerpen"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    actions = [r for r in rows if r["type"] == "action"]
    assert [r["title"] for r in actions] == ["Lutter contre la sous-protection"]
    assert client.get(reverse("actionplan:export_csv"), {"regio": "nergens"}).status_code == 404


def test_json_export_parses_back_as_a_tree(client, content):
    response = client.get(reverse("actionplan:export_json"))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["plan"]["period"] == "2020-2024"
    assert data["region"] is None
    challenge = next(c for c in data["challenges"] if c["number"] == 8)
    action = next(a for a in challenge["actions"] if a["slug"] == content["ours"].slug)
    assert action["status"] == "running" and action["progress"] == 40
    assert action["initiatives"][0]["title"] == "Praktijksafari"
    assert data["spearheads"][0]["activities"][0]["title"] == "Verstaan"
    assert {s["value"] for s in data["statuses"]} == {s.value for s in Status}
    regional = json.loads(
        client.get(reverse("actionplan:export_json"), {"regio": "limburg"}).content
    )
    slugs = [a["slug"] for c in regional["challenges"] for a in c["actions"]]
    assert slugs == [content["theirs"].slug]


def test_state_pdf_for_the_whole_plan_and_one_region(client, content):
    response = client.get(reverse("actionplan:state_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "stand-actieplan-" in response["Content-Disposition"]
    regional = client.get(reverse("actionplan:state_pdf"), {"regio": "antwerpen"})
    assert regional.content.startswith(b"%PDF")
    assert "-antwerpen-" in regional["Content-Disposition"]


def test_state_context_is_dated_and_scoped(content, plan, antwerpen):
    from sterk.actionplan.exports import state_context

    context = state_context(plan, region=antwerpen, language="nl")
    assert context["generated_on"] == timezone.localdate()
    actions = [a["row"]["title"] for c in context["challenges"] for a in c["actions"]]
    assert actions == ["Onderbescherming aanpakken"]
    assert context["spearheads"] == []
    only = context["challenges"][0]["actions"][0]
    assert only["latest"]["narrative"] == "Signaalbundel in opmaak."
