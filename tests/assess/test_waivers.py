"""Applying waivers: expiry is judged against the audit's as-of date, never the clock; waived
findings keep their own status and the waiver's text in every report format."""

from __future__ import annotations

from datetime import date

import pytest

from lepcheck.assess import reassess
from lepcheck.assess.waivers import apply_waivers, unwaived
from lepcheck.models import Waiver
from lepcheck.report.csv_report import render_csv
from lepcheck.report.markdown import render_markdown
from lepcheck.rules import load_ruleset
from tests.report.conftest import finding, make_report

AS_OF = date(2023, 11, 30)
RULESET = load_ruleset()


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
    waived, warnings = reassess(report, [waiver()], RULESET)
    assert warnings == []
    assert waived.score.overall == 100.0  # waived is not assessed, as the score documents
    assert waived.score.counts.waived == 1
    assert waived.action_plan == ()
    for rendered in (render_markdown(waived), render_csv(waived)):
        assert "WAIVED" in rendered.upper()
        assert "register due within 28 days" in rendered


def test_applying_a_new_waivers_file_replaces_the_old_one() -> None:
    report = make_report([finding("ROI-01", "fail")])
    once, _ = reassess(report, [waiver()], RULESET)
    twice, _ = reassess(once, [waiver()], RULESET)
    assert twice.findings == once.findings
    lapsed, warnings = reassess(once, [waiver(expires=date(2023, 11, 1))], RULESET)
    assert lapsed.findings == report.findings  # status, message and waiver restored
    assert "expired" in warnings[0]


def test_unwaiving_restores_only_a_finding_that_records_its_own_status() -> None:
    (waived,), _ = apply_waivers([finding("ROI-01", "fail")], [waiver()], "test", AS_OF)
    assert unwaived(waived) == finding("ROI-01", "fail")
    # A waived finding that never recorded its own status (an older report) stays as it is,
    # and so does a finding that is not waived, whatever its original_status says.
    bare = finding("ROI-01", "waived")
    assert unwaived(bare) is bare
    stray = finding("ROI-01", "fail", original_status="partial")
    assert unwaived(stray) is stray


def test_every_entry_is_judged_whatever_the_entries_before_it() -> None:
    findings = [finding("ROI-01", "fail"), finding("COND-02", "pass"), finding("COI-06", "fail")]
    entries = [
        waiver(target="another-lep"),
        waiver(expires=date(2023, 11, 29)),
        waiver(approved_on=date(2023, 12, 1)),
        waiver(rule="FIN-03"),
        waiver(),
        waiver(),
        waiver(rule="COND-02"),
        waiver(rule="COI-06"),
    ]
    result, warnings = apply_waivers(findings, entries, "test", AS_OF)
    assert [f.status for f in result] == ["waived", "pass", "waived"]
    assert warnings == [
        "waiver for ROI-01 (test) expired on 2023-11-29 (as of 2023-11-30); ignored, the "
        "finding keeps its own status",
        "waiver for ROI-01 (test) was approved on 2023-12-01, after the audit date "
        "2023-11-30; ignored",
        "waiver for FIN-03 (test): FIN-03 is not among this audit's findings; unused",
        "waiver for ROI-01 (test): ROI-01 is already waived by an earlier entry",
        "waiver for COND-02 (test): COND-02 is pass; no waiver needed",
    ]


def test_only_the_audited_targets_waivers_apply_whatever_their_names_sort_to() -> None:
    findings = [finding("ROI-01", "fail")]
    for other in ("another-lep", "zeta-lep"):
        result, warnings = apply_waivers(findings, [waiver(target=other)], "test", AS_OF)
        assert (result[0].status, warnings) == ("fail", [])


def test_a_waiver_approved_on_the_audit_date_is_in_force() -> None:
    on_the_day = waiver(approved_on=AS_OF)
    result, warnings = apply_waivers([finding("ROI-01", "fail")], [on_the_day], "test", AS_OF)
    assert (result[0].status, warnings) == ("waived", [])
