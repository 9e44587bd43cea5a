"""The rendering source: a FetchSource over another (the live web, or an archive) that draws a
page in headless Chromium when `--render` says so, and hands back the page's response with
what the browser made of it (`FetchResult.rendered`), for the recorder to archive.

Which fetches: pages (a fetch with no size cap of its own; robots.txt, sitemaps and committee
systems' answers carry theirs) whose final response is HTML with a 2xx status, and never a
wall (crawl/access.py: a challenge is not run, a login or cookie wall not passed). `always`
renders every such page; `auto` only those shell.render_reason picks, so a site that needs
no rendering never starts the browser. Every request the page makes is fetched by the inner
source behind `check_hop`, the crawl's gate (SSRF guard, robots.txt, Crawl-delay), with the
crawl's pacing and a size cap; a script or data URL several pages share is fetched once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from lepcheck.crawl.access import wall_of
from lepcheck.crawl.fetch import FetchResult, HopCheck, RenderedPage, Response
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.render.browser import HeadlessChromium, RenderUnavailableError
from lepcheck.crawl.render.page import RenderLimits, render_page
from lepcheck.crawl.render.shell import render_reason
from lepcheck.crawl.source import FetchSource

# One page drawn at a time: pages of one site share a renderer process, so a second render
# beside a page whose scripts spin is starved, and restarting the browser after such a page
# (render) must not cut another page's render short.
RENDERS_AT_ONCE = 1
SUBRESOURCE_MAX_BYTES = 5_000_000
# Scripts and data shared by pages are kept for the crawl up to this size each.
SHARED_MAX_BYTES = 2_000_000
SCRIPT_HEAP_MB = 256
_HTML = ("text/html", "application/xhtml+xml")


def _is_html(response: Response) -> bool:
    media = next((v for k, v in response.headers if k.lower() == "content-type"), "")
    return media.split(";")[0].strip().lower() in _HTML


class RenderingSource:
    def __init__(
        self, inner: FetchSource, options: CrawlOptions, check_subrequest: HopCheck
    ) -> None:
        self.inner = inner
        self.options = options
        self.check_subrequest = check_subrequest
        self.limits = RenderLimits(seconds=options.render_seconds, max_dom_bytes=options.max_bytes)
        self.browser = HeadlessChromium(script_heap_mb=SCRIPT_HEAP_MB)
        self.unavailable: str | None = None
        self._starting = asyncio.Lock()
        self._turns = asyncio.Semaphore(RENDERS_AT_ONCE)
        self._shared: dict[str, asyncio.Task[FetchResult]] = {}

    async def fetch(
        self,
        url: str,
        *,
        check_hop: HopCheck,
        extra_headers: dict[str, str] | None = None,
        skip_unwanted_types: bool = True,
        max_bytes: int | None = None,
    ) -> FetchResult:
        result = await self.inner.fetch(
            url,
            check_hop=check_hop,
            extra_headers=extra_headers,
            skip_unwanted_types=skip_unwanted_types,
            max_bytes=max_bytes,
        )
        final = result.final
        if max_bytes is not None or final is None:
            return result
        reason = self.render_reason(result.url, final)
        if reason is not None:
            result.rendered = await self.render(final, reason)
        return result

    def render_reason(self, requested: str, final: Response) -> str | None:
        """Why this page is to be rendered, or None."""
        if not (200 <= final.status < 300) or not _is_html(final):
            return None
        if wall_of(final.url, final.status, final.headers, final.body, requested=requested):
            return None
        if self.options.render == "always":
            return "--render always"
        return render_reason(final.url, final.body)

    async def render(self, final: Response, reason: str) -> RenderedPage:
        async with self._turns:
            problem = await self._ensure_browser()
            if problem is not None:
                return RenderedPage(reason=reason, rendered_at=datetime.now(UTC), problem=problem)
            from playwright.async_api import Error

            try:
                context = await self.browser.new_context(self.options.user_agent)
                rendered = await render_page(
                    context,
                    final,
                    reason=reason,
                    subrequest=self._subrequest,
                    limits=self.limits,
                    browser_pid=self.browser.pid,
                )
                if rendered.dom is None:
                    # Pages of one site share a renderer process: one whose scripts still spin
                    # (or that crashed or ate memory) would starve every later page's render.
                    await self.browser.close()  # started afresh for the next page
                return rendered
            except Error as error:
                await self.browser.close()  # started afresh for the next page
                why = " ".join(str(error).split())[:200] or type(error).__name__
                problem = f"the browser failed: {why}"
                return RenderedPage(reason=reason, rendered_at=datetime.now(UTC), problem=problem)

    async def _ensure_browser(self) -> str | None:
        async with self._starting:
            if self.unavailable is None and not self.browser.running:
                await self.browser.close()  # a browser that died is started again
                try:
                    await self.browser.start()
                except RenderUnavailableError as error:
                    self.unavailable = f"rendering is unavailable: {error}"
        return self.unavailable

    async def _subrequest(self, url: str, headers: dict[str, str]) -> tuple[FetchResult, bool]:
        shared = self._shared.get(url)
        if shared is not None:
            return await shared, False
        task = asyncio.ensure_future(
            self.inner.fetch(
                url,
                check_hop=self.check_subrequest,
                extra_headers=headers,
                skip_unwanted_types=False,
                max_bytes=SUBRESOURCE_MAX_BYTES,
            )
        )
        self._shared[url] = task
        result = await task
        if result.final is not None and len(result.final.body) > SHARED_MAX_BYTES:
            self._shared.pop(url, None)  # fetched again by a page that needs it: memory first
        return result, True

    async def close(self) -> None:
        await self.browser.close()


@asynccontextmanager
async def rendering_source(
    inner: FetchSource, options: CrawlOptions, check_subrequest: HopCheck
) -> AsyncIterator[FetchSource]:
    """`inner` as it is with `--render never`; otherwise the rendering source over it, whose
    browser (if one was started) is closed however the crawl ends."""
    if options.render == "never":
        yield inner
        return
    source = RenderingSource(inner, options, check_subrequest)
    try:
        yield source
    finally:
        await source.close()
