"""End-to-end crawls of a small site served on 127.0.0.1."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from lepcheck.crawl import (
    DEFAULT_USER_AGENT,
    BlockedAddressError,
    CrawlEvent,
    CrawlOptions,
    TargetUnreachableError,
    crawl,
)
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, options

WARCIO = str(Path(sys.executable).parent / "warcio")
PDF = b"%PDF-1.4\n" + hashlib.sha256(b"register").digest() * 500


def small_lep(site: Site, offsite: str) -> None:
    site.page(
        "/",
        f"""<html><body><a href="/governance/">Governance</a>
        <a href="/about">About us</a> <a href="{offsite}/elsewhere">Partner</a>
        <a href="/logo.png">logo</a></body></html>""",
    )
    site.page(
        "/governance/",
        """<html><body><a href="registers/board.pdf">Register of interests (PDF)</a>
        <a href="/missing.pdf">Old minutes</a><a href="/">Home</a></body></html>""",
    )
    site.page("/about", "<html><body>About the LEP</body></html>")
    site.routes["/governance/registers/board.pdf"] = Reply(
        body=PDF, content_type="application/pdf", headers={"ETag": '"v1"'}
    )


def test_crawl_records_pages_documents_and_skips(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    small_lep(site, other_site.base)
    events: list[CrawlEvent] = []
    info = crawl(options(site), tmp_path / "snap", target_id="demo", on_event=events.append)
    snapshot = Snapshot.open(tmp_path / "snap")
    assert snapshot.info == info and info.finished_at is not None
    by_url = {r.url: r for r in snapshot.records()}
    pdf = by_url[f"{site.base}/governance/registers/board.pdf"]
    assert snapshot.body(pdf) == PDF
    assert pdf.sha256 == hashlib.sha256(PDF).hexdigest()
    assert (pdf.via, pdf.link_text, pdf.depth) == (
        f"{site.base}/governance/",
        "Register of interests (PDF)",
        2,
    )
    assert pdf.etag == '"v1"' and pdf.content_type == "application/pdf"
    assert by_url[f"{site.base}/missing.pdf"].status == 404
    assert by_url[f"{site.base}/"].depth == 0
    content = [r.url.removeprefix(site.base) for r in snapshot.content_records()]
    assert content[0] == "/"
    assert sorted(content) == sorted(
        ["/", "/governance/", "/about", "/governance/registers/board.pdf", "/missing.pdf"]
    )
    assert {"/robots.txt", "/sitemap.xml"} <= {
        r.url.removeprefix(site.base) for r in by_url.values()
    }
    skipped = {s.url: s.reason for s in snapshot.skipped()}
    assert skipped[f"{other_site.base}/elsewhere"] == "off-site"
    assert skipped[f"{site.base}/logo.png"] == "type"
    assert other_site.log == []
    assert site.hits("/governance/registers/board.pdf") == 1 and site.hits("/") == 1
    assert all(h["user-agent"] == DEFAULT_USER_AGENT for _, h in site.log)
    assert {e.kind for e in events} >= {"start", "fetched", "skipped", "finish"}
    for warc in (tmp_path / "snap" / "warc").glob("*.warc.gz"):
        with warc.open("rb") as stream:
            addresses = {
                r.rec_headers.get_header("WARC-IP-Address")
                for r in ArchiveIterator(stream)
                if r.rec_type == "response"
            }
        assert addresses == {"127.0.0.1"}
        assert subprocess.run([WARCIO, "check", str(warc)], capture_output=True).returncode == 0
        index = subprocess.run([WARCIO, "index", str(warc)], capture_output=True, text=True)
        assert index.returncode == 0 and "board.pdf" in index.stdout


def test_loopback_refused_without_allow_private_network(site: Site, tmp_path: Path) -> None:
    site.page("/", "<html>hi</html>")
    with pytest.raises(BlockedAddressError) as refused:
        crawl(options(site, allow_private_network=False), tmp_path / "snap", target_id="x")
    message = str(refused.value)
    assert message == (
        f"refused to fetch {site.base}/: 127.0.0.1 is a loopback address; "
        "pass --allow-private-network to crawl private or loopback addresses"
    )
    assert site.log == [] and not (tmp_path / "snap").exists()


def test_refused_connection_is_target_unreachable(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    opts = CrawlOptions(start_url=f"http://127.0.0.1:{port}/", allow_private_network=True)
    with pytest.raises(TargetUnreachableError) as unreachable:
        crawl(opts, tmp_path / "snap", target_id="x")
    message = str(unreachable.value)
    assert "\n" not in message and f"127.0.0.1:{port}" in message and "could not connect" in message
    records = {r.url: r for r in Snapshot.open(tmp_path / "snap").records()}
    start = records[f"http://127.0.0.1:{port}/"]
    assert start.status == 0 and start.error and "could not connect" in start.error


def test_start_url_404_is_target_unreachable(site: Site, tmp_path: Path) -> None:
    with pytest.raises(TargetUnreachableError, match="HTTP 404"):
        crawl(options(site), tmp_path / "snap", target_id="x")


def test_start_url_403_says_the_server_refuses(site: Site, tmp_path: Path) -> None:
    site.routes["/"] = Reply(status=403, body=b"Forbidden")
    with pytest.raises(TargetUnreachableError, match=r"HTTP 403 .* refuses automated clients"):
        crawl(options(site), tmp_path / "snap", target_id="x")
    (start,) = Snapshot.open(tmp_path / "snap").content_records()
    assert start.status == 403  # the refusal itself is archived as evidence


def test_link_text_and_duplicate_spellings(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        f"""<a href="/doc.pdf"><img src="/icon.png"></a>
        <a href="/doc.pdf?utm_source=newsletter">Board register</a>
        <a href="{site.base}/doc.pdf#page=2">again</a>
        <a href="/page?b=2&a=1">one</a><a href="/page?a=1&b=2">two</a>""",
    )
    site.routes["/doc.pdf"] = Reply(body=b"%PDF", content_type="application/pdf")
    site.page("/page?a=1&b=2", "<p>page</p>")
    crawl(options(site), tmp_path / "snap", target_id="t")
    records = {r.url: r for r in Snapshot.open(tmp_path / "snap").records()}
    assert records[f"{site.base}/doc.pdf"].link_text == "Board register"
    assert site.hits("/doc.pdf") == 1 and site.hits("/page?a=1&b=2") == 1
    assert records[f"{site.base}/page?a=1&b=2"].link_text == "one"


def test_single_document_fetch_makes_no_sitemap_requests(site: Site, tmp_path: Path) -> None:
    site.routes["/paper.pdf"] = Reply(body=b"%PDF paper", content_type="application/pdf")
    opts = options(site, start_url=f"{site.base}/paper.pdf", max_pages=1, max_depth=0)
    crawl(opts, tmp_path / "snap", target_id="t")
    assert [p for p, _ in site.log] == ["/robots.txt", "/paper.pdf"]
    (paper,) = [r for r in Snapshot.open(tmp_path / "snap").records() if r.url.endswith(".pdf")]
    assert Snapshot.open(tmp_path / "snap").body(paper) == b"%PDF paper"


def test_messy_real_world_markup(site: Site, tmp_path: Path) -> None:
    home = (
        '<html><head><meta charset="windows-1252"><title>LEP</title></head><body>'
        '<div><a href="/Board/../board/">Board \u2013 members & \u00a3 funding</a>'
        '<a href="/feed/">RSS</a><a href="mailto:info@lep.example">Mail</a>'
        '<a href="tel:0123">Call</a><a href="javascript:void(0)">menu</a>'
        '<a href="/download?id=5">Register of interests</a><a href="/empty">Empty</a>'
        "<p>unclosed <b>markup <table><tr><td><a href='/in-table'>In a table</a>"
    ).encode("cp1252")
    site.routes["/"] = Reply(body=home, content_type="text/html")
    site.page("/board/", "<p>board</p>")
    site.page("/in-table", "<p>table link</p>")
    site.routes["/feed/"] = Reply(body=b"<rss/>", content_type="application/rss+xml")
    site.routes["/download?id=5"] = Reply(body=b"%PDF-1.7", content_type="application/octet-stream")
    site.routes["/empty"] = Reply(body=b"")
    crawl(options(site), tmp_path / "snap", target_id="t")
    snapshot = Snapshot.open(tmp_path / "snap")
    records = {r.url: r for r in snapshot.records()}
    assert records[f"{site.base}/board/"].link_text == "Board \u2013 members & \u00a3 funding"
    assert records[f"{site.base}/in-table"].status == 200
    assert records[f"{site.base}/empty"].length == 0
    assert snapshot.body(records[f"{site.base}/download?id=5"]) == b"%PDF-1.7"
    skipped = {s.url: s.reason for s in snapshot.skipped()}
    assert skipped[f"{site.base}/feed/"] == "type"
    assert not [u for u in skipped if u.startswith(("mailto", "tel", "javascript"))]


def test_link_text_of_utf8_page_without_meta_charset(site: Site, tmp_path: Path) -> None:
    html = '<a href="/a">Minutes \u2013 March</a><a href="/b">Caf\u00e9 \u00a3</a>'.encode()
    site.routes["/"] = Reply(body=html, content_type="text/html")
    site.routes["/a"] = Reply(body=b"a", content_type="text/plain")
    site.routes["/b"] = Reply(body=b"b", content_type="text/plain")
    crawl(options(site), tmp_path / "snap", target_id="t")
    texts = {r.url: r.link_text for r in Snapshot.open(tmp_path / "snap").records()}
    assert texts[f"{site.base}/a"] == "Minutes \u2013 March"
    assert texts[f"{site.base}/b"] == "Caf\u00e9 \u00a3"


def test_governance_pages_come_first_within_a_depth(site: Site, tmp_path: Path) -> None:
    news = "".join(f'<a href="/news/{n}">Latest story {n}</a>' for n in range(8))
    site.page(
        "/",
        f'{news}<a href="/who-we-are/our-board">Our board</a>'
        '<a href="/x7">Registers of interests</a>',
    )
    site.fallback = lambda path: Reply(body=b"<p>page</p>")
    crawl(options(site, max_pages=3), tmp_path / "snap", target_id="t")
    snapshot = Snapshot.open(tmp_path / "snap")
    fetched = {r.url.removeprefix(site.base) for r in snapshot.records()}
    assert {"/who-we-are/our-board", "/x7"} <= fetched
    assert not any(path.startswith("/news/") for path in fetched)
    budget = [s.url for s in snapshot.skipped() if s.reason == "budget"]
    assert len(budget) == 8


def test_start_url_falls_back_between_www_and_bare_host(site: Site, tmp_path: Path) -> None:
    site.page("/", '<a href="/board">Board</a>')
    site.page("/board", "<p>board</p>")
    # "www.localhost" does not resolve on most machines; "localhost" reaches the test server.
    opts = options(site, start_url=f"http://www.localhost:{site.port}/")
    events: list[CrawlEvent] = []
    crawl(opts, tmp_path / "snap", target_id="t", on_event=events.append)
    records = {r.url: r for r in Snapshot.open(tmp_path / "snap").content_records()}
    assert [r.status for u, r in records.items() if u.endswith("/board")] == [200]
    www = records[f"http://www.localhost:{site.port}/"]
    if www.status == 0:  # it did not resolve: the bare host was tried and crawled
        assert www.error and records[f"http://localhost:{site.port}/"].status == 200
        assert any(e.kind == "retry" and "trying" in e.detail for e in events)
