"""Shared pytest fixtures (factories live in each app's tests/factories.py)."""

import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests render templates with {% static %}; no manifest needed.
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }


@pytest.fixture(autouse=True)
def _default_language():
    # A test-client request to /fr/... leaves French active in this thread; every test
    # starts in the platform's default language instead of the previous test's.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    # The locmem cache outlives a test's rolled-back rows; pages a previous test cached
    # (sterk.core.pagecache) must not be served to the next one. Nor may the outbox's mark
    # "a job is asked for" of a test whose job never ran stop the next test's e-mails.
    from django.core.cache import cache

    from sterk.core import outbox, pagecache

    tables = [pagecache.TABLE_VERSION_KEY.format(t) for t in pagecache._table_renewers]
    cache.delete_many(
        [
            pagecache.VERSION_KEY,
            pagecache.MANAGEMENT_VERSION_KEY,
            outbox.SINGLES_ASKED_KEY,
            *tables,
        ]
    )
