"""The fetch loop: workers take the best entry from the frontier and fetch it, until the page
budget or the time runs out or nothing is queued or in flight. One strange page never ends the
crawl; a failing snapshot does, leaving it resumable.

A best-first crawl fetches in waves (lepcheck.crawl.waves): a wave takes only entries of its
band; when it is over (nothing of it queued or in flight) the wave policy acts on what it found
and names the next band, or ends the crawl.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Protocol

from lepcheck.crawl.frontier import Frontier
from lepcheck.crawl.options import WORKERS
from lepcheck.crawl.state import CrawlState, one_line
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.index_db import FrontierEntry

FetchEntry = Callable[[FrontierEntry], Awaitable[object]]


class WavePolicy(Protocol):
    def next_wave(self) -> int | None:
        """With nothing in flight: the band of the next wave, or None to end the crawl."""
        ...


class FetchLoop:
    def __init__(
        self,
        state: CrawlState,
        frontier: Frontier,
        fetch_entry: FetchEntry,
        waves: WavePolicy | None = None,
    ) -> None:
        self.state = state
        self.frontier = frontier
        self.fetch_entry = fetch_entry
        self.waves = waves
        self.band: int | None = None
        self.over = False  # the wave policy ended the crawl
        self.in_flight = 0
        self.condition = asyncio.Condition()

    async def run(self) -> None:
        if self.waves is not None:
            self.band = self.waves.next_wave()
            self.over = self.band is None
        workers = [asyncio.create_task(self._worker()) for _ in range(WORKERS)]
        await asyncio.gather(*workers)

    async def _next(self) -> FrontierEntry | None:
        state = self.state
        async with self.condition:
            while True:
                if state.pages_started >= state.options.max_pages or not state.time_left():
                    self.condition.notify_all()
                    return None
                entry = None if self.over else self.frontier.pop(self.band)
                if entry is not None:
                    state.pages_started += 1
                    self.in_flight += 1
                    return entry
                if self.in_flight == 0:
                    if self.waves is not None and not self.over:
                        self.band = self.waves.next_wave()
                        self.over = self.band is None
                        self.condition.notify_all()  # the other workers join the new wave
                        continue
                    self.condition.notify_all()
                    return None
                remaining = state.deadline - time.monotonic()
                try:
                    await asyncio.wait_for(self.condition.wait(), timeout=max(remaining, 0.01))
                except TimeoutError:
                    continue

    async def _worker(self) -> None:
        while (entry := await self._next()) is not None:
            try:
                await self.fetch_entry(entry)
            except (SnapshotError, OSError):
                raise  # the snapshot itself is failing: stop, leaving it resumable
            except Exception as error:
                # One strange page must not end the crawl of the site; the snapshot says why.
                self.state.writer.record_error(
                    url=entry.url,
                    error=f"internal error: {one_line(error)}",
                    fetched_at=datetime.now(UTC),
                    via=entry.via,
                    depth=entry.depth,
                    link_text=entry.link_text,
                )
                self.state.emit("error", entry.url, f"internal error: {one_line(error)}")
            finally:
                async with self.condition:
                    self.in_flight -= 1
                    self.frontier.release(entry.url)
                    self.condition.notify_all()
