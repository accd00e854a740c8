"""The session engine (SESSION_ENGINE): Django's cached_db, read from the shared cache
and written to both, that keeps working when the cache does not.

Every signed-in request reads its session; from the cache that is one round trip and no
decoding, against a query and a signature check from the database (#14: about half a
millisecond of each signed-in page and registration). The database stays the record: a
session is written there first and read from there when the cache has no copy.

Django's engine reads the cache defensively but writes it unguarded after a database
read, and deletes from it unguarded: with the cache down, every signed-in page would
fail. Here a cache that cannot be reached costs the speed, not the request (as for the
page cache, sterk.core.pagecache).

The cache must be shared by every process that serves pages (production requires
REDIS_URL, config/settings/prod.py): a copy kept in one process's memory would outlive a
sign-out in another. Delete sessions through this engine (`SessionStore(session_key=...)
.delete()`), never with a queryset: a cached copy would outlive the row
(sterk.accounts.personal_data._sign_out_everywhere)."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

logger = logging.getLogger(__name__)


def _current_backend(data: dict[str, Any]) -> dict[str, Any]:
    """A session made before the sign-in backends were renamed names the class they
    extend (`backends.RENAMED_BACKENDS`): read as the new name, so it stays signed in."""
    from django.contrib.auth import BACKEND_SESSION_KEY

    from .backends import RENAMED_BACKENDS

    renamed = RENAMED_BACKENDS.get(data.get(BACKEND_SESSION_KEY, ""))
    if renamed is not None:
        data = {**data, BACKEND_SESSION_KEY: renamed}
    return data


class SessionStore(CachedDBStore):
    _cache: Any  # set by cached_db's __init__ (not in django-stubs)

    def load(self) -> dict[str, Any]:
        try:
            data = self._cache.get(self.cache_key)
        except Exception:
            logger.exception("sessions: the shared cache cannot be read")
            data = None
        if data is not None:
            return _current_backend(data)
        stored = self._get_session_from_db()  # type: ignore[attr-defined]
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        try:
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        except Exception:
            logger.exception("sessions: the shared cache cannot be written")
        return _current_backend(data)

    def exists(self, session_key: str | None) -> bool:
        if not session_key:
            return False
        try:
            if (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception:
            logger.exception("sessions: the shared cache cannot be read")
        return super(CachedDBStore, self).exists(session_key)

    def delete(self, session_key: str | None = None) -> None:
        key = session_key if session_key is not None else self.session_key
        super(CachedDBStore, self).delete(session_key)
        if key is None:
            return
        try:
            self._cache.delete(self.cache_key_prefix + key)
        except Exception:
            logger.exception("sessions: a session's cached copy could not be deleted")
