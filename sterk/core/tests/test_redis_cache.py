"""Production's cache backend (sterk.core.redis_cache) against the machine's real Redis:
Django's behaviour, with one client per connection pool instead of one per call."""

import os
import uuid

import pytest

from sterk.core.redis_cache import RedisCache
from sterk.core.tests.test_deploy import REDIS_URL, _redis_or_skip


@pytest.fixture
def redis_cache():
    redis_client = _redis_or_skip()
    prefix = f"sterk-test-{uuid.uuid4().hex}"
    backend = RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    yield backend
    backend.close()
    for key in redis_client.keys(f"{prefix}:*"):
        redis_client.delete(key)


def test_it_behaves_as_djangos_backend(redis_cache):
    assert redis_cache.add("a", {"x": 1}, 60)
    assert not redis_cache.add("a", "other", 60)  # add keeps what is there
    assert redis_cache.get("a") == {"x": 1}
    redis_cache.set_many({"b": 2, "c": "drie"}, 60)
    assert redis_cache.get_many(["a", "b", "c", "d"]) == {"a": {"x": 1}, "b": 2, "c": "drie"}
    assert redis_cache.incr("b") == 3
    redis_cache.delete_many(["a", "b"])
    assert redis_cache.get("a") is None and redis_cache.get("c") == "drie"
    assert redis_cache.add("gone", 1, 0) is True and redis_cache.get("gone") is None


def test_every_call_uses_the_same_client(redis_cache, monkeypatch):
    redis_cache.get("warm")
    made = []
    client_class = redis_cache._cache._client
    monkeypatch.setattr(
        redis_cache._cache, "_client", lambda **kw: made.append(kw) or client_class(**kw)
    )
    for n in range(20):
        redis_cache.set(f"k{n}", n, 60)
        assert redis_cache.get(f"k{n}") == n
    assert made == []  # Django's own client class builds a Redis object on each call


def test_a_forked_worker_gets_connections_of_its_own(redis_cache):
    """gunicorn forks its workers: the shared client's pool opens new connections in the
    child instead of sharing the parent's sockets."""
    redis_cache.set("before", "fork", 60)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answers through the pipe, then leaves at once
        try:
            ok = redis_cache.get("before") == "fork" and redis_cache.add("child", 1, 60)
            os.write(write, b"ok" if ok else b"no")
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 2)
    os.waitpid(pid, 0)
    assert answer == b"ok"
    assert redis_cache.get("child") == 1 and redis_cache.get("before") == "fork"
