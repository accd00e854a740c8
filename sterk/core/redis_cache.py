"""Django's Redis cache backend, with one Redis client per connection pool.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` on every cache call
(Django 5.2, redis-py 8). Building one sets up its table of about 200 response callbacks,
so that work, not Redis, was 15 % of a registration's CPU (#14). A signed-in request
makes four or five cache calls. `redis.Redis` is safe to share between threads, and its
connection pool notices a fork and starts afresh in the child, so one client per pool is
enough. Behaviour is otherwise Django's own: same keys, serializer, options and errors.

Production (`config/settings/prod.py`) names `sterk.core.redis_cache.RedisCache` as
its default cache. Test: sterk/core/tests/test_redis_cache.py, against a real Redis."""

from __future__ import annotations

from typing import Any

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            make = self._client  # type: ignore[attr-defined]
            client = self._clients[id(pool)] = make(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
