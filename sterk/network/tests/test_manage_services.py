"""The services behind the management area: validated, audited, scoped to a region."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sterk.core.models import AuditEntry
from sterk.network import services
from sterk.network.models import (
    ContactStatus,
    Membership,
    Organisation,
    Region,
    RegionPriority,
    SubRegion,
)
from sterk.network.tests.factories import (
    ContactRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SubRegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return UserFactory(email="actor@example.org")


@pytest.fixture
def region():
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen")


def test_region_update_records_before_and_after(actor, region):
    region.tagline_nl = "oud"
    region.save()
    # A stale instance (as a bound ModelForm leaves it) must not hide the old values.
    stale = Region.objects.get(pk=region.pk)
    stale.tagline_nl = "already changed by a form"
    services.region_update(
        actor=actor,
        region=stale,
        data={"tagline_nl": "nieuw", "tagline_fr": "nouveau", "name_nl": "Antwerpen"},
    )
    region.refresh_from_db()
    assert region.tagline_nl == "nieuw"
    assert region.tagline_fr == "nouveau"
    entry = AuditEntry.objects.get(action="region.updated")
    assert entry.actor == actor
    assert entry.region_id == region.pk
    assert entry.changes == {"tagline_fr": [None, "nouveau"], "tagline_nl": ["oud", "nieuw"]}


def test_region_update_validates_and_writes_nothing_on_error(actor, region):
    with pytest.raises(ValidationError):
        services.region_update(actor=actor, region=region, data={"contact_email": "geen mail"})
    region.refresh_from_db()
    assert region.contact_email == ""
    assert not AuditEntry.objects.exists()


def test_region_update_refuses_fields_outside_the_page_texts(actor, region):
    with pytest.raises(ValueError):
        services.region_update(actor=actor, region=region, data={"slug": "elders"})


def test_priority_create_update_delete_are_audited(actor, region):
    priority = services.region_priority_create(
        actor=actor, region=region, data={"title_nl": "Werken in vertrouwen", "order": 1}
    )
    assert priority.region == region
    services.region_priority_update(
        actor=actor, priority=priority, data={"title_fr": "Travailler en confiance"}
    )
    services.region_priority_delete(actor=actor, priority=priority)
    assert not RegionPriority.objects.exists()
    actions = list(
        AuditEntry.objects.filter(region_id=region.pk)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "region_priority.created",
        "region_priority.updated",
        "region_priority.deleted",
    ]
    deleted = AuditEntry.objects.get(action="region_priority.deleted")
    assert deleted.changes["title_nl"] == ["Werken in vertrouwen", None]


def test_priority_needs_a_title(actor, region):
    with pytest.raises(ValidationError):
        services.region_priority_create(actor=actor, region=region, data={"order": 1})
    assert not RegionPriority.objects.exists()


def test_subregion_slug_is_unique_within_its_region(actor, region):
    SubRegionFactory(region=region, slug="leuven")
    SubRegionFactory(region=RegionFactory(slug="limburg"), slug="hasselt")
    with pytest.raises(ValidationError) as exc:
        services.subregion_create(
            actor=actor, region=region, data={"name_nl": "Leuven", "slug": "leuven"}
        )
    assert "slug" in exc.value.message_dict
    # The same slug in another region is fine.
    services.subregion_create(
        actor=actor, region=region, data={"name_nl": "Hasselt", "slug": "hasselt"}
    )
    assert SubRegion.objects.filter(slug="hasselt").count() == 2


def test_subregion_delete_keeps_members_in_the_region(actor, region):
    sub = SubRegionFactory(region=region)
    membership = MembershipFactory(region=region, subregion=sub)
    services.subregion_delete(actor=actor, subregion=sub)
    membership.refresh_from_db()
    assert membership.subregion is None
    assert AuditEntry.objects.filter(action="subregion.deleted", region_id=region.pk).exists()


def test_subregion_update_checks_the_slug_of_the_others(actor, region):
    SubRegionFactory(region=region, slug="hageland")
    leuven = SubRegionFactory(region=region, slug="leuven")
    with pytest.raises(ValidationError):
        services.subregion_update(actor=actor, subregion=leuven, data={"slug": "hageland"})
    services.subregion_update(actor=actor, subregion=leuven, data={"slug": "leuven"})


def test_organisation_create_refuses_a_name_that_normalises_to_an_existing_one(actor):
    OrganisationFactory(name="CAW Antwerpen vzw")
    with translation.override("nl"), pytest.raises(ValidationError) as exc:
        services.organisation_create(actor=actor, data={"name": "caw antwerpen"})
    with translation.override("nl"):
        assert "bestaat al" in exc.value.message_dict["name"][0]
    assert Organisation.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_organisation_create_and_update_are_audited_with_regions(actor, region):
    limburg = RegionFactory(slug="limburg", name_nl="Limburg")
    org = services.organisation_create(
        actor=actor,
        data={
            "name": "Socius",
            "type": "support_centre",
            "is_stakeholder": True,
            "regions": [region],
        },
    )
    assert org.is_approved
    assert list(org.regions.all()) == [region]
    services.organisation_update(
        actor=actor, organisation=org, data={"regions": [region, limburg], "themes_nl": "x"}
    )
    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.changes["regions"] == [["Antwerpen"], ["Antwerpen", "Limburg"]]
    assert entry.changes["themes_nl"] == [None, "x"]


def test_organisation_approve(actor):
    org = OrganisationFactory(name="Nieuw", is_approved=False)
    services.organisation_approve(actor=actor, organisation=org)
    org.refresh_from_db()
    assert org.is_approved
    assert AuditEntry.objects.get(action="organisation.approved").changes == {
        "is_approved": [False, True]
    }
    # Approving twice changes nothing and writes nothing.
    services.organisation_approve(actor=actor, organisation=org)
    assert AuditEntry.objects.filter(action="organisation.approved").count() == 1


def test_contact_request_update_records_the_status_change(actor, region):
    request = ContactRequestFactory(region=region)
    services.contact_request_update(
        actor=actor, contact_request=request, status=ContactStatus.DONE, note="gebeld"
    )
    entry = AuditEntry.objects.get(action="contact_request.updated")
    assert entry.region_id == region.pk
    assert entry.changes["status"] == ["new", "done"]
    request.refresh_from_db()
    assert request.handled_by == actor


def test_members_export_is_recorded(actor, region):
    services.members_export_record(actor=actor, region=region, count=12, file_format="xlsx")
    entry = AuditEntry.objects.get(action="members.exported")
    assert entry.region_id == region.pk
    assert entry.changes == {"format": "xlsx", "rows": 12}


def test_members_import_is_all_or_nothing(actor, region):
    rows = [
        services.ImportRow(2, "an@example.org", "An", "Peeters", "", "", False, []),
        # Passed the checks (no errors listed) but fails the model validation.
        services.ImportRow(3, "not-an-address", "Bert", "Janssens", "", "", False, []),
    ]
    with pytest.raises(ValidationError):
        services.members_import(actor=actor, region=region, rows=rows)
    assert not Membership.objects.exists()
    assert not UserFactory._meta.model.objects.filter(email="an@example.org").exists()
    assert not AuditEntry.objects.filter(action="members.imported").exists()


def test_the_last_coordinator_role_cannot_be_revoked(actor):
    from sterk.network.models import Role, RoleAssignment
    from sterk.network.tests.factories import RoleAssignmentFactory

    first = RoleAssignmentFactory(role=Role.COORDINATOR)
    with pytest.raises(ValidationError):
        services.role_revoke_checked(actor=actor, assignment=first)
    second = RoleAssignmentFactory(role=Role.COORDINATOR)
    services.role_revoke_checked(actor=actor, assignment=first)
    assert list(RoleAssignment.objects.all()) == [second]
    assert AuditEntry.objects.get(action="role.revoked").changes["role"] == ["coordinator", None]
