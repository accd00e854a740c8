"""config.wsgi does at start what each worker's first request would otherwise wait for."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import config.wsgi
from django.urls import get_resolver
from django.core.validators import EmailValidator
from django.utils.functional import empty
resolver = get_resolver()
compiled = [vars(p)["_wrapped"] is not empty for p in (EmailValidator.user_regex, EmailValidator.domain_regex)]
print(resolver._populated, all(compiled))
"""


def test_the_wsgi_module_loads_the_urlconf_and_the_email_pattern():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    done = subprocess.run(  # noqa: S603 - our own fixed arguments
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "True"]
