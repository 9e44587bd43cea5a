"""Crawl stage: a polite, bounded fetcher that writes everything it sees into a snapshot.

`crawl` (`crawler`) runs one crawl. Its jobs: deciding what to fetch (`discovery` offers links
and sitemap entries to the `frontier`, within `scope`, past `traps`), whether a hop may be
fetched (`gate`: the SSRF `guard`, `robots`, `pacing`), getting the bytes (`source`, over
`fetch` for the live web), writing what came back (`recorder`), the workers (`loop`), re-crawl
against an earlier snapshot (`recrawl`) and resuming an interrupted one (`resume`).
"""

from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.errors import BlockedAddressError, CrawlError, TargetUnreachableError
from lepcheck.crawl.events import CrawlEvent
from lepcheck.crawl.options import DEFAULT_USER_AGENT, CrawlOptions

__all__ = [
    "DEFAULT_USER_AGENT",
    "BlockedAddressError",
    "CrawlError",
    "CrawlEvent",
    "CrawlOptions",
    "TargetUnreachableError",
    "crawl",
]
