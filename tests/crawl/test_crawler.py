"""End-to-end crawls of a small site served on 127.0.0.1."""

from __future__ import annotations

import gzip
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

from .crawl_site_server import GOVERNANCE_PDF, Reply, Site, options, run

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


def test_single_document_fetch_makes_no_sitemap_requests(site: Site, tmp_path: Path) -> None:
    site.routes["/paper.pdf"] = Reply(body=b"%PDF paper", content_type="application/pdf")
    opts = options(site, start_url=f"{site.base}/paper.pdf", max_pages=1, max_depth=0)
    crawl(opts, tmp_path / "snap", target_id="t")
    assert [p for p, _ in site.log] == ["/robots.txt", "/paper.pdf"]
    (paper,) = [r for r in Snapshot.open(tmp_path / "snap").records() if r.url.endswith(".pdf")]
    assert Snapshot.open(tmp_path / "snap").body(paper) == b"%PDF paper"


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


def test_sitemap_index_seeds_unlinked_pages(site: Site, tmp_path: Path) -> None:
    site.page("/", "<html>home only</html>")
    base = site.base
    site.routes["/robots.txt"] = Reply(
        body=f"Sitemap: {base}/sitemap_index.xml\n".encode(), content_type="text/plain"
    )
    site.routes["/sitemap_index.xml"] = Reply(
        body=f"<sitemapindex><sitemap><loc>{base}/pages.xml.gz</loc></sitemap></sitemapindex>".encode(),
        content_type="application/xml",
    )
    site.routes["/pages.xml.gz"] = Reply(
        body=gzip.compress(
            f"<urlset><url><loc>{base}/hidden/board</loc></url>"
            f"<url><loc>http://elsewhere.invalid/x</loc></url></urlset>".encode()
        ),
        content_type="application/gzip",
    )
    site.page("/hidden/board", "<html>board</html>")
    _, records = run(site, tmp_path)
    hidden = records[f"{base}/hidden/board"]
    assert hidden.status == 200 and hidden.via == f"{base}/pages.xml.gz"


def test_sitemap_is_read_where_the_start_url_lands(site: Site, tmp_path: Path) -> None:
    site.routes["/"] = Reply(status=301, headers={"Location": "/en/"})
    site.page("/en/", "<p>home</p>")
    site.routes["/robots.txt"] = Reply(
        body=f"Sitemap: {site.base}/en/sitemap.xml\n".encode(), content_type="text/plain"
    )
    site.routes["/en/sitemap.xml"] = Reply(
        body=f"<urlset><url><loc>{site.base}/en/board</loc></url></urlset>".encode(),
        content_type="application/xml",
    )
    site.page("/en/board", "<p>board</p>")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/en/board"].via == f"{site.base}/en/sitemap.xml"


def test_home_page_that_is_only_a_meta_refresh(site: Site, tmp_path: Path) -> None:
    site.page("/", '<html><head><meta http-equiv="Refresh" content="0; URL=/new/"></head></html>')
    site.page("/new/", '<html><body><a href="/papers/register">Register</a></body></html>')
    site.routes["/papers/register"] = Reply(body=GOVERNANCE_PDF, content_type="application/pdf")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/papers/register"].status == 200


def test_redirected_links_fetch_each_final_url_once(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        '<html><body><a href="/board">a</a><a href="/old-board">b</a>'
        '<a href="/older-board">c</a></body></html>',
    )
    site.routes["/old-board"] = Reply(status=301, headers={"Location": "/board"})
    site.routes["/older-board"] = Reply(status=302, headers={"Location": "/board"})
    site.page("/board", "<html>board</html>")
    snapshot, records = run(site, tmp_path, delay=0.01)
    assert site.hits("/board") == 1
    for path in ("/old-board", "/older-board"):
        record = records[f"{site.base}{path}"]
        assert record.final_url == f"{site.base}/board" and record.status == 200
        assert snapshot.body(record) == b"<html>board</html>"


def test_link_to_a_url_a_redirect_already_reached_is_not_refetched(
    site: Site, tmp_path: Path
) -> None:
    site.page("/", '<html><body><a href="/old-board">a</a><a href="/board">b</a></body></html>')
    site.routes["/old-board"] = Reply(status=301, headers={"Location": "/board"})
    site.page("/board", "<html>board</html>")
    snapshot, records = run(site, tmp_path, delay=0.01)
    assert site.hits("/board") == 1
    old, direct = records[f"{site.base}/old-board"], records[f"{site.base}/board"]
    assert old.final_url == direct.final_url == f"{site.base}/board"
    assert snapshot.body(old) == snapshot.body(direct) == b"<html>board</html>"


def test_home_page_refreshing_to_the_new_domain(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    new = other_site.base
    site.page(
        "/", f'<html><head><meta http-equiv="refresh" content="0;url=\'{new}/\'"></head></html>'
    )
    other_site.page("/", '<html><body><a href="/governance/">Governance</a></body></html>')
    other_site.page(
        "/governance/", '<html><body><a href="/papers/register">Register</a></body></html>'
    )
    other_site.routes["/papers/register"] = Reply(
        body=GOVERNANCE_PDF, content_type="application/pdf"
    )
    _, records = run(site, tmp_path)
    assert records[f"{new}/papers/register"].status == 200


def test_home_page_redirecting_by_script(site: Site, tmp_path: Path) -> None:
    site.page(
        "/",
        "<html><head><script>window.location.href = '/site/home';</script></head>"
        "<body>Redirecting…</body></html>",
    )
    site.page("/site/home", '<html><body><a href="/site/board">Board</a></body></html>')
    site.page("/site/board", "<html>board</html>")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/site/board"].status == 200


def test_a_redirect_to_an_archived_page_stops_there_however_its_url_sorts(
    site: Site, tmp_path: Path
) -> None:
    """A later redirect to a page already archived is not followed again, whether its URL sorts
    before or after the page's (the hop check compares URLs for identity, not order)."""
    site.page("/", '<html><body><a href="/board">Board</a><a href="/more">More</a></body></html>')
    site.page("/board", "<html>board</html>")
    site.page("/more", '<html><a href="/aaa-board">old</a><a href="/zzz-board">older</a></html>')
    site.routes["/aaa-board"] = Reply(status=301, headers={"Location": "/board"})
    site.routes["/zzz-board"] = Reply(status=301, headers={"Location": "/board"})
    snapshot, records = run(site, tmp_path, delay=0.01)
    assert site.hits("/board") == 1
    for path in ("/aaa-board", "/zzz-board"):
        record = records[f"{site.base}{path}"]
        assert record.final_url == f"{site.base}/board" and record.status == 200
        assert snapshot.body(record) == b"<html>board</html>"
