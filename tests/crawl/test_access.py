"""Walls between the crawler and a page (crawl/access.py): bot challenges whatever their status,
login and cookie walls that stand in for the content, and pages that only mention them."""

from __future__ import annotations

from lepcheck.crawl.access import challenge_of, wall_of
from tests.fixtures.moderngov.emulator import CHALLENGE

INCAPSULA = (
    b'<html><head><META NAME="robots" CONTENT="noindex,nofollow"><script src="/_Incapsula_'
    b'Resource?SWJIYLWA=5074a744e2e3d891814e9a2dace20bd4,719d34d31c8e3a6e6fffd425f7e032f3">'
    b'</script><body><iframe src="/_Incapsula_Resource?CWUDNSAI=9">Request unsuccessful. '
    b"Incapsula incident ID: 1234000560123456789-12345678901234567</iframe></body></html>"
)


def test_challenges_are_named_by_their_vendor() -> None:
    assert (
        challenge_of(403, [("cf-mitigated", "challenge")], b"") == 'Cloudflare "Just a moment..."'
    )
    assert challenge_of(403, [], CHALLENGE) == 'Cloudflare "Just a moment..."'
    assert challenge_of(200, [], INCAPSULA) == "Imperva Incapsula"
    assert challenge_of(503, [], b"<p>Please complete the captcha to continue</p>") == (
        "a bot challenge page"
    )


def test_ordinary_pages_and_refusals_are_no_challenge() -> None:
    assert challenge_of(403, [("server", "cloudflare")], b"<h1>Forbidden</h1>") is None
    assert challenge_of(404, [], b"<h1>Page not found</h1> captcha") is None
    long_page = b"<p>" + b"Board papers and minutes. " * 200 + b"</p>"
    cloudflare_script = b'<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>'
    assert challenge_of(200, [], long_page + cloudflare_script) is None
    contact = b'<form><div class="g-recaptcha"></div>Please complete the captcha</form>'
    assert challenge_of(200, [], contact) is None


def test_a_wall_says_where_it_stands() -> None:
    wall = wall_of("https://democracy.test/ieListMeetings.aspx?CId=1", 403, [], CHALLENGE)
    assert wall is not None and wall.kind == "challenge"
    assert wall.reason("https://democracy.test/ieListMeetings.aspx?CId=1") == (
        "access blocked by a challenge at https://democracy.test/ieListMeetings.aspx?CId=1 "
        '(Cloudflare "Just a moment...", HTTP 403): not read'
    )


def test_login_and_cookie_walls() -> None:
    login = wall_of(
        "https://lep.test/Account/Login?ReturnUrl=%2Fboard", 200, [], b"<form>Sign in</form>",
        requested="https://lep.test/board",
    )  # fmt: skip
    assert login is not None and login.kind == "login wall"
    assert "redirects to a sign-in page" in login.detail
    form = (
        b"<h1>Members area</h1><p>You must be logged in to view this page.</p>"
        b'<input type="password">'
    )
    assert wall_of("https://lep.test/papers", 200, [], form) is not None
    assert wall_of("https://lep.test/papers", 401, [], b"") is not None
    cookie = (
        b"<h1>Before you continue</h1><p>Please accept cookies to continue to the site.</p>"
        b"<button>Accept</button>"
    )
    found = wall_of("https://lep.test/board", 200, [], cookie)
    assert found is not None and found.kind == "cookie wall"


def test_a_page_with_a_banner_or_a_login_link_is_content() -> None:
    banner = b'<div class="cookie-banner">Please accept cookies to continue to the site.</div>'
    content = b"<p>" + b"The board approved the accounts for 2022/23. " * 40 + b"</p>"
    assert wall_of("https://lep.test/board", 200, [], banner + content) is None
    link = b'<a href="/login">Sign in</a>' + content
    assert wall_of("https://lep.test/board", 200, [], link) is None
