"""Progress events a crawl reports to its caller (a progress bar, a log)."""

from __future__ import annotations

from typing import Literal

from lepcheck.models import Frozen

EventKind = Literal["start", "fetched", "unchanged", "skipped", "error", "retry", "finish"]


class CrawlEvent(Frozen):
    kind: EventKind
    url: str
    detail: str = ""
