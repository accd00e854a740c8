"""Production settings pass Django's deployment checks and refuse unsafe switches."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _check(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "sterksociaalwerk.be",
        **extra_env,
    }
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
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
