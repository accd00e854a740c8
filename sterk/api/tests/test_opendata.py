"""The open-data downloads: the build (every dataset, every language, JSON, CSV, XLSX and
the zip, read back with zipfile, csv and openpyxl), the page, the downloads' HTTP, and the
coordinator's rebuild."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from typing import Any
from unittest import mock

import openpyxl
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Schema

from sterk.actionplan.tests.factories import PlanFactory
from sterk.api import flatten, opendata
from sterk.api.datasets import Dataset
from sterk.api.resources import DATASETS
from sterk.core.models import AuditEntry
from sterk.network.models import Role
from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    people_of_every_role,
)
from sterk.surveys.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db

PAGE = "/nl/open-data/"


@pytest.fixture(autouse=True)
def fresh_storage(settings: Any) -> None:
    """A storage of its own per test (InMemoryStorage otherwise lives as long as the
    process): changing STORAGES resets django's default_storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture
def regions() -> list[Any]:
    antwerpen = RegionFactory(slug="antwerpen", name_nl="Antwerpen", name_fr="Anvers", order=1)
    brussel = RegionFactory(slug="brussel", name_nl="Brussel", name_fr="Bruxelles", order=2)
    SubRegionFactory(region=antwerpen, slug="kempen", name_nl="Kempen")
    SubRegionFactory(region=antwerpen, slug="waasland", name_nl="Waasland")
    college = OrganisationFactory(name='Hogeschool; "AP"')
    chair = UserFactory(first_name="An", last_name="Peeters", organisation=college)
    RoleAssignmentFactory(role=Role.CHAIR, region=antwerpen, user=chair)
    return [antwerpen, brussel]


def _zip() -> zipfile.ZipFile:
    manifest = opendata.current()
    assert manifest is not None
    with opendata.open_file(manifest, opendata.ZIP_NAME) as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def _csv(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def _xlsx(archive: zipfile.ZipFile, name: str) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(io.BytesIO(archive.read(name)), read_only=True)
    return list(workbook.worksheets[0].iter_rows(values_only=True))


def _an_hour_ago() -> datetime.datetime:
    """For a first build whose time differs from the next one's (times are to the second)."""
    return timezone.now() - datetime.timedelta(hours=1)


# --- the build ------------------------------------------------------------------------


def test_the_zip_holds_every_dataset_in_every_language_and_format(regions):
    opendata.open_data_build()
    archive = _zip()
    names = set(archive.namelist())
    assert {"README.txt", "LICENSE.txt"} <= names
    assert "CC BY 4.0" in archive.read("LICENSE.txt").decode()
    readme = archive.read("README.txt").decode()
    for dataset in DATASETS:
        for language in ("nl", "fr", "en"):
            with translation.override(language):
                objects = dataset.objects()
            stem = f"{dataset.name}.{language}"
            assert {f"{stem}.json", f"{stem}.csv", f"{stem}.xlsx"} <= names, stem
            assert f"{stem}.csv" in readme
            body = json.loads(archive.read(f"{stem}.json"))
            assert body["objects"] == objects
            assert body["language"] == language and body["licence"] == "CC BY 4.0"
            assert datetime.datetime.fromisoformat(body["built_at"]).utcoffset() is not None
            header = [c.header for c in flatten.columns(dataset.schema)]
            rows = _csv(archive, f"{stem}.csv")
            assert len(rows) == len(objects), stem
            assert archive.read(f"{stem}.csv").startswith("\ufeff".encode())
            sheet = _xlsx(archive, f"{stem}.xlsx")
            assert list(sheet[0]) == header
            assert len(sheet) - 1 == len(objects), stem


def test_the_files_carry_each_language_and_flatten_nested_objects(regions):
    opendata.open_data_build()
    archive = _zip()
    fr = {row["slug"]: row for row in _csv(archive, "regions.fr.csv")}
    nl = {row["slug"]: row for row in _csv(archive, "regions.nl.csv")}
    assert fr["antwerpen"]["name"] == "Anvers" and nl["antwerpen"]["name"] == "Antwerpen"
    assert fr["brussel"]["name"] == "Bruxelles"  # slugs stay Dutch in every language
    assert fr["antwerpen"]["url"].endswith("/fr/regio/antwerpen/")
    # A list of objects is one column of JSON text; the CSV quoting survives ; and ".
    chairs = json.loads(nl["antwerpen"]["chairs"])
    assert chairs == [{"name": "An Peeters", "organisation": 'Hogeschool; "AP"'}]
    assert [s["slug"] for s in json.loads(nl["antwerpen"]["subregions"])] == [
        "kempen",
        "waasland",
    ]
    assert nl["brussel"]["chairs"] == "[]"
    sheet = _xlsx(archive, "regions.fr.xlsx")
    header = list(sheet[0])
    by_slug = {row[header.index("slug")]: row for row in sheet[1:]}
    assert by_slug["antwerpen"][header.index("name")] == "Anvers"
    assert by_slug["antwerpen"][header.index("member_count")] == 0  # a number, not text


class _Place(Schema):
    city: str
    zip: int | None


class _Contact(Schema):
    name: str
    place: _Place | None


class _Item(Schema):
    slug: str
    count: int
    active: bool
    tags: list[str]
    contact: _Contact | None
    people: list[_Contact]
    extra: dict[str, Any]


def test_flattening_follows_the_schema():
    columns = flatten.columns(_Item)
    assert [(c.header, c.kind) for c in columns] == [
        ("slug", "scalar"),
        ("count", "scalar"),
        ("active", "scalar"),
        ("tags", "join"),
        ("contact.name", "scalar"),
        ("contact.place.city", "scalar"),
        ("contact.place.zip", "scalar"),
        ("people", "json"),
        ("extra", "json"),
    ]
    obj = {
        "slug": "=cmd",
        "count": 3,
        "active": True,
        "tags": ["a", "b"],
        "contact": {"name": "Jo", "place": None},
        "people": [{"name": "Jo", "place": None}],
        "extra": {"k": "é"},
    }
    assert flatten.row(obj, columns) == [
        "=cmd",
        3,
        True,
        "a | b",
        "Jo",
        None,
        None,
        '[{"name": "Jo", "place": null}]',
        '{"k": "é"}',
    ]


def test_any_dataset_builds_and_formulas_are_defused():
    rows = [
        {
            "slug": "=HYPERLINK(1)",
            "count": 1,
            "active": False,
            "tags": [],
            "contact": None,
            "people": [],
            "extra": {},
        }
    ]
    dataset = Dataset("items", "Items", "Toy items.", _Item, lambda: rows)
    opendata.open_data_build(datasets=[dataset])
    archive = _zip()
    row = _csv(archive, "items.en.csv")[0]
    assert row["slug"] == "'=HYPERLINK(1)" and row["active"] == "false" and row["tags"] == ""
    sheet = _xlsx(archive, "items.en.xlsx")
    assert sheet[1][0] == "'=HYPERLINK(1)"  # text, not a formula
    assert json.loads(archive.read("items.en.json"))["objects"][0]["slug"] == "=HYPERLINK(1)"


def test_a_manifest_cut_short_is_skipped_and_old_builds_are_removed(regions):
    first = opendata.open_data_build()
    second = opendata.open_data_build()
    # A newer manifest being written (or cut short by a crash) is half a JSON: not a build.
    writing = opendata._build_id(timezone.now())
    default_storage.save(f"{opendata.MANIFESTS}/{writing}.json", ContentFile(b'{"bu'))
    assert opendata.current().build == second.build
    third = opendata.open_data_build()
    assert opendata.current().build == third.build
    _dirs, manifests = default_storage.listdir(opendata.MANIFESTS)
    # The current build and the one before it stay (a download of it may be under way).
    assert f"{first.build}.json" not in manifests and f"{second.build}.json" in manifests
    assert f"{writing}.json" in manifests  # young: perhaps still in the making
    assert not default_storage.exists(first.files[opendata.ZIP_NAME]["path"])
    assert default_storage.exists(second.files[opendata.ZIP_NAME]["path"])


def test_the_command_builds(regions):
    out = io.StringIO()
    call_command("build_open_data", stdout=out)
    assert opendata.current() is not None
    assert "Open data built" in out.getvalue()


# --- the page and the downloads --------------------------------------------------------


def test_before_the_first_build_the_page_says_so_and_points_to_the_api(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    body = response.content.decode()
    assert opendata.ZIP_NAME not in body
    for dataset in DATASETS:
        assert f'href="/api/v1/{dataset.name}"' in body
    assert client.get(f"/nl/open-data/{opendata.ZIP_NAME}").status_code == 404


def test_the_page_lists_every_dataset_its_files_and_the_build_time(client, regions):
    plan = PlanFactory(is_current=True)
    public = SurveyFactory(results_published_at=timezone.now(), slug="publiek")
    SurveyFactory(slug="verborgen")
    manifest = opendata.open_data_build()
    body = client.get(PAGE).content.decode()
    for dataset in DATASETS:
        assert f'href="/api/v1/{dataset.name}"' in body
        for language in ("nl", "fr", "en"):
            for fmt in ("json", "csv", "xlsx"):
                assert f'href="/nl/open-data/{dataset.name}.{language}.{fmt}"' in body
    assert f'href="/nl/open-data/{opendata.ZIP_NAME}"' in body
    local = timezone.localtime(manifest.built_at)
    assert f'datetime="{local.strftime("%Y-%m-%dT%H:%M:%S%z")}"' in body
    assert f"{local:%H:%M}" in body
    assert plan.is_current and reverse("actionplan:state_pdf") in body
    assert reverse("surveys:results_pdf", args=[public.slug]) in body
    assert "verborgen" not in body
    assert f'href="{reverse("api_pages:docs")}"' in body
    assert 'href="/nl/open-data/"' in body  # the footer link


@pytest.mark.django_db(transaction=True)  # the page cache bypasses uncommitted writes
def test_a_build_shows_on_the_cached_page_at_once(client, settings):
    settings.STERK_PAGE_CACHE = True
    cache.clear()
    RegionFactory(slug="antwerpen")
    with mock.patch("django.utils.timezone.now", return_value=_an_hour_ago()):
        opendata.open_data_build()
    assert client.get(PAGE).headers.get("X-Page-Cache") == "miss"
    assert client.get(PAGE).headers.get("X-Page-Cache") == "hit"
    second = opendata.open_data_build()
    body = client.get(PAGE).content.decode()
    assert timezone.localtime(second.built_at).strftime("%Y-%m-%dT%H:%M:%S%z") in body


def test_a_download_has_its_type_name_and_validators(client, regions):
    manifest = opendata.open_data_build()
    cases = {
        "regions.fr.csv": "text/csv; charset=utf-8",
        "regions.nl.json": "application/json",
        "regions.en.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        opendata.ZIP_NAME: "application/zip",
    }
    for name, content_type in cases.items():
        response = client.get(f"/fr/open-data/{name}")
        assert response.status_code == 200, name
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
        assert response["ETag"] == f'"{manifest.files[name]["sha256"]}"'
        assert response["Last-Modified"]
        assert response["Access-Control-Allow-Origin"] == "*"
        content = b"".join(response.streaming_content)
        assert len(content) == int(response["Content-Length"]) == manifest.files[name]["size"]
    again = client.get("/nl/open-data/regions.fr.csv", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 200  # another file's ETag
    etag = client.get("/nl/open-data/regions.fr.csv")["ETag"]
    assert client.get("/nl/open-data/regions.fr.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_unknown_names_and_paths_are_not_found(client, regions):
    manifest = opendata.open_data_build()
    stored = manifest.files["regions.nl.csv"]["path"]
    for name in (
        "regions.de.csv",
        "nothing.zip",
        f"{manifest.build}.json",
        "..%2Fmanifests%2F" + f"{manifest.build}.json",
        stored.replace("/", "%2F"),
        "README.txt",
    ):
        assert client.get(f"/nl/open-data/{name}").status_code == 404, name
    assert client.post("/nl/open-data/regions.nl.csv").status_code == 405


# --- the coordinator's rebuild --------------------------------------------------------


@pytest.fixture
def everyone() -> dict[str, Any]:
    return people_of_every_role(
        region=RegionFactory(),
        other_region=RegionFactory(),
        organisation=OrganisationFactory(),
        other_organisation=OrganisationFactory(),
    )


REBUILD = "/nl/beheer/open-data/bouwen/"


def test_the_coordinator_rebuilds_and_it_is_audited(
    client, everyone, django_capture_on_commit_callbacks
):
    with mock.patch("django.utils.timezone.now", return_value=_an_hour_ago()):
        first = opendata.open_data_build()
    client.force_login(everyone["coordinator"])
    assert reverse("api_manage:rebuild") == REBUILD
    dashboard = client.get(reverse("manage:dashboard")).content.decode()
    assert f'action="{REBUILD}"' in dashboard
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REBUILD)
    assert response.status_code == 302 and response["Location"] == reverse("manage:dashboard")
    after = opendata.current()
    assert after.build != first.build and after.built_at > first.built_at
    entry = AuditEntry.objects.get(action="opendata.rebuild_requested")
    assert entry.actor == everyone["coordinator"]
    assert client.get(REBUILD).status_code == 405


@pytest.mark.parametrize("who", ["chair", "other_chair", "stakeholder", "steering", "member"])
def test_no_one_else_may_rebuild(client, everyone, who, django_capture_on_commit_callbacks):
    first = opendata.open_data_build()
    client.force_login(everyone[who])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(REBUILD).status_code == 403
    assert opendata.current().build == first.build
    assert not AuditEntry.objects.filter(action="opendata.rebuild_requested").exists()
    if who != "member":
        dashboard = client.get(reverse("manage:dashboard")).content.decode()
        assert REBUILD not in dashboard


def test_anonymous_is_sent_to_the_login(client):
    response = client.post(REBUILD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert opendata.current() is None
