"""Where the bytes of a URL come from: the seam between deciding what to fetch and getting it.

The frontier, scope and traps decide *what* to fetch (`discovery`); a `FetchSource` gets the
response for one URL, following redirects hop by hop and asking `check_hop` before each hop,
and hands back a `FetchResult` that the recorder archives. Today the one source is the live web
over HTTP (`http_source`, built on `fetch.Fetcher`). A web-archive source (responses from a
capture service, within its rate limits) or a browser renderer (pages after their scripts
ran) would be further sources with the same `fetch`, chosen where `crawler.CrawlRun` opens
its source; nothing else in the crawl needs to change for them.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Protocol

import httpx

from lepcheck.crawl.fetch import Fetcher, FetchResult, HopCheck
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.options import WORKERS, CrawlOptions
from lepcheck.crawl.pinned import PinnedTransport

_ACCEPT = "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8"


class FetchSource(Protocol):
    async def fetch(
        self,
        url: str,
        *,
        check_hop: HopCheck,
        extra_headers: dict[str, str] | None = None,
        skip_unwanted_types: bool = True,
        max_bytes: int | None = None,
    ) -> FetchResult:
        """The response for `url` after its redirects, each hop vetted by `check_hop` (which
        answers a skip reason such as "robots" or "blocked", or None to go ahead)."""
        ...


class _HopByHopClient(httpx.AsyncClient):
    """Redirects are followed by hand, each hop vetted (fetch.py). httpx would still read a
    redirect's Location to offer `next_request`, and a hostile one ("javascript:...",
    "http://[::1") raises there, before the response can be archived: it is not read here."""

    def _build_redirect_request(
        self, request: httpx.Request, response: httpx.Response
    ) -> httpx.Request:
        return request


def _client(
    options: CrawlOptions, guard: NetworkGuard, tls: ssl.SSLContext, *, keep_alive: bool = True
) -> httpx.AsyncClient:
    limits = httpx.Limits(
        max_connections=WORKERS * 2, max_keepalive_connections=WORKERS if keep_alive else 0
    )
    return _HopByHopClient(
        # Every socket goes to an address the guard checked (DNS rebinding, see `pinned`).
        transport=PinnedTransport(guard, limits=limits, ssl_context=tls),
        follow_redirects=False,
        trust_env=False,  # a proxy from the environment would bypass the SSRF guard
        timeout=httpx.Timeout(options.timeout),
        headers={
            "User-Agent": options.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en-GB,en;q=0.8",
        },
    )


@asynccontextmanager
async def http_source(
    options: CrawlOptions,
    *,
    guard: NetworkGuard,
    deadline: float,
    pace: Callable[[str], Awaitable[None]],
    on_retry: Callable[[str, str], None],
) -> AsyncIterator[Fetcher]:
    """The live web: one pooled client, and one without keep-alive for retries; both connect
    only to addresses `guard` approved."""
    tls = httpx.create_ssl_context(trust_env=False)  # loading the CA bundle takes a while
    async with (
        _client(options, guard, tls) as client,
        _client(options, guard, tls, keep_alive=False) as fresh,
    ):
        fetcher = Fetcher(
            client,
            max_bytes=options.max_bytes,
            timeout=options.timeout,
            deadline=deadline,
            pace=pace,
            fresh_client=fresh,
        )
        fetcher.on_retry = on_retry
        yield fetcher
