"""Figures HQ's pages compute from thousands of rows and that change slowly — a scope's spend quintiles, a
store's assortment gap — kept a few minutes in each process of `tillbox-cloud serve` (cachetools'
TTLCache behind a lock: the API's handlers run on a thread pool). A page may show them up to `keep_for`
seconds old. Off unless the service turns it on (`app_for_settings`): an app made for a test computes
every time, so a test that changes the data sees the change."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

from cachetools import TTLCache

T = TypeVar("T")

_lock = threading.Lock()
_cache: TTLCache[Hashable, object] | None = None
_MISSING = object()


def keep_for(seconds: float, entries: int = 4096) -> None:
    """Keep figures this long from now on (0: not at all)."""
    global _cache
    with _lock:
        _cache = TTLCache(maxsize=entries, ttl=seconds) if seconds > 0 else None


def kept(key: Hashable, make: Callable[[], T]) -> T:
    """The value kept under `key` if one is young enough, else `make()`'s (made outside the lock: two
    threads may make it at once, both right)."""
    with _lock:
        cache = _cache
        found = _MISSING if cache is None else cache.get(key, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    value = make()
    if cache is not None:
        with _lock:
            cache[key] = value
    return value
