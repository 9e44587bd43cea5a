"""Issue 11, class 4: one damaged record is one unreadable document. A snapshot's WARC file
overwritten or cut short at one record makes that record's document unreadable, listed with
the reason in the report; every other record is still read and checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from lepcheck.models import FetchRecord
from lepcheck.snapshot import Snapshot
from tests.hostile.lep_site import AS_OF, LOOPBACK, lep_site, run_cli, serving


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("damaged") / "crawl"
    with serving(lep_site()) as url:
        code, _, err = run_cli("crawl", url, "--out", out, *LOOPBACK)
    assert code == 0, err
    return next((out / "snapshots").iterdir())


@pytest.fixture
def snapshot(crawled: Path, tmp_path: Path) -> Path:
    """A copy of the crawled snapshot, writable so that it can be damaged."""
    copy = tmp_path / "snapshot"
    shutil.copytree(crawled, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return copy


def record_of(snapshot: Path, path: str) -> FetchRecord:
    return next(r for r in Snapshot.open(snapshot).records() if r.url.endswith(path))


def check(snapshot: Path, out: Path) -> dict[str, Any]:
    code, _, err = run_cli("check", snapshot, "--out", out, "--as-of", AS_OF)
    assert code == 0, err
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def finding(report: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["rule_id"] == rule_id)


def test_garbage_over_one_record_makes_only_that_document_unreadable(
    snapshot: Path, tmp_path: Path
) -> None:
    whole = check(snapshot, tmp_path / "whole")
    register = record_of(snapshot, "/register")
    with (snapshot / register.warc_file).open("r+b") as warc:
        warc.seek(register.warc_offset)  # the start of its gzip member, and no further than it
        warc.write(b"\x00garbage\xff" * 4)
    damaged = check(snapshot, tmp_path / "damaged")
    problems = {p["url"]: p["reason"] for p in damaged["problems"]}
    assert list(problems) == [register.url]
    assert "damaged" in problems[register.url] and register.warc_file in problems[register.url]
    # The rest of the snapshot was read: the policy pages still pass on their own evidence.
    for rule_id in ("COI-01", "POL-02"):
        assert finding(damaged, rule_id)["status"] == "pass"
        assert finding(damaged, rule_id)["evidence"] == finding(whole, rule_id)["evidence"]
    assert register.url not in finding(damaged, "COI-01")["searched"]


def test_a_warc_cut_short_in_its_last_record_loses_only_that_record(
    snapshot: Path, tmp_path: Path
) -> None:
    records = [r for r in Snapshot.open(snapshot).content_records() if r.warc_file]
    last = max(records, key=lambda r: r.warc_offset)
    warc = snapshot / last.warc_file
    with warc.open("r+b") as stream:
        stream.truncate(last.warc_offset + 50)
    report = check(snapshot, tmp_path / "out")
    problems = {p["url"]: p["reason"] for p in report["problems"]}
    assert list(problems) == [last.url] and "damaged" in problems[last.url]
    read = set(finding(report, "COI-01")["searched"])
    assert {r.url for r in records if r is not last} <= read
