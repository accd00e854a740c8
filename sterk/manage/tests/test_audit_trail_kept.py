"""The audit trail keeps its rows and its filter fields rendered per data version (#14);
the audit trail's own writes leave the public pages' version alone, so the kept parts
also follow the management area's version: a new entry, a new kind of action and an
erasure that rewrites an entry show at the next request. Commits for real."""

import pytest
from django.urls import reverse

from sterk.core import pagecache
from sterk.core.audit import audit_record
from sterk.core.models import AuditEntry
from sterk.core.tests.support import get_counting_queries, without_page_cache  # noqa: F401
from sterk.network.models import Role
from sterk.network.tests.factories import RegionFactory, UserFactory
from sterk.network.tests.test_manage_views import manager

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def test_the_trail_shows_a_new_entry_a_new_action_and_a_rewrite_at_once(client):
    coordinator = manager(Role.COORDINATOR)
    region = RegionFactory(name_nl="Antwerpen")
    actor = UserFactory(email="voorzitter@example.org")
    audit_record(actor=actor, action="region.updated", obj=region, region_id=region.pk)
    client.force_login(coordinator)
    url = reverse("manage:audit_trail")
    _, html = get_counting_queries(client, url)
    assert "voorzitter@example.org" in html
    _, same = get_counting_queries(client, url)
    assert same.count("<tr>") == html.count("<tr>")

    public = pagecache.version()
    audit_record(actor=None, action="members.exported", obj=region, region_id=region.pk)
    assert pagecache.version() == public  # no public page changed...
    _, html = get_counting_queries(client, url)
    assert 'value="members.exported"' in html  # ...but the trail's filter and rows did
    assert html.count("<tr>") == same.count("<tr>") + 1

    entry = AuditEntry.objects.get(action="region.updated")
    AuditEntry.objects.filter(pk=entry.pk).update(actor=None, object_repr="user #1")
    _, html = get_counting_queries(client, url)
    assert "voorzitter@example.org" not in html  # an erasure shows at once


def test_a_management_write_moves_only_the_management_version():
    public, management = pagecache.version(), pagecache.management_version()
    audit_record(actor=None, action="x.y")
    assert pagecache.version() == public
    assert pagecache.management_version() != management
    RegionFactory()
    assert pagecache.version() != public


def test_the_management_data_models_are_ignored_by_the_public_version():
    # A table the management version follows is one the public pages do not show.
    assert set(pagecache.IGNORED_MODELS) >= pagecache.MANAGEMENT_DATA_MODELS
    tables = pagecache._management_data_tables()
    assert AuditEntry._meta.db_table.lower() in tables
    assert "core_outboundemail" not in tables  # written by every registration
