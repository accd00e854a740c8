"""`make run`: SQLite in var/, mail written as .eml files to var/mail/, jobs run at once."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "sterk.core.mail.EmlFileBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
# The demo runs without a worker process, so jobs run in the request that enqueues them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Demo logins work without setting up an authenticator app first. Production refuses this.
STERK_REQUIRE_MFA_FOR_MANAGERS = os.environ.get("STERK_REQUIRE_MFA_FOR_MANAGERS", "0") == "1"
VAR_DIR.mkdir(parents=True, exist_ok=True)
