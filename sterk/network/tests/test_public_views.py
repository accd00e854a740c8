"""The public pages of the network: regions, joining, contact (the region page, the steering
group and the stakeholders are composed in sterk.site: sterk/site/tests/test_pages.py)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sterk.network.models import ContactRequest, Membership, Role
from sterk.network.tests.factories import (
    MembershipFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def antwerpen():
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen", name_fr="Anvers")


def test_visitor_who_clicks_join_goes_to_signup_and_is_remembered(client, antwerpen):
    response = client.get("/nl/regio/antwerpen/aansluiten/")
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/account/signup/")
    assert client.session["sterk_pending_join"] == antwerpen.pk


def test_signup_after_clicking_join_creates_the_membership(client, antwerpen):
    client.get("/nl/regio/antwerpen/aansluiten/")
    response = client.post(
        "/nl/account/signup/",
        {
            "first_name": "Lies",
            "last_name": "Janssens",
            "email": "lies@example.org",
            "password1": "een-sterk-wachtwoord-42",
            "password2": "een-sterk-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user__email="lies@example.org", region=antwerpen).exists()
    assert len(mail.outbox) == 1  # the verification e-mail


def test_member_joins_with_subregion_and_leaves(client, antwerpen):
    kempen = SubRegionFactory(region=antwerpen, name_nl="Kempen")
    user = UserFactory()
    client.force_login(user)
    response = client.post("/nl/regio/antwerpen/aansluiten/", {"subregion": kempen.pk})
    assert response.status_code == 302
    membership = Membership.objects.get(user=user, region=antwerpen)
    assert membership.subregion == kempen
    # Joining twice keeps one membership.
    client.post("/nl/regio/antwerpen/aansluiten/", {})
    assert Membership.objects.filter(user=user).count() == 1
    client.post("/nl/regio/antwerpen/verlaten/")
    assert not Membership.objects.filter(user=user).exists()


def test_subregion_of_another_region_is_refused(client, antwerpen):
    SubRegionFactory(region=antwerpen)
    other = SubRegionFactory(region=RegionFactory(slug="limburg"))
    client.force_login(UserFactory())
    response = client.post("/nl/regio/antwerpen/aansluiten/", {"subregion": other.pk})
    assert response.status_code == 200  # the form comes back with an error
    assert not Membership.objects.exists()


def test_leave_redirect_only_to_own_site(client, antwerpen):
    user = UserFactory()
    MembershipFactory(user=user, region=antwerpen)
    client.force_login(user)
    response = client.post("/nl/regio/antwerpen/verlaten/", {"next": "//evil.example/"})
    assert response["Location"] == "/nl/regio/antwerpen/"


def _contact_data(**overrides):
    data = {
        "name": "Jan Claes",
        "email": "jan@example.org",
        "organisation_name": "CAW Oost",
        "topic": "join",
        "region": "",
        "message": "Ik wil graag meewerken.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_contact_request_goes_to_the_region_chairs(
    client, antwerpen, django_capture_on_commit_callbacks
):
    chair = UserFactory(email="chair@example.org")
    RoleAssignmentFactory(user=chair, role=Role.CHAIR, region=antwerpen)
    RoleAssignmentFactory(user=UserFactory(email="coord@example.org"), role=Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nl/contact/", _contact_data(region=antwerpen.pk))
    assert response.status_code == 302
    request = ContactRequest.objects.get()
    assert request.region == antwerpen and request.status == "new"
    assert [m.to for m in mail.outbox] == [["chair@example.org"]]
    assert mail.outbox[0].reply_to == ["jan@example.org"]
    assert "Ik wil graag meewerken." in mail.outbox[0].body


def test_contact_without_region_goes_to_coordinators(client, django_capture_on_commit_callbacks):
    RoleAssignmentFactory(user=UserFactory(email="coord@example.org"), role=Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/nl/contact/", _contact_data())
    assert [m.to for m in mail.outbox] == [["coord@example.org"]]


def test_contact_errors_keep_what_was_typed(client):
    response = client.post("/nl/contact/", _contact_data(email="geen-adres", consent=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()
    assert "Jan Claes" in html and "Ik wil graag meewerken." in html
    assert 'class="error-summary"' in html


def test_contact_errors_are_translated(client):
    response = client.post("/fr/contact/", _contact_data(email="geen-adres"))
    assert "Saisissez une adresse" in response.content.decode()


def test_contact_honeypot_stores_nothing(client):
    response = client.post("/nl/contact/", _contact_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not ContactRequest.objects.exists()
    assert not mail.outbox


def test_contact_is_rate_limited(client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.STERK_CONTACT_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post("/nl/contact/", _contact_data()).status_code == 302
    response = client.post("/nl/contact/", _contact_data())
    assert response.status_code == 200
    assert ContactRequest.objects.count() == 2
    cache.clear()


def test_contact_prefills_region_and_topic_from_links(client, antwerpen):
    html = client.get("/nl/contact/?regio=antwerpen&onderwerp=stakeholder_meeting").content.decode()
    assert f'<option value="{antwerpen.pk}" selected>' in html
    assert '<option value="stakeholder_meeting" selected>' in html


def test_member_directory_is_for_members_and_shows_only_visible_profiles(client):
    assert client.get("/nl/leden/").status_code == 302  # visitors log in first
    region = RegionFactory(slug="limburg", name_nl="Limburg")
    visible = UserFactory(first_name="Zichtbaar", last_name="Persoon", directory_visible=True)
    MembershipFactory(user=visible, region=region)
    UserFactory(first_name="Verborgen", last_name="Persoon", directory_visible=False)
    client.force_login(UserFactory())
    html = client.get("/nl/leden/").content.decode()
    assert "Zichtbaar" in html and "Verborgen" not in html
    assert "Zichtbaar" in client.get("/nl/leden/?regio=limburg&q=zicht").content.decode()
    assert "Zichtbaar" not in client.get("/nl/leden/?regio=brussel").content.decode()


def test_member_directory_keeps_constant_queries(client):
    client.force_login(UserFactory())
    region = RegionFactory()
    for _ in range(2):
        MembershipFactory(user=UserFactory(directory_visible=True), region=region)
    client.get("/nl/leden/")  # the reader's roles are read once, then kept (#14)
    with CaptureQueriesContext(connection) as small:
        client.get("/nl/leden/")
    for _ in range(30):
        MembershipFactory(user=UserFactory(directory_visible=True), region=region)
    with CaptureQueriesContext(connection) as large:
        client.get("/nl/leden/")
    assert len(large) == len(small)
