"""A real HTTP server on 127.0.0.1 serving a scripted website, with a log of requests."""

from __future__ import annotations

import asyncio
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.crawl.fetch import FetchResult
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.source import http_source
from lepcheck.models import FetchRecord
from lepcheck.snapshot import Snapshot


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    sleep: float = 0.0  # pause before answering (timeouts)
    reset: bool = False  # drop the connection with a TCP reset instead of answering
    drip: float = 0.0  # pause between 1 KB pieces of the body (a slow server)


# A route is a fixed reply or a function of (attempt number, request headers).
Route = Reply | Callable[[int, dict[str, str]], Reply | None]


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stamps: list[float] = field(default_factory=list)
    # Serves paths that have no route of their own (generated sites, calendars).
    fallback: Callable[[str], Reply | None] | None = None
    # Every n-th request on one keep-alive connection is answered with a TCP reset (0: never).
    reset_every_on_connection: int = 0
    port: int = 0
    host: str = "127.0.0.1"
    connections: int = 0  # TCP connections accepted, whether or not a request followed

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def page(self, path: str, html: str, **headers: str) -> None:
        self.routes[path] = Reply(body=html.encode(), headers=headers)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes

        def log_message(self, format: str, *args: object) -> None:
            pass

        def setup(self) -> None:
            with lock:
                site.connections += 1
            super().setup()

        def do_HEAD(self) -> None:
            # Like many IIS and CMS set-ups: HEAD is refused; the log shows it was asked.
            with lock:
                site.log.append((f"HEAD {self.path}", {}))
                site.stamps.append(time.monotonic())
            self.send_response(405)
            self.send_header("Allow", "GET")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            with lock:
                site.log.append((self.path, headers))
                site.stamps.append(time.monotonic())
                attempt = site.hits(self.path)
            generated = site.fallback(self.path) if site.fallback else None
            route = site.routes.get(self.path, generated or Reply(status=404, body=b"not found"))
            reply = route(attempt, headers) if callable(route) else route
            if reply is None:  # the route handled the connection itself
                return
            self.served_here = getattr(self, "served_here", 0) + 1
            every = site.reset_every_on_connection
            if every and self.served_here % every == 0:
                reply = Reply(reset=True)
            time.sleep(reply.sleep)
            if reply.reset:
                linger = struct.pack("ii", 1, 0)
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                self.connection.close()
                self.close_connection = True
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if not reply.drip:
                self.wfile.write(reply.body)
                return
            try:
                for start in range(0, len(reply.body), 1024):
                    self.wfile.write(reply.body[start : start + 1024])
                    self.wfile.flush()
                    time.sleep(reply.drip)
            except OSError:  # the client stopped reading
                self.close_connection = True

    return Handler


@contextmanager
def serve(site: Site, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[Site]:
    """Serve `site` on `host` (any 127.x.y.z address is loopback) and `port` (0: any free)."""
    server = ThreadingHTTPServer((host, port), _handler(site))
    server.daemon_threads = True
    site.host, site.port = host, server.server_address[1]
    # A short poll interval keeps shutdown (every test's teardown) quick.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def options(site: Site, **overrides: object) -> CrawlOptions:
    """Options for crawling a loopback test site quickly."""
    values: dict[str, object] = {
        "start_url": f"{site.base}/",
        "allow_private_network": True,
        "delay": 0.0,
        "timeout": 2.0,
    }
    values.update(overrides)
    return CrawlOptions.model_validate(values)


def assert_warcs_valid(snapshot_folder: Path) -> None:
    """`warcio check` and `warcio index` accept every WARC file of a snapshot."""
    warcio = str(Path(sys.executable).parent / "warcio")
    files = sorted((snapshot_folder / "warc").glob("*.warc.gz"))
    assert files
    for warc in files:
        check = subprocess.run([warcio, "check", str(warc)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        index = subprocess.run([warcio, "index", str(warc)], capture_output=True, text=True)
        assert index.returncode == 0 and index.stdout.count("\n") >= 2


# A small PDF a governance page links to.
GOVERNANCE_PDF = b"%PDF-1.4\n% a governance document\n%%EOF\n"


def run(site: Site, tmp_path: Path, **overrides: object) -> tuple[Snapshot, dict[str, FetchRecord]]:
    """Crawl the site into tmp_path/snap; the snapshot and its records by URL."""
    crawl(options(site, **overrides), tmp_path / "snap", target_id="t")
    snapshot = Snapshot.open(tmp_path / "snap")
    return snapshot, {r.url: r for r in snapshot.records()}


def home_linking(site: Site, *paths: str) -> None:
    links = "".join(f'<a href="{p}">link {p}</a>' for p in paths)
    site.page("/", f"<html><body>{links}</body></html>")


def skipped_of(snapshot: Snapshot) -> dict[str, str]:
    return {s.url: s.reason for s in snapshot.skipped()}


def by_url(path: Path) -> dict[str, FetchRecord]:
    return {r.url: r for r in Snapshot.open(path).records()}


def fetch_with_crawler_client(url: str, guard: NetworkGuard, *, retry: bool = True) -> FetchResult:
    """One fetch through the crawler's own HTTP client (connections pinned by `guard`), with no
    hop check of the gate's (the guard inside the connection is all that stands)."""

    async def fetch() -> FetchResult:
        async def no_pause(url: str) -> None:
            return None

        async def allow_all(url: str) -> str | None:
            return None

        options = CrawlOptions(start_url=url, timeout=2)
        # A deadline already reached allows one attempt and no retry.
        deadline = 1e12 if retry else 0.0
        async with http_source(
            options, guard=guard, deadline=deadline, pace=no_pause, on_retry=lambda u, d: None
        ) as fetcher:
            return await fetcher.fetch(url, check_hop=allow_all)

    return asyncio.run(fetch())
