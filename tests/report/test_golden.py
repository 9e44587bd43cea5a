"""Golden files for the Markdown, CSV and JUnit renderings of a fixed report.

Regenerate after an intended change with: UPDATE_GOLDEN=1 pytest tests/report/test_golden.py
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from lepcheck.models import Report
from lepcheck.report.csv_report import render_csv
from lepcheck.report.junit import render_junit
from lepcheck.report.markdown import render_markdown
from tests.report.conftest import evidence, finding, make_report

GOLDEN = Path(__file__).parent / "golden"


def fixed_report() -> Report:
    return make_report(
        [
            finding(
                "ROI-01", "fail", searched=("https://lep.test/registers/",), missing=("Jane Doe",)
            ),
            finding(
                "COND-02", "pass", evidence=(evidence(quote="Selflessness | integrity *and* <b>"),)
            ),
            finding(
                "POL-02", "partial", "should", evidence=(evidence(url="https://lep.test/wb.docx"),)
            ),
            finding("MEET-01", "unknown", "must"),
            finding("ASSUR-07", "manual"),
        ]
    )


@pytest.mark.parametrize(
    ("name", "render"),
    [
        ("report.md", render_markdown),
        ("report.csv", render_csv),
        ("report.junit.xml", render_junit),
    ],
)
def test_rendering_matches_golden(name: str, render: Callable[[Report], str]) -> None:
    produced = render(fixed_report())
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(produced, encoding="utf-8")
    assert produced == path.read_text(encoding="utf-8")


def test_junit_maps_statuses_to_ci_outcomes() -> None:
    suite = ET.fromstring(render_junit(fixed_report()))
    cases = {c.get("name", "").split()[0]: c for c in suite.iter("testcase")}
    assert cases["ROI-01"].find("failure") is not None
    assert cases["POL-02"].find("failure").get("type") == "partial"  # type: ignore[union-attr]
    assert cases["MEET-01"].find("error") is not None
    assert cases["ASSUR-07"].find("skipped") is not None
    assert cases["COND-02"].find("failure") is None and cases["COND-02"].find("error") is None
    assert suite.get("failures") == "2" and suite.get("errors") == "1"


def test_junit_counts_the_unfinished_crawl_and_every_skipped_status() -> None:
    from lepcheck.models import SnapshotRef

    searched = tuple(f"https://lep.test/page-{n}" for n in range(51))
    findings = [
        finding("ROI-01", "fail", searched=searched),
        finding("ASSUR-07", "manual"),
        finding("FIN-01", "not_applicable"),
        finding("COI-06", "not_applicable"),
        finding("MEET-01", "unknown"),
        finding("POL-02", "waived", "should"),
    ]
    unfinished = SnapshotRef(id="s1", path="snap", records=4, skipped=0, complete=False)
    report = make_report(findings).model_copy(update={"snapshot": unfinished})
    suite = ET.fromstring(render_junit(report))
    counts = {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped")}
    # The unfinished crawl is one more case, and an error: six rules and the snapshot.
    assert counts == {"tests": "7", "failures": "1", "errors": "2", "skipped": "4"}
    cases = {c.get("name", "").split()[0]: c for c in suite.iter("testcase")}
    assert len(cases) == 7
    assert [child.tag for child in cases["POL-02"]] == ["skipped"]  # a waiver is no error
    failure = next(suite.iter("failure"))
    assert (failure.text or "").split("\n") == list(searched[:50])  # the first 50 searched
