"""A request a committee-system adapter wants the crawl to make."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ask:
    url: str  # normalised
    text: str = ""  # the link text (or the document title the system gives), kept as evidence
    role: str = "page"  # "probe": the crawler's own business, like robots.txt
    max_bytes: int | None = None  # a tighter size cap than the crawl's (web-service answers)
