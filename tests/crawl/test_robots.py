"""robots.txt rules, link extraction, traps, sitemaps and bounded decoding, on their own."""

from __future__ import annotations

import gzip
import zlib
from datetime import date

import pytest

from lepcheck.crawl import DEFAULT_USER_AGENT
from lepcheck.crawl.decoding import BoundedBody
from lepcheck.crawl.kinds import is_document_link
from lepcheck.crawl.links import extract_links
from lepcheck.crawl.robots import MAX_CRAWL_DELAY, rules_from_response
from lepcheck.crawl.sitemaps import parse_sitemap
from lepcheck.crawl.traps import TrapDetector

ROBOTS = b"""User-agent: lepcheck
Disallow: /drafts
Crawl-delay: 7200

User-agent: *
Disallow: /
"""


def test_robots_group_for_lepcheck_wins_over_the_wildcard() -> None:
    rules = rules_from_response(200, ROBOTS)
    assert rules.allows("https://lep.example/board", DEFAULT_USER_AGENT)
    assert not rules.allows("https://lep.example/drafts/x", DEFAULT_USER_AGENT)
    assert not rules.allows("https://lep.example/board", "SomeOtherBot/1.0")
    assert rules.crawl_delay(DEFAULT_USER_AGENT) == MAX_CRAWL_DELAY


@pytest.mark.parametrize(
    ("status", "allowed"), [(404, True), (401, True), (500, False), (503, False), (None, True)]
)
def test_robots_status_rules(status: int | None, allowed: bool) -> None:
    assert rules_from_response(status, b"").allows("https://x/a", DEFAULT_USER_AGENT) is allowed


def test_links_follow_base_frames_and_meta_refresh() -> None:
    html = b"""<html><head><base href="https://lep.example/papers/">
    <meta http-equiv="Refresh" content="0; URL='/new-home'"></head><body>
    <a href="minutes.pdf">Minutes</a><iframe src="viewer.html"></iframe>
    <area href="/map-area" alt="x"><a href="https://lep.example/papers/minutes.pdf">again</a>
    <a href="#top">top</a><a href="data:text/plain,hi">data</a></body></html>"""
    found = {link.url: link.text for link in extract_links(html, "https://lep.example/x")}
    assert found == {
        "https://lep.example/papers/minutes.pdf": "Minutes",
        "https://lep.example/papers/viewer.html": "",
        "https://lep.example/map-area": "",
        "https://lep.example/papers/": "top",
        "https://lep.example/new-home": "",
    }


def test_links_of_garbage_are_empty() -> None:
    assert extract_links(b"", "https://x/") == []
    assert extract_links(b"\x00\xff\xfe" * 100, "https://x/") == []


def test_trap_detector_limits_calendar_and_query_variants() -> None:
    traps = TrapDetector(date(2026, 11, 23))
    assert traps.reason("https://x/events/2029-01/") == "calendar date out of range (2029)"
    assert traps.reason("https://x/events/1999-12/") == "calendar date out of range (1999)"
    assert traps.reason("https://x/events/2027-01/") is None
    reasons = [traps.reason(f"https://x/search?page={n}") for n in range(60)]
    assert reasons.count(None) == 50 and reasons[-1] == "too many query variants of one page"
    # A folder of dated board papers is not a calendar.
    papers = [
        traps.reason(
            f"https://x/wp-content/uploads/{2015 + n // 12}/{n % 12 + 1:02d}/day.pdf",
            is_document=True,
        )
        for n in range(120)
    ]
    assert set(papers) == {None}


def test_sitemap_parsing_refuses_entities_and_reads_gzip_indexes() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa">
    <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><urlset><url><loc>&b;</loc></url></urlset>"""
    assert parse_sitemap(bomb) == ([], [])
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://x/pages.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(gzip.compress(index)) == ([], ["https://x/pages.xml"])
    assert parse_sitemap(b"<html>not a sitemap") == ([], [])


def test_bounded_body_reads_raw_deflate_and_stops_a_bomb() -> None:
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    data = raw.compress(b"minutes " * 100) + raw.flush()
    body = BoundedBody("deflate", 10_000)
    body.feed(data)
    assert body.body == b"minutes " * 100 and not body.truncated
    bomb = BoundedBody("gzip", 1000)
    bomb.feed(gzip.compress(b"\0" * 10_000_000))
    assert bomb.truncated and bomb.size == 1000


@pytest.mark.parametrize(
    ("url", "text", "expected"),
    [
        ("https://c.gov.uk/documents/s123/Minutes.pdf", "", True),
        ("https://c.gov.uk/mgConvert2PDF.aspx?ID=99", "Minutes", True),
        ("https://lep.example/download?id=5", "", True),
        ("https://lep.example/media/1234", "Annual report (PDF, 2MB)", True),
        ("https://lep.example/media/1234", "Register (420 KB)", True),
        ("https://c.gov.uk/ieListDocuments.aspx?CId=1&MId=5", "Meeting, 1 May 2025", False),
        ("https://lep.example/about-us", "About us", False),
    ],
)
def test_document_links_are_known_without_an_extension(url: str, text: str, expected: bool) -> None:
    assert is_document_link(url, text) is expected


def test_relevance_reads_path_and_link_text_not_the_host() -> None:
    from lepcheck.crawl.frontier import relevance
    from lepcheck.snapshot.index_db import FrontierEntry

    host = "https://www.businessboard.example"
    assert relevance(FrontierEntry(url=f"{host}/news/1", depth=1)) == 1
    assert relevance(FrontierEntry(url=f"{host}/about-us/board", depth=1)) == 0
    assert relevance(FrontierEntry(url=f"{host}/p/17", depth=1, link_text="Board minutes")) == 0
