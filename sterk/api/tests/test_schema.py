"""The API against its own OpenAPI document, with a real client: schemathesis generates
requests for every operation from the schema, sends them through the WSGI application
and checks each answer: never a server error, and status, content type, headers and body
as documented. Runs on SQLite and PostgreSQL (CI runs the suite on both)."""

from __future__ import annotations

import contextlib
import json
import warnings

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, Phase, given, settings

from config.wsgi import application
from sterk.core import content

pytestmark = pytest.mark.django_db

# Examples per operation: enough to vary every parameter, bounded so CI stays quick.
EXAMPLES = 12
LOADERS = content.CONTENT_LOADERS


@contextlib.contextmanager
def _keeping_the_test_connection():
    """The WSGI handler closes "old" connections at the start and end of each request;
    in a test that would close the test's own transaction (PostgreSQL: "the connection
    is closed"). Django's test client disconnects the same handler around each of its
    requests (and connects it again after), so this wraps only the WSGI calls."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def world():
    for loader in LOADERS:
        call_command(loader, verbosity=0)


def _slugs(client, list_path: str) -> list[str]:
    body = json.loads(client.get(list_path + "?limit=5").content)
    return [row["slug"] for row in body.get("results", []) if "slug" in row]


def test_every_operation_answers_as_its_schema_says(world, client):
    with warnings.catch_warnings(), _keeping_the_test_connection():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    # A NUL byte is a documented 400 (sterk.core.middleware), not a schema-valid request.
    schema.config.generation.update(allow_x00=False)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6
    for operation in operations:
        strategies = [operation.as_strategy()]
        if "{slug}" in operation.path:
            # Real objects too, not only invented slugs (which can only be a 404).
            list_path = "/api/v1" + operation.path.split("/api/v1", 1)[1].split("/{slug}")[0]
            for slug in _slugs(client, list_path)[:2]:
                strategies.append(operation.as_strategy(path_parameters={"slug": slug}))
        for strategy in strategies:

            @given(case=strategy)
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def check(case):  # type: ignore[no-untyped-def]
                case.call_and_validate()

            with _keeping_the_test_connection():
                check()
