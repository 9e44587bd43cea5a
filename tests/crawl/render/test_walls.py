"""A wall is never drawn: a bot challenge sent with 200 (Imperva Incapsula does) looks like a
script shell, and would be rendered as one, but lepcheck does not run a challenge's script,
with `--render auto` or `always`; the page is a problem, "access blocked by a challenge"."""

from __future__ import annotations

from pathlib import Path

import pytest

import lepcheck.crawl.render.browser as browser
from lepcheck.audit.documents import read_documents
from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.crawl.options import RenderMode
from lepcheck.crawl.render.shell import render_reason
from lepcheck.snapshot import Snapshot
from tests.fixtures.scripted.server import TWIN, serve_twin

WALLED = TWIN / "bad" / "walled.html"


def test_the_challenge_looks_like_a_script_shell() -> None:
    # Without the wall check it would be rendered: the test below could fail.
    assert render_reason("http://lep.test/bad/walled.html", WALLED.read_bytes()) is not None


@pytest.mark.parametrize("render", ["auto", "always"])
def test_a_challenge_is_never_drawn(
    render: RenderMode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_browser(self: object) -> None:
        raise AssertionError("a challenge must never start the browser")

    monkeypatch.setattr(browser.HeadlessChromium, "start", no_browser)
    with serve_twin() as base:
        url = f"{base}bad/walled.html"
        options = CrawlOptions(start_url=url, allow_private_network=True, delay=0.0,
                               max_pages=2, render=render)  # fmt: skip
        crawl(options, tmp_path / "snap", target_id="walled")
    snapshot = Snapshot.open(tmp_path / "snap")
    assert snapshot.rendered_records() == []
    assert "rendered_pages" not in snapshot.meta()
    documents, problems = read_documents(snapshot)
    assert not any(d.url == url for d in documents)
    (problem,) = [p for p in problems if p.url == url]
    assert problem.reason.startswith(f"access blocked by a challenge at {url} (Imperva Incapsula")
