"""One headless Chromium for one crawl, driven by Playwright: started on the first page that
needs it, closed when the crawl ends (also on failure), with no profile kept.

Playwright, not Selenium: its request routing (`BrowserContext.route`) hands every request
the page makes to lepcheck before anything leaves the browser, over HTTP and HTTPS alike, so
the crawl's own source answers it (guard, robots.txt, pacing, size caps) and the browser
itself never touches the network; Selenium would need a proxy, blind inside HTTPS, or a CDP
session driven by hand. Playwright drives the Debian `chromium` (`executable_path`); no
browser is downloaded (`playwright install` is never run). It is imported only here, and
only when a page is to be rendered: `--render never`, or a site that needs no rendering,
never loads it.

As a second wall, the browser is pointed at a proxy that does not exist, loopback included:
anything that escaped the routing (a preconnect, a WebSocket) fails instead of connecting.
Each render's script heap is capped (`--js-flags`), and the whole browser's memory is watched
by the renderer (memory.py).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from lepcheck.crawl.render.memory import find_process

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext, Playwright

# Where Debian, Ubuntu and Chrome put the browser; LEPCHECK_CHROMIUM names another.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--no-sandbox",  # as root in a container; the page's requests never leave lepcheck anyway
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--proxy-server=http://127.0.0.1:9",  # nothing listens: what escapes routing fails
    "--proxy-bypass-list=<-loopback>",  # ... loopback included
)
INSTALL_HINT = "pip install 'lepcheck[render]' and apt-get install chromium"
# Chromium starts in about 3 s here, but past Playwright's 30 s default on a machine whose
# cores are shared (seen at a load average of 20 on 2 cores): a slow start is not "no browser".
LAUNCH_SECONDS = 90


class RenderUnavailableError(Exception):
    """No browser can be started; the message says why and what to do, in one line."""


def chromium_path() -> str | None:
    named = os.environ.get("LEPCHECK_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class HeadlessChromium:
    """The crawl's browser. `start` raises RenderUnavailableError; `close` never raises."""

    def __init__(self, *, script_heap_mb: int) -> None:
        self.script_heap_mb = script_heap_mb
        self.marker = f"--lepcheck-render={secrets.token_hex(6)}"
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self.pid: int | None = None

    @property
    def running(self) -> bool:
        return self._browser is not None and self._browser.is_connected()

    async def start(self) -> None:
        try:
            from playwright.async_api import Error, async_playwright
        except ImportError:
            raise RenderUnavailableError(f"Playwright is not installed ({INSTALL_HINT})") from None
        executable = chromium_path()
        if executable is None:
            raise RenderUnavailableError(f"no Chromium browser was found ({INSTALL_HINT})")
        flags = [*CHROMIUM_FLAGS, f"--js-flags=--max-old-space-size={self.script_heap_mb}"]
        try:
            self._playwright = await async_playwright().start()
            self._browser = await self._playwright.chromium.launch(
                executable_path=executable,
                headless=True,
                args=[*flags, self.marker],
                timeout=LAUNCH_SECONDS * 1000,
            )
        except Error as error:
            await self.close()
            first = str(error).strip().splitlines()[0] if str(error).strip() else "no reason"
            raise RenderUnavailableError(f"Chromium did not start: {first[:200]}") from None
        self.pid = find_process(self.marker)

    async def new_context(self, user_agent: str) -> BrowserContext:
        """A fresh context (no cookies, storage or cache from any other page), service
        workers blocked (they would answer requests past the routing)."""
        assert self._browser is not None, "started first"
        return await self._browser.new_context(
            user_agent=user_agent,
            service_workers="block",
            accept_downloads=False,
            java_script_enabled=True,
            locale="en-GB",
            viewport={"width": 1280, "height": 1600},
        )

    async def close(self) -> None:
        browser, playwright = self._browser, self._playwright
        self._browser, self._playwright, self.pid = None, None, None
        # Closing must not hide why the crawl ended: a browser already gone is closed.
        with contextlib.suppress(Exception):
            if browser is not None:
                await browser.close()
        with contextlib.suppress(Exception):
            if playwright is not None:
                await playwright.stop()
