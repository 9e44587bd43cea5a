"""The crawl frontier: per-host queues in an order given as a function of an entry.

`breadth_first` (links before sitemap entries, shallow before deep, governance-looking pages
first within a depth) is the order of an exhaustive crawl; an audit's crawl goes best-first by
each URL's worth to the rules (lepcheck.crawl.economy: `Economy.order`), whose keys open with a
band: `pop(band)` gives only entries of that band or better, so a wave of fetches can be held to
one band while its findings wait (lepcheck.crawl.waves).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lepcheck.snapshot.index_db import FrontierEntry
from lepcheck.vocab.web import GOVERNANCE_WORDS


def relevance(entry: FrontierEntry) -> int:
    """0 for a governance-looking page, else 1; the host name is left out, as a LEP called
    "the business board" would make every one of its pages look relevant."""
    parts = urlsplit(entry.url)
    text = f"{parts.path}?{parts.query} {entry.link_text or ''}"
    return 0 if GOVERNANCE_WORDS.search(text) else 1


# What goes first: the lowest key (ties go to the entry queued first).
Order = Callable[[FrontierEntry], tuple[int, ...]]


def breadth_first(entry: FrontierEntry) -> tuple[int, ...]:
    """Links before sitemap entries, shallow before deep, governance-looking pages first."""
    return (entry.tier, entry.depth, relevance(entry))


Priority = tuple[tuple[int, ...], int]


@dataclass
class _Host:
    heap: list[tuple[Priority, FrontierEntry]] = field(default_factory=list)
    busy: int = 0


class Frontier:
    """Queued entries by host; `pop` gives the best entry of a host that is not at its limit."""

    def __init__(self, per_host_limit: int, order: Order = breadth_first) -> None:
        self._limit = per_host_limit
        self._order = order
        self._hosts: dict[str, _Host] = {}
        self._current: dict[str, FrontierEntry] = {}
        self._counter = itertools.count()

    def push(self, entry: FrontierEntry) -> None:
        """Queue an entry; a later push of the same URL replaces it (e.g. sitemap -> link)."""
        self._current[entry.url] = entry
        host = self._hosts.setdefault(urlsplit(entry.url).netloc, _Host())
        priority = (self._order(entry), next(self._counter))
        heapq.heappush(host.heap, (priority, entry))

    def queued(self, url: str) -> FrontierEntry | None:
        return self._current.get(url)

    def _drop_stale(self, host: _Host) -> None:
        while host.heap and self._current.get(host.heap[0][1].url) is not host.heap[0][1]:
            heapq.heappop(host.heap)

    def pop(self, band: int | None = None) -> FrontierEntry | None:
        """The best entry of a host not at its limit (of `band` or better when given)."""
        best: tuple[Priority, _Host] | None = None
        for host in self._hosts.values():
            self._drop_stale(host)
            if (
                host.heap
                and host.busy < self._limit
                and (band is None or host.heap[0][0][0][0] <= band)
                and (best is None or host.heap[0][0] < best[0])
            ):
                best = (host.heap[0][0], host)
        if best is None:
            return None
        host = best[1]
        _, entry = heapq.heappop(host.heap)
        del self._current[entry.url]
        host.busy += 1
        return entry

    def best_band(self) -> int | None:
        """The first element of the best queued key (the band of a best-first order)."""
        bands = []
        for host in self._hosts.values():
            self._drop_stale(host)
            if host.heap:
                bands.append(host.heap[0][0][0][0])
        return min(bands) if bands else None

    def release(self, url: str) -> None:
        self._hosts[urlsplit(url).netloc].busy -= 1

    def __len__(self) -> int:
        return len(self._current)

    def drain(self) -> list[FrontierEntry]:
        """Everything still queued, in priority order; empties the frontier."""
        rest = sorted(
            (
                item
                for host in self._hosts.values()
                for item in host.heap
                if self._current.get(item[1].url) is item[1]
            ),
            key=lambda item: item[0],
        )
        self._current.clear()
        for host in self._hosts.values():
            host.heap.clear()
        return [entry for _, entry in rest]
