"""Crawl stage: a polite, bounded fetcher that writes everything it sees into a snapshot."""

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
