"""The archive client against a real HTTP server on loopback that answers as a busy archive."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from lepcheck.crawl.archive.client import ATTEMPTS, ArchiveClient, ArchiveError, archive_client
from lepcheck.crawl.archive.profiles import resolve_archive
from lepcheck.crawl.archive.rates import RateLimit, shared_limit
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.options import DEFAULT_USER_AGENT


class Busy(ThreadingHTTPServer):
    """Answers 429 (with Retry-After) for the first `refusals` requests, then 200."""

    def __init__(self, refusals: int, retry_after: str) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.refusals = refusals
        self.retry_after = retry_after
        self.seen: list[tuple[float, str]] = []


class Handler(BaseHTTPRequestHandler):
    server: Busy

    def do_GET(self) -> None:
        self.server.seen.append((time.monotonic(), self.headers.get("User-Agent", "")))
        if len(self.server.seen) <= self.server.refusals:
            self.send_response(429)
            self.send_header("Retry-After", self.server.retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"[]"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(refusals: int, retry_after: str = "0") -> Iterator[Busy]:
    server = Busy(refusals, retry_after)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def once_busy() -> Iterator[Busy]:
    yield from serve(1, "1")


@pytest.fixture
def storm() -> Iterator[Busy]:
    yield from serve(10_000)


def get(url: str, *, allow_private: bool = True) -> tuple[ArchiveClient, list[str], Any]:
    retries: list[str] = []
    limits = {"index": RateLimit(6000), "replay": RateLimit(6000)}

    async def run() -> tuple[ArchiveClient, Any]:
        async with archive_client(
            resolve_archive(url.rsplit("/cdx", 1)[0]),
            limits=limits,  # type: ignore[arg-type]
            user_agent=DEFAULT_USER_AGENT,
            guard=NetworkGuard(allow_private_network=allow_private),
            max_bytes=1_000_000,
            timeout=5,
            on_retry=lambda _url, detail: retries.append(detail),
        ) as client:
            try:
                return client, await client.get(url, "index")
            except ArchiveError as error:
                return client, error

    client, outcome = asyncio.run(run())
    return client, retries, outcome


def base(server: Busy) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/lep/cdx?url=x"


def test_a_429_is_waited_out_for_its_retry_after_and_lepcheck_says_who_it_is(
    once_busy: Busy,
) -> None:
    _, retries, answer = get(base(once_busy))
    assert answer.status == 200
    assert retries == ["HTTP 429; retrying in 1s"]
    (first, agent), (second, _) = once_busy.seen
    assert second - first >= 0.95
    assert agent.startswith("lepcheck/")


def test_a_429_storm_ends_in_one_line_after_a_few_tries(storm: Busy) -> None:
    client, _, error = get(base(storm))
    assert isinstance(error, ArchiveError)
    assert "answered HTTP 429 5 times running" in str(error)
    assert "--archive-index-rate" in str(error)
    assert len(storm.seen) == ATTEMPTS == client.sent["index"]


def test_an_archive_on_loopback_is_refused_without_allow_private_network(once_busy: Busy) -> None:
    _, _, error = get(base(once_busy), allow_private=False)
    assert isinstance(error, ArchiveError)
    assert "--allow-private-network" in str(error)
    assert once_busy.seen == []  # refused before any request


def test_an_archive_that_is_down_is_marked_so_after_a_second_try() -> None:
    with Busy(0, "0") as closed:
        port = closed.server_address[1]
    client, _, error = get(f"http://127.0.0.1:{port}/lep/cdx?url=x")
    assert isinstance(error, ArchiveError)
    assert str(error).startswith(
        f"http://127.0.0.1:{port}/lep cannot be reached: could not connect"
    )
    assert client.down == str(error)


def test_a_rate_limit_spaces_requests_and_a_pause_holds_them_all() -> None:
    limit = RateLimit(per_minute=600)  # one every 0.1 s

    async def three() -> float:
        started = time.monotonic()
        for _ in range(3):
            await limit.wait()
        return time.monotonic() - started

    assert asyncio.run(three()) >= 0.19
    limit.pause(0.3)
    started = time.monotonic()
    asyncio.run(limit.wait())
    assert time.monotonic() - started >= 0.25


def test_a_sweep_s_parallel_audits_share_one_limit_per_archive() -> None:
    # The sweep runs each audit on its own thread and event loop (sweep/run.py): one archive's
    # replays stay one every 0.1 s across all of them, not 0.1 s per audit.
    first = shared_limit("http://archive.test/lep", "replay", 600)
    assert shared_limit("http://archive.test/lep", "replay", 600) is first
    assert shared_limit("http://archive.test/lep", "index", 600) is not first
    assert shared_limit("http://other.test/lep", "replay", 600) is not first

    def audit_thread() -> None:
        async def three() -> None:
            for _ in range(3):
                await shared_limit("http://archive.test/lep", "replay", 600).wait()

        asyncio.run(three())

    started = time.monotonic()
    threads = [threading.Thread(target=audit_thread) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert time.monotonic() - started >= 0.45  # six slots, 0.1 s apart, whichever thread asks
