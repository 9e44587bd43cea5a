"""The demo's verdict, pinned: the redesign of issue 12 must not change what lepcheck decides.

The golden copy holds what an auditor relies on (score, rating, every finding's status,
message, evidence and action, the archived evidence files) and leaves out what changes from
run to run: the clock (generated_at, fetched_at, the snapshot id), the temporary output folder
and the loopback port (the sample site's base URL is written as BASE/).

Two routes reach it:
- `lepcheck check` on a committed snapshot of the demo site (golden/demo-snapshot, made by
  `lepcheck demo`): everything after the crawl, compared exactly;
- `lepcheck demo` itself, crawl included, compared exactly. The crawler's workers reach pages
  in a varying order, but nothing decided depends on it: a document's link texts are the
  anchors of every page linking to it (lepcheck.audit.documents.anchor_texts), not the first
  page's.

After an intended change, regenerate with
UPDATE_GOLDEN=1 pytest tests/integration/test_demo_golden.py and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from lepcheck.cli import main
from lepcheck.demo.server import sample_target

GOLDEN = Path(__file__).parent / "golden" / "demo-report.json"
SNAPSHOT = Path(__file__).parent / "golden" / "demo-snapshot"
BASE = "BASE/"
EVIDENCE_FIELDS = ("url", "sha256", "locator", "quote", "archive")
FINDING_FIELDS = (
    "rule_id", "status", "severity", "title", "category", "assessment", "message", "searched",
    "missing", "confidence", "weight", "original_status",
)  # fmt: skip


def essentials(report: dict[str, Any], evidence_files: list[str]) -> dict[str, Any]:
    """What must not change, with the run's base URL made neutral."""
    kept = {
        "target": {k: report["target"][k] for k in ("id", "name")},
        "as_of": report["as_of"],
        "ruleset": report["ruleset"],
        "score": report["score"],
        "findings": [
            {
                **{k: f[k] for k in FINDING_FIELDS},
                "evidence": [{k: e[k] for k in EVIDENCE_FIELDS} for e in f["evidence"]],
            }
            for f in report["findings"]
        ],
        "action_plan": report["action_plan"],
        "problems": report["problems"],
        "snapshot": {k: report["snapshot"][k] for k in ("records", "skipped", "skipped_by_reason")},
        "evidence_files": evidence_files,
    }
    text = json.dumps(kept, indent=1, sort_keys=True, ensure_ascii=False)
    return json.loads(text.replace(report["target"]["url"], BASE))  # type: ignore[no-any-return]


def produced_by(out: Path) -> dict[str, Any]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return essentials(report, sorted(p.name for p in (out / "evidence").iterdir()))


def assert_same_verdict(produced: dict[str, Any], golden: dict[str, Any]) -> None:
    assert produced["score"] == golden["score"]
    assert [f["rule_id"] for f in produced["findings"]] == [
        f["rule_id"] for f in golden["findings"]
    ]
    for made, kept in zip(produced["findings"], golden["findings"], strict=True):
        assert made == kept, made["rule_id"]
    assert produced == golden


def test_checking_the_demo_snapshot_gives_the_golden_verdict(tmp_path: Path) -> None:
    snapshot = tmp_path / "demo-snapshot"
    shutil.copytree(SNAPSHOT, snapshot)  # opening it must not touch the committed copy
    sample = sample_target()
    out = tmp_path / "out"
    args = ["check", str(snapshot), "--out", str(out), "--format", "json"]
    args += ["--as-of", sample["as_of"], "--id", sample["id"], "--name", sample["name"]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    produced = produced_by(out)
    if os.environ.get("UPDATE_GOLDEN"):
        text = json.dumps(produced, indent=1, sort_keys=True, ensure_ascii=False)
        GOLDEN.write_text(text + "\n", encoding="utf-8")
    assert_same_verdict(produced, json.loads(GOLDEN.read_text(encoding="utf-8")))


def test_the_demo_command_gives_the_golden_verdict(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert_same_verdict(produced_by(tmp_path), golden)
