"""Member import: reading CSV and XLSX, per-row errors, the preview and the confirmation."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from sterk.core.models import AuditEntry
from sterk.network import imports
from sterk.network.models import Membership, Organisation, Role
from sterk.network.tests.factories import (
    MembershipFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db

User = UserFactory._meta.model


@pytest.fixture
def region():
    region = RegionFactory(slug="vlaams-brabant", name_nl="Vlaams-Brabant")
    SubRegionFactory(region=region, slug="leuven", name_nl="Leuven", name_fr="Louvain")
    SubRegionFactory(region=region, slug="hageland", name_nl="Hageland")
    return region


@pytest.fixture
def chair(client, region):
    user = UserFactory(email="chair@example.org")
    RoleAssignmentFactory(user=user, role=Role.CHAIR, region=region)
    give_totp(user)
    client.force_login(user)
    return user


def csv_file(text: str, name: str = "leden.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows: list[list[object]], name: str = "leden.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def check(text: str, region) -> list[imports.CheckedRow]:
    with translation.override("en"):
        return imports.check_rows(imports.read_upload(csv_file(text)), region)


# --- reading -----------------------------------------------------------------------------


def test_reads_dutch_headers_semicolons_and_windows_encoding(region):
    text = (
        "E-mail;Voornaam;Achternaam;Organisatie;Subregio;Actieve rol\r\n"
        "jef@example.org;Jef;Smets;CAW Oost-Brabant;Leuven;ja\r\n"
        "lea@example.org;Léa;Dubois;;louvain;nee\r\n"
    )
    rows = imports.read_upload(csv_file(text, encoding="cp1252"))
    assert [r["email"] for r in rows] == ["jef@example.org", "lea@example.org"]
    assert rows[1]["first_name"] == "Léa"
    assert rows[0]["line"] == 2
    checked = imports.check_rows(rows, region)
    assert [c.row.errors for c in checked] == [[], []]
    assert checked[0].row.subregion == "Leuven"
    assert checked[1].row.subregion == "Leuven"  # found by its French name
    assert checked[0].row.wants_active_role is True
    assert checked[1].row.wants_active_role is False


def test_reads_english_headers_with_a_bom_and_commas(region):
    text = (
        "\ufeffemail,first_name,last_name,organisation,subregion,wants_active_role\n"
        "a@example.org,A,B,,hageland,1\n"
        "\n"
        "c@example.org,C,D,,,\n"
    )
    checked = check(text, region)
    assert [c.row.line for c in checked] == [2, 4]  # the blank line keeps its number
    assert [c.row.errors for c in checked] == [[], []]


def test_reads_xlsx(region):
    upload = xlsx_file(
        [
            ["email", "voornaam", "achternaam", "subregio", "actieve_rol"],
            ["x@example.org", "Xavier", "Claes", "Hageland", True],
            [None, None, None, None, None],
            ["y@example.org", "Yana", "Wouters", None, 0],
        ]
    )
    rows = imports.read_upload(upload)
    checked = imports.check_rows(rows, region)
    assert [c.row.email for c in checked] == ["x@example.org", "y@example.org"]
    assert [c.row.errors for c in checked] == [[], []]
    assert checked[0].row.wants_active_role is True
    assert checked[0].row.subregion == "Hageland"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (csv_file("naam;adres\nJef;Leuven\n"), "no column"),
        (csv_file(""), "empty"),
        (csv_file("email\n\n\n"), "no rows"),
        (SimpleUploadedFile("leden.pdf", b"%PDF-1.4"), ".csv or .xlsx"),
        (SimpleUploadedFile("leden.xlsx", b"PK broken zip"), "could not be read"),
    ],
)
def test_file_level_errors(upload, message):
    with translation.override("en"), pytest.raises(imports.ImportFileError) as exc:
        imports.read_upload(upload)
    assert message in str(exc.value)


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    text = "email\n" + "".join(f"p{i}@example.org\n" for i in range(5))
    with pytest.raises(imports.ImportFileError):
        imports.read_upload(csv_file(text))


# --- per-row errors ------------------------------------------------------------------------


def test_every_row_gets_its_own_errors(region):
    text = (
        "email;voornaam;achternaam;subregio;actieve_rol\n"
        "goed@example.org;Goed;Mens;;\n"
        "geen-adres;Fout;Adres;;\n"
        "goed@example.org;Dubbel;Mens;;\n"
        "naamloos@example.org;;;;\n"
        "half@example.org;Half;;;\n"
        "sub@example.org;Sub;Regio;Kempen;\n"
        "rol@example.org;Rol;Fout;;misschien\n"
        ";Geen;Mail;;\n"
    )
    checked = check(text, region)
    errors = {c.row.line: c.row.errors for c in checked}
    assert errors[2] == []
    assert errors[3] == ["“geen-adres” is not a valid e-mail address."]
    assert errors[4] == ["This e-mail address is already on line 2."]
    assert errors[5] == ["The name is missing."]
    assert errors[6] == ["The last name is missing."]
    assert len(errors[7]) == 1
    assert errors[7][0].startswith("Unknown sub-region “Kempen”. Known sub-regions: ")
    assert "Leuven" in errors[7][0] and "Hageland" in errors[7][0]
    assert errors[8] == ["“misschien” in the column active role is not yes or no."]
    assert errors[9] == ["The e-mail address is missing."]


def test_errors_are_translated(region):
    rows = [{"line": 2, "email": "fout", "first_name": "A", "last_name": "B"}]
    with translation.override("en"):
        english = imports.check_rows(rows, region)[0].row.errors
    assert english == ["“fout” is not a valid e-mail address."]
    # The msgid is English; whatever the Dutch catalogue says, a string comes back.
    with translation.override("nl"):
        assert imports.check_rows(rows, region)[0].row.errors


def test_existing_account_needs_no_name_and_members_are_recognised(region):
    UserFactory(email="bestaand@example.org")
    MembershipFactory(user=UserFactory(email="lid@example.org"), region=region)
    checked = check("email\nbestaand@example.org\nLID@example.org\nnieuw@example.org\n", region)
    assert checked[0].row.errors == []
    assert checked[0].status == "Existing account"
    assert checked[1].row.errors == []
    assert checked[1].status == "Already a member"
    assert checked[2].row.errors == ["The name is missing."]


def test_unknown_subregion_in_a_region_without_subregions():
    region = RegionFactory(slug="limburg")
    checked = check("email,first_name,last_name,subregion\na@example.org,A,B,Genk\n", region)
    assert "has no sub-regions" in checked[0].row.errors[0]


# --- the views: upload, preview, confirm ------------------------------------------------------


def upload_url(region) -> str:
    return reverse("manage:member_import", args=[region.slug])


def test_preview_shows_errors_and_confirm_imports_nothing(client, chair, region):
    text = "email;voornaam;achternaam\ngoed@example.org;Goed;Mens\nfout;Fout;Adres\n"
    response = client.post(upload_url(region), {"file": csv_file(text)})
    assert response.status_code == 302
    preview_url = response["Location"]
    response = client.get(preview_url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["error_count"] == 1
    assert "goed@example.org" in response.text
    main = response.text.split('<main id="main"')[1]
    assert 'method="post"' not in main  # no confirm button while there are errors
    response = client.post(preview_url)
    assert response.status_code == 200
    assert not User.objects.filter(email="goed@example.org").exists()
    assert not Membership.objects.filter(region=region).exists()


def test_confirm_imports_all_rows_and_clears_the_session(client, chair, region):
    UserFactory(email="bestaand@example.org")
    upload = xlsx_file(
        [
            ["e-mail", "voornaam", "achternaam", "organisatie", "subregio", "actieve_rol"],
            ["nieuw@example.org", "Nieuw", "Lid", "Buurtwerk 't Lampeke", "leuven", "ja"],
            ["bestaand@example.org", "", "", "", "", ""],
        ]
    )
    response = client.post(upload_url(region), {"file": upload})
    preview_url = response["Location"]
    assert client.get(preview_url).context["error_count"] == 0
    response = client.post(preview_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("manage:member_list", args=[region.slug])
    new = User.objects.get(email="nieuw@example.org")
    assert new.wants_active_role
    assert not new.has_usable_password()
    assert new.memberships.get(region=region).subregion.slug == "leuven"
    assert Organisation.objects.get(name="Buurtwerk 't Lampeke").is_approved is False
    assert Membership.objects.filter(region=region).count() == 2
    entry = AuditEntry.objects.get(action="members.imported")
    assert entry.region_id == region.pk and entry.actor == chair
    # The pending rows are gone: the same token cannot import twice.
    response = client.post(preview_url)
    assert response.status_code == 302
    assert response["Location"] == upload_url(region)
    assert AuditEntry.objects.filter(action="members.imported").count() == 1


def test_upload_error_keeps_the_form(client, chair, region):
    response = client.post(upload_url(region), {"file": csv_file("naam\nJef\n")})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_a_pending_import_belongs_to_its_region(client, chair, region):
    other = RegionFactory(slug="limburg")
    RoleAssignmentFactory(user=chair, role=Role.CHAIR, region=other)
    response = client.post(
        upload_url(region), {"file": csv_file("email,first_name,last_name\na@example.org,A,B\n")}
    )
    token = response["Location"].rstrip("/").rsplit("/", 1)[1]
    url = reverse("manage:member_import_preview", args=[other.slug, token])
    response = client.post(url)
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_confirm_checks_again(client, chair, region):
    """A sub-region deleted between preview and confirmation turns the row into an error."""
    response = client.post(
        upload_url(region),
        {"file": csv_file("email,first_name,last_name,subregion\na@example.org,A,B,hageland\n")},
    )
    preview_url = response["Location"]
    assert client.get(preview_url).context["error_count"] == 0
    region.subregions.filter(slug="hageland").delete()
    response = client.post(preview_url)
    assert response.status_code == 200
    assert response.context["error_count"] == 1
    assert not Membership.objects.exists()


@pytest.mark.parametrize(
    "row",
    [
        "nul@example.org;Ju\x00lie;Peeters",
        "nul@example.org;Julie;Pee\x00ters",
        "nul@example.org;Julie;Peeters;Buurt\x00werk",
    ],
)
def test_a_nul_byte_in_a_row_is_a_row_error_in_the_preview_and_nothing_breaks(
    client, chair, region, row
):
    """It passed the preview and failed at confirm on PostgreSQL (NUL in a text value)."""
    text = f"email;voornaam;achternaam;organisatie\ngoed@example.org;Goed;Mens;\n{row}\n"
    response = client.post(upload_url(region), {"file": csv_file(text)})
    assert response.status_code == 302
    preview_url = response["Location"]
    response = client.get(preview_url)
    assert response.status_code == 200
    assert response.context["error_count"] == 1
    response = client.post(preview_url)
    assert response.status_code == 200
    assert not User.objects.filter(email="nul@example.org").exists()


def test_a_line_break_inside_a_quoted_cell_is_a_row_error(region):
    rows = imports.rows_from_table(
        imports.parse_csv(b'email;voornaam;achternaam\nan@example.org;"An\nna";Peeters\n')
    )
    [checked] = imports.check_rows(rows, region)
    assert checked.row.errors
