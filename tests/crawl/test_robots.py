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
