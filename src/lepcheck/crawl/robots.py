"""robots.txt, fetched once per host and read with protego (as Scrapy reads it).

Following RFC 9309: a robots.txt that is missing (4xx) allows everything; a server error
(5xx, after retries) disallows the whole host. When no connection could be made at all, the
page fetch that follows fails the same way and is recorded with its real reason.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks parsers to read at least 500 KiB
# A Crawl-delay of hours would make an audit impossible; total_time bounds the crawl anyway.
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True)
class RobotsRules:
    parser: Protego | None
    disallow_all: bool = False
    status: int | None = None

    def allows(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float:
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(user_agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []


# Given the robots.txt URL, returns (status, body) or None when nothing came back at all.
RobotsFetch = Callable[[str], Awaitable[tuple[int, bytes] | None]]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def rules_from_response(status: int | None, body: bytes) -> RobotsRules:
    if status is None:
        return RobotsRules(parser=None)
    if status >= 500:
        return RobotsRules(parser=None, disallow_all=True, status=status)
    if not 200 <= status < 300:
        return RobotsRules(parser=None)
    # "utf-8-sig" drops a byte order mark, which would otherwise spoil the first line.
    text = body[:ROBOTS_MAX_BYTES].decode("utf-8-sig", errors="replace")
    return RobotsRules(parser=Protego.parse(text))


class RobotsCache:
    """One robots.txt per origin (scheme, host, port), fetched on first need."""

    def __init__(self, fetch: RobotsFetch, user_agent: str) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def preload(self, robots_url: str, status: int | None, body: bytes) -> None:
        """Rules already fetched (a resumed crawl reads them back from its snapshot)."""
        self._rules[origin(robots_url)] = rules_from_response(status, body)

    async def rules_for(self, url: str) -> RobotsRules:
        key = origin(url)
        if key in self._rules:
            return self._rules[key]
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self._rules:
                outcome = await self._fetch(f"{key}/robots.txt")
                status, body = outcome if outcome else (None, b"")
                self._rules[key] = rules_from_response(status, body)
        return self._rules[key]

    def known(self, url: str) -> RobotsRules | None:
        """The rules of the URL's origin if they were fetched already."""
        return self._rules.get(origin(url))

    async def allows(self, url: str) -> bool:
        return (await self.rules_for(url)).allows(url, self._user_agent)

    async def crawl_delay(self, url: str) -> float:
        return (await self.rules_for(url)).crawl_delay(self._user_agent)
