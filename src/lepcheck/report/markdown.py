"""report.md: for email and wikis. Crawled text is escaped so it cannot inject links or HTML."""

from __future__ import annotations

import re

from lepcheck.bodies import BODY_KIND_WORDS
from lepcheck.models import Report
from lepcheck.report.incomplete import incomplete_notice
from lepcheck.report.method import DATE_STRENGTHS, DATES_INTRO

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md(text: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def render_markdown(report: Report) -> str:
    s = report.score
    notice = incomplete_notice(report)
    lines = [
        f"# lepcheck report: {md(report.target.name)}",
        "",
        *([f"> **{md(notice)}**", ""] if notice else []),
        f"- Target: {md(report.target.url)} (id `{report.target.id}`), "
        f"{BODY_KIND_WORDS[report.target.kind]}",
        f"- As of: {report.as_of}; generated {report.generated_at:%Y-%m-%d %H:%M} UTC "
        f"by lepcheck {report.tool.version}",
        f"- Framework: {report.ruleset.framework}"
        + (f" ({md(report.ruleset.framework_title)})" if report.ruleset.framework_title else "")
        + "; "
        f"catalogue {report.ruleset.catalogue_digest[:19]}",
        f"- **Score {fmt(s.overall)} / 100, coverage {fmt(s.coverage)}%, "
        f"rating {s.rating.upper()}** ({md(s.rating_reason)})",
        "",
        "| Status | Count |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in s.counts.model_dump().items() if v),
        "",
        "## By category",
        "",
        "| Category | Score | Coverage | Pass | Partial | Fail | Unknown | Manual |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in s.by_category:
        n = c.counts.model_dump()
        lines.append(
            f"| {md(c.title)} | {fmt(c.score)} | {fmt(c.coverage)}% | {n['pass']} | "
            f"{n['partial']} | {n['fail']} | {n['unknown']} | {n['manual']} |"
        )
    if report.action_plan:
        lines += [
            "",
            "## Action plan",
            "",
            "| Rule | Recommendation | Action | Owner | Target date | Status |",
        ]
        lines.append("|---|---|---|---|---|---|")
        for a in report.action_plan:
            lines.append(
                f"| {a.rule_id} | {md(a.recommendation)} | {md(a.action)} | {md(a.owner)} | "
                f"{a.target_date} | {a.status} |"
            )
    snap = report.snapshot
    if report.problems or (snap and (snap.skipped_by_reason or snap.stopped)):
        lines += ["", "## What the crawl could not read fully", ""]
        if snap and snap.skipped_by_reason:
            reasons = ", ".join(f"{k} {v}" for k, v in sorted(snap.skipped_by_reason.items()))
            lines.append(f"URLs seen but not fetched, by reason: {md(reasons)}.")
        if snap and snap.stopped:
            lines.append(f"Why the crawl ended: {md(snap.stopped)}.")
        if snap and snap.sampled:
            lines += ["", "Look-alike pages sampled, not exhausted:", ""]
            lines += [f"- {md(family)}" for family in snap.sampled]
            lines.append("")
        for problem in report.problems[:50]:
            lines.append(f"- `{problem.url.replace('`', '%60')}`: {md(problem.reason)}")
    lines += ["", "## Findings", ""]
    for f in report.findings:
        lines.append(f"### {f.rule_id} [{f.status.upper()}] {md(f.title)}")
        lines.append("")
        lines.append(f"{md(f.message)}")
        for ev in f.evidence[:5]:
            archive = f" (archived: `{ev.archive}`)" if ev.archive else ""
            if ev.capture is not None:
                archive += f" archived by {md(ev.capture.words())}"
            url = ev.url.replace("`", "%60")
            lines.append(f"- `{url}` {md(ev.locator)}: \u201c{md(ev.quote)}\u201d{archive}")
        if f.status in ("fail", "partial") and f.remediation:
            lines.append(f"- Remediation: {md(f.remediation)}")
        lines.append("")
    lines += ["## Method: how publication dates are judged", "", DATES_INTRO, ""]
    lines += [f"- **{name}**: {text}" for name, text in DATE_STRENGTHS]
    return "\n".join(lines) + "\n"
