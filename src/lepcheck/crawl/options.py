"""CrawlOptions: everything that shapes one crawl."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lepcheck import __version__
from lepcheck.models import Frozen

DEFAULT_USER_AGENT = f"lepcheck/{__version__} (+https://github.com/lepcheck/lepcheck)"
# Requests in flight at once over the whole crawl (each host is still paced on its own).
WORKERS = 8


class CrawlOptions(Frozen):
    start_url: str
    related_sites: tuple[str, ...] = ()
    allow_private_network: bool = False
    delay: float = (
        1.0  # pause between two requests to one host; robots Crawl-delay wins when larger
    )
    max_pages: int = 400
    max_depth: int = 6
    max_bytes: int = 30_000_000  # per response, streamed and cut
    timeout: float = 20.0
    total_time: float = 1800.0
    user_agent: str = DEFAULT_USER_AGENT
    previous: Path | None = None  # previous snapshot for conditional re-crawl
    # Committee systems (crawl/committees): the LEP's name picks its committees by title, the
    # audit's as-of date places the window of meetings read (today when not given), and
    # `related_committees` (registry) names the committees outright: ids, titles or URLs.
    lep_name: str = ""
    as_of: date | None = None
    related_committees: tuple[str, ...] = ()
