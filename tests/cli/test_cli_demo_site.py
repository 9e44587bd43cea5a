"""CLI flows over the sample site on loopback: thresholds, re-rendering, checking a snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lepcheck.cli import main
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site

AS_OF = sample_target()["as_of"]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit")
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        result = invoke(
            "audit",
            base_url,
            "--out",
            str(out),
            "--as-of",
            AS_OF,
            "--allow-private-network",
            "--delay",
            "0",
            "--name",
            "Amberdale LEP",
        )
    assert result.exit_code == 0, result.stderr
    assert "score" in result.stdout and "coverage" in result.stdout and "report:" in result.stdout
    return out


def test_fail_on_must_exits_1_naming_the_failed_rules(tmp_path: Path) -> None:
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        result = invoke(
            "audit",
            base_url,
            "--out",
            str(tmp_path),
            "--as-of",
            AS_OF,
            "--allow-private-network",
            "--delay",
            "0",
            "--fail-on",
            "must",
        )
    assert result.exit_code == 1
    assert "ROI-01" in result.stderr  # sample site defect (a) is a failed must-rule
    assert (tmp_path / "report.json").is_file()  # reports are written before the exit code


def test_fail_under_exits_1_only_below_the_threshold(audited: Path, tmp_path: Path) -> None:
    score = json.loads((audited / "report.json").read_text())["score"]["overall"]
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        low = invoke(
            "audit",
            base_url,
            "--out",
            str(tmp_path / "a"),
            "--as-of",
            AS_OF,
            "--allow-private-network",
            "--delay",
            "0",
            "--fail-under",
            str(max(score - 10, 0)),
        )
        high = invoke(
            "audit",
            base_url,
            "--out",
            str(tmp_path / "b"),
            "--as-of",
            AS_OF,
            "--allow-private-network",
            "--delay",
            "0",
            "--fail-under",
            str(min(score + 1, 100)),
        )
    assert low.exit_code == 0, low.stderr
    assert high.exit_code == 1 and "--fail-under" in high.stderr


def test_report_rerenders_every_format_without_crawling(audited: Path, tmp_path: Path) -> None:
    result = invoke(
        "report",
        str(audited / "report.json"),
        "--format",
        "html,md,csv,junit",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.stderr
    for name in ("report.html", "report.md", "report.csv", "report.junit.xml", "report.json"):
        assert (tmp_path / name).is_file(), name
    original = json.loads((audited / "report.json").read_text())
    assert json.loads((tmp_path / "report.json").read_text()) == original


def test_report_rejects_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    bogus = tmp_path / "x.json"
    bogus.write_text('{"hello": 1}')
    result = invoke("report", str(bogus))
    assert result.exit_code == 2 and "not a lepcheck report.json" in result.stderr


def test_check_reproduces_the_verdict_from_the_snapshot_offline(
    audited: Path, tmp_path: Path
) -> None:
    snapshot = next((audited / "snapshots").iterdir())
    result = invoke("check", str(snapshot), "--out", str(tmp_path), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    before = json.loads((audited / "report.json").read_text())
    after = json.loads((tmp_path / "report.json").read_text())
    assert [(f["rule_id"], f["status"]) for f in after["findings"]] == [
        (f["rule_id"], f["status"]) for f in before["findings"]
    ]
    assert after["snapshot"]["id"] == before["snapshot"]["id"]


def test_check_refuses_a_folder_that_is_not_a_snapshot(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 2 and result.stderr.startswith("lepcheck: error: ")
