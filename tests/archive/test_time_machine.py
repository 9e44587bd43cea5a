"""A time-machine audit against a real pywb on loopback (issue 15 items 1-3 and 6): the fixture
LEP site as it stood on two days, read only from its captures, with archive-proved dates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from lepcheck.cli import main
from lepcheck.snapshot import Snapshot

from .captures import NEVER_CAPTURED, OLD_ADDRESS
from .conftest import FixtureArchive

# One pywb per test session: every test using it runs on the same xdist worker.
pytestmark = pytest.mark.xdist_group("pywb")
# Rates for a loopback pywb: the defaults (profiles.py) are for public archives.
FAST = ("--archive-index-rate", "6000", "--archive-replay-rate", "6000")


def audit(archive: FixtureArchive, as_of: str, out: Path, *more: str) -> Result:
    return CliRunner().invoke(
        main,
        [
            "audit",
            archive.site.base,
            "--archive",
            archive.collection,
            "--as-of",
            as_of,
            "--allow-private-network",
            "--out",
            str(out),
            "--format",
            "json,md",
            *FAST,
            *more,
        ],
    )


def finding(report: dict[str, Any], rule: str) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["rule_id"] == rule)


@pytest.fixture(scope="module")
def april(fixture_archive: FixtureArchive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("april")
    before = fixture_archive.site.requests
    result = audit(fixture_archive, "2023-04-30", out)
    assert result.exit_code == 0, result.output
    assert fixture_archive.site.requests == before  # not one request to the live site
    return out


@pytest.fixture(scope="module")
def july(fixture_archive: FixtureArchive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("july")
    before = fixture_archive.site.requests
    result = audit(fixture_archive, "2023-07-31", out)
    assert result.exit_code == 0, result.output
    assert fixture_archive.site.requests == before
    return out


def report_of(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def snapshot_of(out: Path) -> Snapshot:
    (folder,) = (out / "snapshots").iterdir()
    return Snapshot.open(folder)


def body_of(snapshot: Snapshot, url: str) -> bytes:
    record = next(r for r in snapshot.content_records() if r.url == url)
    return snapshot.body(record)


def test_the_site_is_reconstructed_as_it_stood_on_each_day(april: Path, july: Path) -> None:
    in_april = {r.url for r in snapshot_of(april).content_records()}
    in_july = {r.url for r in snapshot_of(july).content_records()}
    june = {u for u in in_july if "/documents/board/2023-06-13-" in u}
    assert june and not june & in_april  # the June papers did not exist in April
    assert any("2023-03-14-minutes.pdf" in u for u in in_april)
    base = url_of(april, "/governance/board-meetings/")
    april_page = body_of(snapshot_of(april), base)
    july_page = body_of(snapshot_of(july), url_of(july, "/governance/board-meetings/"))
    assert b"2023-06-13-agenda.pdf" not in april_page
    assert b"2023-06-13-agenda.pdf" in july_page


def url_of(out: Path, path: str) -> str:
    return str(report_of(out)["target"]["url"]).rstrip("/") + path


def test_timeliness_rests_on_archive_proved_dates(april: Path, july: Path) -> None:
    for rule in ("MEET-01", "MEET-02"):
        passed = finding(report_of(april), rule)
        assert passed["status"] == "pass", passed["message"]
        quotes = " ".join(e["quote"] for e in passed["evidence"])
        assert "proved: first captured by http://127.0.0.1" in quotes
    # June: the agenda was first captured the day before the meeting, the minutes 18 clear
    # working days after it. A late first capture proves nothing: partial, never fail.
    agenda = finding(report_of(july), "MEET-01")
    assert agenda["status"] == "partial"
    assert "Board 2023-06-13: first captured 2023-06-12" in agenda["message"]
    assert "earlier publication not ruled out" in agenda["message"]
    minutes = finding(report_of(july), "MEET-02")
    assert minutes["status"] == "partial"
    assert "first captured 2023-07-10" in minutes["message"]


def test_a_url_never_captured_is_listed_with_what_could_not_be_read(july: Path) -> None:
    problems = {p["url"]: p["reason"] for p in report_of(july)["problems"]}
    missing = url_of(july, NEVER_CAPTURED)
    assert problems[missing].startswith("not captured by http://127.0.0.1")
    assert problems[missing].endswith("at or before 2023-07-31")
    assert "What the crawl could not read" in (july / "report.md").read_text(encoding="utf-8")


def test_a_captured_redirect_is_followed(april: Path) -> None:
    snapshot = snapshot_of(april)
    record = next(r for r in snapshot.content_records() if r.url.endswith(OLD_ADDRESS))
    assert record.final_url == url_of(april, "/governance/board-meetings/")
    assert record.status == 200


def test_a_revisit_is_resolved_to_the_capture_it_repeats(april: Path, july: Path) -> None:
    agenda = "/documents/board/2023-03-14-agenda.pdf"
    first = snapshot_of(april).captures()[(url_of(april, agenda), "source")]
    again = snapshot_of(july).captures()[(url_of(july, agenda), "source")]
    assert first.revisit_of is None
    assert f"{first.captured_at:%Y%m%d%H%M}" == "202303030900"
    assert f"{again.captured_at:%Y%m%d%H%M}" == "202306120900"  # the revisit: latest by July
    assert again.revisit_of == first.captured_at
    assert again.digest == first.digest
    assert body_of(snapshot_of(july), url_of(july, agenda)).startswith(b"%PDF")


def test_evidence_names_the_archive_the_capture_and_its_time(april: Path) -> None:
    evidence = finding(report_of(april), "MEET-01")["evidence"][0]
    capture = evidence["capture"]
    assert capture["archive"].startswith("http://127.0.0.1") and capture["archive"].endswith("/lep")
    assert capture["capture_url"].startswith(capture["archive"] + "/20230303090000id_/")
    assert evidence["sha256"]
    assert "archived by http://127.0.0.1" in (april / "report.md").read_text(encoding="utf-8")


def test_each_archived_response_is_in_the_warc_with_its_capture(april: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    (folder,) = (april / "snapshots").iterdir()
    agenda = url_of(april, "/documents/board/2023-03-14-agenda.pdf")
    found = []
    for warc in sorted((folder / "warc").glob("*.warc.gz")):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                headers = record.rec_headers
                if (
                    record.rec_type == "response"
                    and headers.get_header("WARC-Target-URI") == agenda
                ):
                    found.append(headers)
    (headers,) = found
    assert headers.get_header("WARC-Date") == "2023-03-03T09:00:00Z"
    assert "/20230303090000id_/" in headers.get_header("WARC-Source-URI")
    assert headers.get_header("WARC-Lepcheck-Archive-Digest").startswith("sha1:")


def test_check_reproduces_the_verdict_offline(april: Path, tmp_path: Path) -> None:
    (folder,) = (april / "snapshots").iterdir()
    result = CliRunner().invoke(main, ["check", str(folder), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    again = report_of(tmp_path)
    original = report_of(april)
    assert again["as_of"] == "2023-04-30"  # the snapshot's day, not today
    assert [(f["rule_id"], f["status"], f["message"]) for f in again["findings"]] == [
        (f["rule_id"], f["status"], f["message"]) for f in original["findings"]
    ]


def test_a_whole_site_costs_a_handful_of_index_queries_and_a_rerun_none(
    fixture_archive: FixtureArchive, april: Path, tmp_path: Path
) -> None:
    first = json.loads(snapshot_of(april).meta()["archive_requests"])
    assert 1 <= first["index_queries"] <= 4  # two per scope: one host, not one per URL
    assert first["replays"] >= 60
    rerun = tmp_path / "rerun"
    shutil.copytree(april / "snapshots", rerun / "snapshots")
    before = fixture_archive.site.requests
    result = CliRunner().invoke(  # the crawl again, over the same folder
        main,
        ["crawl", fixture_archive.site.base, "--archive", fixture_archive.collection,
         "--as-of", "2023-04-30", "--allow-private-network", "--out", str(rerun), *FAST],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert fixture_archive.site.requests == before
    newest = sorted((rerun / "snapshots").iterdir())[-1]
    again = json.loads(Snapshot.open(newest).meta()["archive_requests"])
    assert again["index_queries"] == 0
    assert again["index_answers_cached"] == first["index_queries"]
    assert (newest / "archive-index").is_dir()


def test_a_capture_older_than_the_window_is_reported_stale_and_not_used(
    fixture_archive: FixtureArchive, tmp_path: Path
) -> None:
    # As of 31 July with a month's window (from 30 June): the meetings page of 10 July is read;
    # the March agenda (3 March) and the June agenda (12 June) are stale, named, never used.
    meetings = fixture_archive.site.base + "governance/board-meetings/"
    result = CliRunner().invoke(
        main,
        ["crawl", meetings, "--archive", fixture_archive.collection, "--as-of", "2023-07-31",
         "--archive-window", "1", "--allow-private-network", "--out", str(tmp_path), *FAST],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    records = {r.url: r for r in snapshot_of(tmp_path).content_records()}
    assert records[meetings].error is None and records[meetings].status == 200
    minutes = fixture_archive.site.base + "documents/board/2023-06-13-minutes.pdf"
    assert records[minutes].error is None  # captured 10 July: inside the window
    for name, captured in (
        ("2023-03-14-agenda.pdf", "2023-03-03"),
        ("2023-06-13-agenda.pdf", "2023-06-12"),
    ):
        stale = records[fixture_archive.site.base + "documents/board/" + name]
        assert stale.error is not None and stale.error.startswith(
            f"stale: the latest capture by {fixture_archive.collection} is of {captured}, older "
            "than the window (from 2023-06-30) before 2023-07-31; not used"
        )
        assert (stale.url, "source") not in snapshot_of(tmp_path).captures()
