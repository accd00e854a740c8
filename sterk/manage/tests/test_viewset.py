"""The service-backed viewset, on a declaration with a parent (a region's priorities):
list, create, edit, delete; bad input keeps the input and shows a translated error; a
service's ValidationError lands on the form; a chair of another region is refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from sterk.core.managed import registry
from sterk.core.models import AuditEntry
from sterk.network.models import RegionPriority, Role
from sterk.network.tests.factories import (
    RegionFactory,
    RegionPriorityFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def antwerpen():
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen")


@pytest.fixture
def chair(client, antwerpen):
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.CHAIR, region=antwerpen)
    client.force_login(user)
    return user


def url(view: str, region, **kwargs) -> str:
    with translation.override("nl"):
        return reverse(f"manage:priority_{view}", kwargs={"slug": region.slug, **kwargs})


def declaration():
    return next(m for m in registry.managed if (m.namespace, m.name) == ("manage", "priority"))


def test_list_shows_the_rows_of_the_parent_only(client, chair, antwerpen):
    RegionPriorityFactory(region=antwerpen, title_nl="Armoede")
    RegionPriorityFactory(region=RegionFactory(slug="limburg"), title_nl="Wonen")
    response = client.get(url("list", antwerpen))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Armoede" in body and "Wonen" not in body
    assert reverse("manage:priority_create", kwargs={"slug": "antwerpen"}) in body


def test_create_calls_the_service_and_audits(client, chair, antwerpen):
    response = client.post(url("create", antwerpen), {"title_nl": "Armoede", "order": 2})
    assert response.status_code == 302
    assert response["Location"] == url("list", antwerpen)
    priority = RegionPriority.objects.get()
    assert (priority.region, priority.title_nl, priority.order) == (antwerpen, "Armoede", 2)
    entry = AuditEntry.objects.get(action="region_priority.created")
    assert entry.actor == chair and entry.region_id == antwerpen.pk


def test_bad_input_keeps_the_input_and_shows_a_translated_error(client, chair, antwerpen):
    response = client.post(url("create", antwerpen), {"title_nl": "", "title_fr": "Pauvreté"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pauvreté" in body  # the input stays
    assert "Dit veld is verplicht." in body  # Django's message, in Dutch under /nl/
    assert not RegionPriority.objects.exists()


def test_a_service_error_goes_onto_the_form(client, chair, antwerpen, monkeypatch):
    def refuse(**kwargs):
        raise ValidationError({"title": "Deze titel bestaat al."})

    monkeypatch.setattr(declaration(), "create", refuse)
    response = client.post(url("create", antwerpen), {"title_nl": "Armoede", "order": 1})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Deze titel bestaat al." in body
    assert 'value="Armoede"' in body


def test_edit_and_delete(client, chair, antwerpen):
    priority = RegionPriorityFactory(region=antwerpen, title_nl="Armoede")
    page = client.get(url("edit", antwerpen, pk=priority.pk))
    assert "Armoede" in page.content.decode()
    response = client.post(
        url("edit", antwerpen, pk=priority.pk), {"title_nl": "Wonen", "order": 1}
    )
    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.title_nl == "Wonen"
    entry = AuditEntry.objects.get(action="region_priority.updated")
    # The service saw the saved object: the audit entry has the old and the new title.
    assert "Armoede" in str(entry.changes) and "Wonen" in str(entry.changes)

    confirm = client.get(url("delete", antwerpen, pk=priority.pk))
    assert confirm.status_code == 200 and "Wonen" in confirm.content.decode()
    response = client.post(url("delete", antwerpen, pk=priority.pk))
    assert response.status_code == 302
    assert not RegionPriority.objects.exists()
    assert AuditEntry.objects.filter(action="region_priority.deleted").exists()


def test_an_object_of_another_region_is_not_found(client, chair, antwerpen):
    other = RegionPriorityFactory(region=RegionFactory(slug="limburg"))
    assert client.get(url("edit", antwerpen, pk=other.pk)).status_code == 404


@pytest.mark.parametrize("view", ["list", "create", "edit", "delete"])
def test_chair_of_another_region_is_refused(client, antwerpen, view):
    limburg = RegionFactory(slug="limburg")
    user = UserFactory()
    RoleAssignmentFactory(user=user, role=Role.CHAIR, region=limburg)
    client.force_login(user)
    priority = RegionPriorityFactory(region=antwerpen)
    kwargs = {"pk": priority.pk} if view in ("edit", "delete") else {}
    assert client.get(url(view, antwerpen, **kwargs)).status_code == 403
    assert client.post(url(view, antwerpen, **kwargs), {"title_nl": "X"}).status_code == 403
    assert RegionPriority.objects.get() == priority


def test_one_navigation_with_the_entries_a_role_may_use(client, chair):
    with translation.override("nl"):
        body = client.get(reverse("manage:dashboard")).content.decode()
    assert body.count('class="manage-nav"') == 1
    assert reverse("manage:contact_inbox") in body
    assert reverse("manage:role_list") not in body  # coordinators only
