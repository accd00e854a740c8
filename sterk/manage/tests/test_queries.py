"""Every registered list of the management area gets a query-count test: as many queries
for 25 rows as for 3 (the rows come from tests/rows.py; a new list without a builder
there fails)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sterk.core.managed import registry
from sterk.network.models import Role
from sterk.network.tests.factories import RoleAssignmentFactory

from .rows import ROWS, _state

LISTS = [m for m in registry.managed if "list" in m.views]


def test_every_builder_is_there() -> None:
    assert {(m.namespace, m.name) for m in LISTS} == set(ROWS)


@pytest.mark.django_db
@pytest.mark.parametrize("m", LISTS, ids=lambda m: f"{m.namespace}:{m.name}")
def test_list_queries_do_not_grow_with_rows(client, m) -> None:
    _state.clear()
    user = RoleAssignmentFactory(role=Role.COORDINATOR, region=None).user
    client.force_login(user)
    build = ROWS[(m.namespace, m.name)]

    def count(n: int) -> int:
        kwargs = build(n)
        url = reverse(f"{m.namespace}:{m.url_name('list')}", kwargs=kwargs)
        client.get(url)  # warm up: session, caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    few = count(3)
    many = count(22)  # 25 rows in all
    assert many == few, f"{m.namespace}:{m.name}: {few} queries for 3 rows, {many} for 25"
