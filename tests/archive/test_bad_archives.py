"""Archives that misbehave (issue 15 item 7), and an archive asked only for dates (item 3):
each bad input ends in one line, exit 3 when nothing could be read, or in a problems entry
with everything already collected kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lepcheck.cli import main
from lepcheck.snapshot import Snapshot

from .conftest import FixtureArchive
from .servers import archive_proxy, free_port
from .test_time_machine import FAST, finding, report_of, snapshot_of

pytestmark = pytest.mark.xdist_group("pywb")


def time_machine(site: str, archive: str, out: Path, command: str = "audit") -> Result:
    formats = ["--format", "json"] if command == "audit" else []
    return CliRunner().invoke(
        main,
        [command, site, "--archive", archive, "--as-of", "2023-04-30", "--allow-private-network",
         "--out", str(out), *formats, *FAST],
    )  # fmt: skip


def archive_problems(out: Path) -> list[str]:
    noted = json.loads(snapshot_of(out).meta()["archive_problems"])
    errors = [r.error or "" for r in snapshot_of(out).content_records() if r.error]
    return [str(p["reason"]) for p in noted] + errors


def one_line_error(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lepcheck: error: "), result.stderr
    return lines[0]


def test_a_url_that_does_not_answer_the_cdx_api_is_one_line_and_exit_3(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    not_an_archive = fixture_archive.site.base + "collection"  # a web site, not an archive
    result = time_machine(fixture_archive.site.base, not_an_archive, tmp_path)
    assert result.exit_code == 3
    line = one_line_error(result)
    assert "is not a Wayback CDX API" in line and "collection/cdx" in line


def test_an_archive_that_is_down_is_one_line_and_exit_3(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    down = f"http://127.0.0.1:{free_port()}/lep"
    result = time_machine(fixture_archive.site.base, down, tmp_path)
    assert result.exit_code == 3
    assert "cannot be reached: could not connect" in one_line_error(result)


def test_a_429_storm_mid_crawl_keeps_what_was_read_and_lists_the_rest(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    with archive_proxy(fixture_archive.collection, storm_after=12) as proxy:
        result = time_machine(fixture_archive.site.base, proxy.collection, tmp_path, "crawl")
        refused = proxy.refused
    assert result.exit_code == 0, result.output
    snapshot = snapshot_of(tmp_path)
    read = [r for r in snapshot.content_records() if r.error is None]
    assert len(read) >= 10  # nothing already collected is lost
    storm = [p for p in archive_problems(tmp_path) if "answered HTTP 429" in p]
    assert storm and refused >= 5 * len(storm)  # each URL tried five times, then listed


def test_malformed_index_lines_are_a_problem_entry_and_the_rest_is_used(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    with archive_proxy(fixture_archive.collection, garbage=True) as proxy:
        result = time_machine(fixture_archive.site.base, proxy.collection, tmp_path, "crawl")
    assert result.exit_code == 0, result.output
    assert "2 malformed line(s) in the index answer, skipped" in archive_problems(tmp_path)
    read = {r.url for r in snapshot_of(tmp_path).content_records() if r.error is None}
    assert fixture_archive.site.base + "documents/board/2023-03-14-agenda.pdf" in read


def test_dates_from_an_archive_prove_a_live_audit_s_publication_dates(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main,
        ["audit", fixture_archive.site.base, "--dates-from-archive", fixture_archive.collection,
         "--allow-private-network", "--delay", "0", "--out", str(tmp_path), "--format", "json",
         "--as-of", "2023-11-30", *FAST],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    snapshot: Snapshot = snapshot_of(tmp_path)
    agenda = fixture_archive.site.base + "documents/board/2023-03-14-agenda.pdf"
    first = snapshot.captures()[(agenda, "first")]
    assert first.same_bytes and f"{first.captured_at:%Y-%m-%d}" == "2023-03-03"
    assert (agenda, "source") not in snapshot.captures()  # the bytes came from the live site
    quotes = " ".join(e["quote"] for e in finding(report_of(tmp_path), "MEET-01")["evidence"])
    assert "Board 2023-03-14: published by 2023-03-03 (proved: first captured by" in quotes
    requests = json.loads(snapshot.meta()["archive_requests"])
    assert requests["replays"] == 0 and 1 <= requests["index_queries"] <= 2
