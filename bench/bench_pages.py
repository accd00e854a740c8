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
   part, the absolute figures move with whatever else runs.

Needs `wrk` (Debian: `apt-get install wrk`), PostgreSQL and Redis. Environment:
BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL
(default redis://127.0.0.1:6379/0), BENCH_PAGES_SECONDS (default 10),
BENCH_PAGES_CONNECTIONS (default 50), BENCH_PAGES_ROUNDS (`off,on` by default; `on` alone
skips the uncached round).
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
    ["load_demo"],
]
# Behind the proxy, production sees https (SECURE_PROXY_SSL_HEADER); without it every
# request would be a redirect to https.
PROXY_HEADER = ("X-Forwarded-Proto", "https")

QUERY_COUNTS = r"""
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
out = {}
for path in sys.argv[1:]:
    counts = []
    for _ in range(2):
        client = Client()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path, secure=True, HTTP_HOST="localhost")
        counts.append([response.status_code, len(ctx.captured_queries)])
    out[path] = counts
print(json.dumps(out))
"""


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


def _wrk(port: int, path: str, seconds: int, connections: int) -> dict[str, float]:
    result = subprocess.run(  # noqa: S603 - our own fixed arguments
        [
            shutil.which("wrk") or "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-H",
            f"{PROXY_HEADER[0]}: {PROXY_HEADER[1]}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    return parse_wrk(result.stdout)


def _round(label: str, env: dict[str, str], seconds: int, connections: int) -> None:
    port = _free_port()
    counts = json.loads(
        subprocess.run(  # noqa: S603 - our own fixed arguments
            [PYTHON, "-c", QUERY_COUNTS, *PAGES],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    server = subprocess.Popen(  # noqa: S603 - our own fixed arguments
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "config.wsgi",
            "--workers",
            "3",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_ready(port, server)
        rows = []
        floor_seconds = max(3, seconds // 3)
        for path in PAGES:
            _wrk(port, path, 1, 5)  # warm-up: every worker renders it once
            # The floor again right before each page: on a shared machine the load moves
            # within a round, and the share is only fair against the floor of the moment.
            _drain(port)
            floor = _wrk(port, "/healthz", floor_seconds, connections)["rps"]
            _drain(port)
            rows.append((path, _wrk(port, path, seconds, connections), floor))
            _drain(port)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    print(
        f"  page cache {label}: gunicorn 3 workers, wrk -c{connections} -d{seconds}s per page,"
        f" /healthz for {floor_seconds}s right before each (the share is against that)"
    )
    print(
        f"  {'page':<30} {'requests/s':>10} {'/healthz':>9} {'share':>7} {'p50 ms':>8}"
        f" {'p99 ms':>8} {'queries 1st/2nd':>16} {'non-2xx':>8}"
    )
    for path, r, floor in rows:
        (status1, q1), (status2, q2) = counts[path]
        status = "" if status1 == status2 == 200 else f" (HTTP {status1}/{status2})"
        print(
            f"  {path:<30} {r['rps']:>10.0f} {floor:>9.0f} {r['rps'] / (floor or 1.0):>7.1%}"
            f" {r['p50']:>8.1f} {r['p99']:>8.1f} {f'{q1}/{q2}':>16} {int(r['bad']):>8}{status}"
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
    rounds = os.environ.get("BENCH_PAGES_ROUNDS", "off,on").split(",")
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
        for label in rounds:
            env = {**prod, "STERK_PAGE_CACHE": "0" if label.strip() == "off" else "1"}
            _round(label.strip(), env, seconds, connections)
    finally:
        _redis_cleanup(redis_url, prefix)
        _admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(var_dir, ignore_errors=True)
