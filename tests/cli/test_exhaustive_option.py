"""`--exhaustive` through the CLI (README "Speed and memory"; design.md crawl economy): the flag
reaches the crawl, which then walks everything breadth-first within --max-pages instead of
sampling look-alike pages and stopping when no governance link is left. The crawl-level
behaviour is held by tests/crawl/test_economy.py; this holds the wiring from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.crawl.crawl_site_server import Reply, Site, serve

from lepcheck.cli import main
from lepcheck.crawl.families import SAMPLE
from lepcheck.snapshot import Snapshot

STORIES = 30


@pytest.fixture
def news_site() -> Iterator[Site]:
    """A home page, a governance page with minutes, and a news listing of 30 stories."""
    site = Site()
    site.page(
        "/",
        '<a href="/governance/">Governance</a><a href="/news/">News</a>'
        '<a href="/contact/">Contact us</a>',
    )
    site.page("/governance/", '<a href="/docs/minutes-2023-03.pdf">Minutes, March 2023</a>')
    site.page("/contact/", "<p>Write to us.</p>")
    site.page(
        "/news/", "".join(f'<a href="/news/story-{n}/">Story {n}</a>' for n in range(STORIES))
    )
    site.routes["/docs/minutes-2023-03.pdf"] = Reply(
        body=b"%PDF-1.4 minutes", content_type="application/pdf"
    )

    def story(path: str) -> Reply | None:
        if path.startswith("/news/story-"):
            return Reply(body=f"<h1>{path}</h1><p>A news story.</p>".encode())
        return None

    site.fallback = story
    with serve(site) as running:
        yield running


def crawl_cli(site: Site, out: Path, *extra: str) -> tuple[set[str], dict[str, object]]:
    """`lepcheck crawl` of the site: the paths fetched and the snapshot's crawl account."""
    args = ["crawl", f"{site.base}/", "--out", str(out), "--allow-private-network"]
    result = CliRunner().invoke(main, [*args, "--delay", "0", "--render", "never", *extra])
    assert result.exit_code == 0, result.output
    snapshot = Snapshot.open(next((out / "snapshots").iterdir()))
    paths = {r.url.removeprefix(site.base) for r in snapshot.content_records()}
    return paths, json.loads(snapshot.meta()["crawl_economy"])


def stories(paths: set[str]) -> set[str]:
    return {p for p in paths if p.startswith("/news/story-")}


def test_exhaustive_on_the_command_line_crawls_every_story_breadth_first(
    news_site: Site, tmp_path: Path
) -> None:
    best_paths, best = crawl_cli(news_site, tmp_path / "best-first")
    full_paths, full = crawl_cli(news_site, tmp_path / "exhaustive", "--exhaustive")

    # The default samples the news family and stops, saying why.
    assert best["order"] == "best-first"
    assert len(stories(best_paths)) == SAMPLE["news"]
    assert str(best["stopped"]).startswith("stopped: no governance links left in ")
    # --exhaustive: every story, no family sampled, no early stop.
    assert full["order"] == "breadth-first"
    assert len(stories(full_paths)) == STORIES
    assert full["families"] == [] and full["stopped"] == ""
    assert Snapshot.open(next((tmp_path / "exhaustive" / "snapshots").iterdir())).skipped() == []
    # Both read the governance evidence; only what the default left out differs.
    assert {"/", "/governance/", "/docs/minutes-2023-03.pdf"} <= best_paths <= full_paths
