"""Errors of the crawl stage; each carries a one-line message fit to show a user."""

from lepcheck.errors import TargetError


class CrawlError(TargetError):
    """Base of the errors that stop a crawl before it produced a usable snapshot."""


class BlockedAddressError(CrawlError):
    """The SSRF guard refused a URL: private, loopback or otherwise non-public address."""


class TargetUnreachableError(CrawlError):
    """The start URL itself could not be fetched (refused, DNS, timeout, non-2xx)."""
