"""Fetching one URL: manual redirects (each hop guarded), retries, streaming with a size cap.

Redirects are followed by hand so that every hop passes the SSRF guard and robots.txt.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from lepcheck.crawl.decoding import BoundedBody
from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.urls import normalise_url
from lepcheck.models import ArchiveCapture

MAX_HOPS = 10
ATTEMPTS = 3
BACKOFF_SECONDS = 0.5
# Longer Retry-After values are not waited for: the response is recorded as it is.
MAX_RETRY_AFTER = 120.0
# A document may take several read timeouts to arrive, but a server that drips bytes
# must not hold a worker for ever.
ATTEMPT_DEADLINE_FACTOR = 6
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Media types never worth their bytes for a governance audit.
UNWANTED_MEDIA = (
    "image/",
    "video/",
    "audio/",
    "font/",
    "text/calendar",
    "text/css",
    "application/javascript",
    "text/javascript",
    "application/rss+xml",
    "application/atom+xml",
)

# A connection the server dropped or reset under a request (not a timeout).
_BROKEN_CONNECTION = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)

HopCheck = Callable[[str], Awaitable[str | None]]


@dataclass
class Response:
    """One HTTP response as it will be archived (body decoded and possibly cut)."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    fetched_at: datetime
    truncated: bool = False
    truncated_by: str | None = None  # "length" or "time", as WARC-Truncated says
    ip_address: str | None = None  # the server's address, archived as WARC-IP-Address
    capture: ArchiveCapture | None = None  # replayed from a web archive (crawl/archive)


@dataclass
class FetchResult:
    """The outcome of fetching one requested URL, including redirect hops."""

    url: str
    final: Response | None = None
    hops: list[Response] = field(default_factory=list)
    error: str | None = None
    skip_reason: str | None = None
    skip_url: str | None = None
    rendered: RenderedPage | None = None  # the page drawn in a browser (crawl/render)

    @property
    def final_url(self) -> str:
        return self.final.url if self.final else self.url


@dataclass
class RenderedPage:
    """What a browser made of a page's final response (crawl/render): the DOM after its scripts
    ran, or why there is none, and the responses it loaded, each fetched by the crawl."""

    reason: str  # why the page was rendered
    rendered_at: datetime
    dom: bytes | None = None
    truncated_by: str | None = None  # "time" or "length" when the DOM was taken early or cut
    loaded: list[FetchResult] = field(default_factory=list)
    problem: str | None = None  # why the DOM is missing or may lack what scripts would add


class _GaveUpError(Exception):
    """Retries are spent (or the host is known to be unreachable); the message says why."""


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__


def describe_error(error: BaseException, timeout: float) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"timed out after {timeout:g}s"
    if isinstance(error, TimeoutError):
        return f"no response headers within {timeout * ATTEMPT_DEADLINE_FACTOR:g}s"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect: {_one_line(error)}"
    if isinstance(error, httpx.ReadError | httpx.RemoteProtocolError | httpx.WriteError):
        return f"connection broken: {_one_line(error)}"
    if isinstance(error, zlib.error):
        return f"corrupt compressed body: {_one_line(error)}"
    return _one_line(error)


def unusable_location(url: str, location: str) -> str:
    """Why a redirect cannot be followed: "javascript:", "ftp://", "http://[::1" and the like."""
    shown = repr(location[:120])
    try:
        scheme = urlsplit(location).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme and scheme not in ("http", "https"):
        return f"the redirect from {url} leads to {shown}, which is not an http or https URL"
    return f"the redirect from {url} leads to {shown}, which is not a valid URL"


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class Fetcher:
    """Fetches URLs over one shared httpx client; remembers hosts that cannot be reached."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        max_bytes: int,
        timeout: float,
        deadline: float,
        pace: Callable[[str], Awaitable[None]],
        fresh_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._client = client
        # Without keep-alive: a retry after a broken connection must not get another pooled
        # connection the server is about to drop (IIS and load balancers close idle ones).
        self._fresh_client = fresh_client or client
        self._pace = pace
        self._max_bytes = max_bytes
        self._timeout = timeout
        self._deadline = deadline
        self._dead_hosts: dict[str, str] = {}
        self.on_retry: Callable[[str, str], None] | None = None

    async def fetch(
        self,
        url: str,
        *,
        check_hop: HopCheck,
        extra_headers: dict[str, str] | None = None,
        skip_unwanted_types: bool = True,
        max_bytes: int | None = None,
    ) -> FetchResult:
        """Fetch `url`, following redirects; `check_hop` vets each hop (guard, robots)."""
        result = FetchResult(url=url)
        current = url
        visits = Counter([url])
        for _ in range(MAX_HOPS + 1):
            reason = await check_hop(current)
            if reason:
                result.skip_reason, result.skip_url = reason, current
                return result
            try:
                response = await self._fetch_with_retries(
                    current, extra_headers or {}, skip_unwanted_types, max_bytes or self._max_bytes
                )
            except BlockedAddressError as error:
                result.skip_reason, result.skip_url = "blocked", current
                result.error = str(error)
                return result
            except _UnwantedTypeError:
                result.skip_reason, result.skip_url = "type", current
                return result
            except (httpx.HTTPError, zlib.error, TimeoutError, _GaveUpError) as error:
                result.error = (
                    str(error)
                    if isinstance(error, _GaveUpError)
                    else describe_error(error, self._timeout)
                )
                return result
            location = _header(response.headers, "location")
            if response.status not in REDIRECT_STATUSES or not location:
                result.final = response
                return result
            result.hops.append(response)
            target = normalise_url(location, current)
            if target is None:
                result.error = unusable_location(current, location)
                return result
            # A second visit is allowed: cookie walls redirect to the same URL once the cookie
            # is set. A third is a loop.
            if visits[target] >= 2:
                result.error = f"redirect loop at {target}"
                return result
            visits[target] += 1
            current = target
        result.error = f"more than {MAX_HOPS} redirects"
        return result

    async def _fetch_with_retries(
        self, url: str, headers: dict[str, str], skip_unwanted: bool, max_bytes: int
    ) -> Response:
        host = urlsplit(url).netloc
        if host in self._dead_hosts:
            raise _GaveUpError(self._dead_hosts[host])
        last: Response | None = None
        client = self._client
        started = time.monotonic()
        for attempt in range(ATTEMPTS):
            try:
                response = await self._attempt(client, url, headers, skip_unwanted, max_bytes)
            except (httpx.TransportError, TimeoutError) as e:
                message = describe_error(e, self._timeout)
                if isinstance(e, _BROKEN_CONNECTION):
                    client = self._fresh_client
                if attempt + 1 == ATTEMPTS or not await self._wait(url, message, attempt, None):
                    if isinstance(e, httpx.ConnectError):
                        self._dead_hosts[host] = message
                    # A user waiting on a silent server is told the whole wait, not one try's.
                    tries = f"{attempt + 1} attempt{'s' if attempt else ''}"
                    waited = time.monotonic() - started
                    raise _GaveUpError(f"{message} ({tries}, {waited:.1f}s in all)") from e
                continue
            if response.status not in RETRY_STATUSES:
                return response
            last = response
            wait = retry_after_seconds(
                _header(response.headers, "retry-after"), response.fetched_at
            )
            message = f"HTTP {response.status}"
            if attempt + 1 == ATTEMPTS or not await self._wait(url, message, attempt, wait):
                break
        assert last is not None
        return last

    async def _wait(self, url: str, message: str, attempt: int, wait: float | None) -> bool:
        """Sleep before a retry; False when the wait is too long to be worth it."""
        pause = wait if wait is not None else BACKOFF_SECONDS * 2**attempt
        if pause > MAX_RETRY_AFTER or time.monotonic() + pause > self._deadline:
            return False
        if self.on_retry:
            self.on_retry(url, f"{message}; retrying in {pause:g}s")
        await asyncio.sleep(pause)
        return True

    async def _attempt(
        self,
        client: httpx.AsyncClient,
        url: str,
        headers: dict[str, str],
        skip_unwanted: bool,
        max_bytes: int,
    ) -> Response:
        await self._pace(url)
        request = client.build_request("GET", url, headers=headers)
        limit = self._timeout * ATTEMPT_DEADLINE_FACTOR
        deadline = time.monotonic() + limit
        # The headers must arrive within the limit; a body still arriving then is cut and
        # kept (a slow document is better archived in part than fetched three times in vain).
        async with asyncio.timeout(limit):
            response = await client.send(request, stream=True)
        try:
            # The guard checked this address before the request was sent (see `pinned`).
            ip_address: str | None = None
            stream = response.extensions.get("network_stream")
            if stream is not None:
                peer = stream.get_extra_info("server_addr")
                if peer:
                    ip_address = str(peer[0])
            media = response.headers.get("content-type", "").lower()
            if skip_unwanted and media.startswith(UNWANTED_MEDIA):
                raise _UnwantedTypeError
            fetched_at = datetime.now(UTC)
            body = BoundedBody(response.headers.get("content-encoding", ""), max_bytes)
            cut_for_time = False
            async for chunk in response.aiter_raw():
                body.feed(chunk)
                if body.truncated:
                    break
                if time.monotonic() > deadline:
                    cut_for_time = True
                    break
        finally:
            await response.aclose()
        return Response(
            url=url,
            status=response.status_code,
            headers=list(response.headers.multi_items()),
            body=body.body,
            request_headers=list(request.headers.multi_items()),
            fetched_at=fetched_at,
            truncated=body.truncated or cut_for_time,
            truncated_by="time" if cut_for_time else "length" if body.truncated else None,
            ip_address=ip_address,
        )


class _UnwantedTypeError(Exception):
    """The response announced a media type that is not worth downloading."""


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers:
        if key.lower() == wanted:
            return value
    return None
