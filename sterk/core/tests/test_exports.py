"""One export helper: every cell defused (headers too), one delimiter, one BOM rule; and
every export of personal data behind two-factor authentication, for every role."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from sterk.core import exports
from sterk.events import services as event_services
from sterk.events.tests.factories import EventFactory, QuestionFactory
from sterk.network.models import Role
from sterk.network.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    UserFactory,
    give_totp,
)
from sterk.practices.tests.factories import CallFactory, PracticeFactory

EVIL = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    "value",
    [EVIL, "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\u00a0=1", "\n=1"],
)
def test_formula_like_text_is_defused(value):
    assert exports.defuse(value) == "'" + value


@pytest.mark.parametrize(
    "value, expected",
    [("Jan", "Jan"), (5, 5), (-5, -5), (None, ""), (["a", "b"], "a; b"), ("a-b", "a-b")],
)
def test_other_values_stay(value, expected):
    assert exports.defuse(value) == expected


def test_csv_has_one_delimiter_a_bom_and_defused_headers():
    moment = datetime.datetime(2026, 5, 1, 9, 30, tzinfo=datetime.UTC)
    text = exports.csv_text([EVIL, "b"], [["=1", moment]])
    assert text.startswith(exports.BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(exports.BOM)), delimiter=";"))
    assert rows == [["'" + EVIL, "b"], ["'=1", "2026-05-01 09:30"]]


def test_xlsx_defuses_headers_and_cells_and_keeps_a_valid_sheet_title():
    data = exports.xlsx_bytes("'a/b:c*d?[e]'" + "x" * 40, [EVIL], [["@x"], [3]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A1"].value == "'" + EVIL and sheet["A1"].data_type == "s"
    assert sheet["A2"].value == "'@x" and sheet["A3"].value == 3
    assert len(sheet.title) <= 31 and not set(sheet.title) & set("[]:*?/\\")
    assert not sheet.title.startswith("'")


# --- the real exports ------------------------------------------------------------------


@pytest.fixture
def world(db, settings):
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = True
    antwerpen = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    MembershipFactory(user=UserFactory(first_name="=cmd"), region=antwerpen)
    chair = UserFactory(email="chair@example.org")
    RoleAssignmentFactory(user=chair, role=Role.CHAIR, region=antwerpen)
    owner = OrganisationFactory(name="Socius", is_stakeholder=True)
    stakeholder = UserFactory(email="stakeholder@example.org")
    RoleAssignmentFactory(user=stakeholder, role=Role.STAKEHOLDER, organisation=owner)
    event = EventFactory(organiser="region", region=antwerpen)
    question = QuestionFactory(event=event, label_nl=EVIL)
    event_services.registration_create(
        event=event, user=UserFactory(), answers={str(question.pk): "+31"}
    )
    call = CallFactory(
        owner=owner,
        questions=[{"label": EVIL, "kind": "text", "choices": [], "required": False}],
    )
    PracticeFactory(
        call=call,
        submitter_name="An",
        submitter_email="an@example.org",
        answers=[{"question": EVIL, "answer": "-2"}],
    )
    from sterk.surveys.models import Answer, Response
    from sterk.surveys.tests.factories import SectionFactory, SurveyFactory, question

    survey = SurveyFactory(region=antwerpen, anonymous=False)
    text_question = question(SectionFactory(survey=survey), "short_text", text=EVIL)
    response = Response.objects.create(
        survey=survey, token="t" * 24, status="submitted", email="r@example.org"
    )
    Answer.objects.create(response=response, question=text_question, text="=cmd")
    return {
        "region": antwerpen,
        "chair": chair,
        "stakeholder": stakeholder,
        "event": event,
        "call": call,
        "survey": survey,
    }


def _personal_exports(world: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(url, format, who may export) for every export of personal data."""
    slug, event, call = world["region"].slug, world["event"].pk, world["call"].pk
    return [
        (reverse("manage:member_export_csv", args=[slug]), "csv", "chair"),
        (reverse("manage:member_export_xlsx", args=[slug]), "xlsx", "chair"),
        (reverse("events_manage:export_csv", args=[event]), "csv", "chair"),
        (reverse("events_manage:export_xlsx", args=[event]), "xlsx", "chair"),
        (reverse("practices_manage:call_export", args=[call, "csv"]), "csv", "stakeholder"),
        (reverse("practices_manage:call_export", args=[call, "xlsx"]), "xlsx", "stakeholder"),
        (reverse("surveys_manage:export", args=[world["survey"].pk, "csv"]), "csv", "chair"),
        (reverse("surveys_manage:export", args=[world["survey"].pk, "xlsx"]), "xlsx", "chair"),
        (reverse("surveys_manage:export", args=[world["survey"].pk, "codeboek"]), "csv", "chair"),
    ]


PUBLIC_CSV = ["actionplan:export_csv"]


def _walk(resolver: URLResolver, namespace: str = "") -> list[tuple[str, Any]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _walk(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((namespace + entry.name, entry.callback))
    return found


def test_every_management_export_is_a_personal_data_export():
    """A new export view under /beheer/ must be declared with personal_data_export."""
    views = _walk(get_resolver())
    manage_exports = {
        name: view for name, view in views if "manage" in name.split(":")[0] and "export" in name
    }
    assert len(manage_exports) >= 5, manage_exports
    for name, view in manage_exports.items():
        assert getattr(view, "exports_personal_data", False), name
    covered = {
        "manage:member_export_csv",
        "manage:member_export_xlsx",
        "events_manage:export_csv",
        "events_manage:export_xlsx",
        "practices_manage:call_export",
        "surveys_manage:export",
    }
    assert set(manage_exports) == covered, "add the new export to _personal_exports"


def _check_file(response, fmt: str) -> None:
    assert response.status_code == 200, response
    if fmt == "csv":
        assert response["Content-Type"] == exports.CSV_CONTENT_TYPE
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8")
        assert text.startswith(exports.BOM)
        rows = list(csv.reader(io.StringIO(text.removeprefix(exports.BOM)), delimiter=";"))
        assert len(rows[0]) > 1, "one delimiter: ;"
        cells = [c for row in rows for c in row]
    else:
        assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
        sheet = load_workbook(io.BytesIO(response.content)).active
        cells = [c for row in sheet.values for c in row if isinstance(c, str)]
    # Nothing that a spreadsheet would run, headers included.
    for cell in cells:
        assert not cell.lstrip().startswith(("=", "+", "-", "@")), cell


def test_every_personal_data_export_needs_totp_for_every_role(client, world):
    for url, fmt, who in _personal_exports(world):
        user = world[who]
        Authenticator.objects.filter(user=user).delete()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 302, (url, who)
        assert response["Location"] == reverse("mfa_activate_totp"), (url, who)
        give_totp(user)
        _check_file(client.get(url), fmt)


def test_a_stakeholder_without_totp_gets_no_submissions_file(client, world):
    stakeholder = world["stakeholder"]
    client.force_login(stakeholder)
    url = reverse("practices_manage:call_export", args=[world["call"].pk, "csv"])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert b"an@example.org" not in response.content
    give_totp(stakeholder)
    response = client.get(url)
    assert b"an@example.org" in response.content


def test_the_question_label_in_the_registrations_header_is_defused(client, world):
    give_totp(world["chair"])
    client.force_login(world["chair"])
    event = world["event"].pk
    response = client.get(reverse("events_manage:export_csv", args=[event]))
    text = response.content.decode("utf-8").removeprefix(exports.BOM)
    header = next(csv.reader(io.StringIO(text), delimiter=";"))
    assert header[-1] == "'" + EVIL
    response = client.get(reverse("events_manage:export_xlsx", args=[event]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][-1] == "'" + EVIL
    assert sheet.cell(row=1, column=sheet.max_column).data_type == "s"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_CSV)
def test_public_csv_exports_use_the_same_format(client, name):
    from sterk.actionplan.tests.factories import current_plan

    current_plan()
    _check_file(client.get(reverse(name)), "csv")


def test_an_export_view_that_skips_the_gate_is_an_error(world):
    """personal_data_export insists that the view consulted personal_data_gate."""
    from django.core.exceptions import ImproperlyConfigured
    from django.http import HttpResponse
    from django.test import RequestFactory

    from sterk.core.access import personal_data_export, personal_data_gate

    @personal_data_export
    def careless(request):
        return HttpResponse("names")

    @personal_data_export
    def careful(request):
        return personal_data_gate(request) or HttpResponse("names")

    give_totp(world["chair"])
    request = RequestFactory().get("/")
    request.user = world["chair"]
    with pytest.raises(ImproperlyConfigured):
        careless(request)
    request = RequestFactory().get("/")
    request.user = world["chair"]
    assert careful(request).status_code == 200
