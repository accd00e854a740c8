"""The client's address, and a fixed-window rate limit on the Django cache (Redis in
production).

The address is REMOTE_ADDR, unless REMOTE_ADDR is one of `STERK_TRUSTED_PROXIES` (IPs or
CIDR networks, empty by default): then X-Forwarded-For is read from the right, skipping
trusted proxies, and the first address that is not one is the client. A header sent by
anyone else is ignored, so a client cannot choose its own rate-limit key."""

from __future__ import annotations

import ipaddress
import math
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)
    except ValueError as exc:
        raise ImproperlyConfigured(f"STERK_TRUSTED_PROXIES: {exc}") from exc


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    entries = tuple(getattr(settings, "STERK_TRUSTED_PROXIES", ()) or ())
    return any(address in network for network in _networks(entries))


def client_ip(request: HttpRequest) -> str:
    """The address of the client that sent this request (see the module docstring)."""
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return "unknown"
    if not _trusted(peer):
        return str(peer)
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    client = peer
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            # Garbage in the chain: the last trusted hop is as far as we can believe.
            break
        client = address
        if not _trusted(address):
            break
    return str(client)


def rate_limited(key: str, *, limit: int, period_seconds: int) -> bool:
    """Count one hit for key; True when the limit for this window is exceeded."""
    cache_key = f"ratelimit:{key}"
    cache.add(cache_key, 0, timeout=period_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period_seconds)
        count = 1
    return count > limit


def retry_after(key: str, *, limit: int, period_seconds: int) -> int:
    """Count one hit for key in the current window of `period_seconds` (windows start at
    multiples of the period). 0 when the hit is allowed; otherwise the seconds until the
    window ends, for a `Retry-After` header."""
    now = time.time()
    window = int(now // period_seconds)
    cache_key = f"ratelimit:{key}:{window}"
    cache.add(cache_key, 0, timeout=period_seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=period_seconds + 1)
        count = 1
    if count <= limit:
        return 0
    return max(1, math.ceil((window + 1) * period_seconds - now))
