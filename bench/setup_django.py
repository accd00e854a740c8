"""Django set-up for benchmarks: test settings on a file SQLite database in a temp dir,
or PostgreSQL when DATABASE_URL is set (a bench_ database is created and dropped)."""

import os
import tempfile

import django


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    if not os.environ.get("DATABASE_URL"):
        path = os.path.join(tempfile.mkdtemp(prefix="sterk-bench-"), "bench.sqlite3")
        settings.DATABASES["default"]["NAME"] = path
        settings.DATABASES["default"]["TEST"]["NAME"] = path
    setup_test_environment()
    from django.test.utils import get_runner

    runner = get_runner(settings)(verbosity=0, interactive=False)
    runner.setup_databases()
