"""The two statements of a registration's seat decision, under the event's row lock.

Every registration of a popular event waits for this lock, and it is held until the
commit: what runs under it is the platform's throughput on that event (#14). The ORM
builds and compiles these statements afresh on every call (a millisecond and more of
Python per registration); here they are written once per database vendor (the lock with
`sterk.core.rows`, which converts the values as the ORM does), and run with new
parameters. On PostgreSQL both go to the database in one round trip (`lock_and_read`).
Test: sterk/events/tests/test_race.py (no oversell under contention, on both databases)
and test_seats.py (the same answers as the ORM)."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils import timezone

from sterk.core import rows

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


def _lock_statement() -> rows.RowStatement:
    return rows.by_pk(Event, SEAT_DECISION_FIELDS, for_update=True)


def lock_decision_fields(event: Event) -> Event:
    """Lock the event's row and bring the fields that decide a seat up to date on the
    caller's instance: a row of ten values, not the event with every translation. On
    SQLite, which has no row locks, the transaction's write lock serialises instead."""
    return _set_decision_fields(event, _lock_statement().fetch(event.pk))


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


def _seat_state_query(
    event: Event, email: str, user_id: int | None, now: datetime.datetime | None
) -> tuple[str, list[Any]]:
    sql = _seats_statement(connection.vendor, user_id is not None)
    moment = connection.ops.adapt_datetimefield_value(now or timezone.now())
    params: list[Any] = [*[str(s) for s in SEAT_STATUSES], str(RegistrationStatus.OFFERED)]
    params += [moment, email] + ([user_id] if user_id is not None else []) + [event.pk]
    return sql, params


def _as_seat_state(row: tuple[Any, ...]) -> SeatState:
    taken, lapsed, own, top = row
    return SeatState(
        seats_taken=int(taken),
        lapsed_offers=int(lapsed) > 0,
        has_own_row=int(own) > 0,
        top_position=int(top or 0),  # positions start at 1: 0 is "nobody waits"
    )


def _set_decision_fields(event: Event, row: tuple[Any, ...] | None) -> Event:
    if row is None:
        raise Event.DoesNotExist
    for name, value in zip(SEAT_DECISION_FIELDS, row, strict=True):
        setattr(event, name, value)
    return event


def lock_and_read(
    event: Event, *, email: str, user_id: int | None, now: datetime.datetime | None = None
) -> tuple[Event, SeatState]:
    """`lock_decision_fields`, then `seat_state`. On PostgreSQL both go in one round trip
    (one query string, two statements): every round trip under the lock is paid by every
    registration waiting for it. That is still read after the lock: in READ COMMITTED each
    statement of a query string takes its own snapshot, unlike a subquery inside the
    locking statement."""
    if connection.vendor != "postgresql":
        locked = lock_decision_fields(event)
        return locked, seat_state(locked, email=email, user_id=user_id, now=now)
    lock = _lock_statement()
    seats_sql, seats_params = _seat_state_query(event, email, user_id, now)
    with connection.cursor() as cursor:
        cursor.execute(f"{lock.sql}; {seats_sql}", [event.pk, *seats_params])
        row = lock.convert(cursor.fetchall())
        cursor.nextset()
        state = cursor.fetchone()
    return _set_decision_fields(event, row), _as_seat_state(state)


def seat_state(
    event: Event, *, email: str, user_id: int | None, now: datetime.datetime | None = None
) -> SeatState:
    """The seats taken, whether an offer lapsed, whether the person (by address, or by
    account when `user_id`) has a row, and the highest waiting-list position: one
    statement, after the lock (`lock_decision_fields`). Not in the locking statement
    itself: in PostgreSQL a subquery there reads the snapshot from before the wait for the
    lock, so it would miss the seats the previous holder just gave (test_race.py oversold
    that way)."""
    sql, params = _seat_state_query(event, email, user_id, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _as_seat_state(cursor.fetchone())
