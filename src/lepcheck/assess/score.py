"""Scoring: a weighted pass share, with coverage beside it and a RAG rating.

- weight: by severity (must 3, should 2, gp 1) unless the framework gives a clause weight;
- score: sum of weight x credit over assessed findings (pass 1, partial 0.5, fail 0), as a
  percentage of their total weight; `unknown`, `manual`, `waived` and `not_applicable` are not
  assessed, so they neither help nor hurt the score;
- coverage: assessed weight as a percentage of all applicable weight, so a high score over
  little evidence is visible as such;
- rating: green >= 85, amber >= 60, else red; any failed must-rule of the spot-check profile
  caps the rating at amber (a must-requirement failed is never "green"); below 50% coverage the
  LEP is "not rated", because the evidence is too thin to rate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping

from lepcheck.models import CategoryScore, Finding, Rating, Score, StatusCounts

CREDIT = {"pass": 1.0, "partial": 0.5, "fail": 0.0}
ASSESSED = frozenset(CREDIT)
NOT_APPLICABLE = frozenset({"not_applicable"})
GREEN_AT = 85.0
AMBER_AT = 60.0
MIN_COVERAGE_TO_RATE = 50.0


def counts_of(findings: Iterable[Finding]) -> StatusCounts:
    # StatusCounts takes each status by name ("pass" through its alias).
    return StatusCounts.model_validate(Counter(f.status for f in findings))


def weighted(findings: list[Finding]) -> tuple[float | None, float]:
    applicable = [f for f in findings if f.status not in NOT_APPLICABLE]
    assessed = [f for f in applicable if f.status in ASSESSED]
    total = sum(f.weight for f in applicable)
    assessed_weight = sum(f.weight for f in assessed)
    if assessed_weight == 0:
        return None, 0.0
    score = 100.0 * sum(f.weight * CREDIT[f.status] for f in assessed) / assessed_weight
    coverage = 100.0 * assessed_weight / total if total else 0.0
    return round(score, 1), round(coverage, 1)


def rate(
    score: float | None, coverage: float, findings: list[Finding], cap_rules: Collection[str]
) -> tuple[Rating, str]:
    if score is None or coverage < MIN_COVERAGE_TO_RATE:
        return "not rated", f"coverage {coverage:.0f}% is below {MIN_COVERAGE_TO_RATE:.0f}%"
    rating: Rating = "green" if score >= GREEN_AT else "amber" if score >= AMBER_AT else "red"
    reason = f"score {score:.0f} (green >= {GREEN_AT:.0f}, amber >= {AMBER_AT:.0f})"
    capped = sorted(
        f.rule_id
        for f in findings
        if f.status == "fail" and f.severity == "must" and f.rule_id in cap_rules
    )
    if rating == "green" and capped:
        return "amber", reason + f"; capped at amber by failed must-rules {', '.join(capped)}"
    return rating, reason


def score_findings(
    findings: Iterable[Finding],
    *,
    cap_rules: Collection[str] = (),
    category_titles: Mapping[str, str] | None = None,
) -> Score:
    all_findings = list(findings)
    overall, coverage = weighted(all_findings)
    rating, reason = rate(overall, coverage, all_findings, cap_rules)
    titles = category_titles or {}
    categories: dict[str, list[Finding]] = {}
    for finding in all_findings:
        categories.setdefault(finding.category, []).append(finding)
    by_category = []
    for category, members in categories.items():
        cat_score, cat_coverage = weighted(members)
        by_category.append(
            CategoryScore(
                category=category,
                title=titles.get(category, category),
                score=cat_score,
                coverage=cat_coverage,
                counts=counts_of(members),
            )
        )
    return Score(
        overall=overall,
        coverage=coverage,
        rating=rating,
        rating_reason=reason,
        by_category=tuple(by_category),
        counts=counts_of(all_findings),
    )
