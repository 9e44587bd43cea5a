"""The servers of the time-machine tests, on loopback: the fixture LEP site's own live server
(it counts every request, so a test can show that a time-machine audit sent it none) and a
real pywb serving a collection built from WARC files of that site (pywb is a dev dependency:
its `wb-manager` indexes the WARCs, its `wayback` server answers the CDX API and replays)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from lepcheck.demo.server import SAMPLE_SITE_ROOT, SiteServer, StaticSite

COLLECTION = "lep"
BIN = Path(sys.executable).parent
START_TIMEOUT = 90.0


class CountingSiteServer(SiteServer):
    def __init__(self, address: tuple[str, int], site: StaticSite) -> None:
        super().__init__(address, site)
        self.requests: list[str] = []
        self.lock = threading.Lock()

    def finish_request(self, request: Any, client_address: Any) -> None:
        with self.lock:
            self.requests.append(str(client_address))
        super().finish_request(request, client_address)


@dataclass
class LiveSite:
    base: str
    server: CountingSiteServer = field(repr=False)

    @property
    def requests(self) -> int:
        with self.server.lock:
            return len(self.server.requests)


@contextmanager
def live_site() -> Iterator[LiveSite]:
    server = CountingSiteServer(("127.0.0.1", 0), StaticSite(SAMPLE_SITE_ROOT))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield LiveSite(f"http://127.0.0.1:{server.server_address[1]}/", server)
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_collection(root: Path, warcs: list[Path]) -> None:
    """A pywb collection of `warcs` under `root` (wb-manager init, then add: copies, indexes)."""
    run = {"cwd": root, "check": True, "capture_output": True}
    subprocess.run([str(BIN / "wb-manager"), "init", COLLECTION], **run)  # type: ignore[call-overload]
    subprocess.run([str(BIN / "wb-manager"), "add", COLLECTION, *map(str, warcs)], **run)  # type: ignore[call-overload]


@contextmanager
def pywb(root: Path) -> Iterator[str]:
    """pywb's `wayback` on a free loopback port; yields the collection's URL."""
    port = free_port()
    log = (root / "pywb.log").open("wb")
    process = subprocess.Popen(
        [str(BIN / "wayback"), "-p", str(port), "-b", "127.0.0.1"],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    collection = f"http://127.0.0.1:{port}/{COLLECTION}"
    try:
        wait_until_up(f"{collection}/cdx?url=example.invalid/", process)
        yield collection
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"pywb exited with {process.returncode} before answering")
        try:
            if httpx.get(url, timeout=2).status_code in (200, 404):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"pywb did not answer {url} within {START_TIMEOUT:g}s")


class ArchiveProxy(ThreadingHTTPServer):
    """A misbehaving archive in front of the real pywb: it forwards every request, but after
    `storm_after` replays answers every further replay 429 (Retry-After: 0), and with
    `garbage` it appends lines no CDX reader understands to every index answer."""

    def __init__(self, upstream: str, *, storm_after: int | None = None, garbage: bool = False):
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        self.upstream = upstream.rstrip("/")
        self.storm_after = storm_after
        self.garbage = garbage
        self.replays = 0
        self.refused = 0
        self.lock = threading.Lock()

    @property
    def collection(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{COLLECTION}"


class ProxyHandler(BaseHTTPRequestHandler):
    server: ArchiveProxy

    def do_GET(self) -> None:
        proxy = self.server
        replay = "id_/" in self.path
        with proxy.lock:
            proxy.replays += replay
            storming = proxy.storm_after is not None and proxy.replays > proxy.storm_after
            proxy.refused += replay and storming
        if replay and storming:
            self.answer(429, [("Retry-After", "0")], b"Too Many Requests")
            return
        upstream = httpx.get(proxy.upstream.rsplit("/", 1)[0] + self.path, timeout=30)
        body = upstream.content
        if proxy.garbage and "/cdx?" in self.path:
            body += b'{"url": "http://x/", "timestamp": "not a time"}\n{broken json\n'
        keep = ("content-type", "location", "memento-datetime")
        headers = [(k, v) for k, v in upstream.headers.items() if k.lower() in keep]
        self.answer(upstream.status_code, headers, body)

    def answer(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@contextmanager
def archive_proxy(upstream: str, **behaviour: Any) -> Iterator[ArchiveProxy]:
    proxy = ArchiveProxy(upstream, **behaviour)
    thread = threading.Thread(target=proxy.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield proxy
    finally:
        proxy.shutdown()
        proxy.server_close()
