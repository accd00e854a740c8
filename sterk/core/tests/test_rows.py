"""core.rows: one row's columns by key, in a statement written once, with the ORM's values
(booleans, datetimes, JSON and foreign keys as the ORM gives them, on both databases)."""

import pytest

from sterk.accounts.models import User
from sterk.core import rows
from sterk.events.models import Event
from sterk.events.tests.factories import EventFactory
from sterk.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_row_reads_as_the_orm_reads_it():
    event = EventFactory(invited_roles=["chair"], capacity=3, waitlist_enabled=True)
    names = ("status", "starts_at", "capacity", "waitlist_enabled", "invited_roles", "series_id")
    assert rows.by_pk(Event, names).fetch(event.pk) == Event.objects.values_list(*names).get(
        pk=event.pk
    )
    user = UserFactory()
    names = tuple(f.attname for f in User._meta.concrete_fields)
    assert rows.by_pk(User, names).fetch(str(user.pk)) == User.objects.values_list(*names).get(
        pk=user.pk
    )


def test_a_missing_or_malformed_key_is_no_row():
    statement = rows.by_pk(User, ("email",))
    assert statement.fetch(10**9) is None
    assert statement.fetch("abc") is None
    assert statement.fetch(None) is None


def test_the_statement_is_written_once():
    assert rows.by_pk(User, ("email",)) is rows.by_pk(User, ("email",))
    locking = rows.by_pk(User, ("email",), for_update=True)
    from django.db import connection

    assert ("FOR UPDATE" in locking.sql) == connection.features.has_select_for_update
