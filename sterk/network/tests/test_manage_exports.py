"""Member exports: read the CSV and the XLSX back and check what is in them."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sterk.core.models import AuditEntry
from sterk.network import exports, imports
from sterk.network.models import Role
from sterk.network.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    region = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    kempen = SubRegionFactory(region=region, slug="kempen", name_nl="Kempen")
    caw = OrganisationFactory(name="CAW De Kempen")
    MembershipFactory(
        region=region,
        subregion=kempen,
        user=UserFactory(
            email="els@example.org",
            first_name="Els",
            last_name="Aerts",
            organisation=caw,
            job_title="maatschappelijk werker",
            sector="welfare",
            wants_active_role=True,
        ),
    )
    MembershipFactory(
        region=region,
        user=UserFactory(email="tom@example.org", first_name="=HYPERLINK(1)", last_name="Bosmans"),
    )
    # Someone of another region is never exported with Antwerpen.
    MembershipFactory(region=RegionFactory(slug="limburg"), user=UserFactory(email="x@example.org"))
    return region


@pytest.fixture
def chair(client, region):
    user = UserFactory(email="chair@example.org")
    RoleAssignmentFactory(user=user, role=Role.CHAIR, region=region)
    give_totp(user)
    client.force_login(user)
    return user


def read_csv(response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def read_xlsx(response) -> list[dict[str, object]]:
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_csv_export(client, chair, region):
    response = client.get(
        reverse("manage:member_export_csv", args=[region.slug]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = read_csv(response)
    assert [r["email"] for r in rows] == ["els@example.org", "tom@example.org"]
    els = rows[0]
    assert els["organisation"] == "CAW De Kempen"
    assert els["subregion"] == "Kempen"
    assert els["job_title"] == "maatschappelijk werker"
    assert els["wants_active_role"] in ("yes", "ja")
    assert els["sector"]
    assert els["joined_at"]
    # A value a spreadsheet would run as a formula is defused.
    assert rows[1]["first_name"] == "'=HYPERLINK(1)"
    entry = AuditEntry.objects.get(action="members.exported")
    assert entry.changes == {"format": "csv", "rows": 2}
    assert entry.region_id == region.pk


def test_xlsx_export(client, chair, region):
    response = client.get(reverse("manage:member_export_xlsx", args=[region.slug]))
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    rows = read_xlsx(response)
    assert [r["email"] for r in rows] == ["els@example.org", "tom@example.org"]
    assert rows[0]["subregion"] == "Kempen"
    assert rows[0]["joined_at"] is not None
    # Text, not a formula, and defused like the CSV (it stays text when edited or saved
    # as CSV).
    workbook = load_workbook(io.BytesIO(response.content))
    cell = workbook.worksheets[0]["B3"]
    assert cell.value == "'=HYPERLINK(1)"
    assert cell.data_type == "s"
    assert AuditEntry.objects.get(action="members.exported").changes["format"] == "xlsx"


def test_export_follows_the_filters(client, chair, region):
    url = reverse("manage:member_export_csv", args=[region.slug])
    rows = read_csv(client.get(url, {"active": "on"}))
    assert [r["email"] for r in rows] == ["els@example.org"]
    rows = read_csv(client.get(url, {"q": "bosmans"}))
    assert [r["email"] for r in rows] == ["tom@example.org"]


def test_export_can_be_imported_again(region):
    """The first columns carry the names the import reads."""
    from sterk.network.selectors import region_members

    body = exports.members_csv(region_members(region))
    table = imports.parse_csv(body.encode("utf-8"))
    rows = imports.rows_from_table(table)
    assert [r["email"] for r in rows] == ["els@example.org", "tom@example.org"]
    checked = imports.check_rows(rows, region)
    assert checked[0].row.errors == []
    assert checked[0].row.subregion == "Kempen"
    assert checked[0].row.wants_active_role is True


def test_coordinator_may_export_any_region(client, region):
    coordinator = UserFactory(email="coordinator@example.org")
    RoleAssignmentFactory(user=coordinator, role=Role.COORDINATOR)
    give_totp(coordinator)
    client.force_login(coordinator)
    response = client.get(reverse("manage:member_export_xlsx", args=[region.slug]))
    assert response.status_code == 200


def test_chair_of_another_region_may_not_export(client, region):
    other = UserFactory(email="other@example.org")
    RoleAssignmentFactory(user=other, role=Role.CHAIR, region=RegionFactory(slug="brussel"))
    give_totp(other)
    client.force_login(other)
    for name in ("manage:member_export_csv", "manage:member_export_xlsx"):
        assert client.get(reverse(name, args=[region.slug])).status_code == 403
    assert not AuditEntry.objects.filter(action="members.exported").exists()
