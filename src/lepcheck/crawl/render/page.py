"""Rendering one page: its response, already fetched and archived, is drawn in a fresh browser
context; each request the page's scripts make goes to the crawl (`Subrequests`), never to the
network; the DOM is read when the page is quiet, or when the time cap is reached.

What a render fetches: scripts and the data they ask for (XHR, fetch), with GET. Never:
images, styles, fonts, media, frames, beacons, trackers and embedded players
(vocab.access.NOT_FETCHED_HOSTS), requests that would change something (POST and the like),
and no navigation away from the page (a script that sends the browser elsewhere, to a
private address or not, is stopped and reported). Bounds: `RenderLimits`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from lepcheck.crawl.fetch import FetchResult, RenderedPage, Response
from lepcheck.crawl.render.memory import tree_bytes
from lepcheck.vocab.access import NOT_FETCHED_HOSTS

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page, Route

FETCHED_TYPES = frozenset({"script", "xhr", "fetch"})
READ_METHODS = frozenset({"GET", "HEAD"})
# Headers a response loses on its way into the page: the body is already decoded and whole.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
# Request headers a data endpoint may answer differently without (JSON or HTML fragments).
_PASSED_HEADERS = ("accept", "x-requested-with")
_WATCH_SECONDS = 0.25
# A page is quiet when none of its requests has been in flight for this long (as a browser's
# "network idle"): scripts that draw from the data they loaded have run by then.
QUIET_SECONDS = 0.5
_READ_DOM_SECONDS = 5.0
_CLOSE_SECONDS = 5.0

# A subrequest: the URL and the headers to pass -> the crawl's result, and whether it is new
# (a script shared by several pages is fetched and archived once).
Subrequest = Callable[[str, dict[str, str]], Awaitable[tuple[FetchResult, bool]]]


@dataclass(frozen=True)
class RenderLimits:
    seconds: float = 20.0  # from navigation to the DOM read
    max_requests: int = 60  # scripts and data requests per page
    max_dom_bytes: int = 30_000_000
    memory_bytes: int = 1536 * 1024 * 1024  # the whole browser, watched while a page renders


@dataclass
class _Watch:
    """What happened during one render, for its RenderedPage."""

    url: str
    started: bool = False
    requests: int = 0
    loaded: list[FetchResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    over_memory: bool = False
    crashed: bool = False
    in_flight: int = 0
    load_fired: bool = False
    left: bool = False  # the page tried to navigate away (its loading stops there)
    last_activity: float = field(default_factory=time.monotonic)

    def note(self, text: str) -> None:
        if text not in self.notes and len(self.notes) < 10:
            self.notes.append(text)


def _fulfil_headers(response: Response) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in response.headers:
        if name.lower() not in _WIRE_HEADERS:
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


async def _answer(route: Route, response: Response) -> None:
    await route.fulfill(
        status=response.status, headers=_fulfil_headers(response), body=response.body
    )


async def _route_request(route: Route, page: Page, original: Response, watch: _Watch,
                         subrequest: Subrequest, limits: RenderLimits) -> None:  # fmt: skip
    """Answer one request of the page from the crawl, or refuse it (with a note)."""
    request = route.request
    url = request.url
    if request.is_navigation_request():
        if request.frame == page.main_frame and url == original.url and not watch.started:
            watch.started = True
            await _answer(route, original)
            return
        if request.frame == page.main_frame or request.frame.page != page:
            watch.left = True
            # A page that moves on within its site is followed by the crawler (links.py
            # reads where its script leads); a move elsewhere is said.
            if urlsplit(url).netloc != urlsplit(original.url).netloc:
                watch.note(f"the page tried to open {url[:200]}: not followed")
        # "aborted" cancels the navigation and keeps the page (any other error would put the
        # browser's error page in its place); the crawler follows the page's links itself.
        await route.abort("aborted")
        return
    host = urlsplit(url).hostname or ""
    watch.last_activity = time.monotonic()  # a page still asking is not quiet, answered or not
    if request.method not in READ_METHODS:
        watch.note(f"a {request.method} request to {url[:200]} was not sent (a render only reads)")
        await route.abort("blockedbyclient")
        return
    if request.resource_type not in FETCHED_TYPES or NOT_FETCHED_HOSTS.search(host):
        await route.abort("blockedbyclient")
        return
    if watch.requests >= limits.max_requests:
        watch.note(f"the page asked for more than {limits.max_requests} scripts and data: "
                   "the rest were not fetched")  # fmt: skip
        await route.abort("blockedbyclient")
        return
    watch.requests += 1
    passed = {k: v for k, v in request.headers.items() if k.lower() in _PASSED_HEADERS}
    watch.in_flight += 1
    try:
        result, fresh = await subrequest(url, passed)
    finally:
        watch.in_flight -= 1
        watch.last_activity = time.monotonic()
    if fresh:
        watch.loaded.append(result)
    if result.final is None:
        why = result.error or result.skip_reason or "no response"
        if result.skip_reason == "blocked":
            why = "a private or reserved address, refused by the network guard"
        watch.note(f"{url[:200]} was not fetched: {why}")
        await route.abort("blockedbyclient")
        return
    await _answer(route, result.final)


async def _watch_memory(pid: int | None, page: Page, watch: _Watch, limit: int) -> None:
    if pid is None:
        return
    while True:
        await asyncio.sleep(_WATCH_SECONDS)
        if tree_bytes(pid) > limit:
            watch.over_memory = True
            await page.close()
            return


async def _load(page: Page, url: str, watch: _Watch, seconds: float) -> bool:
    """Navigate and wait until the page is quiet: loaded (or stopped by its own attempt to
    leave), and no request of its own in flight for QUIET_SECONDS; False when the time cap
    came first."""
    try:
        async with asyncio.timeout(seconds):
            await page.goto(url, wait_until="commit", timeout=seconds * 1000)
            while not await _confirmed_quiet(page, watch):
                while (
                    not (watch.load_fired or watch.left)
                    or watch.in_flight
                    or (time.monotonic() - watch.last_activity < QUIET_SECONDS)
                ):
                    await asyncio.sleep(QUIET_SECONDS / 5)
    except TimeoutError:
        return False
    return True


async def _confirmed_quiet(page: Page, watch: _Watch) -> bool:
    """Whether the page, quiet by the clock, stays quiet once its own tasks have had a turn:
    on a machine short of CPU, half a second can pass between a response and the request a
    script makes on reading it, so the clock alone would take a page that never stops asking
    for a finished one."""
    if not watch.load_fired and not watch.left:
        return False
    from playwright.async_api import Error

    mark = watch.last_activity
    try:
        await page.evaluate("() => new Promise((done) => setTimeout(done, 100))")
    except Error:
        return True  # the page is gone or moving: nothing more to wait for
    return watch.last_activity == mark and not watch.in_flight


async def render_page(
    context: BrowserContext,
    original: Response,
    *,
    reason: str,
    subrequest: Subrequest,
    limits: RenderLimits,
    browser_pid: int | None,
) -> RenderedPage:
    """Draw `original` (a page's final response) in `context`, which it closes."""
    from playwright.async_api import Error

    watch = _Watch(original.url)
    page = await context.new_page()
    page.on("crash", lambda _page: setattr(watch, "crashed", True))
    page.on("load", lambda _page: setattr(watch, "load_fired", True))
    await context.route("**/*", lambda route: _route_request(
        route, page, original, watch, subrequest, limits))  # fmt: skip
    watcher = asyncio.create_task(_watch_memory(browser_pid, page, watch, limits.memory_bytes))
    started = time.monotonic()
    dom: bytes | None = None
    quiet = False
    try:
        quiet = await _load(page, original.url, watch, limits.seconds)
        async with asyncio.timeout(_READ_DOM_SECONDS):
            dom = (await page.content()).encode("utf-8")
    except (Error, TimeoutError) as error:
        watch.note(_why_unread(watch, error, time.monotonic() - started, limits))
    finally:
        watcher.cancel()
        try:
            async with asyncio.timeout(_CLOSE_SECONDS):
                await context.close()
        except (Error, TimeoutError):
            watch.note("the browser context did not close in time")
    return _rendered(watch, reason, dom, quiet, limits)


def _why_unread(watch: _Watch, error: BaseException, spent: float, limits: RenderLimits) -> str:
    if watch.over_memory:
        return f"the browser passed the {limits.memory_bytes // 2**20} MB memory cap: stopped"
    if watch.crashed:
        return "the page crashed the browser tab (its scripts ran out of memory or failed)"
    if isinstance(error, TimeoutError):
        return f"the page's scripts kept the browser busy past {spent:.0f}s: no DOM could be read"
    return f"the page could not be drawn: {' '.join(str(error).split())[:200]}"


def _rendered(
    watch: _Watch, reason: str, dom: bytes | None, quiet: bool, limits: RenderLimits
) -> RenderedPage:
    truncated_by: str | None = None
    if dom is not None and not quiet:
        truncated_by = "time"
        watch.note(f"the page was still loading after {limits.seconds:g}s: its DOM then was read")
    if dom is not None and len(dom) > limits.max_dom_bytes:
        dom, truncated_by = dom[: limits.max_dom_bytes], "length"
    return RenderedPage(
        reason=reason,
        rendered_at=datetime.now(UTC),
        dom=dom,
        truncated_by=truncated_by,
        loaded=watch.loaded,
        problem="; ".join(watch.notes) or None,
    )
