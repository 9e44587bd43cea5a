"""robots.txt rules as read from a response, on their own."""

from __future__ import annotations

import pytest

from lepcheck.crawl import DEFAULT_USER_AGENT
from lepcheck.crawl.robots import MAX_CRAWL_DELAY, rules_from_response

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


DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


@pytest.mark.parametrize("status", [200, 206, 299])
def test_any_2xx_robots_txt_is_obeyed(status: int) -> None:
    """RFC 9309 2.3.1.1: a successful (2xx) robots.txt is read and obeyed, not only a 200."""
    rules = rules_from_response(status, DISALLOW_ALL)
    assert not rules.allows("https://lep.example/board", DEFAULT_USER_AGENT)


@pytest.mark.parametrize("status", [199, 300, 304, 404, 499])
def test_a_robots_txt_body_outside_2xx_is_not_read(status: int) -> None:
    """RFC 9309 2.3.1.3: an unavailable robots.txt (a 4xx, a 3xx left after the redirects, any
    other non-2xx below 500) allows everything, whatever its body says."""
    rules = rules_from_response(status, DISALLOW_ALL)
    assert rules.allows("https://lep.example/board", DEFAULT_USER_AGENT)
    assert rules.crawl_delay(DEFAULT_USER_AGENT) == 0.0 and rules.sitemaps() == []


def test_a_server_error_from_500_up_disallows_the_site_and_499_does_not() -> None:
    """RFC 9309 2.3.1.4: 5xx (from 500 exactly) means the whole site is off limits."""
    assert not rules_from_response(500, b"").allows("https://x/a", DEFAULT_USER_AGENT)
    assert rules_from_response(499, b"").allows("https://x/a", DEFAULT_USER_AGENT)


@pytest.mark.parametrize(
    ("declared", "applied"), [("7200", 60.0), ("61", 60.0), ("60", 60.0), ("59", 59.0)]
)
def test_a_crawl_delay_is_obeyed_up_to_sixty_seconds(declared: str, applied: float) -> None:
    """A Crawl-delay slows the host as declared, capped at 60 s so an audit can finish."""
    body = f"User-agent: *\nCrawl-delay: {declared}\n".encode()
    assert rules_from_response(200, body).crawl_delay(DEFAULT_USER_AGENT) == applied


def test_no_crawl_delay_adds_no_delay() -> None:
    """Without a Crawl-delay line, or without a robots.txt, the host keeps the configured pace."""
    assert rules_from_response(200, DISALLOW_ALL).crawl_delay(DEFAULT_USER_AGENT) == 0.0
    assert rules_from_response(None, b"").crawl_delay(DEFAULT_USER_AGENT) == 0.0


def test_sitemaps_are_those_robots_txt_lists() -> None:
    """Sitemap lines of a robots.txt are followed; no robots.txt lists none."""
    body = b"User-agent: *\nDisallow:\nSitemap: https://lep.example/sitemap-board.xml\n"
    assert rules_from_response(200, body).sitemaps() == ["https://lep.example/sitemap-board.xml"]
    assert rules_from_response(404, body).sitemaps() == []


def test_robots_txt_is_read_to_500_kib_exactly() -> None:
    """RFC 9309 2.5: at least 500 KiB (512,000 bytes) of a robots.txt is read; lepcheck reads
    exactly that much, so a rule is cut at byte 512,000, not one byte before or after it."""
    limit = 500 * 1024
    rule = b"User-agent: *\nDisallow: /x"

    def padded(length: int) -> bytes:
        return b"#" * (length - 1) + b"\n"

    # The "x" is the last byte read: the rule disallows /x only, and /board stays allowed.
    x_read = rules_from_response(200, padded(limit - len(rule)) + rule + b"\nDisallow: /")
    assert x_read.allows("https://lep.example/board", DEFAULT_USER_AGENT)
    assert not x_read.allows("https://lep.example/x", DEFAULT_USER_AGENT)
    # The "x" is the first byte past the limit: what is read ("Disallow: /") forbids it all.
    x_cut = rules_from_response(200, padded(limit - len(rule) + 1) + rule)
    assert not x_cut.allows("https://lep.example/board", DEFAULT_USER_AGENT)
