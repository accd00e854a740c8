"""Events: registration throughput under concurrency, and the agenda with 5,000 events.

1. Registrations for ONE event from 100 concurrent clients (threads, each with its own
   database connection, calling the registration service as the view does). Every
   registration locks the event row, so this measures the serialised critical section.
   PostgreSQL only (SQLite serialises whole-database writers; skipped with a message).
   Goal: >= 20 confirmed registrations/s with p95 <= 500 ms.
2. The agenda page with 5,000 upcoming events (paginated, constant queries) against the
   trivial /healthz view on the same in-process server: the ratio says what the agenda
   costs beyond the framework itself.
"""

from __future__ import annotations

import datetime
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bench.setup_django import setup
from bench.timing import measure

CLIENTS = 100
PER_CLIENT = 5
# PostgreSQL allows 100 connections here; like a connection pool (pgbouncer) in front of
# it, at most 80 clients hold a connection at once. The wait for one counts in the latency.
DB_CONNECTIONS = 80


def _registrations(clients: int = CLIENTS, per_client: int = PER_CLIENT, tag: str = "") -> None:
    from django.db import connection, connections
    from django.utils import timezone

    from sterk.accounts.models import User
    from sterk.events import services
    from sterk.events.models import Event, Registration

    if connection.vendor != "postgresql":
        print("  registrations: skipped (needs PostgreSQL: set DATABASE_URL)")
        return
    start = timezone.now() + datetime.timedelta(days=7)
    event = Event.objects.create(
        slug=f"bench-race-{clients}",
        title_nl="Bench",
        organiser="platform",
        format="online",
        status="published",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        capacity=clients * per_client // 2,
    )
    total = clients * per_client
    users = User.objects.bulk_create(
        [
            User(email=f"race{clients}-{i}@example.org", first_name="R", last_name=str(i))
            for i in range(total)
        ]
    )
    ids = [u.pk for u in users]
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)
    pool_slots = threading.BoundedSemaphore(DB_CONNECTIONS)

    def client(n: int) -> None:
        barrier.wait()
        for user_id in ids[n * per_client : (n + 1) * per_client]:
            t = time.perf_counter()
            with pool_slots:
                try:
                    user = User.objects.get(pk=user_id)
                    services.registration_create(event=Event.objects.get(pk=event.pk), user=user)
                finally:
                    if clients > DB_CONNECTIONS:  # give the connection back to the "pool"
                        connections.close_all()
            with lock:
                latencies.append((time.perf_counter() - t) * 1000)
        connections.close_all()

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))
    elapsed = time.perf_counter() - began
    rows = Registration.objects.filter(event=event)
    confirmed = rows.filter(status="confirmed").count()
    waiting = rows.filter(status="waiting").count()
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"  registrations{tag}: {total} from {clients} concurrent clients"
        f" ({min(clients, DB_CONNECTIONS)} database connections) in {elapsed:.2f} s"
        f" = {total / elapsed:.1f} registrations/s; {confirmed} confirmed (capacity"
        f" {event.capacity}, never more), {waiting} wait-listed"
    )
    print(
        f"  latency per registration: median {statistics.median(latencies):.0f} ms,"
        f" p95 {p95:.0f} ms (goal >= 20/s, p95 <= 500 ms)"
    )


def _agenda() -> None:
    from django.test import Client
    from django.utils import timezone

    from sterk.events.models import Event
    from sterk.network.tests.factories import RegionFactory

    region = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    start = timezone.now() + datetime.timedelta(days=1)
    Event.objects.bulk_create(
        [
            Event(
                slug=f"bench-{i}",
                title_nl=f"Activiteit {i}",
                organiser="region",
                region=region,
                format="online",
                status="published",
                capacity=50,
                starts_at=start + datetime.timedelta(hours=i),
                ends_at=start + datetime.timedelta(hours=i + 1),
            )
            for i in range(5000)
        ],
        batch_size=1000,
    )
    client = Client()
    for url in ("/healthz", "/nl/agenda/", "/nl/agenda/?regio=antwerpen&vorm=online"):
        assert client.get(url).status_code == 200, url
    health = measure(lambda: client.get("/healthz"))
    agenda = measure(lambda: client.get("/nl/agenda/"))
    filtered = measure(lambda: client.get("/nl/agenda/?regio=antwerpen&vorm=online&pagina=100"))
    for label, m in (("healthz", health), ("agenda", agenda), ("agenda filtered p.100", filtered)):
        print(
            f"  {label:22s} 5,000 events: median {m['median_ms']:.1f} ms, p95 {m['p95_ms']:.1f} ms"
            f" = {1000 / m['median_ms']:.0f} req/s"
        )
    print(
        f"  agenda / healthz ratio: {agenda['median_ms'] / health['median_ms']:.1f}x"
        f" (filtered, page 100: {filtered['median_ms'] / health['median_ms']:.1f}x)"
    )


def run() -> None:
    setup()
    from django.conf import settings

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    # As in production: e-mails go to the database task queue (a worker renders and sends
    # them), not rendered and sent inside the request as the test settings do.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    _registrations(1, 200, " (one client: the lock-serialised rate)")
    _registrations(10, 30, " (10 clients)")
    _registrations()
    _agenda()
