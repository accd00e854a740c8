import pytest

from sterk.core.audit import diff
from sterk.core.models import AuditEntry
from sterk.core.services import instance_update_audited
from sterk.network.models import Region


def test_diff_keeps_only_changed_fields():
    assert diff({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": [2, 3]}


@pytest.mark.django_db
def test_update_records_before_and_after():
    region = Region.objects.create(slug="limburg", name="Limburg")
    instance_update_audited(
        actor=None,
        instance=region,
        data={"tagline": "Nieuw"},
        action="region.updated",
        region_id=region.pk,
    )
    entry = AuditEntry.objects.get()
    assert entry.action == "region.updated"
    assert entry.changes == {"tagline": ["", "Nieuw"]}
    assert entry.region_id == region.pk


@pytest.mark.django_db
def test_update_without_change_writes_no_entry():
    region = Region.objects.create(slug="limburg", name="Limburg", tagline="x")
    instance_update_audited(actor=None, instance=region, data={"tagline": "x"}, action="a")
    assert not AuditEntry.objects.exists()
