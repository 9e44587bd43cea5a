"""Progress events a crawl reports to its caller (a progress bar, a JSON log).

Kinds, each with the URL concerned and a one-line detail:
- start: the crawl begins ("resuming" when it continues an unfinished snapshot);
- fetched: a response was archived ("HTTP 200, 5120 bytes", "(cut at max_bytes)");
- unchanged: a 304 answered a conditional request; the previous copy was carried over;
- skipped: a URL was not fetched; the detail is the reason (off-site, robots, type, trap,
  depth, budget, blocked);
- error: no response at all, or a page whose links could not be read;
- rendered: a page was drawn in a browser (crawl/render); the detail says why;
- retry: a transient failure (timeout, reset, 429, 5xx) and the pause before the next try;
- finish: the crawl is over ("N fetched").
"""

from __future__ import annotations

from typing import Literal

from lepcheck.models import Frozen

EventKind = Literal[
    "start", "fetched", "unchanged", "skipped", "error", "retry", "rendered", "finish"
]


class CrawlEvent(Frozen):
    kind: EventKind
    url: str
    detail: str = ""
