"""Rendering unavailable (no Chromium, or Playwright not installed): a page that needed it is a
problem saying so and what to do, the page as the server sent it is kept, the crawl goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lepcheck.audit.documents import read_documents
from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.snapshot import Snapshot
from tests.fixtures.scripted.server import serve_twin


def test_without_a_browser_the_page_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEPCHECK_CHROMIUM", str(tmp_path / "no-such-browser"))
    with serve_twin() as base:
        options = CrawlOptions(
            start_url=f"{base}our-board", allow_private_network=True, delay=0.0, max_pages=3
        )
        crawl(options, tmp_path / "snap", target_id="twin")
    snapshot = Snapshot.open(tmp_path / "snap")
    assert snapshot.rendered_records() == []
    pages = {p["url"]: p for p in json.loads(snapshot.meta()["rendered_pages"])}
    page = pages[f"{base}our-board"]
    assert page["rendered"] is False
    assert page["problem"].startswith("rendering is unavailable: no Chromium browser was found")
    assert "pip install 'lepcheck[render]'" in page["problem"]
    documents, problems = read_documents(snapshot)
    assert any(d.url == f"{base}our-board" for d in documents)  # the server's page, unrendered
    (problem,) = [p for p in problems if p.url == f"{base}our-board"]
    assert problem.reason.startswith("not rendered (a script shell")
