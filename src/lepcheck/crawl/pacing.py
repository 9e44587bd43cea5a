"""Politeness: a minimum pause between two requests to one host, shared by all workers."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit


class HostPacer:
    """Hands out request slots per host, at least `delay` seconds apart."""

    def __init__(self, delay: float) -> None:
        self._default = max(0.0, delay)
        self._delays: dict[str, float] = {}
        self._next: dict[str, float] = {}

    def delay_for(self, host: str) -> float:
        return self._delays.get(host, self._default)

    def raise_delay(self, host: str, delay: float) -> None:
        """robots.txt Crawl-delay wins when it is larger than the configured delay."""
        old = self.delay_for(host)
        if delay > old:
            self._delays[host] = delay
            # The slot already handed out (robots.txt itself) was spaced by the old delay.
            if host in self._next:
                self._next[host] += delay - old

    async def wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        now = time.monotonic()
        # Reserve the slot before sleeping, so concurrent callers queue up behind it.
        slot = max(now, self._next.get(host, now))
        self._next[host] = slot + self.delay_for(host)
        if slot > now:
            await asyncio.sleep(slot - now)
        # A busy event loop can send later than the slot: space the next request from now.
        self._next[host] = max(self._next[host], time.monotonic() + self.delay_for(host))
