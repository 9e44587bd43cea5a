"""A crawl killed mid-way resumes from its snapshot without fetching anything twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from lepcheck.snapshot import Snapshot

from .crawl_site_server import Reply, Site, assert_warcs_valid

RESUMABLE_CRAWL = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from lepcheck.crawl import CrawlOptions, crawl
    opts = CrawlOptions(start_url=sys.argv[1], allow_private_network=True, delay=0.0,
                        max_pages=1000, max_depth=3)
    crawl(opts, Path(sys.argv[2]), target_id="t", resume=sys.argv[3] == "resume")
    """
)


def test_killed_crawl_resumes_without_refetching(site: Site, tmp_path: Path) -> None:
    """Killed in the middle of a wave (lepcheck.crawl.waves), before the links of the pages it
    had fetched were acted on: the resumed crawl reads them from its own archive."""
    pages = 120
    site.page("/", "".join(f'<a href="/p{n}">page {n}</a>' for n in range(pages)))

    def page(path: str) -> Reply:
        child = f'<a href="{path}/child">child</a>' if "/child" not in path else ""
        return Reply(body=f"<p>{path}</p>{child}".encode(), sleep=0.03)

    site.fallback = page
    folder = tmp_path / "snap"
    env = {**os.environ, "PYTHONPATH": "src"}
    command = [sys.executable, "-c", RESUMABLE_CRAWL, f"{site.base}/", str(folder)]
    process = subprocess.Popen([*command, "new"], env=env)
    deadline = time.monotonic() + 20
    while len(site.log) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    before = {p for p, _ in site.log if p.startswith("/p")}
    assert 0 < len(before) < pages
    resumed = subprocess.run([*command, "resume"], env=env, timeout=60)
    assert resumed.returncode == 0
    records = Snapshot.open(folder).records()
    fetched = [r.url for r in records if "/p" in r.url]
    assert len(fetched) == len(set(fetched)) == 2 * pages  # every page and its child
    # At most the requests in flight at the kill are repeated.
    refetched = [p for p in before if site.hits(p) > 1]
    assert len(refetched) <= 8
    assert Snapshot.open(folder).info.finished_at is not None
    assert_warcs_valid(folder)
