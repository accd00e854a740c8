"""The newsletter: one edition to N subscribers (30,000 by default) through the outbox, to
a local SMTP sink (aiosmtpd), with faults.

1. One worker on this machine's database (SQLite unless DATABASE_URL points at
   PostgreSQL): messages/s, total time, the worker's peak RSS (VmHWM), and after the run
   zero losses and zero duplicates although the worker is killed with SIGKILL once (at a
   third of the send) and the SMTP server is down for 30 seconds once (at two thirds).
   The sink counts what it accepted ("250") per recipient, and distinct Message-IDs.
2. PostgreSQL only: the same send without faults with 1 and with 2 workers (throughput).

    python -m bench bench_newsletter                 # 30,000
    NL_BENCH_SIZE=3000 python -m bench bench_newsletter
    NL_BENCH_OUTAGE=10 ...                           # a shorter outage (seconds)

Goal (issue 11): >= 50 messages/s with one worker, the whole send <= 10 minutes, flat
memory, no duplicates or losses."""

from __future__ import annotations

import collections
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.MULTILINE | re.IGNORECASE)


class Sink:
    """An aiosmtpd server on a fixed port that can go down and come back."""

    def __init__(self) -> None:
        self.accepted: collections.Counter[str] = collections.Counter()
        self.message_ids: set[bytes] = set()
        self.lock = threading.Lock()
        self.controller: Any = None
        self.port = _free_port()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        found = MESSAGE_ID.search(envelope.original_content or envelope.content or b"")
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.accepted[rcpt.lower()] += 1
            if found:
                self.message_ids.add(found.group(1))
        return "250 OK"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.accepted.values())


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(db: dict[str, str], port: int) -> dict[str, str]:
    env = {**os.environ, "NL_BENCH_SMTP_PORT": str(port), **db}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _child(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "bench.newsletter_worker", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _peak_rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _setup_db(db: dict[str, str], port: int, size: int) -> float:
    start = time.perf_counter()
    done = _child(["setup", str(size)], _env(db, port))
    _out, err = done.communicate(timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(err[-3000:])
    return time.perf_counter() - start


def _counts(db: dict[str, str]) -> dict[str, int]:
    import sqlite3

    if "NL_BENCH_SQLITE" in db:
        con = sqlite3.connect(db["NL_BENCH_SQLITE"], timeout=30)
        try:
            rows = con.execute(
                "select status, count(*) from core_outboundemail where key like 'newsletter:%'"
                " group by status"
            ).fetchall()
        finally:
            con.close()
    else:
        import psycopg

        with psycopg.connect(_pg_dsn(db["NL_BENCH_DB_NAME"])) as con:
            rows = con.execute(
                "select status, count(*) from core_outboundemail where key like 'newsletter:%%'"
                " group by status"
            ).fetchall()
    return dict(rows)


def _pg_dsn(name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    bits = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(
        (
            bits.scheme.replace("postgres", "postgresql", 1)
            if bits.scheme == "postgres"
            else bits.scheme,
            bits.netloc,
            f"/{name}",
            "",
            "",
        )
    )


def _pg_create(name: str) -> None:
    import psycopg

    with psycopg.connect(_pg_dsn("postgres"), autocommit=True) as con:
        con.execute(f'drop database if exists "{name}"')
        con.execute(f'create database "{name}"')


def _pg_drop(name: str) -> None:
    import psycopg

    with psycopg.connect(_pg_dsn("postgres"), autocommit=True) as con:
        con.execute(f'drop database if exists "{name}" with (force)')


def scenario(
    db: dict[str, str], size: int, *, workers: int, faults: bool, outage: float
) -> dict[str, Any]:
    sink = Sink()
    sink.start()
    setup_s = _setup_db(db, sink.port, size)
    env = _env(db, sink.port)
    procs = [_child(["work"], env) for _ in range(workers)]
    peaks: dict[int, int] = {}
    killed = outage_done = False
    notes: list[str] = []
    start = time.perf_counter()
    deadline = start + 3600
    try:
        while time.perf_counter() < deadline:
            time.sleep(0.2)
            for p in procs:
                peaks[p.pid] = max(peaks.get(p.pid, 0), _peak_rss_kb(p.pid))
            accepted = sink.total
            if faults and not killed and accepted >= size // 3:
                victim = procs[0]
                os.kill(victim.pid, signal.SIGKILL)
                victim.wait()
                notes.append(f"SIGKILL of the worker after {accepted} accepted")
                procs[0] = _child(["work"], env)
                killed = True
            if faults and killed and not outage_done and accepted >= 2 * size // 3:
                sink.stop()
                notes.append(f"SMTP down for {outage:.0f} s after {accepted} accepted")
                down_until = time.perf_counter() + outage
                while time.perf_counter() < down_until:
                    time.sleep(0.5)
                    for p in procs:
                        peaks[p.pid] = max(peaks.get(p.pid, 0), _peak_rss_kb(p.pid))
                sink.start()
                outage_done = True
            counts = _counts(db)
            if counts.get("queued", 0) == 0 and counts.get("sending", 0) == 0:
                break
        elapsed = time.perf_counter() - start
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        sink.stop()
    counts = _counts(db)
    expected = {f"lezer{i}@example.org" for i in range(size)}
    got = set(sink.accepted)
    return {
        "size": size,
        "workers": workers,
        "setup_s": setup_s,
        "elapsed_s": elapsed,
        "per_s": size / elapsed if elapsed else 0.0,
        "peak_rss_mb": max(peaks.values() or [0]) / 1024,
        "accepted": sink.total,
        "lost": len(expected - got),
        "duplicates": sum(n - 1 for n in sink.accepted.values() if n > 1),
        "distinct_message_ids": len(sink.message_ids),
        "outbox": counts,
        "notes": notes,
    }


def _print(title: str, r: dict[str, Any]) -> None:
    print(f"  {title}")
    print(
        f"    {r['size']} recipients, {r['workers']} worker(s): {r['elapsed_s']:.1f} s,"
        f" {r['per_s']:.0f} messages/s (set-up + enqueue {r['setup_s']:.1f} s)"
    )
    print(f"    peak RSS of a worker: {r['peak_rss_mb']:.0f} MB")
    print(
        f"    accepted by the sink: {r['accepted']}; lost: {r['lost']}; duplicates:"
        f" {r['duplicates']}; distinct Message-IDs: {r['distinct_message_ids']}"
    )
    print(f"    outbox rows: {r['outbox']}")
    for note in r["notes"]:
        print(f"    {note}")


def run() -> None:
    size = int(os.environ.get("NL_BENCH_SIZE", "30000"))
    outage = float(os.environ.get("NL_BENCH_OUTAGE", "30"))
    if os.environ.get("DATABASE_URL"):
        name = f"bench_newsletter_{os.getpid()}"
        try:
            _pg_create(name)
            db = {"NL_BENCH_DB_NAME": name}
            _print("PostgreSQL, faults", scenario(db, size, workers=1, faults=True, outage=outage))
            for workers in (1, 2):
                _pg_create(name)
                _print(
                    f"PostgreSQL, no faults, {workers} worker(s)",
                    scenario(db, size, workers=workers, faults=False, outage=0),
                )
        finally:
            _pg_drop(name)
    else:
        folder = tempfile.mkdtemp(prefix="sterk-bench-newsletter-")
        db = {"NL_BENCH_SQLITE": os.path.join(folder, "bench.sqlite3")}
        _print("SQLite, faults", scenario(db, size, workers=1, faults=True, outage=outage))


if __name__ == "__main__":
    run()
