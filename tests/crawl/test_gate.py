"""Whether a hop may be fetched: robots.txt as served by real sites, Crawl-delay, 5xx robots."""

from __future__ import annotations

from pathlib import Path

import pytest

from lepcheck.crawl import crawl

from .crawl_site_server import Reply, Site, home_linking, options, run, skipped_of
from .virtual_clock import install


def test_robots_disallow_and_crawl_delay(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = install(monkeypatch)
    home_linking(site, "/private/secret", "/public1", "/public2")
    site.routes["/robots.txt"] = Reply(
        body=b"User-agent: *\nDisallow: /private\nCrawl-delay: 0.5\n", content_type="text/plain"
    )
    site.page("/public1", "<html>1</html>")
    site.page("/public2", "<html>2</html>")
    snapshot, _ = run(site, tmp_path)
    assert {s.url: s.reason for s in snapshot.skipped()}[f"{site.base}/private/secret"] == "robots"
    assert site.hits("/private/secret") == 0 and site.hits("/robots.txt") == 1
    # robots.txt at the configured delay (0), then every request 0.5 s after the one before,
    # on the pacer's own (virtual) clock: exact, whatever the load on the machine.
    # robots.txt, home, sitemap.xml and the two public pages: one grant per request served.
    assert len(site.log) == 5
    assert clock.granted_to(f"127.0.0.1:{site.port}") == [0.0, 0.5, 1.0, 1.5, 2.0]


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


def test_robots_with_bom_crlf_and_late_star_group(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = Reply(
        body=b"\xef\xbb\xbfUser-agent: *\r\nDisallow: /private/\r\n\r\n"
        b"User-agent: googlebot\r\nDisallow: /\r\n",
        content_type="text/plain",
    )
    site.page("/", '<html><body><a href="/private/x">a</a><a href="/public">b</a></body></html>')
    site.page("/public", "<html>ok</html>")
    site.page("/private/x", "<html>secret</html>")
    snapshot, records = run(site, tmp_path)
    assert site.hits("/private/x") == 0
    assert skipped_of(snapshot)[f"{site.base}/private/x"] == "robots"
    assert f"{site.base}/public" in records


def test_robots_late_star_group(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = Reply(
        body=b"User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n",
        content_type="text/plain",
    )
    site.page("/", '<html><body><a href="/private/x">a</a><a href="/public">b</a></body></html>')
    site.page("/public", "<html>ok</html>")
    _, records = run(site, tmp_path)
    assert site.hits("/private/x") == 0
    assert f"{site.base}/public" in records


def test_robots_served_as_html_page(site: Site, tmp_path: Path) -> None:
    site.page("/robots.txt", "<html><body><h1>Page not found</h1><p>Sorry</p></body></html>")
    site.page("/", '<html><body><a href="/public">b</a></body></html>')
    site.page("/public", "<html>ok</html>")
    _, records = run(site, tmp_path)
    assert records[f"{site.base}/public"].status == 200


def test_robots_txt_is_read_whatever_type_it_is_served_as(site: Site, tmp_path: Path) -> None:
    """Some servers send robots.txt with an odd media type: it is still read and obeyed (a
    type the crawl skips for pages does not apply to it), and archived at depth 0."""
    home_linking(site, "/private/secret", "/public")
    site.routes["/robots.txt"] = Reply(
        body=b"User-agent: *\nDisallow: /private\n", content_type="image/png"
    )
    site.page("/public", "<html>public</html>")
    snapshot, records = run(site, tmp_path)
    assert skipped_of(snapshot)[f"{site.base}/private/secret"] == "robots"
    assert site.hits("/private/secret") == 0
    robots = records[f"{site.base}/robots.txt"]
    assert robots.status == 200 and robots.depth == 0
