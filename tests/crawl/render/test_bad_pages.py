"""Pages that misbehave in the browser (tests/fixtures/scripted/grid/bad): one whose script
never ends, one that never stops asking for data, one that asks for private and loopback
addresses, opens a WebSocket and sends the browser to a private address, and one that eats
memory. Each render is bounded and reported, and the crawl goes on to the next page.

One crawl, one browser, shared by the tests of this module (the page that eats memory is
crawled alone). The guard treats the fixture's own
address (127.0.0.1) as public, so that a private or loopback address is refused as it would be
on the Internet, without --allow-private-network.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.crawl.addresses import IPAddress, address_problem
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.snapshot import Snapshot
from tests.fixtures.scripted.server import serve_twin

RENDER_SECONDS = 4.0


@contextmanager
def listener() -> Iterator[tuple[int, list[str]]]:
    """A TCP port on loopback that notes every connection made to it."""
    connections: list[str] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                client, address = server.accept()
                connections.append(f"{address[0]}:{address[1]}")
                client.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], connections
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()


def loopback_is_public(address: IPAddress) -> str | None:
    return None if str(address) == "127.0.0.1" else address_problem(address)


# One crawl for the whole module, on one worker: two browsers spinning the same endless
# scripts side by side would starve each other of the CPU the caps are measured against.
pytestmark = pytest.mark.xdist_group("render-bad-pages")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Snapshot, dict[str, Any], list[str]]:
    path = tmp_path_factory.mktemp("bad") / "snapshot"
    with listener() as (port, connections), serve_twin({"PROBE_PORT": str(port)}) as base:
        options = CrawlOptions(
            start_url=f"{base}bad/index.html",
            delay=0.0,
            max_depth=1,
            render_seconds=RENDER_SECONDS,
        )
        crawl(options, path, target_id="bad", guard=NetworkGuard(policy=loopback_is_public))
    snapshot = Snapshot.open(path)
    pages = json.loads(snapshot.meta()["rendered_pages"])
    return snapshot, {p["url"].rsplit("/", 1)[1]: p for p in pages}, connections


def test_a_script_that_never_ends_is_stopped_and_said(crawled: Any) -> None:
    _, pages, _ = crawled
    busy = pages["busy.html"]
    assert busy["rendered"] is False
    assert "kept the browser busy" in busy["problem"]


def test_a_page_that_never_stops_asking_is_cut(crawled: Any) -> None:
    snapshot, pages, _ = crawled
    endless = pages["endless.html"]
    assert endless["rendered"] is True
    asked = [r for r in snapshot.records() if "/api/meetings.json?n=" in r.url]
    assert 1 <= len(asked) <= 60  # at most 60 requests; how many in 4 s depends on the machine
    # Cut by the time cap, or by the request cap (its refused requests can leave it quiet for
    # half a second on a loaded machine): either way said, and the DOM read then is kept.
    capped = "asked for more than 60 scripts and data: the rest were not fetched"
    if endless["truncated_by"] == "time":
        still = f"still loading after {RENDER_SECONDS:g}s: its DOM then was read"
        assert still in endless["problem"]
    else:
        assert endless["truncated_by"] is None and capped in endless["problem"]
    if capped in endless["problem"]:
        assert len(asked) == 60


def test_a_page_that_eats_memory_is_stopped_and_said(tmp_path: Path) -> None:
    # Its script heap is capped (256 MB, browser.py): the tab dies, not the browser or the
    # crawl; on a machine short of CPU its collector may still be thrashing at the time cap.
    # Crawled alone: its thrashing would starve the other pages' renders of CPU.
    with serve_twin() as base:
        options = CrawlOptions(start_url=f"{base}bad/hog.html", delay=0.0, max_pages=1,
                               render="always", render_seconds=RENDER_SECONDS)  # fmt: skip
        crawl(options, tmp_path, target_id="hog", guard=NetworkGuard(policy=loopback_is_public))
    (hog,) = json.loads(Snapshot.open(tmp_path).meta()["rendered_pages"])
    assert hog["rendered"] is False
    crashed = "the page crashed the browser tab (its scripts ran out of memory or failed)"
    busy = r"the page's scripts kept the browser busy past \d+s: no DOM could be read"
    assert hog["problem"] == crashed or re.fullmatch(busy, hog["problem"])


def test_private_and_loopback_addresses_are_refused_in_the_browser_too(crawled: Any) -> None:
    snapshot, pages, connections = crawled
    escape = pages["escape.html"]
    port = escape["url"].split(":")[2].split("/")[0]
    refused = "was not fetched: a private or reserved address, refused by the network guard"
    for url in ("http://10.0.0.1/admin/board.json", f"http://127.0.0.2:{port}/api/board.json",
                f"http://[::1]:{port}/api/documents.json"):  # fmt: skip
        assert f"{url} {refused}" in escape["problem"], url
    assert "the page tried to open http://10.0.0.1/internal/: not followed" in escape["problem"]
    assert not any(host in r.url for r in snapshot.records()
                   for host in ("10.0.0.1", "127.0.0.2", "[::1]"))  # fmt: skip
    # A WebSocket to loopback is past the request routing: the browser's dead proxy (loopback
    # included, browser.py) stops it before it connects.
    assert connections == []
    (drawn,) = [r for r in snapshot.rendered_records() if r.url.endswith("escape.html")]
    assert b"Board documents moved." in snapshot.body(drawn)


def test_the_crawl_goes_on(crawled: Any) -> None:
    snapshot, pages, _ = crawled
    drawn = {r.url.rsplit("/", 1)[1] for r in snapshot.rendered_records()}
    assert "our-board" in drawn  # rendered after (or beside) the pages that misbehaved
    assert pages["our-board"]["rendered"] is True
