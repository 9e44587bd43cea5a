"""report.junit.xml: one test case per rule, for CI users (Jenkins, GitLab, GitHub test views).

fail -> <failure>; partial -> <failure type="partial">; unknown -> <error> (could not assess);
manual, not_applicable and waived -> <skipped> with the reason. ElementTree escapes markup,
but XML 1.0 forbids most control characters even escaped, so the report's text is made
printable first (the audit's reports already are; a report built any other way may not be):
the file stays well-formed whatever a page title holds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lepcheck.assess import printable_report
from lepcheck.models import Report
from lepcheck.report.incomplete import incomplete_notice


def render_junit(report: Report) -> str:
    """The test suite; a crawl that did not finish adds a failing `snapshot complete` case,
    so a CI view shows it beside the rules."""
    report = printable_report(report)
    counts = report.score.counts
    notice = incomplete_notice(report)
    suite = ET.Element(
        "testsuite",
        {
            "name": f"lepcheck {report.target.id}",
            "tests": str(len(report.findings) + (1 if notice else 0)),
            "failures": str(counts.fail + counts.partial),
            "errors": str(counts.unknown + (1 if notice else 0)),
            "skipped": str(counts.manual + counts.not_applicable + counts.waived),
            "timestamp": report.generated_at.strftime("%Y-%m-%dT%H:%M:%S"),
        },
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("target.url", report.target.url),
        ("as_of", report.as_of.isoformat()),
        ("framework", report.ruleset.framework),
        ("score", "" if report.score.overall is None else f"{report.score.overall:.1f}"),
        ("coverage", f"{report.score.coverage:.1f}"),
        ("rating", report.score.rating),
        *((("snapshot.complete", "false"),) if notice else ()),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": value})
    if notice:
        case = ET.SubElement(
            suite, "testcase", {"classname": "lepcheck.snapshot", "name": "snapshot complete"}
        )
        ET.SubElement(case, "error", {"type": "incomplete", "message": notice})
    for finding in report.findings:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": f"lepcheck.{finding.category}",
                "name": f"{finding.rule_id} {finding.title}",
            },
        )
        if finding.status == "fail":
            ET.SubElement(
                case, "failure", {"type": "fail", "message": finding.message}
            ).text = "\n".join(finding.searched[:50])
        elif finding.status == "partial":
            ET.SubElement(case, "failure", {"type": "partial", "message": finding.message})
        elif finding.status == "unknown":
            ET.SubElement(case, "error", {"type": "unknown", "message": finding.message})
        elif finding.status in ("manual", "not_applicable", "waived"):
            ET.SubElement(case, "skipped", {"message": f"{finding.status}: {finding.message}"})
        if finding.evidence:
            ET.SubElement(case, "system-out").text = "\n".join(
                f"{ev.url} [{ev.locator}] {ev.quote}" for ev in finding.evidence
            )
    ET.indent(suite)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
    )
