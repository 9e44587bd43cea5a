"""The verdict on one site: findings, waivers, score and rating, and the action plan.

`assess` is a pure function of (site model, ruleset, waivers); the as-of day is the site
model's. It reads no clock, file or network, so a stored snapshot re-checked on another day
gets the same verdict. `reassess` gives a stored report's verdict under other waivers.
`build_report` wraps a verdict with the provenance a report carries (tool, target, ruleset,
snapshot); reports, the statement and the dashboard only render what these return. Both
return reports whose text is printable (lepcheck.printable): crawled text quoted in a finding
carries no terminal escape sequence or control character into any report, terminal or XML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from lepcheck import __version__
from lepcheck.assess.actions import action_plan
from lepcheck.assess.findings import evaluate_rules
from lepcheck.assess.score import score_findings
from lepcheck.assess.waivers import apply_waivers, unwaived
from lepcheck.models import (
    ActionItem,
    FetchProblem,
    Finding,
    Report,
    RulesetInfo,
    Score,
    SiteModel,
    SnapshotRef,
    TargetInfo,
    ToolInfo,
    Waiver,
)
from lepcheck.printable import printable_data
from lepcheck.rules import GROUP_TITLES, Ruleset


@dataclass(frozen=True)
class Assessment:
    """A verdict: every finding (waivers applied), its score and rating, and what to do."""

    findings: tuple[Finding, ...]
    score: Score
    action_plan: tuple[ActionItem, ...]
    notes: tuple[str, ...] = ()  # waivers that did not apply, and why


def judge(
    findings: Sequence[Finding], ruleset: Ruleset, as_of: date, notes: Sequence[str] = ()
) -> Assessment:
    """Score, rate and plan a set of findings."""
    return Assessment(
        findings=tuple(findings),
        score=score_findings(findings, cap_rules=ruleset.rating_cap, category_titles=GROUP_TITLES),
        action_plan=action_plan(findings, as_of),
        notes=tuple(notes),
    )


def assess(site: SiteModel, ruleset: Ruleset, waivers: Sequence[Waiver] = ()) -> Assessment:
    """Evaluate the ruleset's selected rules on the site, apply the waivers in force on the
    site's as-of day, then score, rate and plan."""
    findings = evaluate_rules(ruleset.selected(), site, ruleset.weights)
    notes: list[str] = []
    if waivers:
        findings, notes = apply_waivers(findings, waivers, site.target_id, site.as_of)
    return judge(findings, ruleset, site.as_of, notes)


def build_report(
    assessment: Assessment,
    *,
    target: TargetInfo,
    as_of: date,
    generated_at: datetime,
    ruleset: RulesetInfo,
    snapshot: SnapshotRef | None,
    problems: Sequence[FetchProblem] = (),
) -> Report:
    report = Report(
        tool=ToolInfo(version=__version__),
        target=target,
        as_of=as_of,
        generated_at=generated_at,
        ruleset=ruleset,
        snapshot=snapshot,
        score=assessment.score,
        findings=assessment.findings,
        action_plan=assessment.action_plan,
        problems=tuple(problems),
    )
    return printable_report(report)


def printable_report(report: Report) -> Report:
    """The report with every string in it made printable (quotes, titles, URLs, reasons)."""
    return Report.model_validate(printable_data(report.model_dump(mode="json")))


def reassess(
    report: Report, waivers: Sequence[Waiver], ruleset: Ruleset
) -> tuple[Report, list[str]]:
    """The report with `waivers` applied (replacing any earlier ones), re-scored as the audit
    scores, and with an action plan that no longer lists what is waived."""
    base = [unwaived(f) for f in report.findings]
    findings, warnings = apply_waivers(base, waivers, report.target.id, report.as_of)
    verdict = judge(findings, ruleset, report.as_of)
    waived = report.model_copy(
        update={
            "findings": verdict.findings,
            "score": verdict.score,
            "action_plan": verdict.action_plan,
        }
    )
    return printable_report(waived), warnings
