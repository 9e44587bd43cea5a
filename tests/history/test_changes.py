"""Diffs keyed by rule with evidence fingerprints, and regressions."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from lepcheck.cli.display import diff_json, diff_text
from lepcheck.errors import HistoryError
from lepcheck.history import History, finding_rows
from lepcheck.history.changes import (
    diff_findings,
    diff_runs,
    latest_two_runs,
    lost_must_passes,
)
from tests.history.builders import finding, report

OLD_PDF = {"https://lep.test/policy.pdf": "a" * 64}
NEW_PDF = {"https://lep.test/policy.pdf": "b" * 64}
NOON = datetime(2023, 11, 30, 12, tzinfo=UTC)


def test_each_kind_of_change_is_classified() -> None:
    before = finding_rows(
        [
            finding("POL-01", "pass", documents=OLD_PDF),  # document replaced
            finding("POL-02", "pass", documents=OLD_PDF),  # now fails
            finding("POL-03", "fail"),  # now passes
            finding("POL-04", "fail"),  # still fails
            finding("POL-05", "pass", documents=OLD_PDF),  # untouched
            finding("POL-06", "partial"),  # partial -> unknown: no longer failing
            finding("POL-07", "manual"),  # manual -> unknown: a change of status
            finding("POL-08", "pass", documents=OLD_PDF),  # rule retired
        ]
    )
    after = finding_rows(
        [
            finding("POL-01", "pass", documents=NEW_PDF),
            finding("POL-02", "fail"),
            finding("POL-03", "pass", documents=NEW_PDF),
            finding("POL-04", "fail"),
            finding("POL-05", "pass", documents=OLD_PDF),
            finding("POL-06", "unknown"),
            finding("POL-07", "unknown"),
            finding("POL-09", "partial"),  # new rule, partially met
        ]
    )
    kinds = {c.rule_id: c.kind for c in diff_findings(before, after)}
    assert kinds == {
        "POL-01": "changed",
        "POL-02": "new_failure",
        "POL-03": "resolved",
        "POL-04": "persisting",
        "POL-05": "unchanged",
        "POL-06": "resolved",
        "POL-07": "changed",
        "POL-08": "changed",
        "POL-09": "new_failure",
    }
    assert lost_must_passes(before, after) == ["POL-02", "POL-08"]


def test_a_should_rule_lost_is_not_a_must_regression() -> None:
    before = finding_rows([finding("POL-04", "pass", severity="should")])
    after = finding_rows([finding("POL-04", "fail", severity="should")])
    assert lost_must_passes(before, after) == []


def test_diff_of_stored_runs_and_its_guards(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite")

    def record(target: str, *findings_: object, hour: int, framework: str = "nlgaf-2019") -> int:
        return history.record_report(
            report(target, tuple(findings_), framework=framework),  # type: ignore[arg-type]
            report_path=None,
            started_at=NOON.replace(hour=hour),
            finished_at=NOON.replace(hour=hour),
        )

    first = record("alpha", finding("POL-01", "pass", documents=OLD_PDF), hour=9)
    with pytest.raises(HistoryError, match="a diff needs two"):
        latest_two_runs(history, "alpha")
    second = record("alpha", finding("POL-01", "pass", documents=NEW_PDF), hour=10)
    other = record("beta", finding("POL-01", "pass"), hour=11)
    assert latest_two_runs(history, "alpha") == (first, second)
    # a run under another profile checks other rules: it is not compared with these
    record("alpha", finding("POL-09", "fail"), hour=12, framework="spot-check")
    with pytest.raises(HistoryError, match="a diff needs two"):
        latest_two_runs(history, "alpha")
    third = record("alpha", finding("POL-01", "pass", documents=NEW_PDF), hour=13)
    assert latest_two_runs(history, "alpha") == (second, third)
    assert history.previous_audited_run("alpha", "nlgaf-2019") == history.run(third)
    result = diff_runs(history, first, second)
    assert [c.rule_id for c in result.of_kind("changed")] == ["POL-01"]
    assert "Changed: 1" in diff_text(result)
    assert '"changed": [' in diff_json(result)
    with pytest.raises(HistoryError, match="different LEPs"):
        diff_runs(history, first, other)
    with pytest.raises(HistoryError, match="no run 999"):
        diff_runs(history, first, 999)
