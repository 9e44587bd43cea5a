"""Open a local HTML file in headless Chromium (Debian's chromium + chromedriver, driven by
selenium) and report what a person would see, and whether any hostile script ran.

Hostile fixtures set `window.__lepcheck_pwned` (or add an element with id "lepcheck-pwned")
when a script of theirs executes; `script_ran` reads that marker through the driver, which is
not subject to the page's Content-Security-Policy.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HOSTILE_MARKER = "__lepcheck_pwned"
HOSTILE_SNIPPETS = (
    f"<script>window.{HOSTILE_MARKER}=true</script>",
    f'<img src="x" onerror="window.{HOSTILE_MARKER}=true">',
    f'<svg onload="window.{HOSTILE_MARKER}=true"></svg>',
    f"javascript:window.{HOSTILE_MARKER}=true",
    '"><script>document.body.insertAdjacentHTML("beforeend","<b id=lepcheck-pwned></b>")</script>',
)
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1600",
)


@dataclass(frozen=True)
class BrowserRender:
    title: str
    body_text: str
    script_ran: bool
    screenshot: bytes
    not_blank: bool


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium is not installed: `make test` installs Debian's chromium")


def chromedriver_binary() -> str:
    found = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.path.exists(found):
        raise RuntimeError("chromedriver is not installed: `make test` installs chromium-driver")
    return found


def looks_drawn(png: bytes) -> bool:
    """More than a blank page: several colours and a share of non-white pixels."""
    image = Image.open(io.BytesIO(png)).convert("RGB").resize((160, 200))
    raw = image.tobytes()
    pixels = [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]
    inked = sum(1 for p in pixels if sum(p) < 720)
    return len(set(pixels)) > 8 and inked > len(pixels) * 0.01


def render_in_chromium(path: Path) -> BrowserRender:
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="lepcheck-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(chromedriver_binary()), options=options)
        try:
            driver.set_page_load_timeout(30)
            driver.get(path.resolve().as_uri())
            ran = bool(
                driver.execute_script(
                    f"return window.{HOSTILE_MARKER} === true || "
                    "document.getElementById('lepcheck-pwned') !== null"
                )
            )
            png = driver.get_screenshot_as_png()
            return BrowserRender(
                title=driver.title,
                body_text=driver.find_element("tag name", "body").text,
                script_ran=ran,
                screenshot=png,
                not_blank=looks_drawn(png),
            )
        finally:
            driver.quit()
