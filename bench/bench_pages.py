"""Public pages over HTTP as a visitor gets them, against the framework's floor (/healthz).

What it does, by itself and on loopback only:
1. creates a PostgreSQL database of its own (dropped after) and loads the content and the
   demo data into it (`make run`'s loaders, with the dev settings: load_demo wants DEBUG);
2. serves it with gunicorn (3 workers) and the production settings (bench/prod_settings.py:
   config.settings.prod, static files collected to a temporary folder), Redis as the cache
   under a key prefix of its own (its keys are deleted after);
3. per page: the number of queries (Django's test client, first visit and second visit),
   then `wrk -c50 -d10s --latency` on /healthz (a third of the time) and on the page,
   printing requests/s, the share of the /healthz just before, p50, p99;
4. twice: with the page cache off (STERK_PAGE_CACHE=0) and on, in one run, so the
   ratios compare like with like. The machine may be shared: the ratios are the reliable
   part, the absolute figures move with whatever else runs;
5. the signed-in pages (a member's: my page, an event page with their registration; the
   coordinator's: the management dashboard and lists), with sessions made beforehand
   (bench/http_sessions.py), against /healthz in the same way;
6. registrations for one event over HTTP: `wrk -c100` with bench/register.lua, each request
   a different signed-in member posting the form (confirmed/s counted in the database,
   p50/p99 from wrk, and the share of the floor); then an event with 50 seats taken by
   more people than that, which must end with exactly 50 confirmed (no oversell).

Needs `wrk` (Debian: `apt-get install wrk`), PostgreSQL and Redis. Environment:
BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL
(default redis://127.0.0.1:6379/0), BENCH_PAGES_SECONDS (default 10),
BENCH_PAGES_CONNECTIONS (default 50), BENCH_PAGES_ROUNDS (`off,on,signed-in,register` by
default; name the ones to run).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = [
    "/healthz",
    "/nl/",
    "/nl/regio/antwerpen/",
    "/nl/actieplan/",
    "/nl/agenda/",
    "/nl/praktijken/",
    "/nl/praktijken/?q=jongeren",
    "/nl/agenda.ics",
]
LOADERS = [
    ["migrate", "--noinput", "-v", "0"],
    ["load_content", "--only-missing"],
    ["load_actionplan"],
    ["load_actionplan_demo"],
    ["load_events"],
    ["load_events_demo"],
    ["load_practices"],
    ["load_practices_demo"],
    ["load_news"],
    ["load_news_demo"],
    ["load_governance"],
    ["load_governance_demo"],
    ["load_newsletter"],
    ["load_newsletter_demo"],
    ["load_surveys"],
    ["load_surveys_demo"],
    ["load_demo"],
]
# Behind the proxy, production sees https (SECURE_PROXY_SSL_HEADER); without it every
# request would be a redirect to https.
PROXY_HEADER = ("X-Forwarded-Proto", "https")

# Arguments: "path" or "session-key path" (a signed-in page).
QUERY_COUNTS = r"""
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
out = {}
for arg in sys.argv[1:]:
    session, _, path = arg.rpartition(" ")
    counts = []
    for _ in range(2):
        client = Client()
        if session:
            client.cookies["sessionid"] = session
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path, secure=True, HTTP_HOST="localhost")
        counts.append([response.status_code, len(ctx.captured_queries)])
    out[arg] = counts
print(json.dumps(out))
"""
# The signed-in pages: (who, path); the member's event page is added from the sessions.
MEMBER_PAGES = ["/nl/", "/nl/mijn/", "/nl/agenda/"]
COORDINATOR_PAGES = [
    "/nl/beheer/",
    "/nl/beheer/agenda/",
    "/nl/beheer/actieplan/acties/",
    "/nl/beheer/praktijken/",
    "/nl/beheer/audit/",
]
REGISTER_LUA = Path(__file__).with_name("register.lua")
# Members with a session for the registrations: more than 100 connections post in the run.
REGISTER_PEOPLE = int(os.environ.get("BENCH_REGISTER_PEOPLE", "8000"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(pg_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(sql)


def _redis_ok(url: str) -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=2).ping())
    except Exception:
        return False


def _redis_cleanup(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for i in range(0, len(keys), 500):
        client.delete(*keys[i : i + 500])


def _run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def _wait_ready(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited at start")
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz")
            request.add_header(*PROXY_HEADER)
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def _drain(port: int) -> None:
    """Wait until the requests wrk left queued when it stopped are answered (one per
    connection; seconds of work on a slow page), so they do not weigh on the next run."""
    for _ in range(3):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz")
        request.add_header(*PROXY_HEADER)
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            response.read()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(text)
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(output: str) -> dict[str, float]:
    """requests/s, p50 and p99 (ms) and the non-2xx/3xx count from `wrk --latency`."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if not (rps and p50 and p99):
        raise ValueError(f"unexpected wrk output:\n{output}")
    return {
        "rps": float(rps.group(1)),
        "p50": _ms(p50.group(1)),
        "p99": _ms(p99.group(1)),
        "bad": float(errors.group(1)) if errors else 0.0,
    }


def _wrk(
    port: int,
    path: str,
    seconds: int,
    connections: int,
    *,
    session: str = "",
    script: Path | None = None,
    env: dict[str, str] | None = None,
) -> dict[str, float]:
    args = [
        shutil.which("wrk") or "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"{PROXY_HEADER[0]}: {PROXY_HEADER[1]}",
    ]
    if session:
        args += ["-H", f"Cookie: sessionid={session}"]
    if script is not None:
        args += ["-s", str(script)]
    args.append(f"http://127.0.0.1:{port}{path}")
    if script is not None:
        args += ["--", "2"]  # the script's threads step through the people by 2
    result = subprocess.run(  # noqa: S603 - our own fixed arguments
        args,
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
        env=env,
    )
    return parse_wrk(result.stdout)


def _query_counts(env: dict[str, str], pages: list[tuple[str, str]]) -> dict[str, Any]:
    args = [f"{session} {path}" if session else path for session, path in pages]
    done = subprocess.run(  # noqa: S603 - our own fixed arguments
        [PYTHON, "-c", QUERY_COUNTS, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"counting the queries failed:\n{done.stderr[-3000:]}")
    counts = json.loads(done.stdout)
    return {arg: counts[arg] for arg in args}


class _Server:
    """gunicorn with 3 workers and the given environment, for one round."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed arguments
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "config.wsgi",
                "--workers",
                "3",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )

    def __enter__(self) -> _Server:
        _wait_ready(self.port, self.process)
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def floor(self, seconds: int, connections: int) -> float:
        """/healthz right before a measurement: on a shared machine the load moves within a
        round, and a share is only fair against the floor of the moment."""
        _drain(self.port)
        rps = _wrk(self.port, "/healthz", seconds, connections)["rps"]
        _drain(self.port)
        return rps


def _round(
    label: str,
    env: dict[str, str],
    seconds: int,
    connections: int,
    pages: list[tuple[str, str, str]],
) -> None:
    """pages: (who, session key or "", path)."""
    counts = _query_counts(env, [(session, path) for _, session, path in pages])
    rows = []
    floor_seconds = max(3, seconds // 3)
    with _Server(env) as server:
        for who, session, path in pages:
            _wrk(server.port, path, 1, 5, session=session)  # warm-up: every worker once
            floor = server.floor(floor_seconds, connections)
            result = _wrk(server.port, path, seconds, connections, session=session)
            rows.append((who, session, path, result, floor))
            _drain(server.port)
    print(
        f"  {label}: gunicorn 3 workers, wrk -c{connections} -d{seconds}s per page,"
        f" /healthz for {floor_seconds}s right before each (the share is against that)"
    )
    print(
        f"  {'page':<36} {'requests/s':>10} {'/healthz':>9} {'share':>7} {'p50 ms':>8}"
        f" {'p99 ms':>8} {'queries 1st/2nd':>16} {'non-2xx':>8}"
    )
    for who, session, path, r, floor in rows:
        (status1, q1), (status2, q2) = counts[f"{session} {path}" if session else path]
        status = "" if status1 == status2 == 200 else f" (HTTP {status1}/{status2})"
        name = f"{who}: {path}" if who else path
        print(
            f"  {name:<36} {r['rps']:>10.0f} {floor:>9.0f} {r['rps'] / (floor or 1.0):>7.1%}"
            f" {r['p50']:>8.1f} {r['p99']:>8.1f} {f'{q1}/{q2}':>16} {int(r['bad']):>8}{status}"
        )


_COUNT_REGISTRATIONS = r"""
import json, sys
import django
django.setup()
from django.db.models import Count
from sterk.events.models import Registration
rows = Registration.objects.filter(event_id=int(sys.argv[1])).values("status").annotate(n=Count("pk"))
print(json.dumps({row["status"]: row["n"] for row in rows}))
"""


def _registrations(env: dict[str, str], event: int) -> dict[str, int]:
    out = subprocess.run(  # noqa: S603 - our own fixed arguments
        [PYTHON, "-c", _COUNT_REGISTRATIONS, str(event)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {str(k): int(v) for k, v in json.loads(out).items()}


def _register_round(
    env: dict[str, str], seconds: int, floor_connections: int, sessions: dict[str, Any]
) -> None:
    register = sessions["register"]
    people = Path(tempfile.mkstemp(prefix="sterk-bench-people-", suffix=".txt")[1])
    people.write_text("".join(f"{s} {c}\n" for s, c in register["people"]))
    connections = 100
    try:
        with _Server(env) as server:
            floor = server.floor(max(3, seconds // 3), floor_connections)
            lua_env = {**os.environ, "BENCH_PEOPLE": str(people), "BENCH_PATH": ""}
            started = time.monotonic()
            result = _wrk(
                server.port,
                register["open_url"],
                seconds,
                connections,
                script=REGISTER_LUA,
                env={**lua_env, "BENCH_PATH": register["open_url"]},
            )
            elapsed = time.monotonic() - started
            _drain(server.port)
            open_counts = _registrations(env, register["open_event"])
            # An event with fewer seats than people: the rest must go to the waiting list.
            full_seconds = max(3, seconds // 2)
            _wrk(
                server.port,
                register["full_url"],
                full_seconds,
                connections,
                script=REGISTER_LUA,
                env={**lua_env, "BENCH_PATH": register["full_url"]},
            )
            _drain(server.port)
            full_counts = _registrations(env, register["full_event"])
    finally:
        people.unlink(missing_ok=True)
    confirmed = open_counts.get("confirmed", 0)
    print(
        f"  registrations over HTTP: gunicorn 3 workers, wrk -c{connections} -d{seconds}s,"
        f" each request a different signed-in member ({len(register['people'])} sessions)"
    )
    print(
        f"  {confirmed / elapsed:.0f} confirmed/s ({confirmed} in {elapsed:.1f} s;"
        f" {result['rps']:.0f} requests/s = {result['rps'] / (floor or 1.0):.1%} of /healthz"
        f" at {floor:.0f}/s), p50 {result['p50']:.0f} ms, p99 {result['p99']:.0f} ms,"
        f" non-2xx/3xx {int(result['bad'])}"
    )
    taken, waiting = full_counts.get("confirmed", 0), full_counts.get("waiting", 0)
    if taken > register["capacity"]:
        verdict = "OVERSOLD"
    elif taken == register["capacity"]:
        verdict = "no oversell"
    else:
        verdict = "not full: too few requests in the run to tell"
    print(
        f"  an event with {register['capacity']} seats: {taken} confirmed,"
        f" {waiting} on the waiting list: {verdict}"
    )


def run() -> None:
    if shutil.which("wrk") is None:
        print("  skipped: needs wrk (Debian/Ubuntu: `sudo apt-get install wrk`)")
        return
    pg_server = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    if not _redis_ok(redis_url):
        print(f"  skipped: no Redis at {redis_url} (set REDIS_URL)")
        return
    seconds = int(os.environ.get("BENCH_PAGES_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_PAGES_CONNECTIONS", "50"))
    rounds = [
        r.strip()
        for r in os.environ.get("BENCH_PAGES_ROUNDS", "off,on,signed-in,register").split(",")
    ]
    name = f"sterk_bench_pages_{os.getpid()}"
    prefix = f"bench-pages-{secrets.token_hex(4)}"
    try:
        _admin(pg_server, f'CREATE DATABASE "{name}"')
    except Exception as exc:
        print(f"  skipped: cannot create a PostgreSQL database at {pg_server}: {exc}")
        return
    static_root = tempfile.mkdtemp(prefix="sterk-bench-static-")
    var_dir = tempfile.mkdtemp(prefix="sterk-bench-var-")
    base = {
        **os.environ,
        "DATABASE_URL": _with_db(pg_server, name),
        "STERK_VAR_DIR": var_dir,
        "STERK_BENCH_STATIC_ROOT": static_root,
        "PYTHONPATH": str(ROOT),
    }
    try:
        started = time.monotonic()
        dev = {**base, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
        for command in LOADERS:
            _run([PYTHON, "manage.py", *command], dev)
        prod = {
            **base,
            "DJANGO_SETTINGS_MODULE": "bench.prod_settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "STERK_SITE_URL": "https://localhost",
            "REDIS_URL": redis_url,
            "STERK_CACHE_KEY_PREFIX": prefix,
        }
        _run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], prod)
        print(
            f"  database {name}: content and demo data loaded in {time.monotonic() - started:.0f} s"
        )
        sessions_file = Path(var_dir) / "sessions.json"
        _run([PYTHON, "-m", "bench.http_sessions", str(sessions_file), str(REGISTER_PEOPLE)], prod)
        sessions = json.loads(sessions_file.read_text())
        member, coordinator = sessions["pages"]["member"], sessions["pages"]["coordinator"]
        signed_in = [("member", member, path) for path in MEMBER_PAGES]
        signed_in.append(("member", member, sessions["pages"]["event_page"]))
        signed_in += [("coordinator", coordinator, path) for path in COORDINATOR_PAGES]
        public = [("", "", path) for path in PAGES]
        for label in rounds:
            cached = {**prod, "STERK_PAGE_CACHE": "1"}
            if label in ("off", "on"):
                env = {**prod, "STERK_PAGE_CACHE": "0" if label == "off" else "1"}
                _round(f"page cache {label}", env, seconds, connections, public)
            elif label == "signed-in":
                pages = [("", "", "/healthz"), *signed_in]
                _round("signed in (never cached)", cached, seconds, connections, pages)
            elif label == "register":
                _register_round(cached, seconds, connections, sessions)
    finally:
        _redis_cleanup(redis_url, prefix)
        _admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(var_dir, ignore_errors=True)
