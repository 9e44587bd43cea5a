"""Reports built directly, as a test or another tool builds one, not through the audit (which
cleans text and names archives itself): what a crafted report.json or a careless caller
hands the renderers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from lepcheck.models import (
    Evidence,
    Finding,
    Report,
    RulesetInfo,
    Score,
    SnapshotRef,
    TargetInfo,
    ToolInfo,
)

SHA = "a" * 64


def evidence(
    url: str = "https://lep.example/coi", archive: str | None = None, quote: str = "A policy"
) -> Evidence:
    return Evidence(url=url, sha256=SHA, locator="title", quote=quote, archive=archive)


def built_report(
    evidence: Sequence[Evidence] = (),
    *,
    text: str = "A policy",
    target_url: str = "https://lep.example/",
    snapshot: SnapshotRef | None = None,
) -> Report:
    """One COI-01 finding carrying `text` as its title and message, with `evidence`."""
    finding = Finding(
        rule_id="COI-01", status="pass" if evidence else "fail", severity="must", title=text,
        category="COI", assessment="auto", message=text, evidence=tuple(evidence),
        searched=(text,),
    )  # fmt: skip
    return Report(
        tool=ToolInfo(version="0"),
        target=TargetInfo(id="t", name=text, url=target_url),
        as_of=date(2023, 11, 30),
        generated_at=datetime(2023, 11, 30, tzinfo=UTC),
        ruleset=RulesetInfo(framework="nlgaf-2019", catalogue_digest="sha256:0"),
        snapshot=snapshot,
        score=Score(overall=None, coverage=0, rating="not rated"),
        findings=(finding,),
    )
