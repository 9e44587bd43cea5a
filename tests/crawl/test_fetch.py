"""Fault injection against a real loopback server: every failure ends up in the snapshot."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from lepcheck.crawl import crawl
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, assert_warcs_valid, home_linking, options, run


def test_server_error_then_success_is_retried(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/flaky")
    site.routes["/flaky"] = lambda attempt, _: Reply(
        status=500 if attempt == 1 else 200, body=b"<html>ok</html>"
    )
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/flaky"].status == 200
    assert site.hits("/flaky") == 2


def test_429_waits_for_retry_after(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/busy")
    site.routes["/busy"] = lambda attempt, _: (
        Reply(status=429, headers={"Retry-After": "1"}) if attempt == 1 else Reply(body=b"fine")
    )
    _, records = run(site, tmp_path)
    first, second = [t for (p, _), t in zip(site.log, site.stamps, strict=True) if p == "/busy"]
    assert second - first >= 0.95
    assert records[f"{site.base}/busy"].status == 200


def test_timeout_then_success_and_persistent_timeout(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/slow-once", "/always-slow")
    site.routes["/slow-once"] = lambda attempt, _: Reply(
        sleep=1.0 if attempt == 1 else 0.0, body=b"late"
    )
    site.routes["/always-slow"] = Reply(sleep=1.0, body=b"never")
    _, records = run(site, tmp_path, timeout=0.3)
    assert records[f"{site.base}/slow-once"].status == 200
    failed = records[f"{site.base}/always-slow"]
    assert failed.status == 0 and failed.error == "timed out after 0.3s"
    assert site.hits("/always-slow") == 3


def test_connection_reset_is_retried(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/reset")
    site.routes["/reset"] = lambda attempt, _: Reply(reset=attempt == 1, body=b"second time")
    snapshot, records = run(site, tmp_path)
    assert snapshot.body(records[f"{site.base}/reset"]) == b"second time"


def test_redirect_loop_is_cut_and_recorded(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/a", "/moved")
    site.routes["/a"] = Reply(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Reply(status=301, headers={"Location": "/a"})
    site.routes["/moved"] = Reply(status=301, headers={"Location": "/new-home"})
    site.page("/new-home", "<html>here now</html>")
    _, records = run(site, tmp_path)
    loop = records[f"{site.base}/a"]
    assert loop.status == 0 and loop.error == f"redirect loop at {site.base}/a"
    assert site.hits("/a") == 2 and site.hits("/b") == 2
    moved = records[f"{site.base}/moved"]
    assert (moved.status, moved.final_url) == (200, f"{site.base}/new-home")
    assert_warcs_valid(tmp_path / "snap")
    # The target of a redirect is not fetched a second time as a URL of its own.
    assert site.hits("/new-home") == 1


def test_cookie_wall_redirect_to_itself_is_followed(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/board")

    def board(attempt: int, headers: dict[str, str]) -> Reply:
        if "consent=yes" not in headers.get("cookie", ""):
            return Reply(status=302, headers={"Location": "/board", "Set-Cookie": "consent=yes"})
        return Reply(body=b"<p>The board</p>")

    site.routes["/board"] = board
    snapshot, records = run(site, tmp_path)
    record = records[f"{site.base}/board"]
    assert record.status == 200 and snapshot.body(record) == b"<p>The board</p>"


def test_oversized_body_is_cut(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/big.pdf")
    site.routes["/big.pdf"] = Reply(body=b"%PDF" + b"x" * 50_000, content_type="application/pdf")
    snapshot, records = run(site, tmp_path, max_bytes=10_000)
    big = records[f"{site.base}/big.pdf"]
    assert big.truncated and big.length == 10_000
    assert snapshot.body(big) == (b"%PDF" + b"x" * 50_000)[:10_000]
    assert_warcs_valid(tmp_path / "snap")


def test_slow_body_is_cut_at_the_deadline_and_kept(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/slow.pdf")
    body = b"%PDF" + bytes(range(256)) * 80  # about 20 KB, sent 1 KB every 0.1 s
    site.routes["/slow.pdf"] = Reply(body=body, content_type="application/pdf", drip=0.1)
    snapshot, records = run(site, tmp_path, timeout=0.15)  # deadline 6 x 0.15 s = 0.9 s
    record = records[f"{site.base}/slow.pdf"]
    assert record.truncated and 0 < record.length < len(body)
    assert snapshot.body(record) == body[: record.length]
    assert site.hits("/slow.pdf") == 1
    (warc,) = (tmp_path / "snap" / "warc").glob("*.warc.gz")
    with warc.open("rb") as stream:
        cut = [
            r.rec_headers.get_header("WARC-Truncated")
            for r in ArchiveIterator(stream)
            if r.rec_type == "response" and r.rec_headers.get_header("WARC-Truncated")
        ]
    assert cut == ["time"]


def test_gzip_bomb_is_bounded(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/bomb")
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)
    site.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    started = time.monotonic()
    snapshot, records = run(site, tmp_path, max_bytes=1_000_000)
    record = records[f"{site.base}/bomb"]
    assert record.truncated and record.length == 1_000_000
    assert len(snapshot.body(record)) == 1_000_000
    assert time.monotonic() - started < 10


def test_gzip_encoded_page_is_stored_decoded(site: Site, tmp_path: Path) -> None:
    html = b'<html><a href="/inner">Inner</a></html>'
    site.routes["/"] = Reply(body=gzip.compress(html), headers={"Content-Encoding": "gzip"})
    site.page("/inner", "<html>inner</html>")
    snapshot, records = run(site, tmp_path)
    assert snapshot.body(records[f"{site.base}/"]) == html
    assert records[f"{site.base}/inner"].status == 200


def test_robots_disallow_and_crawl_delay(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/private/secret", "/public1", "/public2")
    site.routes["/robots.txt"] = Reply(
        body=b"User-agent: *\nDisallow: /private\nCrawl-delay: 0.5\n", content_type="text/plain"
    )
    site.page("/public1", "<html>1</html>")
    site.page("/public2", "<html>2</html>")
    snapshot, _ = run(site, tmp_path)
    assert {s.url: s.reason for s in snapshot.skipped()}[f"{site.base}/private/secret"] == "robots"
    assert site.hits("/private/secret") == 0 and site.hits("/robots.txt") == 1
    gaps = [b - a for a, b in zip(site.stamps, site.stamps[1:], strict=False)]
    # Measured where the server receives, so scheduling jitter on a busy machine shows up
    # in single gaps; without the Crawl-delay they would be a few milliseconds.
    assert len(gaps) >= 3 and min(gaps) >= 0.35
    assert sum(gaps) / len(gaps) >= 0.48


def test_robots_server_error_disallows_the_site(site: Site, tmp_path: Path) -> None:
    from lepcheck.crawl import TargetUnreachableError

    site.page("/", "<html>hi</html>")
    site.routes["/robots.txt"] = Reply(status=503)
    try:
        crawl(options(site), tmp_path / "snap", target_id="t")
    except TargetUnreachableError as error:
        assert "robots.txt answered HTTP 503" in str(error)
    else:
        raise AssertionError("a 503 robots.txt must stop the crawl")
    assert site.hits("/") == 0


def test_calendar_trap_is_cut(site: Site, tmp_path: Path) -> None:
    def calendar(path: str) -> Reply | None:
        if not path.startswith("/events/month/"):
            return None
        year, month = (int(x) for x in path.rsplit("/", 2)[-2].split("-"))
        nxt = f"{year + month // 12}-{month % 12 + 1:02d}"
        prev = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
        body = f'<a href="/events/month/{nxt}/">next</a><a href="/events/month/{prev}/">prev</a>'
        return Reply(body=body.encode())

    site.fallback = calendar
    home_linking(site, "/events/month/2026-11/")
    snapshot, records = run(site, tmp_path, max_depth=500, max_pages=1000)
    calendar_pages = [u for u in records if "/events/month/" in u]
    assert 10 <= len(calendar_pages) <= 40
    assert any(s.reason == "trap" for s in snapshot.skipped())


def test_repeated_segments_and_endless_queries_are_traps(site: Site, tmp_path: Path) -> None:
    home_linking(site, "/a/b/a/b/a/", "/list?x=1&x=2", "/ok")
    site.page("/ok", "<html>ok</html>")
    snapshot, _ = run(site, tmp_path)
    reasons = {s.url: s.reason for s in snapshot.skipped()}
    assert reasons[f"{site.base}/a/b/a/b/a/"] == "trap"
    assert reasons[f"{site.base}/list?x=1&x=2"] == "trap"


def test_budget_and_depth_limits_are_recorded(site: Site, tmp_path: Path) -> None:
    site.fallback = lambda path: Reply(
        body=f'<a href="{path}a/">a</a><a href="{path}b/">b</a>'.encode()
    )
    site.page("/", "".join(f'<a href="/p{n}/">p</a>' for n in range(5)))
    snapshot, records = run(site, tmp_path, max_depth=2, max_pages=6)
    assert len([r for r in records.values() if "robots" not in r.url]) <= 7
    reasons = {s.reason for s in snapshot.skipped()}
    assert "budget" in reasons
    assert max(r.depth for r in records.values()) <= 2


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


def test_total_time_budget_stops_the_crawl(site: Site, tmp_path: Path) -> None:
    home_linking(site, *(f"/slow/{n}" for n in range(40)))
    site.fallback = lambda path: Reply(body=b"<p>slow</p>", sleep=0.2)
    started = time.monotonic()
    snapshot, records = run(site, tmp_path, total_time=1.0)
    assert time.monotonic() - started < 6  # 1 s of budget, then the requests in flight
    assert 0 < len([u for u in records if "/slow/" in u]) < 40
    assert any(s.reason == "budget" for s in snapshot.skipped())


def test_a_page_that_breaks_the_crawler_does_not_end_the_crawl(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection inside the crawler: link reading and fetching blow up on one URL each."""
    from lepcheck.crawl import CrawlEvent, discovery, links
    from lepcheck.crawl.fetch import Fetcher

    home_linking(site, "/bad-links", "/bad-fetch", "/fine")
    site.page("/bad-links", '<a href="/never">never</a>')
    site.page("/fine", "<p>fine</p>")

    def exploding_links(body: bytes, page_url: str, content_type: str = "") -> list[object]:
        if page_url.endswith("/bad-links"):
            raise RuntimeError("parser fell over")
        return links.extract_links(body, page_url, content_type)  # type: ignore[return-value]

    real_fetch = Fetcher.fetch

    async def exploding_fetch(self: object, url: str, **kwargs: object) -> object:
        if url.endswith("/bad-fetch"):
            raise ValueError("unexpected")
        return await real_fetch(self, url, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(discovery, "extract_links", exploding_links)
    monkeypatch.setattr(Fetcher, "fetch", exploding_fetch)
    events: list[CrawlEvent] = []
    crawl(options(site), tmp_path / "snap", target_id="t", on_event=events.append)
    records = {r.url: r for r in Snapshot.open(tmp_path / "snap").records()}
    assert records[f"{site.base}/bad-links"].status == 200
    assert records[f"{site.base}/bad-fetch"].error == "internal error: ValueError: unexpected"
    assert records[f"{site.base}/fine"].status == 200
    assert site.hits("/never") == 0
    assert any("links not read: RuntimeError" in e.detail for e in events)


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
