import pytest
from django.core.exceptions import ValidationError

from sterk.core.models import AuditEntry
from sterk.core.roles import roles_of
from sterk.network import services
from sterk.network.models import Organisation, Role, normalise_name
from sterk.network.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_normalised_names_catch_duplicates():
    assert normalise_name("CAW Antwerpen vzw") == normalise_name("caw  antwerpen")
    assert normalise_name("Sociaal.Net") == normalise_name("sociaal net")
    assert normalise_name("Émancipation ASBL") == "emancipation"


def test_duplicate_organisation_is_refused_with_a_clear_error():
    OrganisationFactory(name="Samenlevingsopbouw Antwerpen Stad")
    duplicate = Organisation(name="samenlevingsopbouw antwerpen stad vzw")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "name" in excinfo.value.message_dict


def test_proposed_organisation_reuses_an_existing_one():
    existing = OrganisationFactory(name="Cachet vzw")
    user = UserFactory()
    assert services.organisation_propose(user=user, name="cachet") == existing
    new = services.organisation_propose(user=user, name="Buurtwerk De Brug")
    assert new.is_approved is False


def test_role_assign_and_revoke_are_audited_and_refresh_the_roles_cache():
    coordinator = UserFactory()
    region = RegionFactory()
    chair = UserFactory()
    assert not roles_of(chair).chair_region_ids
    assignment = services.role_assign(actor=coordinator, user=chair, role=Role.CHAIR, region=region)
    assert roles_of(chair).chair_region_ids == {region.pk}
    with pytest.raises(ValidationError):
        services.role_assign(actor=coordinator, user=chair, role=Role.CHAIR, region=region)
    services.role_revoke(actor=coordinator, assignment=assignment)
    assert not roles_of(chair).chair_region_ids
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert sorted(actions) == ["role.assigned", "role.revoked"]


def test_a_chair_needs_a_region():
    with pytest.raises(ValidationError):
        services.role_assign(actor=None, user=UserFactory(), role=Role.CHAIR)


def test_contact_request_needs_consent():
    with pytest.raises(ValidationError):
        services.contact_request_submit(
            name="X", email="x@example.org", topic="question", message="m", consent=False
        )


def test_organisation_ensure_reuses_by_normalised_name():
    existing = Organisation.objects.create(name="Socius vzw")
    assert (
        services.organisation_ensure(actor=None, name="Socius", type="support_centre") == existing
    )
    created = services.organisation_ensure(
        actor=None, name="Sociaal.Net", type="media_partner", is_stakeholder=True
    )
    assert created.is_stakeholder and created.is_approved


def test_organisation_ensure_defaults_to_other():
    created = services.organisation_ensure(actor=None, name="Buurtwerk Noord")
    assert created.type == "other" and created.is_approved
