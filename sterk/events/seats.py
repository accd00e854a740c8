"""The two statements of a registration's seat decision, under the event's row lock.

Every registration of a popular event waits for this lock, and it is held until the
commit: what runs under it is the platform's throughput on that event (#14). The ORM
builds and compiles these statements afresh on every call (a millisecond and more of
Python per registration); here they are written once per database vendor, with the
columns' converters from Django (SQLite's booleans, datetimes and JSON come back as the
ORM gives them), and run with new parameters. Test: sterk/events/tests/test_race.py (no
oversell under contention, on both databases) and test_seats.py (the same answers as the
ORM)."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from typing import Any, cast

from django.db import connection
from django.db.models import Field
from django.db.models.sql import Query
from django.utils import timezone

from .models import SEAT_STATUSES, Event, Registration, RegistrationStatus

# What the seat decision reads of the event (`availability`, `_allocate`, the lapsed offers
# and the waiting list): re-read under the lock. The rest of the event (titles, texts, the
# place) does not decide a seat, and was read a moment before by the caller.
SEAT_DECISION_FIELDS = (
    "status",
    "starts_at",
    "ends_at",
    "registration_required",
    "registration_opens_at",
    "registration_closes_at",
    "visibility",
    "invited_roles",
    "capacity",
    "waitlist_enabled",
)


@dataclass(frozen=True)
class SeatState:
    """What the seat decision reads, as it was when the lock was taken."""

    seats_taken: int
    lapsed_offers: bool
    # Whether a row matches the person (their registration, to reuse), and the highest
    # waiting-list position: both read in the same query, so that a new registration (the
    # usual case) costs no further round trip under the lock.
    has_own_row: bool
    top_position: int | None


@functools.cache
def _lock_statement(vendor: str, for_update: bool) -> tuple[str, Any, dict[int, Any]]:
    quote = connection.ops.quote_name
    fields = [cast(Field, Event._meta.get_field(name)) for name in SEAT_DECISION_FIELDS]
    table = Event._meta.db_table
    # Identifiers from the model, quoted; every value is a parameter.
    sql = "SELECT {} FROM {} WHERE {} = %s{}".format(  # noqa: S608
        ", ".join(quote(str(field.column)) for field in fields),
        quote(table),
        quote(str(Event._meta.pk.column)),  # type: ignore[union-attr]
        " FOR UPDATE" if for_update else "",
    )
    compiler = Query(Event).get_compiler(connection=connection)
    converters = compiler.get_converters([field.get_col(table) for field in fields])
    return sql, compiler, converters


def lock_decision_fields(event: Event) -> Event:
    """Lock the event's row and bring the fields that decide a seat up to date on the
    caller's instance: a row of ten values, not the event with every translation. On
    SQLite, which has no row locks, the transaction's write lock serialises instead."""
    sql, compiler, converters = _lock_statement(
        connection.vendor, connection.features.has_select_for_update
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [event.pk])
        rows = cursor.fetchall()
    if not rows:
        raise Event.DoesNotExist
    row = next(iter(compiler.apply_converters(rows, converters))) if converters else rows[0]
    for name, value in zip(SEAT_DECISION_FIELDS, row, strict=True):
        setattr(event, name, value)
    return event


@functools.cache
def _seats_statement(vendor: str, with_user: bool) -> str:
    quote = connection.ops.quote_name
    column = {f.name: quote(str(f.column)) for f in Registration._meta.concrete_fields}
    own = f"{column['email']} = %s" + (f" OR {column['user']} = %s" if with_user else "")
    seats = ", ".join(["%s"] * len(SEAT_STATUSES))
    # Identifiers from the model, quoted; every value is a parameter.
    return (
        f"SELECT COUNT(CASE WHEN {column['status']} IN ({seats}) THEN 1 END), "  # noqa: S608
        f"COUNT(CASE WHEN {column['status']} = %s AND {column['offer_expires_at']} < %s "
        "THEN 1 END), "
        f"COUNT(CASE WHEN {own} THEN 1 END), "
        f"MAX({column['position']}) "
        f"FROM {quote(Registration._meta.db_table)} WHERE {column['event']} = %s"
    )


def seat_state(
    event: Event, *, email: str, user_id: int | None, now: datetime.datetime | None = None
) -> SeatState:
    """The seats taken, whether an offer lapsed, whether the person (by address, or by
    account when `user_id`) has a row, and the highest waiting-list position: one
    statement, after the lock (`lock_decision_fields`). Not in the locking statement
    itself: in PostgreSQL a subquery there reads the snapshot from before the wait for the
    lock, so it would miss the seats the previous holder just gave (test_race.py oversold
    that way)."""
    sql = _seats_statement(connection.vendor, user_id is not None)
    moment = connection.ops.adapt_datetimefield_value(now or timezone.now())
    params: list[Any] = [*[str(s) for s in SEAT_STATUSES], str(RegistrationStatus.OFFERED)]
    params += [moment, email] + ([user_id] if user_id is not None else []) + [event.pk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        taken, lapsed, own, top = cursor.fetchone()
    return SeatState(
        seats_taken=int(taken),
        lapsed_offers=int(lapsed) > 0,
        has_own_row=int(own) > 0,
        top_position=int(top or 0),  # positions start at 1: 0 is "nobody waits"
    )
