"""Registration never oversells, with real concurrent threads.

On PostgreSQL: 200 simultaneous registrations for 10 seats, through a pool of 20 threads,
each with its own database connection. On SQLite the IMMEDIATE transaction mode serialises
writers; a smaller threaded run checks the same invariants there."""

from __future__ import annotations

import contextlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from sterk.accounts.models import User
from sterk.events import services
from sterk.events.models import Event, Registration, RegistrationStatus

from .factories import EventFactory

S = RegistrationStatus
ON_POSTGRES = connection.vendor == "postgresql"


def _people(n: int, prefix: str) -> list[int]:
    users = User.objects.bulk_create(
        [User(email=f"{prefix}{i}@example.org", first_name="R", last_name=str(i)) for i in range(n)]
    )
    return [u.pk for u in users]


def _run(tasks, workers: int) -> list:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(min(workers, len(tasks)))

    def call(task):  # type: ignore[no-untyped-def]
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=5)
            return task()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(call, tasks))


def _register(event_id: int, user_id: int):  # type: ignore[no-untyped-def]
    def task():  # type: ignore[no-untyped-def]
        event = Event.objects.get(pk=event_id)
        user = User.objects.get(pk=user_id)
        return services.registration_create(event=event, user=user).registration.pk

    return task


def _assert_invariants(event: Event, capacity: int, total: int) -> None:
    rows = Registration.objects.filter(event=event)
    confirmed = rows.filter(status=S.CONFIRMED).count()
    waiting = list(rows.filter(status=S.WAITING).values_list("position", flat=True))
    assert confirmed == capacity
    assert len(waiting) == total - capacity
    assert sorted(waiting) == list(range(1, total - capacity + 1))


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not ON_POSTGRES, reason="the 200-thread race needs PostgreSQL (row locks); set DATABASE_URL"
)
def test_200_simultaneous_registrations_for_10_seats_on_postgresql():
    for run in range(2):  # repeated runs never differ
        event = EventFactory(capacity=10, slug=f"race-{run}")
        users = _people(200, f"race{run}-")
        results = _run([_register(event.pk, u) for u in users], workers=20)
        assert len(set(results)) == 200
        _assert_invariants(event, 10, 200)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL for many concurrent writers")
def test_mixed_cancellations_and_registrations_never_exceed_capacity_on_postgresql():
    event = EventFactory(capacity=10, slug="race-mixed")
    first = _people(30, "mixed-a-")
    _run([_register(event.pk, u) for u in first], workers=20)
    cancel_ids = list(
        Registration.objects.filter(event=event, status=S.CONFIRMED).values_list("pk", flat=True)[
            :6
        ]
    )

    def cancel(pk):  # type: ignore[no-untyped-def]
        def task():  # type: ignore[no-untyped-def]
            return services.registration_cancel(registration=Registration.objects.get(pk=pk)).pk

        return task

    second = _people(30, "mixed-b-")
    tasks = [cancel(pk) for pk in cancel_ids] + [_register(event.pk, u) for u in second]
    _run(tasks, workers=20)
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status=S.CONFIRMED).count() == 10
    # Every freed seat went to exactly one person: the six earliest on the waiting list.
    promoted = rows.filter(status=S.CONFIRMED, position__isnull=False)
    assert promoted.count() == 6
    assert sorted(promoted.values_list("position", flat=True)) == list(range(1, 7))
    positions = list(rows.filter(status=S.WAITING).values_list("position", flat=True))
    assert len(positions) == len(set(positions))
    assert rows.filter(status=S.WAITING).count() == 60 - 10 - 6


@pytest.mark.skipif(ON_POSTGRES, reason="the SQLite variant; PostgreSQL runs the 200-thread test")
def test_threaded_registrations_on_a_sqlite_file_never_oversell(tmp_path):
    """In-memory SQLite refuses concurrent writers, so this runs on a file database in a
    subprocess (sterk/events/tests/sqlite_race.py): 40 threads for 5 seats, and a double
    click from 4 threads."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "sterk.events.tests.sqlite_race", str(tmp_path / "race.sqlite3")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["unique_results"] == 40
    assert result["confirmed"] == 5
    assert result["waiting"] == list(range(1, 36))
    assert result["double_rows"] == 1 and result["double_results"] == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not ON_POSTGRES, reason="on SQLite the double click runs in the file-database subprocess"
)
def test_double_click_from_two_threads_makes_one_registration():
    event = EventFactory(capacity=3, slug="race-double")
    [user] = _people(1, "double-")
    results = _run([_register(event.pk, user) for _ in range(4)], workers=4)
    assert len(set(results)) == 1
    assert Registration.objects.filter(event=event).count() == 1
