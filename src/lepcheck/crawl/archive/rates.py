"""Rate limits per archive, shared by every crawl in the process: a sweep's parallel audits
together keep to one archive's limit, whichever thread's event loop asks.

Each limit spaces requests evenly (60 / per_minute seconds apart) and can be paused as a whole,
which is what a 429 with Retry-After asks of a client: not this request later, all of them.
"""

from __future__ import annotations

import asyncio
import threading
import time

_REGISTRY_LOCK = threading.Lock()
_SHARED: dict[tuple[str, str, float], RateLimit] = {}


class RateLimit:
    def __init__(self, per_minute: float) -> None:
        self.per_minute = per_minute
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self._lock = threading.Lock()
        self._next = 0.0

    async def wait(self) -> None:
        """Wait for this request's slot; slots are reserved before sleeping, so concurrent
        callers queue up behind each other."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            await asyncio.sleep(slot - now)

    def pause(self, seconds: float) -> None:
        """No request before `seconds` from now (the archive said 429, Retry-After)."""
        with self._lock:
            self._next = max(self._next, time.monotonic() + seconds)


def shared_limit(archive: str, kind: str, per_minute: float) -> RateLimit:
    """The one limit of `kind` ("index" or "replay") for `archive` in this process."""
    key = (archive, kind, per_minute)
    with _REGISTRY_LOCK:
        limit = _SHARED.get(key)
        if limit is None:
            limit = _SHARED[key] = RateLimit(per_minute)
        return limit
