"""Talking to one web archive over HTTP: its rate limits, its 429s, its outages, the SSRF guard.

Every request passes the crawl's private-network guard, and its socket is pinned to the address
the guard checked (`pinned`): the archive's address, not the target's, for in a time-machine
crawl no connection goes to the target at all. It waits for its slot under the
archive's index or replay limit, and identifies lepcheck in the User-Agent. A 429 or 503 pauses
every request to that archive for Retry-After (else a doubling backoff) and is tried again a
few times; then the request fails with one line saying so. An archive that cannot be reached
is marked down after a second try, and every later request fails at once with the same line.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import httpx

from lepcheck.crawl.archive.profiles import ArchiveProfile
from lepcheck.crawl.archive.rates import RateLimit
from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.fetch import describe_error, retry_after_seconds
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.pinned import PinnedTransport

Kind = Literal["index", "replay"]
ATTEMPTS = 5
BACKOFF_SECONDS = 2.0
# A Retry-After longer than this is not waited out: the request fails and says why.
MAX_PAUSE_SECONDS = 300.0
INDEX_MAX_BYTES = 64_000_000
BUSY_STATUSES = frozenset({429, 503})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class ArchiveError(Exception):
    """A request to the archive failed; the message is one line fit for a user."""


@dataclass
class ArchiveAnswer:
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    retrieved_at: datetime
    truncated: bool = False

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)


class ArchiveClient:
    def __init__(
        self,
        profile: ArchiveProfile,
        http: httpx.AsyncClient,
        *,
        limits: dict[Kind, RateLimit],
        guard: NetworkGuard,
        max_bytes: int,
        timeout: float,
        on_retry: Callable[[str, str], None] = lambda _url, _detail: None,
    ) -> None:
        self.profile = profile
        self._http = http
        self._limits = limits
        self._network_guard = guard
        self._max_bytes = max_bytes
        self._timeout = timeout
        self._on_retry = on_retry
        self._approved: set[str] = set()
        self.down: str | None = None  # why the archive is taken to be down
        self.sent: Counter[Kind] = Counter()  # requests sent, retries included

    async def get(self, url: str, kind: Kind) -> ArchiveAnswer:
        """The archive's answer to `url`, after its rate limit, retries and pauses."""
        await self._guard(url)
        for attempt in range(ATTEMPTS):
            if self.down is not None:
                raise ArchiveError(self.down)
            await self._limits[kind].wait()
            try:
                answer = await self._attempt(url, kind)
            except BlockedAddressError as error:
                raise ArchiveError(str(error)) from error
            except (httpx.HTTPError, TimeoutError) as error:
                message = describe_error(error, self._timeout)
                if isinstance(error, httpx.ConnectError) and attempt >= 1:
                    self.down = f"{self.profile.name} cannot be reached: {message}"
                    raise ArchiveError(self.down) from error
                if attempt + 1 == ATTEMPTS:
                    raise ArchiveError(f"{self.profile.name} did not answer: {message}") from error
                await self._pause(url, message, BACKOFF_SECONDS * 2**attempt)
                continue
            if answer.status not in RETRY_STATUSES:
                return answer
            await self._retry_or_fail(url, answer, attempt)
        raise AssertionError("unreachable: the loop returns or raises")

    async def _retry_or_fail(self, url: str, answer: ArchiveAnswer, attempt: int) -> None:
        told = retry_after_seconds(answer.header("retry-after"), datetime.now(UTC))
        pause = told if told is not None else BACKOFF_SECONDS * 2**attempt
        refused = f"{self.profile.name} answered HTTP {answer.status}"
        if attempt + 1 == ATTEMPTS:
            raise ArchiveError(
                f"{refused} {ATTEMPTS} times running; try later, or lower the rate "
                "(--archive-index-rate, --archive-replay-rate)"
            )
        if pause > MAX_PAUSE_SECONDS:
            raise ArchiveError(f"{refused} with Retry-After {pause:g}s; try again after that")
        if answer.status in BUSY_STATUSES:
            # The archive asks this client to slow down: every request waits, not only this.
            for limit in self._limits.values():
                limit.pause(pause)
        await self._pause(url, f"HTTP {answer.status}", pause)

    async def _pause(self, url: str, message: str, seconds: float) -> None:
        self._on_retry(url, f"{message}; retrying in {seconds:g}s")
        await asyncio.sleep(seconds)

    async def _guard(self, url: str) -> None:
        host = httpx.URL(url).host
        if host in self._approved:
            return
        guard = self._network_guard
        try:
            if guard.needs_lookup(host):  # a DNS lookup goes to a thread, an address does not
                await asyncio.to_thread(guard.check_url, url)
            else:
                guard.check_url(url)
        except BlockedAddressError as error:
            raise ArchiveError(str(error)) from error
        self._approved.add(host)

    async def _attempt(self, url: str, kind: Kind) -> ArchiveAnswer:
        request = self._http.build_request("GET", url)
        self.sent[kind] += 1
        cap = INDEX_MAX_BYTES if kind == "index" else self._max_bytes
        async with asyncio.timeout(self._timeout * 6):
            response = await self._http.send(request, stream=True)
        try:
            # The socket reached an address the guard checked (`pinned`: DNS rebinding).
            chunks: list[bytes] = []
            size, truncated = 0, False
            started = time.monotonic()
            async for chunk in response.aiter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > cap or time.monotonic() - started > self._timeout * 6:
                    truncated = True
                    break
        finally:
            await response.aclose()
        return ArchiveAnswer(
            url=url,
            status=response.status_code,
            headers=list(response.headers.multi_items()),
            body=b"".join(chunks)[:cap],
            request_headers=list(request.headers.multi_items()),
            retrieved_at=datetime.now(UTC),
            truncated=truncated,
        )


@asynccontextmanager
async def archive_client(
    profile: ArchiveProfile,
    *,
    limits: dict[Kind, RateLimit],
    user_agent: str,
    guard: NetworkGuard,
    max_bytes: int,
    timeout: float,
    on_retry: Callable[[str, str], None],
) -> AsyncIterator[ArchiveClient]:
    pool = httpx.Limits(max_connections=8, max_keepalive_connections=4)
    tls = httpx.create_ssl_context(trust_env=False)
    async with httpx.AsyncClient(
        # Every socket goes to an address the crawl's guard checked, as the live crawl's do.
        transport=PinnedTransport(guard, limits=pool, ssl_context=tls),
        follow_redirects=False,  # a replayed redirect is evidence, read and followed by hand
        trust_env=False,  # a proxy from the environment would bypass the SSRF guard
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
    ) as http:
        yield ArchiveClient(
            profile,
            http,
            limits=limits,
            guard=guard,
            max_bytes=max_bytes,
            timeout=timeout,
            on_retry=on_retry,
        )
