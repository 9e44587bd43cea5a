"""Pages that misbehave in the browser (tests/fixtures/scripted/grid/bad): one whose script
never ends, one that never stops asking for data, one that asks for a private address and sends
the browser there. Each render is bounded and reported, and the crawl goes on to the next page.

One crawl, one browser, shared by the tests of this module. The guard treats the fixture's own
address as public, so that a private address is refused as it would be on the Internet.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.crawl.addresses import IPAddress, address_problem
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.snapshot import Snapshot
from tests.fixtures.scripted.server import serve_twin

RENDER_SECONDS = 4.0


def loopback_is_public(address: IPAddress) -> str | None:
    return None if str(address) == "127.0.0.1" else address_problem(address)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Snapshot, dict[str, Any]]:
    path = tmp_path_factory.mktemp("bad") / "snapshot"
    with serve_twin() as base:
        options = CrawlOptions(
            start_url=f"{base}bad/index.html",
            delay=0.0,
            max_depth=1,
            render_seconds=RENDER_SECONDS,
        )
        crawl(options, path, target_id="bad", guard=NetworkGuard(policy=loopback_is_public))
    snapshot = Snapshot.open(path)
    pages = json.loads(snapshot.meta()["rendered_pages"])
    return snapshot, {p["url"].rsplit("/", 1)[1]: p for p in pages}


def test_a_script_that_never_ends_is_stopped_and_said(crawled: Any) -> None:
    _, pages = crawled
    busy = pages["busy.html"]
    assert busy["rendered"] is False
    assert "kept the browser busy" in busy["problem"]


def test_a_page_that_never_stops_asking_is_cut(crawled: Any) -> None:
    snapshot, pages = crawled
    endless = pages["endless.html"]
    assert endless["rendered"] is True and endless["truncated_by"] == "time"
    assert "still loading after 4s" in endless["problem"]
    asked = [r for r in snapshot.records() if "/api/meetings.json?n=" in r.url]
    assert 1 <= len(asked) <= 60  # at most 60 requests; how many in 4 s depends on the machine
    if "the rest were not fetched" in endless["problem"]:
        assert len(asked) == 60


def test_a_private_address_is_refused_in_the_browser_too(crawled: Any) -> None:
    snapshot, pages = crawled
    escape = pages["escape.html"]
    assert (
        "http://10.0.0.1/admin/board.json was not fetched: a private or reserved address"
        in (escape["problem"])
    )
    assert "the page tried to open http://10.0.0.1/internal/: not followed" in escape["problem"]
    assert not any("10.0.0.1" in r.url for r in snapshot.records())
    (drawn,) = [r for r in snapshot.rendered_records() if r.url.endswith("escape.html")]
    assert b"Board documents moved." in snapshot.body(drawn)


def test_the_crawl_goes_on(crawled: Any) -> None:
    snapshot, pages = crawled
    drawn = {r.url.rsplit("/", 1)[1] for r in snapshot.rendered_records()}
    assert "our-board" in drawn  # rendered after (or beside) the pages that misbehaved
    assert pages["our-board"]["problem"] is None
