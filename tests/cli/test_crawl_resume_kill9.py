"""Issue 4's acceptance test: a kill -9 in the middle of `lepcheck crawl`, then
`lepcheck crawl --resume`, yields the same set of records as an uninterrupted crawl, and
nothing is fetched twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from lepcheck.demo.server import SAMPLE_SITE_ROOT, serve_site
from lepcheck.snapshot import Snapshot

CRAWL_ARGS = ("--allow-private-network", "--delay", "0.05", "--json-log")


def crawl_command(url: str, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "lepcheck", "crawl", url, "--out", str(out), *CRAWL_ARGS, *extra]


def record_count(out: Path) -> int:
    for index in out.glob("snapshots/*/index.sqlite"):
        try:
            with closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True, timeout=1)) as db:
                return int(db.execute("SELECT COUNT(*) FROM records").fetchone()[0])
        except sqlite3.Error:
            return 0
    return 0


def fetched_urls(snapshot_dir: Path) -> list[str]:
    return [r.url for r in Snapshot.open(snapshot_dir).records()]


def test_kill_9_then_resume_matches_an_uninterrupted_crawl(tmp_path: Path) -> None:
    whole, broken = tmp_path / "whole", tmp_path / "broken"
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        done = subprocess.run(
            crawl_command(base_url, whole), capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]

        process = subprocess.Popen(
            crawl_command(base_url, broken), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while record_count(broken) < 15 and time.monotonic() < deadline:
            assert process.poll() is None, "the crawl finished before it could be interrupted"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        interrupted_at = record_count(broken)
        assert interrupted_at >= 15

        resumed = subprocess.run(
            crawl_command(base_url, broken, "--resume"), capture_output=True, text=True, check=False
        )
        assert resumed.returncode == 0, resumed.stderr[-2000:]

    whole_urls = fetched_urls(next((whole / "snapshots").iterdir()))
    broken_urls = fetched_urls(next((broken / "snapshots").iterdir()))
    repeated = sorted({u for u in broken_urls if broken_urls.count(u) > 1})
    assert not repeated, f"fetched twice: {repeated}"
    assert set(broken_urls) == set(whole_urls)
    assert len(list((broken / "snapshots").iterdir())) == 1  # resumed in place, no second snapshot
