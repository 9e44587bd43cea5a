"""The whole pipeline against the sample LEP site over real loopback HTTP (issue 2, item 9).

The sample site's deliberate defects are documented in src/lepcheck/demo/DEFECTS.md; the
assertions below follow that document, not the tool's output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from lepcheck.audit import AuditResult, AuditSettings, Target, audit_and_write
from lepcheck.demo.server import SAMPLE_SITE_ROOT, sample_target, serve_site
from lepcheck.models import Report
from lepcheck.report.json_report import report_schema
from lepcheck.snapshot import Snapshot


@dataclass(frozen=True)
class Audited:
    result: AuditResult
    written: dict[str, Path]

    @property
    def report(self) -> Report:
        return self.result.report

    @property
    def snapshot_path(self) -> Path:
        return self.result.snapshot_path


@pytest.fixture(scope="module")
def demo_audit(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    out = tmp_path_factory.mktemp("demo")
    sample = sample_target()
    with serve_site(SAMPLE_SITE_ROOT) as base_url:
        settings = AuditSettings(
            out_dir=out,
            formats=("json", "html", "md", "csv", "junit"),
            as_of=date.fromisoformat(sample["as_of"]),
            allow_private_network=True,
            delay=0.0,
        )
        target = Target(id=sample["id"], name=sample["name"], url=base_url)
        return Audited(*audit_and_write(target, settings))


def findings(result: Audited) -> dict[str, dict[str, object]]:
    data = json.loads(result.written["json"].read_text())
    return {f["rule_id"]: f for f in data["findings"]}


def test_report_json_validates_against_the_committed_schema(demo_audit: Audited) -> None:
    data = json.loads(demo_audit.written["json"].read_text())
    schema = json.loads((Path(__file__).parents[2] / "schemas" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data == json.loads(json.dumps(data))  # plain JSON
    assert report_schema()["title"] == "Report"


def test_every_format_is_written(demo_audit: Audited) -> None:
    assert set(demo_audit.written) == {"json", "html", "md", "csv", "junit"}
    assert "<html" in demo_audit.written["html"].read_text()


def test_foundation_rules_get_the_status_the_sample_site_warrants(demo_audit: Audited) -> None:
    by_id = findings(demo_audit)
    assert by_id["ROI-01"]["status"] == "fail"  # defect (a)
    assert "Thomas Brightwell" in str(by_id["ROI-01"]["message"])
    assert by_id["COI-06"]["status"] == "fail"  # defect (b)
    assert any("2023-09-12-agenda.pdf" in m for m in by_id["COI-06"]["missing"])  # type: ignore[union-attr]
    assert by_id["COND-02"]["status"] == "pass"
    assert by_id["POL-02"]["status"] == "pass"
    assert any(e["url"].endswith("whistleblowing-policy.docx") for e in by_id["POL-02"]["evidence"])  # type: ignore[union-attr,index]
    assert by_id["FIN-01"]["status"] == "pass"
    assert any(e["url"].endswith(".xlsx") for e in by_id["FIN-01"]["evidence"])  # type: ignore[union-attr,index]


def test_every_pass_has_evidence_that_points_into_the_snapshot(demo_audit: Audited) -> None:
    snapshot = Snapshot.open(demo_audit.snapshot_path)
    hashes = {r.sha256 for r in snapshot.records()}
    for finding in findings(demo_audit).values():
        if finding["status"] != "pass":
            continue
        assert finding["evidence"], finding["rule_id"]
        for ev in finding["evidence"]:  # type: ignore[attr-defined]
            assert ev["url"] and ev["fetched_at"] and ev["locator"] and ev["quote"]
            assert ev["sha256"] in hashes
            archived = demo_audit.written["json"].parent / ev["archive"]
            assert archived.is_file()


def test_failures_list_what_was_searched(demo_audit: Audited) -> None:
    for finding in findings(demo_audit).values():
        if finding["status"] == "fail":
            assert finding["searched"], finding["rule_id"]


def test_snapshot_warc_opens_in_warcio(demo_audit: Audited) -> None:
    warcs = sorted(demo_audit.snapshot_path.rglob("*.warc.gz"))
    assert warcs
    done = subprocess.run(
        [str(Path(sys.executable).parent / "warcio"), "check", str(warcs[0])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_on_the_stored_snapshot_reproduces_the_verdict(
    demo_audit: Audited, tmp_path: Path
) -> None:
    from lepcheck.audit import check_snapshot

    sample = sample_target()
    again = check_snapshot(
        demo_audit.snapshot_path,
        Target(id=sample["id"], name=sample["name"], url=demo_audit.report.target.url),
        AuditSettings(out_dir=tmp_path, as_of=demo_audit.report.as_of),
    )
    assert [(f.rule_id, f.status) for f in again.report.findings] == [
        (f.rule_id, f.status) for f in demo_audit.report.findings
    ]
