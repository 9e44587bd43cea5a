"""Walls between the crawler and a page: a bot challenge, a login wall, a cookie wall.

A wall is said, not guessed (issue 16): its page is archived as it came, never taken for the
content its link promised and never rendered (running a challenge's script in a browser is
trying to pass it, which lepcheck never does), and the findings that needed the page say
`unknown` with "access blocked by a challenge at URL". The committee-system adapters ask the
same question of a web service's refusal (`challenge_of`). The words are data in
lepcheck.vocab.access.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import lxml.etree
import lxml.html

from lepcheck.vocab.access import (
    CHALLENGE_HEADERS,
    CHALLENGE_HINTS,
    CHALLENGE_MARKS,
    CHALLENGE_VENDOR,
    CHALLENGE_VENDOR_NAMES,
    COOKIE_WALL,
    LOGIN_URL,
    LOGIN_WALL,
)

REFUSING_STATUSES = frozenset({403, 429, 503})
# Challenges put their marks at the top of a small page.
_HEAD_BYTES = 16_000
# A wall stands in for the page: beyond this much visible text, a page with a login link or a
# cookie banner is content with a wall's words on it, not a wall.
WALL_MAX_TEXT = 1200
_RAW_BYTES = 400_000
WallKind = Literal["challenge", "login wall", "cookie wall"]


@dataclass(frozen=True)
class Wall:
    kind: WallKind
    detail: str  # what shows it: 'Cloudflare "Just a moment...", HTTP 403'

    def reason(self, url: str) -> str:
        """The one line the report gives, naming the URL the wall stands at."""
        return f"access blocked by a {self.kind} at {url} ({self.detail}): not read"


def _header_lines(headers: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{name.strip().lower()}: {value.strip()}" for name, value in headers]


def challenge_of(status: int, headers: Iterable[tuple[str, str]], body: bytes) -> str | None:
    """The bot challenge an answer is (its vendor's name), or None.

    A refusing status (403, 429, 503) with a challenge's header or words is one; so is a page
    of any status that carries a challenge vendor's own marks and little else."""
    lines = _header_lines(headers)
    head = body[:_HEAD_BYTES].decode("utf-8", "replace")
    marked = CHALLENGE_MARKS.search(head) is not None
    if status in REFUSING_STATUSES:
        headed = any(CHALLENGE_HEADERS.match(line) for line in lines)
        if not (headed or marked or CHALLENGE_HINTS.search(head)):
            return None
    elif not marked or len(visible_text(body)) > WALL_MAX_TEXT:
        # Cloudflare adds its challenge-platform script to ordinary pages too.
        return None
    found = CHALLENGE_VENDOR.search("\n".join([*lines, head]))
    vendor = found.lastgroup if found else None
    return CHALLENGE_VENDOR_NAMES.get(vendor or "", "a bot challenge page")


def visible_text(body: bytes) -> str:
    """The words a reader sees on an HTML page (scripts and styles aside), spaces collapsed."""
    try:
        root = lxml.html.document_fromstring(body[:2_000_000])
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    return " ".join(root.text_content().split())


def wall_of(
    url: str, status: int, headers: Iterable[tuple[str, str]], body: bytes, *, requested: str = ""
) -> Wall | None:
    """The wall an HTML answer for `url` is (`requested`: the URL asked for, when a redirect
    led here), or None when it is no wall."""
    headers = list(headers)
    challenge = challenge_of(status, headers, body)
    if challenge is not None:
        return Wall("challenge", f"{challenge}, HTTP {status}")
    if status == 401:
        return Wall("login wall", "HTTP 401: the server asks for credentials")
    if requested and requested != url and LOGIN_URL.search(url) and not LOGIN_URL.search(requested):
        return Wall("login wall", f"{requested} redirects to a sign-in page")
    if not body or status >= 500:
        return None
    raw = body[:_RAW_BYTES].decode("utf-8", "replace")
    if LOGIN_WALL.search(raw) is None and COOKIE_WALL.search(raw) is None:
        return None  # the words are not there at all: no need to read the page
    text = visible_text(body)
    if len(text) > WALL_MAX_TEXT:
        return None
    login = LOGIN_WALL.search(text)
    if login is not None and (b'type="password"' in body.lower() or LOGIN_URL.search(url)):
        return Wall("login wall", f'"{login.group(0)}", HTTP {status}')
    cookie = COOKIE_WALL.search(text)
    if cookie is not None:
        return Wall("cookie wall", f'"{cookie.group(0)}", HTTP {status}')
    return None
