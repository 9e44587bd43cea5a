"""Whether one hop may be fetched: the SSRF guard first, then robots.txt (fetched from the same
source on first need, and archived like any response), then the host's Crawl-delay, which
slows the pacer for that host."""

from __future__ import annotations

import asyncio

from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.pacing import HostPacer
from lepcheck.crawl.recorder import Recorder
from lepcheck.crawl.robots import ROBOTS_MAX_BYTES, RobotsCache, origin
from lepcheck.crawl.source import FetchSource


class Gate:
    def __init__(
        self,
        options: CrawlOptions,
        pacer: HostPacer,
        source: FetchSource,
        recorder: Recorder,
        guard: NetworkGuard,
    ) -> None:
        self.options = options
        self.guard = guard
        self.pacer = pacer
        self.source = source
        self.recorder = recorder
        self.robots = RobotsCache(self._fetch_robots, options.user_agent)

    async def _fetch_robots(self, url: str) -> tuple[int, bytes] | None:
        result = await self.source.fetch(
            url,
            check_hop=self.guard_only,
            skip_unwanted_types=False,
            max_bytes=ROBOTS_MAX_BYTES,
        )
        self.recorder.archive(result, via=None, depth=0, link_text=None, role="robots")
        if result.final is None:
            return None
        return result.final.status, result.final.body

    async def guard_only(self, url: str) -> str | None:
        archive = self.options.archive
        if archive is not None and archive.time_machine:
            # No connection goes to the target: its URLs are looked up in the archive, whose
            # own address the archive client guards (crawl/archive/client.py).
            return None
        try:
            await asyncio.to_thread(self.guard.check_url, url)
        except BlockedAddressError:
            return "blocked"
        return None

    async def check_hop(self, url: str) -> str | None:
        """Guard, then robots.txt (fetched on first need), then the host's Crawl-delay."""
        blocked = await self.guard_only(url)
        if blocked:
            return blocked
        rules = await self.robots.rules_for(url)
        self.pacer.raise_delay(
            origin(url).split("://", 1)[1], rules.crawl_delay(self.options.user_agent)
        )
        return None if rules.allows(url, self.options.user_agent) else "robots"
