"""`make run`: SQLite in var/, mail written as .eml files to var/mail/, jobs run at once."""

import os
import re
import sys
from collections.abc import Mapping
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import VAR_DIR


def _served_site_url(argv: list[str], environ: Mapping[str, str]) -> str:
    """The address `make run` serves: `runserver`'s own address when it is given one, else
    127.0.0.1 on PORT (the Makefile exports it, so migrate and the worker agree)."""
    host, port = "127.0.0.1", environ.get("PORT") or "8000"
    if "runserver" in argv:
        for arg in argv[argv.index("runserver") + 1 :]:
            match = re.fullmatch(r"(?:(\[[^\]]+\]|[^:\s\[]+):)?(\d+)", arg)
            if match:
                address, port = match.group(1), match.group(2)
                # "Every interface" is served on 127.0.0.1 too; links cannot name it.
                if address and address not in {"0.0.0.0", "0", "[::]"}:  # noqa: S104
                    host = address
                break
    return f"http://{host}:{port}"


# Links in mails, .ics, the PDF and share links point where the demo is served; set
# STERK_SITE_URL to override (a tunnel, another host name).
STERK_SITE_URL = os.environ.get("STERK_SITE_URL") or _served_site_url(sys.argv, os.environ)

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
if urlsplit(STERK_SITE_URL).hostname not in {*ALLOWED_HOSTS, "::1", None}:
    ALLOWED_HOSTS.append(str(urlsplit(STERK_SITE_URL).hostname))
EMAIL_BACKEND = "sterk.core.mail.EmlFileBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
# The demo runs without a worker process, so jobs run in the request that enqueues them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Demo logins work without setting up an authenticator app first. Production refuses this.
STERK_REQUIRE_MFA_FOR_MANAGERS = os.environ.get("STERK_REQUIRE_MFA_FOR_MANAGERS", "0") == "1"
VAR_DIR.mkdir(parents=True, exist_ok=True)
