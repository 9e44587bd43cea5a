"""Waivers: every field required, errors name file, line and field; expiry is judged against
the audit's as-of date, never the clock; waived findings keep their own status and the
waiver's text in every report format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lepcheck.models import Waiver
from lepcheck.report.csv_report import render_csv
from lepcheck.report.markdown import render_markdown
from lepcheck.waivers import apply_waivers, load_waivers, waive_report
from tests.report.conftest import finding, make_report
from tests.statement.conftest import WAIVERS, assert_file_error

AS_OF = date(2023, 11, 30)
KNOWN = {"ROI-01", "COI-06", "COND-02", "ASSUR-07", "POL-02"}
VALID = """\
waivers:
  - target: test
    rule: ROI-01
    reason: New member; register due within 28 days.
    approved_by: J. Okoro, Section 151 Officer
    approved_on: 2023-11-20
    expires: 2023-12-31
"""


def waiver(**changes: object) -> Waiver:
    fields: dict[str, object] = {
        "target": "test",
        "rule": "ROI-01",
        "reason": "New member; register due within 28 days.",
        "approved_by": "J. Okoro, Section 151 Officer",
        "approved_on": date(2023, 11, 20),
        "expires": date(2023, 12, 31),
    }
    fields.update(changes)
    return Waiver.model_validate(fields)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_loads_with_dates() -> None:
    waivers = load_waivers(WAIVERS)
    assert [(w.rule, w.expires) for w in waivers] == [
        ("ROI-01", date(2023, 12, 31)),
        ("MEET-02", date(2023, 11, 15)),
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    approved_by: J. Okoro, Section 151 Officer\n",
            "",
            "line 2: field 'waivers.0.approved_by': is missing",
        ),
        (
            "reason: New member; register due within 28 days.",
            'reason: "  "',
            "line 4: field 'waivers.0.reason': must not be blank",
        ),
        (
            "expires: 2023-12-31",
            "expires: 31/12/2023",
            "line 7: field 'waivers.0.expires': '31/12/2023' is not a date",
        ),
        (
            "expires: 2023-12-31",
            "expires: 2023-02-30",
            "line 7: field 'waivers.0.expires': '2023-02-30' is not a calendar date",
        ),
        (
            "expires: 2023-12-31",
            "expires: 2023-11-01",
            "line 7: field 'waivers.0.expires': 2023-11-01 is before approved_on",
        ),
        ("rule: ROI-01", "rule: ROI-99", "line 3: field 'waivers.0.rule': unknown rule ROI-99"),
        (
            "    reason:",
            "    colour: red\n    reason:",
            "line 2: field 'waivers.0': Additional properties",
        ),
        ("  - target: test", "  - target: test\n   bad: [", "line 3:"),
    ],
)
def test_malformed_file_names_line_and_field(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new))
    assert_file_error(lambda p: load_waivers(p, KNOWN), path, expected)


def test_waiver_in_force_keeps_the_findings_own_status_and_text() -> None:
    findings = [finding("ROI-01", "fail"), finding("COND-02", "pass")]
    result, warnings = apply_waivers(findings, [waiver()], "test", AS_OF)
    assert warnings == []
    waived = result[0]
    assert (waived.status, waived.original_status) == ("waived", "fail")
    assert waived.waiver == waiver()
    assert waived.message.startswith("ROI-01 is fail")
    assert "New member; register due within 28 days." in waived.message
    assert "expires 2023-12-31" in waived.message
    assert result[1] == findings[1]


@pytest.mark.parametrize(
    ("changes", "applied", "warning"),
    [
        ({"expires": date(2023, 11, 29)}, False, "expired on 2023-11-29"),
        ({"expires": AS_OF}, True, None),  # a waiver is still in force on its last day
        ({"approved_on": date(2023, 12, 1)}, False, "after the audit date"),
        ({"target": "another-lep"}, False, None),  # one file may serve several LEPs
        ({"rule": "COND-02"}, False, "COND-02 is pass; no waiver needed"),
        ({"rule": "FIN-01"}, False, "not among this audit's findings"),
    ],
)
def test_expiry_and_scope_are_judged_against_as_of(
    changes: dict[str, object], applied: bool, warning: str | None
) -> None:
    findings = [finding("ROI-01", "fail"), finding("COND-02", "pass")]
    result, warnings = apply_waivers(findings, [waiver(**changes)], "test", AS_OF)
    assert any(f.status == "waived" for f in result) == applied
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0]
    if not applied:
        assert result == findings  # the finding keeps its own status and message


def test_manual_and_unknown_findings_can_be_waived() -> None:
    findings = [finding("ASSUR-07", "manual"), finding("POL-02", "unknown")]
    result, _ = apply_waivers(
        findings, [waiver(rule="ASSUR-07"), waiver(rule="POL-02")], "test", AS_OF
    )
    assert [(f.status, f.original_status) for f in result] == [
        ("waived", "manual"),
        ("waived", "unknown"),
    ]


def test_waived_report_is_rescored_and_visible_in_every_format() -> None:
    report = make_report([finding("ROI-01", "fail"), finding("COND-02", "pass")])
    assert report.score.overall == 50.0
    assert [a.rule_id for a in report.action_plan] == ["ROI-01"]
    waived, warnings = waive_report(report, [waiver()])
    assert warnings == []
    assert waived.score.overall == 100.0  # waived is not assessed, as the score documents
    assert waived.score.counts.waived == 1
    assert waived.action_plan == ()
    for rendered in (render_markdown(waived), render_csv(waived)):
        assert "WAIVED" in rendered.upper()
        assert "register due within 28 days" in rendered


def test_applying_a_new_waivers_file_replaces_the_old_one() -> None:
    report = make_report([finding("ROI-01", "fail")])
    once, _ = waive_report(report, [waiver()])
    twice, _ = waive_report(once, [waiver()])
    assert twice.findings == once.findings
    lapsed, warnings = waive_report(once, [waiver(expires=date(2023, 11, 1))])
    assert lapsed.findings == report.findings  # status, message and waiver restored
    assert "expired" in warnings[0]
