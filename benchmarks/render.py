"""Rendering benchmark: what drawing pages in headless Chromium costs, beside plain fetches of
the same site, and what `--render auto` costs on a site that needs no browser.

Sites: the scripted twin of the grid fixture LEP (tests/fixtures/scripted: its board page and
meetings list are drawn by script from JSON) and the grid site itself (server-rendered: every
page is content). Each crawl is the whole site at --delay 0 on loopback, with
--render never (plain fetches), auto (the two scripted pages rendered on the twin; none on
the grid) and always (every HTML page rendered). Figures: wall time (median of --runs),
pages fetched per second, pages rendered per second of the time rendering added (always
minus never, over the pages rendered), and the peak memory (PSS: shared pages divided among
the processes that map them) of lepcheck and every process it started (the Playwright driver
and Chromium), sampled every 50 ms from /proc.

    PYTHONPATH=src:. .venv/bin/python benchmarks/render.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from tests.fixtures.scripted.server import GRID, serve_twin

from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.crawl.options import RenderMode
from lepcheck.crawl.render.browser import HeadlessChromium
from lepcheck.crawl.render.memory import tree_bytes
from lepcheck.demo.server import serve_site
from lepcheck.snapshot import Snapshot

MB = 2**20


@dataclass(frozen=True)
class Run:
    seconds: float
    pages: int  # pages and documents fetched (role "page")
    rendered: int
    peak_bytes: int


class PeakMemory:
    """The highest memory (PSS) of this process and its descendants while running."""

    def __init__(self) -> None:
        self.peak = tree_bytes(os.getpid())
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, tree_bytes(os.getpid()))

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def one_run(serve: Callable[[], AbstractContextManager[str]], render: RenderMode) -> Run:
    with serve() as base, tempfile.TemporaryDirectory() as out:
        path = Path(out) / "snap"
        options = CrawlOptions(start_url=base, allow_private_network=True, delay=0.0, render=render)
        with PeakMemory() as memory:
            started = time.perf_counter()
            crawl(options, path, target_id="bench")
            seconds = time.perf_counter() - started
        snapshot = Snapshot.open(path)
        return Run(
            seconds=seconds,
            pages=len(snapshot.content_records()),
            rendered=len(snapshot.rendered_records()),
            peak_bytes=memory.peak,
        )


def median_run(
    serve: Callable[[], AbstractContextManager[str]], render: RenderMode, runs: int
) -> Run:
    done = [one_run(serve, render) for _ in range(runs)]
    middle = sorted(done, key=lambda r: r.seconds)[len(done) // 2]
    return Run(
        seconds=statistics.median(r.seconds for r in done),
        pages=middle.pages,
        rendered=middle.rendered,
        peak_bytes=max(r.peak_bytes for r in done),
    )


def serve_grid() -> AbstractContextManager[str]:
    return serve_site(GRID)


def browser_start_seconds() -> float:
    """Starting and closing the crawl's browser alone (the Playwright driver and Chromium)."""

    async def once() -> float:
        browser = HeadlessChromium(script_heap_mb=256)
        started = time.perf_counter()
        await browser.start()
        seconds = time.perf_counter() - started
        await browser.close()
        return seconds

    return asyncio.run(once())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'site':<8} {'render':<7} {'seconds':>8} {'pages':>6} {'pages/s':>8} "
          f"{'rendered':>9} {'rendered/s':>11} {'peak MB':>8}")  # fmt: skip
    for name, serve in (("twin", serve_twin), ("grid", serve_grid)):
        plain = median_run(serve, "never", args.runs)
        for render in ("never", "auto", "always"):
            run = plain if render == "never" else median_run(serve, render, args.runs)
            added = run.seconds - plain.seconds
            per_second = f"{run.rendered / added:.2f}" if run.rendered and added > 0 else "-"
            print(
                f"{name:<8} {render:<7} {run.seconds:>8.2f} {run.pages:>6} "
                f"{run.pages / run.seconds:>8.1f} {run.rendered:>9} {per_second:>11} "
                f"{run.peak_bytes / MB:>8.0f}"
            )
    starts = [browser_start_seconds() for _ in range(args.runs)]
    print(f"starting the browser alone: {statistics.median(starts):.2f} s (median)")


if __name__ == "__main__":
    main()
