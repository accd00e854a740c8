"""`manage.py load_content`: the real content, complete in nl, fr and en, loaded idempotently."""

import pytest
from django.core.management import call_command
from django.utils import translation
from modeltranslation.translator import translator

from sterk.identity.models import Function, Krachtlijn, Page
from sterk.network.models import Organisation, Region, RegionPriority, SubRegion, normalise_name

MODELS = [Page, Krachtlijn, Function, Region, SubRegion, RegionPriority, Organisation]


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def content(db):
    call_command("load_content", verbosity=0)


def test_creates_the_framework(content):
    assert list(Krachtlijn.objects.values_list("number", "slug")) == [
        (1, "nabijheid"),
        (2, "politiserend-werken"),
        (3, "procesmatig-werken"),
        (4, "generalistisch-werken"),
        (5, "verbindend-werken"),
    ]
    assert list(Function.objects.values_list("slug", flat=True)) == [
        "waarborgfunctie",
        "laboratoriumfunctie",
        "sociaal-politieke-functie",
    ]
    assert set(Page.objects.values_list("slug", flat=True)) == {
        "missie",
        "organisatie",
        "stuurgroep",
        "stakeholders",
    }
    assert list(Region.objects.values_list("slug", flat=True)) == [
        "antwerpen",
        "limburg",
        "oost-vlaanderen",
        "west-vlaanderen",
        "vlaams-brabant",
        "brussel",
    ]


def test_subregions_and_priorities(content):
    assert list(
        SubRegion.objects.filter(region__slug="vlaams-brabant").values_list("name_nl", flat=True)
    ) == ["Hageland", "Leuven", "Halle en Pajottenland", "Vilvoorde"]
    assert SubRegion.objects.filter(region__slug="antwerpen").count() == 4
    assert list(
        RegionPriority.objects.filter(region__slug="antwerpen").values_list("title_nl", flat=True)
    ) == ["Werken in vertrouwen", "Minder bureaucratie, meer hulpverlening"]
    assert list(
        RegionPriority.objects.filter(region__slug="limburg").values_list("title_nl", flat=True)
    ) == ["Diversiteit", "Een duidelijke plaats op de eerste lijn", "Onderbescherming"]


def test_every_translated_field_is_filled_in_every_language(content):
    for model in MODELS:
        fields = translator.get_options_for_model(model).fields
        assert model.objects.exists(), model.__name__
        for obj in model.objects.all():
            for name in fields:
                for lang in ("nl", "fr", "en"):
                    value = getattr(obj, f"{name}_{lang}")
                    assert value and value.strip(), f"{model.__name__} {obj}: {name}_{lang}"


def test_brussel_is_bruxelles_in_french(content):
    brussel = Region.objects.get(slug="brussel")
    assert (brussel.name_nl, brussel.name_fr, brussel.name_en) == (
        "Brussel",
        "Bruxelles",
        "Brussels",
    )
    with translation.override("fr"):
        assert Region.objects.get(slug="brussel").name == "Bruxelles"
    assert Region.objects.get(slug="oost-vlaanderen").name_fr == "Flandre-Orientale"


def test_region_texts_carry_the_seeds(content):
    west = Region.objects.get(slug="west-vlaanderen")
    assert "435" in west.description_nl and "40-actiepuntenplan" in west.description_nl
    assert "stuurgroep" in west.description_nl
    assert "juni 2020" in Region.objects.get(slug="brussel").description_nl
    assert "praktijksafari" in Region.objects.get(slug="oost-vlaanderen").description_nl
    brabant = Region.objects.get(slug="vlaams-brabant").description_nl
    assert "Dilbeek" in brabant and "Asse" in brabant


def test_mission_keeps_its_markdown_lists(content):
    body = Page.objects.get(slug="missie").body_nl
    assert "mensenrechten" in body
    assert "\n1. Sociaal werk in een context van vermaatschappelijking" in body
    assert "\n5. Krapte op de arbeidsmarkt" in body


def test_organisations(content):
    socius = Organisation.objects.get(normalised_name=normalise_name("Socius"))
    assert socius.type == "support_centre" and socius.is_stakeholder and socius.is_approved
    assert socius.website == "https://socius.be"
    assert Organisation.objects.get(normalised_name="sociaal net").type == "media_partner"
    samenlevingsopbouw = Organisation.objects.get(
        normalised_name=normalise_name("Samenlevingsopbouw Antwerpen Stad")
    )
    assert list(samenlevingsopbouw.regions.values_list("slug", flat=True)) == ["antwerpen"]
    assert Organisation.objects.count() == 11


def test_running_twice_changes_nothing(content):
    before = _counts()
    stamps = dict(Organisation.objects.values_list("pk", "updated_at"))
    call_command("load_content", verbosity=0)
    assert _counts() == before
    assert dict(Organisation.objects.values_list("pk", "updated_at")) == stamps


def test_an_organisation_written_differently_is_reused(db):
    Organisation.objects.create(name="CACHET VZW")
    call_command("load_content", verbosity=0)
    assert Organisation.objects.filter(normalised_name="cachet").count() == 1


def test_only_missing_keeps_edits(content):
    Krachtlijn.objects.filter(slug="nabijheid").update(title_nl="Dichtbij")
    call_command("load_content", "--only-missing", verbosity=0)
    assert Krachtlijn.objects.get(slug="nabijheid").title_nl == "Dichtbij"
    # One re-run rule (sterk.core.content.sync, issue 9): a plain run only creates what is
    # missing, and --update keeps a field edited since the last load.
    call_command("load_content", verbosity=0)
    assert Krachtlijn.objects.get(slug="nabijheid").title_nl == "Dichtbij"
    call_command("load_content", "--update", verbosity=0)
    assert Krachtlijn.objects.get(slug="nabijheid").title_nl == "Dichtbij"
    # A field that was emptied since is filled again... only if nobody wrote it: deleting
    # the row brings the whole item back from the file.
    Krachtlijn.objects.filter(slug="nabijheid").delete()
    call_command("load_content", verbosity=0)
    assert Krachtlijn.objects.get(slug="nabijheid").title_nl == "Nabijheid"


def test_pages_show_the_content(client, content):
    response = client.get("/fr/over/")
    assert response.status_code == 200
    assert "Proximité" in response.content.decode()
    response = client.get("/en/regio/brussel/")
    assert response.status_code == 200
    assert "June 2020" in response.content.decode()
