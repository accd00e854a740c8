"""Production settings pass Django's deployment checks and refuse unsafe switches."""

import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The machine's real Redis, database 15 (kept for tests); keys get a unique prefix.
REDIS_URL = os.environ.get("STERK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHECK = ["check", "--deploy", "--fail-level", "WARNING"]


def _redis_or_skip():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs a Redis server at {REDIS_URL} (STERK_TEST_REDIS_URL)")
    return client


def _check(
    extra_env: dict[str, str | None], command: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    merged: dict[str, str | None] = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "sterksociaalwerk.be",
        "STERK_SITE_URL": "https://sterksociaalwerk.be",
        "REDIS_URL": REDIS_URL,
        **extra_env,
    }
    merged.pop("DATABASE_URL", None)
    env = {k: v for k, v in merged.items() if v is not None}
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *(command or CHECK)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _check({})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_relax_two_factor_for_managers():
    result = _check({"STERK_REQUIRE_MFA_FOR_MANAGERS": "0"})
    assert result.returncode != 0
    assert "STERK_REQUIRE_MFA_FOR_MANAGERS" in result.stderr


def test_production_requires_a_secret_key_from_the_environment():
    result = _check({"DJANGO_SECRET_KEY": ""})
    env_missing = _check({})  # sanity: the same call with a key passes
    assert env_missing.returncode == 0
    # An empty key is as bad as none: Django refuses to start.
    assert result.returncode != 0


def test_production_refuses_to_start_without_a_shared_cache():
    result = _check({"REDIS_URL": None})
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr


# Runs inside the production settings: allauth's login throttle and our own rate limit
# count in the real Redis, under the given key prefix.
PROD_SCRIPT = """
from allauth.core import ratelimit
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory
from sterk.core.ratelimit import rate_limited

assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache"), settings.CACHES
request = RequestFactory().post("/nl/account/login/", REMOTE_ADDR="203.0.113.7")
assert ratelimit.consume(request, action="login_failed", key="someone@example.org")
assert not rate_limited("contact:203.0.113.7", limit=5, period_seconds=60)
print("OK")
"""


def test_production_settings_count_rate_limits_in_the_real_redis():
    redis_client = _redis_or_skip()
    prefix = f"sterk-test-{uuid.uuid4().hex}"
    try:
        result = _check({"STERK_CACHE_KEY_PREFIX": prefix}, command=["shell", "-c", PROD_SCRIPT])
        assert result.returncode == 0, result.stdout + result.stderr
        assert "OK" in result.stdout
        keys = [k.decode() for k in redis_client.keys(f"{prefix}:*")]
        assert any("ratelimit:contact:203.0.113.7" in k for k in keys), keys
        assert any("allauth" in k or "login_failed" in k for k in keys), keys
    finally:
        for key in redis_client.keys(f"{prefix}:*"):
            redis_client.delete(key)


@pytest.mark.django_db
def test_login_works_and_is_throttled_through_the_redis_cache(client, settings):
    """Production's cache (sterk.core.redis_cache.RedisCache) serves a real login: no
    "No module named 'redis'", and the failed attempts are counted in Redis."""
    from django.core.cache import caches

    from sterk.network.tests.factories import UserFactory

    redis_client = _redis_or_skip()
    prefix = f"sterk-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "sterk.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    try:
        from allauth.account.models import EmailAddress

        user = UserFactory(email="redis@example.org")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        wrong = client.post(
            "/nl/account/login/", {"login": "redis@example.org", "password": "wrong"}
        )
        assert wrong.status_code == 200
        assert redis_client.keys(f"{prefix}:*"), "the failed attempt is counted in Redis"
        right = client.post(
            "/nl/account/login/",
            {"login": "redis@example.org", "password": "correct horse battery staple"},
        )
        assert right.status_code == 302
        assert client.session.get("_auth_user_id")
    finally:
        caches["default"].close()
        for key in redis_client.keys(f"{prefix}:*"):
            redis_client.delete(key)
