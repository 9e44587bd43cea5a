"""The crawl frontier: per-host queues, breadth-first, governance pages first within a depth.

The order is one function of an entry (`breadth_first`); another ordering, such as best-first
by a page's expected worth to the audit, is another such function given to `Frontier`.
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

    def pop(self) -> FrontierEntry | None:
        best: tuple[Priority, _Host] | None = None
        for host in self._hosts.values():
            self._drop_stale(host)
            if (
                host.heap
                and host.busy < self._limit
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
