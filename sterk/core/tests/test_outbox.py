"""The one outbox (sterk.core.outbox), against the faults a review found in the two queues
it replaces: a worker killed with kill -9 lost mails (its job stayed RUNNING), failed sends
were never retried (1,866 mails stayed FAILED after the mail server came back), a double
click on "message all registrants" mailed everyone twice, and SMTP was spoken while a row
lock and a transaction were held."""

from __future__ import annotations

import collections
import contextlib
import datetime
import os
import signal
import smtplib
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
from typing import Any, ClassVar

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone

from sterk.core import outbox
from sterk.core.models import OutboundEmail, OutboxStatus

ON_POSTGRES = connection.vendor == "postgresql"


# --- a tiny SMTP server on a thread -----------------------------------------------------


class SmtpSink(socketserver.ThreadingTCPServer):
    """Accepts mail and counts each message per recipient when it answers 250 to the data:
    the moment an SMTP server takes responsibility for a message. It can stall on the
    (stall_after + 1)-th message without answering, so that a worker can be killed while it
    waits for the reply, in the middle of a batch."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, stall_after: int | None = None) -> None:
        super().__init__(("127.0.0.1", 0), SmtpHandler)
        self.delivered: collections.Counter[str] = collections.Counter()
        self.lock = threading.Lock()
        self.stall_after = stall_after
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def __enter__(self) -> SmtpSink:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()


class SmtpHandler(socketserver.StreamRequestHandler):
    server: SmtpSink

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())
        self.wfile.flush()

    def handle(self) -> None:
        self.reply("220 sink ESMTP")
        recipients: list[str] = []
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 ok")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>").lower())
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go on")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                sink = self.server
                with sink.lock:
                    total = sum(sink.delivered.values())
                    stall = sink.stall_after is not None and total == sink.stall_after
                    if stall:
                        sink.stall_after = None
                    else:
                        sink.delivered.update(recipients)
                if stall:
                    # Never answer: the worker waits for "250" until it is killed; then the
                    # message was not accepted (the connection drops without a reply).
                    sink.stalled.set()
                    sink.release.wait(120)
                    return
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # RSET, NOOP, ...
                self.reply("250 ok")


def _child_env(tmp_path: Any, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {**os.environ, "OUTBOX_SMTP_PORT": str(smtp_port), **extra}
    if ON_POSTGRES:
        env["OUTBOX_DB_NAME"] = connection.settings_dict["NAME"]
    else:
        env["OUTBOX_SQLITE"] = str(tmp_path / "outbox.sqlite3")
    return env


def _child(mode: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "sterk.core.tests.outbox_worker", mode, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _report(env: dict[str, str]) -> dict[str, int]:
    """Rows per status, as the workers left them (committed)."""
    if ON_POSTGRES:
        rows = OutboundEmail.objects.values_list("status").annotate(n=Count("pk"))
        return dict(rows)
    with contextlib.closing(sqlite3.connect(env["OUTBOX_SQLITE"])) as db:
        query = "SELECT status, COUNT(*) FROM core_outboundemail GROUP BY status"
        return dict(db.execute(query))


RECIPIENTS = 1000
KILLED_AT = 400


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_loses_no_mail_and_sends_none_twice(tmp_path):
    """1,000 recipients; a real worker process (manage.py send_outbox, SMTP to a local sink)
    is killed with SIGKILL while it waits for the server's answer to the 401st message.
    Nothing records that: the row stays claimed. A second worker sends every other mail at
    once and leaves the claimed one alone (its claim is fresh); once the claim is older
    than STERK_OUTBOX_CLAIM_TIMEOUT, the next run sends it. Every recipient: exactly once."""
    with SmtpSink(stall_after=KILLED_AT) as sink:
        env = _child_env(tmp_path, sink.port)
        _child("setup", str(RECIPIENTS), env=env)
        assert _report(env) == {"queued": RECIPIENTS}  # no job ran: the dummy runner

        log = tmp_path / "worker.log"
        with log.open("wb") as stderr:
            worker = subprocess.Popen(
                [sys.executable, "-m", "sterk.core.tests.outbox_worker", "work"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            try:
                stalled = sink.stalled.wait(240)
            finally:
                os.kill(worker.pid, signal.SIGKILL)
                worker.wait(30)
        assert stalled, log.read_text()[-3000:]
        assert worker.returncode == -signal.SIGKILL
        sink.release.set()
        assert sum(sink.delivered.values()) == KILLED_AT
        assert _report(env) == {
            "sent": KILLED_AT,
            "sending": 1,  # the killed worker's claim
            "queued": RECIPIENTS - KILLED_AT - 1,
        }

        # A second worker at once: the fresh claim is not taken (its worker might be alive).
        _child("work", env=env)
        assert _report(env) == {"sent": RECIPIENTS - 1, "sending": 1}

        # After the claim timeout: the crashed worker's mail goes too.
        time.sleep(1.2)
        _child("work", env={**env, "STERK_OUTBOX_CLAIM_TIMEOUT": "1"})
        assert _report(env) == {"sent": RECIPIENTS}

    assert len(sink.delivered) == RECIPIENTS
    assert set(sink.delivered.values()) == {1}, "every recipient exactly once"
    assert set(sink.delivered) == {f"person{i}@example.org" for i in range(RECIPIENTS)}


# --- an SMTP outage ---------------------------------------------------------------------


class FlakyBackend(BaseEmailBackend):
    """An SMTP server that is down (refuses connections, or drops them) until `up`."""

    up = False
    calls = 0
    delivered: ClassVar[collections.Counter[str]] = collections.Counter()

    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        type(self).calls += 1
        if not type(self).up:
            if type(self).calls % 2:
                raise ConnectionRefusedError(111, "Connection refused")
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        for message in email_messages:
            type(self).delivered.update(message.to)
        return len(email_messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.up, FlakyBackend.calls = False, 0
    FlakyBackend.delivered = collections.Counter()
    return FlakyBackend


def _waits(rows: Any) -> set[int]:
    """The backoff each row got: from its (failed) attempt to its next one, in seconds."""
    return {int((r.next_attempt_at - r.claimed_at).total_seconds()) for r in rows.all()}


def _time_passes(seconds: float) -> None:
    OutboundEmail.objects.update(
        next_attempt_at=F("next_attempt_at") - datetime.timedelta(seconds=seconds)
    )


@pytest.mark.django_db(transaction=True)
def test_an_smtp_outage_keeps_mails_queued_with_backoff_and_sends_each_once_after(flaky, settings):
    settings.STERK_OUTBOX_RETRY_BASE = 60
    n = 300
    for i in range(n):
        outbox.enqueue(key=f"outage:{i}", to=f"p{i}@example.org", subject="S", body="B")
    # Every after-commit job ran and failed: nothing is lost, nothing failed for good.
    rows = OutboundEmail.objects.all()
    assert rows.filter(status=OutboxStatus.QUEUED, attempts=1).count() == n
    assert all("Connection" in r.last_error for r in rows.all())
    assert _waits(rows) == {60}
    # Not due yet: a drain sends nothing and does not touch them.
    assert outbox.drain()["sent"] == 0
    assert rows.filter(attempts=1).count() == n

    # The outage lasts five more attempts; the wait doubles each time.
    for attempt, wait in [(2, 120), (3, 240), (4, 480), (5, 960), (6, 1920)]:
        _time_passes(10_000)
        counts = outbox.drain()
        assert counts["retry"] == n and counts["failed"] == 0
        assert rows.filter(status=OutboxStatus.QUEUED, attempts=attempt).count() == n
        assert _waits(rows) == {wait}

    # The server is back: the periodic drain (the command) sends every mail, once.
    flaky.up = True
    _time_passes(10_000)
    call_command("send_outbox", verbosity=0)
    assert rows.filter(status=OutboxStatus.SENT).count() == n
    assert not rows.filter(status=OutboxStatus.FAILED).exists()
    assert len(flaky.delivered) == n and set(flaky.delivered.values()) == {1}
    # And again: nothing more goes out.
    _time_passes(10_000)
    call_command("send_outbox", verbosity=0)
    assert sum(flaky.delivered.values()) == n


@pytest.mark.django_db(transaction=True)
def test_a_permanent_refusal_fails_at_once_and_a_long_outage_fails_after_max_attempts(
    settings, monkeypatch
):
    def refuse(self, messages):  # type: ignore[no-untyped-def]
        raise smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    outbox.enqueue(key="perm", to="x@example.org", subject="S", body="B")
    row = OutboundEmail.objects.get(key="perm")
    assert (row.status, row.attempts) == (OutboxStatus.FAILED, 1)
    assert "550" in row.last_error

    def busy(self, messages):  # type: ignore[no-untyped-def]
        raise smtplib.SMTPDataError(451, b"Try again later")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", busy)
    settings.STERK_OUTBOX_MAX_ATTEMPTS = 3
    outbox.enqueue(key="temp", to="y@example.org", subject="S", body="B")
    row = OutboundEmail.objects.get(key="temp")
    assert (row.status, row.attempts) == (OutboxStatus.QUEUED, 1)
    for _ in range(3):
        _time_passes(100_000)
        outbox.drain()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutboxStatus.FAILED, 3)
    assert "451" in row.last_error
    # The operator fixed the cause: failed mails go again.
    monkeypatch.undo()
    call_command("send_outbox", "--retry-failed", verbosity=0)
    assert OutboundEmail.objects.filter(status=OutboxStatus.SENT).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["x@example.org", "y@example.org"]


# --- no transaction while sending -------------------------------------------------------


class AssertingBackend(BaseEmailBackend):
    """Fails the test if SMTP would be spoken inside a transaction, or before the claim was
    committed: another connection must see the row claimed."""

    seen: ClassVar[list[str]] = []

    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        assert not connection.in_atomic_block, "SMTP inside a transaction"
        for message in email_messages:
            key = OutboundEmail.objects.get(to=message.to[0]).key
            status = _read_elsewhere(key)
            assert status == OutboxStatus.SENDING, status
            type(self).seen.append(message.to[0])
        return len(email_messages)


def _read_elsewhere(key: str) -> str:
    """The row's status as another connection (another worker) sees it: committed data."""
    from django.db import connections

    result: list[str] = []

    def read() -> None:
        try:
            result.append(OutboundEmail.objects.get(key=key).status)
        finally:
            connections.close_all()

    if ON_POSTGRES:
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
        return result[0]
    # In-memory SQLite is one connection per process: not in an atomic block is the test.
    return OutboundEmail.objects.get(key=key).status


@pytest.mark.django_db(transaction=True)
def test_no_transaction_is_open_while_the_backend_sends(settings):
    settings.EMAIL_BACKEND = f"{__name__}.AssertingBackend"
    AssertingBackend.seen = []
    from sterk.events import services
    from sterk.events.tests.factories import EventFactory, UserFactory

    event = EventFactory(capacity=5)
    # The after-commit jobs: a registration mail (rendered when sent, with its .ics; the
    # service held the event lock) and a plain one.
    services.registration_create(event=event, user=UserFactory(email="an@example.org"))
    outbox.enqueue(key="plain", to="b@example.org", subject="S", body="B")
    # The periodic drain, on one SMTP session.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    outbox.enqueue(key="late", to="c@example.org", subject="S", body="B")
    assert outbox.drain()["sent"] == 1
    assert AssertingBackend.seen == ["an@example.org", "b@example.org", "c@example.org"]
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


# --- claims -----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_claim_is_taken_once_and_a_stale_one_again(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    outbox.enqueue(key="c1", to="a@example.org", subject="S", body="B")
    row = OutboundEmail.objects.get(key="c1")
    first = outbox.claim(row.pk)
    assert first and outbox.claim(row.pk) is None  # a second worker: nothing
    assert outbox.send_one(row.pk) == "skipped"
    assert mail.outbox == []
    # The first worker died: after the timeout its claim is stale and is taken over.
    OutboundEmail.objects.filter(pk=row.pk).update(
        claimed_at=timezone.now() - outbox.claim_timeout() - datetime.timedelta(seconds=1)
    )
    assert outbox.drain()["sent"] == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.claim_token) == (OutboxStatus.SENT, 2, "")
    # The dead worker wakes up and records its result: its claim token is no longer valid.
    assert OutboundEmail.objects.filter(pk=row.pk, claim_token=first).count() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == outbox.message_id("c1")


@pytest.mark.django_db(transaction=True)
def test_a_job_that_was_lost_is_sent_by_the_command(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    for i in range(5):
        outbox.enqueue(key=f"lost:{i}", to=f"l{i}@example.org", subject="S", body="B")
    assert mail.outbox == []
    call_command("send_outbox", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == [f"l{i}@example.org" for i in range(5)]


# --- renderers --------------------------------------------------------------------------


def test_apps_register_their_kinds_and_core_knows_none_of_them():
    assert outbox.renderer_for("events.confirmed")
    with pytest.raises(LookupError):
        outbox.renderer_for("nobody.nothing")
    with pytest.raises(Exception, match="Two renderers"):
        outbox.register_renderer("events.confirmed", lambda context: outbox.Rendered("", ""))
    with open(outbox.__file__, encoding="utf-8") as file:
        source = file.read()
    assert "sterk.events" not in source and "from sterk" not in source


@pytest.mark.django_db(transaction=True)
def test_a_registration_mail_is_rendered_when_sent_with_its_ics():
    from sterk.events import services
    from sterk.events.tests.factories import EventFactory, UserFactory

    event = EventFactory(capacity=5)
    user = UserFactory(email="lid@example.org")
    services.registration_create(event=event, user=user)
    row = OutboundEmail.objects.get(to="lid@example.org")
    assert row.kind == "events.confirmed" and row.context == {
        "registration_id": row.context["registration_id"],
        "ics": True,
    }
    assert row.status == OutboxStatus.SENT and row.subject and row.body  # kept once sent
    [message] = mail.outbox
    assert message.subject == row.subject
    [(name, content, mimetype)] = message.attachments
    assert name == "event.ics" and "BEGIN:VCALENDAR" in content
    assert mimetype.startswith("text/calendar")


@pytest.mark.django_db(transaction=True)
def test_a_registration_erased_before_its_mail_was_sent_fails_the_mail_without_retry(settings):
    from sterk.events import services
    from sterk.events.models import Registration
    from sterk.events.tests.factories import EventFactory, UserFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    event = EventFactory(capacity=5)
    services.registration_create(event=event, user=UserFactory(email="weg@example.org"))
    Registration.objects.all().delete()
    assert outbox.drain() == {"sent": 0, "retry": 0, "failed": 1, "skipped": 0}
    assert "gone" in OutboundEmail.objects.get().last_error
    assert mail.outbox == []


# --- message all registrants: a double submit ------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_message_all_registrants_submitted_twice_mails_everyone_once():
    from sterk.core.once import new_token
    from sterk.events import services
    from sterk.events.models import EventMessage, Registration, RegistrationStatus
    from sterk.events.tests.factories import EventFactory, coordinator

    event = EventFactory(capacity=50)
    for i in range(20):
        Registration.objects.create(
            event=event,
            name=f"R{i}",
            email=f"r{i}@example.org",
            status=RegistrationStatus.CONFIRMED,
        )
    actor = coordinator()
    token = new_token()
    for _ in range(2):  # a double click: the same form, the same token
        services.event_message_send(
            actor=actor, event=event, subject="Parking", body="Achteraan.", token=token
        )
    # A retried request without a token (a script, a form without it): the same content.
    for _ in range(2):
        services.event_message_send(actor=actor, event=event, subject="Zaal", body="Zaal 2.")
    assert EventMessage.objects.filter(event=event).count() == 2
    assert len(mail.outbox) == 40
    per_person = collections.Counter(m.to[0] for m in mail.outbox)
    assert len(per_person) == 20 and set(per_person.values()) == {2}
    assert collections.Counter(m.subject for m in mail.outbox) == {"Parking": 20, "Zaal": 20}
    # The same words again from a new form (a new token) are a new message.
    services.event_message_send(
        actor=actor, event=event, subject="Parking", body="Achteraan.", token=new_token()
    )
    assert len(mail.outbox) == 60


@pytest.mark.django_db(transaction=True)
def test_the_message_form_posted_twice_without_its_token_mails_once(client, settings):
    from sterk.events.models import Registration, RegistrationStatus
    from sterk.events.tests.factories import EventFactory, coordinator

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    event = EventFactory(capacity=50)
    for i in range(5):
        Registration.objects.create(
            event=event,
            name=f"R{i}",
            email=f"v{i}@example.org",
            status=RegistrationStatus.CONFIRMED,
        )
    client.force_login(coordinator())
    url = reverse("events_manage:message", args=[event.pk])
    for _ in range(2):
        response = client.post(url, {"subject": "Praktisch", "body": "Neem een laptop mee."})
        assert response.status_code == 302
    assert event.messages.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == [f"v{i}@example.org" for i in range(5)]


@pytest.mark.django_db(transaction=True)
def test_a_row_marked_sent_is_never_sent_again():
    # Demo data and older code mark a mail done by its sent_at alone.
    OutboundEmail.objects.create(key="done", to="d@example.org", body="B", sent_at=timezone.now())
    assert outbox.drain()["sent"] == 0
    assert mail.outbox == []


# --- one job per burst (#14) ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_mails_asks_for_one_job_and_every_mail_goes(monkeypatch):
    """While a job is asked for and has not started, new e-mails ask for none: a burst of
    registrations costs one job, not a job row and a commit each."""
    from django.core.cache import cache
    from django.db import transaction

    asked = []
    monkeypatch.setattr(outbox, "_enqueue", lambda task: asked.append(task.name))
    for n in range(5):
        with transaction.atomic():
            assert outbox.enqueue(key=f"burst-{n}", to=f"b{n}@example.org", subject="S", body="B")
    assert asked == ["send_outbox_singles"] and cache.get(outbox.SINGLES_ASKED_KEY)
    # The job starts: it clears the mark first, then sends every due single e-mail.
    assert outbox.send_singles()["sent"] == 5
    assert sorted(m.to[0] for m in mail.outbox) == [f"b{n}@example.org" for n in range(5)]
    assert cache.get(outbox.SINGLES_ASKED_KEY) is None
    # An e-mail after the job started asks for a job of its own.
    outbox.enqueue(key="after", to="after@example.org", subject="S", body="B")
    assert len(asked) == 2


@pytest.mark.django_db(transaction=True)
def test_the_job_for_single_mails_leaves_a_newsletter_to_its_drain(settings):
    """A confirmation never waits behind a newsletter being sent at its rate: the job for
    single e-mails sends only them; the bulk rows go with the (rate-limited) drain."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    outbox.register_renderer("test.bulk", lambda context: outbox.Rendered("Nieuws", "Tekst"))
    try:
        outbox.enqueue_many(
            outbox.Bulk(key=f"bulk-{n}", to=f"n{n}@example.org", kind="test.bulk", context={})
            for n in range(3)
        )
        outbox.enqueue(key="single", to="lid@example.org", subject="Ingeschreven", body="B")
        assert set(OutboundEmail.objects.values_list("key", "bulk")) == {
            ("bulk-0", True),
            ("bulk-1", True),
            ("bulk-2", True),
            ("single", False),
        }
        assert outbox.send_singles()["sent"] == 1
        assert [m.to[0] for m in mail.outbox] == ["lid@example.org"]
        assert outbox.drain()["sent"] == 3
    finally:
        outbox._renderers.pop("test.bulk", None)


@pytest.mark.django_db(transaction=True)
def test_without_the_shared_cache_every_mail_asks_for_a_job(monkeypatch):
    from django.core.cache import cache

    asked = []
    monkeypatch.setattr(outbox, "_enqueue", lambda task: asked.append(task.name))

    def unreachable(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "add", unreachable)
    for n in range(3):
        outbox.enqueue(key=f"down-{n}", to="x@example.org", subject="S", body="B")
    assert len(asked) == 3


@pytest.mark.django_db
def test_the_same_key_twice_is_one_row_without_a_savepoint(django_assert_num_queries):
    """One statement that skips a known key: under a registration's lock a savepoint and
    its release were two more round trips."""
    with django_assert_num_queries(1):
        assert outbox.enqueue(key="once", to="x@example.org", subject="S", body="B") is True
    with django_assert_num_queries(1):
        assert outbox.enqueue(key="once", to="x@example.org", subject="S", body="B") is False
    assert OutboundEmail.objects.filter(key="once").count() == 1


@pytest.mark.django_db
def test_the_written_once_insert_is_djangos_own():
    """`_insert_sql` and `_insert_params` give what Django's compiler gives for the row."""
    from django.db.models.constants import OnConflict
    from django.db.models.sql.subqueries import InsertQuery

    row = OutboundEmail(key="k", to="a@example.org", kind="x", context={"a": [1, "é"]})
    query = InsertQuery(OutboundEmail, on_conflict=OnConflict.IGNORE)
    query.insert_values(outbox._INSERT_FIELDS, [row])
    ((sql, params),) = query.get_compiler(using="default").as_sql()
    assert outbox._insert_sql(connection.vendor, "default") == sql
    ours = outbox._insert_params(row, connection)
    names = [f.name for f in outbox._INSERT_FIELDS]
    created = names.index("created_at")  # auto_now_add: the moment of each call
    assert len(ours) == len(params) and ours[created] and params[created]
    assert [str(p) for i, p in enumerate(ours) if i != created] == [
        str(p) for i, p in enumerate(params) if i != created
    ]
