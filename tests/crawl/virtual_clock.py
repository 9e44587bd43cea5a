"""A virtual clock for the crawl's pacer: time moves only when the pacer sleeps, so pacing is
asserted exactly, whatever the load on the machine (no wall-clock gaps in tests)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from lepcheck.crawl import pacing
from lepcheck.crawl.pacing import HostPacer

START = 100.0


class VirtualClock:
    def __init__(self) -> None:
        self.now = START
        self.slept: list[float] = []
        self.oversleep = 0.0  # a busy event loop wakes a sleeper this much late
        self.grants: list[tuple[str, float]] = []  # (host, when the pacer let a request go)

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        # Sleepers that start together wake at their own times, not one after the other.
        target = self.now + seconds + self.oversleep
        self.slept.append(seconds)
        await asyncio.sleep(0)
        self.now = max(self.now, target)

    def granted_to(self, host: str) -> list[float]:
        return [round(when - START, 3) for h, when in self.grants if h == host]


def install(monkeypatch: pytest.MonkeyPatch) -> VirtualClock:
    """Run every HostPacer of this test on a new virtual clock, recording each grant."""
    clock = VirtualClock()
    monkeypatch.setattr(pacing, "time", SimpleNamespace(monotonic=clock.monotonic))
    monkeypatch.setattr(pacing, "asyncio", SimpleNamespace(sleep=clock.sleep))
    real_wait_turn = HostPacer.wait_turn

    async def recorded(self: HostPacer, url: str) -> None:
        await real_wait_turn(self, url)
        clock.grants.append((urlsplit(url).netloc, clock.now))

    monkeypatch.setattr(HostPacer, "wait_turn", recorded)
    return clock
