"""An edition to 300 subscribers through real worker processes and a local SMTP sink: the
worker is killed with SIGKILL in the middle (waiting for the server's answer to the 101st
message), then the SMTP server is unreachable for a whole pass; in the end every
subscriber got the edition exactly once. On SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.db import connection
from django.db.models import Count

from sterk.core.models import OutboundEmail
from sterk.core.tests.test_outbox import SmtpSink, _child_env

ON_POSTGRES = connection.vendor == "postgresql"
RECIPIENTS = 300
KILLED_AT = 100
MODULE = "sterk.newsletter.tests.send_worker"


def _run(mode: str, *args: str, env: dict[str, str]) -> None:
    done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", MODULE, mode, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def _report(env: dict[str, str]) -> dict[str, int]:
    query = (
        "SELECT status, COUNT(*) FROM core_outboundemail WHERE key LIKE 'newsletter:%' "
        "GROUP BY status"
    )
    if ON_POSTGRES:
        rows = (
            OutboundEmail.objects.filter(key__startswith="newsletter:")
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        return dict(rows)
    with contextlib.closing(sqlite3.connect(env["OUTBOX_SQLITE"])) as db:
        return dict(db.execute(query))


def _time_passes(env: dict[str, str]) -> None:
    sql = "UPDATE core_outboundemail SET next_attempt_at = '2000-01-01 00:00:00'"
    if ON_POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("'2000-01-01 00:00:00'", "now() - interval '1 day'"))
        return
    with contextlib.closing(sqlite3.connect(env["OUTBOX_SQLITE"])) as db:
        db.execute(sql + " WHERE status = 'queued'")
        db.commit()


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_and_an_smtp_outage_still_mail_everyone_exactly_once(tmp_path):
    with SmtpSink(stall_after=KILLED_AT) as sink:
        env = _child_env(tmp_path, sink.port)
        _run("setup", str(RECIPIENTS), env=env)
        assert _report(env) == {"queued": RECIPIENTS}

        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", MODULE, "work"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            stalled = sink.stalled.wait(240)
        finally:
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(30)
        assert stalled and worker.returncode == -signal.SIGKILL
        sink.release.set()
        assert _report(env) == {
            "sent": KILLED_AT,
            "sending": 1,
            "queued": RECIPIENTS - KILLED_AT - 1,
        }

        # The SMTP server is unreachable: the pass stops after 5 temporary failures in a
        # row (the breaker); those rows wait for their backoff, nothing fails for good.
        closed = {**env, "OUTBOX_SMTP_PORT": "9", "OUTBOX_BREAKER": "5"}
        _run("work", env=closed)
        report = _report(env)
        assert report.get("failed", 0) == 0 and report["sent"] == KILLED_AT

        # The server is back and the backoff is over; the killed worker's claim is stale.
        _time_passes(env)
        time.sleep(1.2)
        _run("work", env={**env, "STERK_OUTBOX_CLAIM_TIMEOUT": "1"})
        assert _report(env) == {"sent": RECIPIENTS}

    assert len(sink.delivered) == RECIPIENTS
    assert set(sink.delivered.values()) == {1}, "every subscriber exactly once"
