"""--json-log: one JSON line per crawl event on stderr (issue 4, item 9)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lepcheck.cli import main
from lepcheck.demo.server import SAMPLE_SITE_ROOT, serve_site


def test_crawl_json_log_emits_one_json_object_per_event(tmp_path: Path) -> None:
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        result = CliRunner().invoke(
            main,
            [
                "crawl",
                base_url,
                "--out",
                str(tmp_path),
                "--allow-private-network",
                "--delay",
                "0",
                "--max-pages",
                "5",
                "--json-log",
            ],
        )
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    kinds = {e["event"] for e in events}
    assert "fetched" in kinds
    assert all(e["target"] and e["time"] for e in events)
    pages = [
        e
        for e in events
        if e["event"] == "fetched" and not e["url"].endswith(("/robots.txt", "/sitemap.xml"))
    ]
    assert len(pages) == 5  # --max-pages; robots.txt and sitemaps are recorded but not counted
    assert any(e["event"] == "skipped" and e["detail"] == "budget" for e in events)
    assert events[-1]["event"] == "finish"
    assert "snapshot" in result.stdout


def test_second_crawl_is_conditional_against_the_previous_snapshot(tmp_path: Path) -> None:
    from lepcheck.snapshot import Snapshot

    args = ["--out", str(tmp_path), "--allow-private-network", "--delay", "0", "--json-log"]
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        first = CliRunner().invoke(main, ["crawl", base_url, *args])
        second = CliRunner().invoke(main, ["crawl", base_url, *args])
    assert first.exit_code == 0 and second.exit_code == 0, second.stderr
    events = [json.loads(line) for line in second.stderr.splitlines() if line.strip()]
    unchanged = [e for e in events if e["event"] == "unchanged"]
    assert len(unchanged) > 20  # answered 304 Not Modified, bodies carried over
    newest = sorted((tmp_path / "snapshots").iterdir())[-1]
    records = Snapshot.open(newest).content_records()
    carried = [r for r in records if r.first_seen < r.fetched_at]
    assert len(carried) >= len(unchanged) - 2  # first_seen kept from the first crawl
