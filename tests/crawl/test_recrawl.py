"""Conditional re-crawl against a previous snapshot."""

from __future__ import annotations

from pathlib import Path

from lepcheck.crawl import crawl
from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, assert_warcs_valid, by_url, options


def conditional_site(site: Site) -> None:
    site.page("/", '<a href="/register.pdf">Register</a><a href="/news">News</a>')
    pdf = b"%PDF register " * 2000

    def register(attempt: int, headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"r1"':
            return Reply(status=304, headers={"ETag": '"r1"'}, content_type="application/pdf")
        return Reply(body=pdf, content_type="application/pdf", headers={"ETag": '"r1"'})

    site.routes["/register.pdf"] = register
    site.page("/news", "<p>news</p>", **{"Last-Modified": "Mon, 02 Nov 2026 08:00:00 GMT"})


def test_conditional_recrawl_carries_unchanged_bodies(site: Site, tmp_path: Path) -> None:
    conditional_site(site)
    crawl(options(site), tmp_path / "one", target_id="t")
    first = by_url(tmp_path / "one")
    crawl(options(site, previous=tmp_path / "one"), tmp_path / "two", target_id="t")
    second = by_url(tmp_path / "two")
    url = f"{site.base}/register.pdf"
    conditional = [h for p, h in site.log if p == "/register.pdf"][-1]
    assert conditional["if-none-match"] == '"r1"'
    assert "if-modified-since" in [h for p, h in site.log if p == "/news"][-1]
    assert second[url].status == 200 and second[url].sha256 == first[url].sha256
    assert second[url].first_seen == first[url].first_seen
    assert second[url].fetched_at > first[url].fetched_at
    assert Snapshot.open(tmp_path / "two").body(second[url]) == Snapshot.open(
        tmp_path / "one"
    ).body(first[url])
    # Unchanged content keeps its first_seen even when the server answered 200 in full.
    news = f"{site.base}/news"
    assert second[news].first_seen == first[news].first_seen
    assert_warcs_valid(tmp_path / "two")


def test_unreadable_previous_copy_is_fetched_in_full(site: Site, tmp_path: Path) -> None:
    conditional_site(site)
    crawl(options(site), tmp_path / "one", target_id="t")
    url = f"{site.base}/register.pdf"
    old = by_url(tmp_path / "one")[url]
    warc = tmp_path / "one" / old.warc_file
    warc.chmod(0o644)
    with warc.open("r+b") as stream:
        stream.seek(old.warc_offset + 40)
        stream.write(b"\0" * 200)
    requests_before = site.hits("/register.pdf")
    crawl(options(site, previous=tmp_path / "one"), tmp_path / "two", target_id="t")
    assert site.hits("/register.pdf") - requests_before == 2  # the 304, then the full body
    new = by_url(tmp_path / "two")[url]
    assert new.sha256 == old.sha256 and new.status == 200
    assert Snapshot.open(tmp_path / "two").body(new).startswith(b"%PDF register")
