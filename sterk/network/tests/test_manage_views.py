"""The management pages at the HTTP boundary: what each role sees and what forms do."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from sterk.core.audit import audit_record
from sterk.core.models import AuditEntry
from sterk.network.models import (
    ContactStatus,
    Organisation,
    Region,
    RegionPriority,
    Role,
    RoleAssignment,
    SubRegion,
)
from sterk.network.tests.factories import (
    ContactRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleAssignmentFactory,
    SubRegionFactory,
    UserFactory,
    give_totp,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Pages under /en/: the assertions read the English msgids, whatever nl says."""
    with translation.override("en"):
        yield


@pytest.fixture
def antwerpen():
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen")


@pytest.fixture
def limburg():
    return RegionFactory(slug="limburg", name_nl="Limburg")


def manager(role: str, **kwargs):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=role, **kwargs)
    give_totp(user)
    return user


@pytest.fixture
def chair(antwerpen):
    return manager(Role.CHAIR, region=antwerpen)


@pytest.fixture
def coordinator():
    return manager(Role.COORDINATOR)


def get(client, name, *args, **params):
    return client.get(reverse(name, args=args), params, HTTP_ACCEPT_LANGUAGE="en")


# --- dashboard and navigation ----------------------------------------------------------


def test_chair_dashboard_shows_own_region_only(client, chair, antwerpen, limburg):
    MembershipFactory.create_batch(2, region=antwerpen)
    wants = MembershipFactory(
        region=antwerpen, user=UserFactory(first_name="Actief", wants_active_role=True)
    )
    ContactRequestFactory(region=antwerpen)
    ContactRequestFactory(region=antwerpen, status=ContactStatus.DONE)
    ContactRequestFactory(region=limburg)
    client.force_login(chair)
    response = get(client, "manage:dashboard")
    assert response.status_code == 200
    regions = response.context["regions"]
    assert [r.slug for r in regions] == ["antwerpen"]
    assert regions[0].member_count == 3
    assert regions[0].active_count == 1
    assert regions[0].open_request_count == 1
    assert response.context["open_requests"] == 1
    assert response.context["active_members"] == [wants]
    assert "Limburg" not in response.text
    html = response.text
    assert reverse("manage:member_list", args=["antwerpen"]) in html
    assert reverse("manage:priority_list", args=["antwerpen"]) in html
    # Coordinator-only links are not offered.
    assert reverse("manage:organisation_list") not in html
    assert reverse("manage:role_list") not in html
    assert reverse("manage:audit_trail") not in html


def test_coordinator_dashboard(client, coordinator, antwerpen, limburg):
    OrganisationFactory(is_approved=False)
    ContactRequestFactory(region=None)
    ContactRequestFactory(region=limburg)
    client.force_login(coordinator)
    response = get(client, "manage:dashboard")
    assert {r.slug for r in response.context["regions"]} == {"antwerpen", "limburg"}
    assert response.context["awaiting_count"] == 1
    assert response.context["open_requests"] == 2
    assert response.context["platform_requests"] == 1
    for name in ("organisation_list", "role_list", "audit_trail", "contact_inbox"):
        assert reverse(f"manage:{name}") in response.text


@pytest.mark.parametrize("role", [Role.STEERING, Role.STAKEHOLDER])
def test_read_only_dashboard(client, antwerpen, role):
    MembershipFactory(region=antwerpen)
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=role)
    give_totp(user)  # stakeholder representatives need it (steering members do not)
    client.force_login(user)
    response = get(client, "manage:dashboard")
    assert response.status_code == 200
    assert "regions" not in response.context
    assert [(r.slug, r.member_count) for r in response.context["overview"]] == [("antwerpen", 1)]
    html = response.text
    # The text says what they can do now, and links to it: every link opens for them.
    assert "will come here" not in html and "with the action plan." not in html
    links = (
        ["actionplan_manage:proposal_list", "actionplan_manage:dashboard"]
        if role == Role.STEERING
        else ["actionplan_manage:progress_list", "practices_manage:call_list"]
    )
    for name in links:
        assert reverse(name) in html
        assert get(client, name).status_code == 200, name
    assert reverse("manage:contact_inbox") not in html
    assert reverse("manage:member_list", args=["antwerpen"]) not in html


# --- region texts, priorities, sub-regions --------------------------------------------------


def test_region_edit_keeps_input_on_error_and_saves(client, chair, antwerpen):
    client.force_login(chair)
    url = reverse("manage:region_edit", args=["antwerpen"])
    data = {
        "name_nl": "",
        "tagline_fr": "Le travail social ensemble",
        "description_en": "Social work is never done alone.",
        "contact_email": "antwerpen@example.org",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["name_nl"]
    assert "Le travail social ensemble" in response.text
    assert "Social work is never done alone." in response.text
    assert not AuditEntry.objects.exists()

    data["name_nl"] = "Antwerpen"
    response = client.post(url, data)
    assert response.status_code == 302
    antwerpen.refresh_from_db()
    assert antwerpen.tagline_fr == "Le travail social ensemble"
    assert antwerpen.contact_email == "antwerpen@example.org"
    entry = AuditEntry.objects.get(action="region.updated")
    assert entry.actor == chair
    assert entry.region_id == antwerpen.pk
    assert entry.changes["tagline_fr"] == [None, "Le travail social ensemble"]


def test_priority_crud(client, chair, antwerpen):
    client.force_login(chair)
    response = client.post(
        reverse("manage:priority_create", args=["antwerpen"]),
        {"title_nl": "Minder bureaucratie, meer hulpverlening", "order": 2},
    )
    assert response.status_code == 302
    priority = RegionPriority.objects.get(region=antwerpen)
    response = client.post(
        reverse("manage:priority_edit", args=["antwerpen", priority.pk]),
        {"title_nl": "Werken in vertrouwen", "title_en": "Working in trust", "order": 1},
    )
    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.title_en == "Working in trust"
    listing = get(client, "manage:priority_list", "antwerpen")
    assert "Working in trust" in listing.text  # the English page shows the English title
    client.post(reverse("manage:priority_delete", args=["antwerpen", priority.pk]))
    assert not RegionPriority.objects.exists()
    assert AuditEntry.objects.filter(region_id=antwerpen.pk).count() == 3


def test_priority_form_requires_dutch_title(client, chair, antwerpen):
    client.force_login(chair)
    response = client.post(
        reverse("manage:priority_create", args=["antwerpen"]),
        {"title_fr": "Seulement en français", "order": 0},
    )
    assert response.status_code == 200
    assert "title_nl" in response.context["form"].errors
    assert "Seulement en français" in response.text


def test_a_chair_is_never_asked_for_a_slug_and_a_posted_one_is_ignored(client, chair, antwerpen):
    client.force_login(chair)
    url = reverse("manage:subregion_create", args=["antwerpen"])
    page = client.get(url)
    assert "slug" not in page.context["form"].fields
    assert 'name="slug"' not in page.text
    response = client.post(url, {"name_nl": "Halle en Pajottenland", "order": 1})
    assert response.status_code == 302
    assert SubRegion.objects.get(region=antwerpen).slug == "halle-en-pajottenland"
    # A slug= in the POST is ignored: the slug comes from the name, unique in the region.
    response = client.post(url, {"name_nl": "Halle en Pajottenland", "slug": "zelf", "order": 2})
    assert response.status_code == 302
    assert set(SubRegion.objects.values_list("slug", flat=True)) == {
        "halle-en-pajottenland",
        "halle-en-pajottenland-2",
    }
    sub = SubRegion.objects.get(slug="halle-en-pajottenland")
    client.post(
        reverse("manage:subregion_edit", args=["antwerpen", sub.pk]),
        {"name_nl": "Halle", "slug": "zelf", "order": 1},
    )
    sub.refresh_from_db()
    assert sub.name_nl == "Halle" and sub.slug == "halle-en-pajottenland"  # kept: links


def test_a_coordinator_sees_the_slug_and_a_duplicate_is_refused(client, coordinator, antwerpen):
    SubRegionFactory(region=antwerpen, slug="halle", name_nl="Halle")
    client.force_login(coordinator)
    url = reverse("manage:subregion_create", args=["antwerpen"])
    assert 'name="slug"' in client.get(url).text
    response = client.post(url, {"name_nl": "Halle bis", "slug": "halle", "order": 2})
    assert response.status_code == 200
    assert response.context["form"].errors["slug"]
    assert SubRegion.objects.count() == 1


def test_subregion_edit_and_delete(client, chair, antwerpen):
    sub = SubRegionFactory(region=antwerpen, slug="kempen", name_nl="Kempen")
    MembershipFactory(region=antwerpen, subregion=sub)
    client.force_login(chair)
    response = client.post(
        reverse("manage:subregion_edit", args=["antwerpen", sub.pk]),
        {"name_nl": "De Kempen", "slug": "kempen", "order": 3},
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.name_nl == "De Kempen"
    confirm = get(client, "manage:subregion_delete", "antwerpen", sub.pk)
    assert "stay members" in confirm.text
    client.post(reverse("manage:subregion_delete", args=["antwerpen", sub.pk]))
    assert not SubRegion.objects.exists()


# --- members ---------------------------------------------------------------------------


def test_member_list_search_and_filters(client, chair, antwerpen, limburg):
    kempen = SubRegionFactory(region=antwerpen, slug="kempen", name_nl="Kempen")
    org = OrganisationFactory(name="Samenlevingsopbouw")
    a = MembershipFactory(
        region=antwerpen,
        subregion=kempen,
        user=UserFactory(last_name="Aerts", organisation=org, wants_active_role=True),
    )
    b = MembershipFactory(
        region=antwerpen,
        user=UserFactory(last_name="Bosmans", job_title="straathoekwerker", sector="youth"),
    )
    c = MembershipFactory(
        region=antwerpen, user=UserFactory(last_name="Claes", leads_local_consultation=True)
    )
    MembershipFactory(region=limburg, user=UserFactory(last_name="Limburger"))
    client.force_login(chair)

    def members(**params):
        response = get(client, "manage:member_list", "antwerpen", **params)
        assert response.status_code == 200
        return list(response.context["page_obj"])

    assert members() == [a, b, c]
    assert members(q="samenlevings") == [a]
    assert members(q="straathoek") == [b]
    assert members(subregion=kempen.pk) == [a]
    assert members(active="on") == [a]
    assert members(consultation="on") == [c]
    assert members(sector="youth") == [b]
    # An invalid filter value is ignored rather than an error.
    assert members(subregion="999999") == [a, b, c]
    response = get(client, "manage:member_list", "antwerpen")
    assert "Wants an active role" in response.text
    assert "Limburger" not in response.text


def test_member_list_is_paginated_by_50(client, chair, antwerpen):
    MembershipFactory.create_batch(51, region=antwerpen)
    client.force_login(chair)
    response = get(client, "manage:member_list", "antwerpen")
    assert len(response.context["page_obj"]) == 50
    assert response.context["page_obj"].paginator.num_pages == 2
    assert len(get(client, "manage:member_list", "antwerpen", page=2).context["page_obj"]) == 1


def test_member_list_htmx_returns_only_the_results(client, chair, antwerpen):
    MembershipFactory(region=antwerpen)
    client.force_login(chair)
    response = client.get(reverse("manage:member_list", args=["antwerpen"]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="member-results"' in response.text
    assert "<html" not in response.text


# --- contact inbox ----------------------------------------------------------------------


def test_inbox_filters_and_counts(client, coordinator, antwerpen, limburg):
    ContactRequestFactory(region=antwerpen, status=ContactStatus.NEW)
    ContactRequestFactory(region=antwerpen, status=ContactStatus.IN_PROGRESS)
    ContactRequestFactory(region=antwerpen, status=ContactStatus.DONE)
    ContactRequestFactory(region=limburg, status=ContactStatus.NEW)
    ContactRequestFactory(region=None, status=ContactStatus.NEW)
    client.force_login(coordinator)

    def inbox(**params):
        response = get(client, "manage:contact_inbox", **params)
        assert response.status_code == 200
        counts = {t["key"]: t["count"] for t in response.context["tabs"]}
        return response.context["page_obj"].paginator.count, counts

    assert inbox() == (4, {"open": 4, "new": 3, "in_progress": 1, "done": 1, "all": 5})
    assert inbox(status="done")[0] == 1
    assert inbox(status="all")[0] == 5
    assert inbox(status="in_progress")[0] == 1
    assert inbox(status="new", region=antwerpen.pk) == (
        1,
        {"open": 2, "new": 1, "in_progress": 1, "done": 1, "all": 3},
    )
    assert inbox(status="all", region="none")[0] == 1
    assert inbox(status="nonsense")[0] == 4  # falls back to open


def test_chair_inbox_shows_only_own_regions(client, chair, antwerpen, limburg):
    mine = ContactRequestFactory(region=antwerpen)
    ContactRequestFactory(region=limburg)
    ContactRequestFactory(region=None)
    client.force_login(chair)
    response = get(client, "manage:contact_inbox", status="all")
    assert list(response.context["page_obj"]) == [mine]
    # A chair asking for a region that is not theirs gets their own list, not Limburg's.
    response = get(client, "manage:contact_inbox", status="all", region=limburg.pk)
    assert list(response.context["page_obj"]) == [mine]


def test_contact_detail_updates_status_and_note(client, chair, antwerpen):
    request = ContactRequestFactory(region=antwerpen, message="Mag ik aansluiten?")
    client.force_login(chair)
    url = reverse("manage:contact_detail", args=[request.pk])
    response = get(client, "manage:contact_detail", request.pk)
    assert "Mag ik aansluiten?" in response.text
    response = client.post(url, {"status": "in_progress", "note": "Teruggebeld op maandag."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ContactStatus.IN_PROGRESS
    assert request.handled_by == chair
    entry = AuditEntry.objects.get(action="contact_request.updated")
    assert entry.changes == {
        "note": ["", "Teruggebeld op maandag."],
        "status": ["new", "in_progress"],
    }
    response = client.post(url, {"status": "bogus", "note": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["status"]


# --- organisations ----------------------------------------------------------------------


def test_organisation_list_filters(client, coordinator, antwerpen):
    OrganisationFactory(name="Socius", is_stakeholder=True, regions=[antwerpen])
    OrganisationFactory(name="CAW Antwerpen", type="caw")
    OrganisationFactory(name="Voorgesteld", is_approved=False)
    client.force_login(coordinator)

    def names(**params):
        response = get(client, "manage:organisation_list", **params)
        return [o.name for o in response.context["page_obj"]]

    assert names() == ["CAW Antwerpen", "Socius", "Voorgesteld"]
    assert names(q="socius") == ["Socius"]
    assert names(type="caw") == ["CAW Antwerpen"]
    assert names(stakeholder="1") == ["Socius"]
    assert names(stakeholder="0") == ["CAW Antwerpen", "Voorgesteld"]
    assert names(awaiting="on") == ["Voorgesteld"]


def test_organisation_create_shows_the_duplicate_clearly(client, coordinator, antwerpen):
    OrganisationFactory(name="CAW Antwerpen vzw")
    client.force_login(coordinator)
    url = reverse("manage:organisation_create")
    data = {
        "name": "caw antwerpen",
        "type": "caw",
        "website": "caw.be",
        "description_fr": "Centre d'aide",
        "regions": [antwerpen.pk],
    }
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "already exists as “CAW Antwerpen vzw”" in response.text
    assert "Centre d&#x27;aide" in response.text
    assert Organisation.objects.count() == 1

    data["name"] = "CAW De Terp"
    response = client.post(url, data)
    assert response.status_code == 302
    org = Organisation.objects.get(name="CAW De Terp")
    assert org.website == "https://caw.be"
    assert list(org.regions.all()) == [antwerpen]
    assert AuditEntry.objects.filter(action="organisation.created").count() == 1


def test_organisation_edit_and_approve(client, coordinator):
    org = OrganisationFactory(name="Buurtwerk", is_approved=False)
    client.force_login(coordinator)
    response = get(client, "manage:organisation_edit", org.pk)
    assert response.context["awaiting_approval"]
    response = client.post(
        reverse("manage:organisation_edit", args=[org.pk]),
        {"name": "Buurtwerk 't Lampeke", "type": "association", "themes_nl": "armoede"},
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name == "Buurtwerk 't Lampeke"
    assert org.themes_nl == "armoede"
    assert not org.is_approved
    client.post(reverse("manage:organisation_approve", args=[org.pk]))
    org.refresh_from_db()
    assert org.is_approved
    assert AuditEntry.objects.filter(action="organisation.approved").exists()


# --- roles ------------------------------------------------------------------------------


def test_role_assign_validates_and_assigns(client, coordinator, antwerpen):
    person = UserFactory(email="nieuwe.voorzitter@example.org")
    client.force_login(coordinator)
    url = reverse("manage:role_assign")

    response = client.post(url, {"email": "niemand@example.org", "role": "steering"})
    assert response.context["form"].errors["email"]
    response = client.post(url, {"email": person.email, "role": "chair"})
    assert response.context["form"].errors["region"]
    response = client.post(url, {"email": person.email, "role": "stakeholder"})
    assert response.context["form"].errors["organisation"]
    response = client.post(url, {"email": person.email, "role": "steering", "region": antwerpen.pk})
    assert response.context["form"].errors["region"]
    assert not RoleAssignment.objects.filter(user=person).exists()

    response = client.post(
        url,
        {"email": "Nieuwe.Voorzitter@example.org", "role": "chair", "region": antwerpen.pk},
    )
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=person)
    assert assignment.region == antwerpen
    assert AuditEntry.objects.get(action="role.assigned").region_id == antwerpen.pk

    response = client.post(url, {"email": person.email, "role": "chair", "region": antwerpen.pk})
    assert response.status_code == 200
    assert "already has this role" in str(response.context["form"].non_field_errors())


def test_role_assign_search_finds_people_by_email(client, coordinator):
    UserFactory(email="an.peeters@hogeschool.be")
    UserFactory(email="bert@example.org")
    client.force_login(coordinator)
    response = get(client, "manage:role_assign", q="hogeschool")
    assert [u.email for u in response.context["found_users"]] == ["an.peeters@hogeschool.be"]
    response = get(client, "manage:role_assign", email="an.peeters@hogeschool.be")
    assert response.context["form"]["email"].value() == "an.peeters@hogeschool.be"


def test_role_revoke(client, coordinator, antwerpen):
    assignment = RoleAssignmentFactory(role=Role.CHAIR, region=antwerpen)
    client.force_login(coordinator)
    url = reverse("manage:role_revoke", args=[assignment.pk])
    assert get(client, "manage:role_revoke", assignment.pk).status_code == 200
    assert client.post(url).status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert AuditEntry.objects.get(action="role.revoked").region_id == antwerpen.pk


def test_the_last_coordinator_cannot_be_revoked(client, coordinator):
    own = RoleAssignment.objects.get(user=coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("manage:role_revoke", args=[own.pk]))
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


def test_role_list_filters(client, coordinator, antwerpen, limburg):
    RoleAssignmentFactory(role=Role.CHAIR, region=antwerpen, user=UserFactory(email="a@x.be"))
    RoleAssignmentFactory(role=Role.CHAIR, region=limburg, user=UserFactory(email="l@x.be"))
    RoleAssignmentFactory(role=Role.STEERING, user=UserFactory(email="s@x.be"))
    client.force_login(coordinator)

    def emails(**params):
        response = get(client, "manage:role_list", **params)
        return sorted(a.user.email for a in response.context["page_obj"])

    assert len(emails()) == 4
    assert emails(role="chair") == ["a@x.be", "l@x.be"]
    assert emails(region=limburg.pk) == ["l@x.be"]
    assert emails(q="s@x") == ["s@x.be"]


# --- audit trail ------------------------------------------------------------------------


def test_audit_trail_filters_and_shows_changes(client, coordinator, antwerpen, limburg):
    actor = UserFactory(email="chair@example.org")
    audit_record(
        actor=actor,
        action="region.updated",
        obj=antwerpen,
        changes={"tagline_nl": ["oud", "nieuw"]},
        region_id=antwerpen.pk,
    )
    audit_record(actor=actor, action="region.updated", obj=limburg, region_id=limburg.pk)
    audit_record(actor=None, action="members.imported", obj=antwerpen, changes={"rows": 3})
    client.force_login(coordinator)
    response = get(client, "manage:audit_trail")
    assert response.context["page_obj"].paginator.count == 3
    html = response.text
    assert "chair@example.org" in html
    assert "oud" in html and "nieuw" in html
    assert "the system" in html
    response = get(client, "manage:audit_trail", action="region.updated")
    assert response.context["page_obj"].paginator.count == 2
    response = get(client, "manage:audit_trail", region=antwerpen.pk)
    entries = list(response.context["page_obj"])
    assert len(entries) == 1
    assert entries[0].region_name == "Antwerpen"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_audit_trail_shows_labels_in_the_readers_language(client, coordinator, antwerpen, language):
    from django.utils.text import capfirst

    from sterk.practices.tests.factories import PracticeFactory

    practice = PracticeFactory(title_nl="Een praktijk")
    audit_record(
        actor=None,
        action="proposal.submitted",
        obj=practice,
        changes={"status": ["draft", "submitted"], "region": [None, "Antwerpen"]},
    )
    audit_record(
        actor=None, action="region.updated", obj=antwerpen, changes={"tagline_nl": ["a", "b"]}
    )
    client.force_login(coordinator)
    with translation.override(language):
        url = reverse("manage:audit_trail")
        status = dict(type(practice)._meta.get_field("status").flatchoices)
        expected = {
            "status_label": str(type(practice)._meta.get_field("status").verbose_name),
            "draft": str(status["draft"]),
            "submitted": str(status["submitted"]),
            "region": str(type(practice)._meta.get_field("region").verbose_name),
            "tagline": str(type(antwerpen)._meta.get_field("tagline").verbose_name),
            "practice": str(type(practice)._meta.verbose_name),
        }
    html = client.get(url).content.decode()
    rows = html[html.index("<tbody>") : html.index("</tbody>")]
    # No raw field names, codes or stored values: the model's words in the reader's language.
    assert "<code>" not in rows
    assert f"<dt>{capfirst(expected['status_label'])}</dt>" in rows
    assert f"<dt>{capfirst(expected['region'])}</dt>" in rows
    assert f"<dt>{capfirst(expected['tagline'])} (NL)</dt>" in rows
    assert expected["draft"] in rows and expected["submitted"] in rows
    assert ">draft<" not in rows and ">submitted<" not in rows and "tagline_nl" not in rows
    assert "practices.practice" not in rows and capfirst(expected["practice"]) in rows


def test_region_model_is_untouched_by_a_failed_form(client, chair, antwerpen):
    """A bound form changes the instance in memory; nothing reaches the database."""
    client.force_login(chair)
    client.post(reverse("manage:region_edit", args=["antwerpen"]), {"name_nl": ""})
    assert Region.objects.get(pk=antwerpen.pk).name_nl == "Antwerpen"
