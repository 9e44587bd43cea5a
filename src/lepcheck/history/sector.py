"""The sector view of the history: one league row per LEP, each category's trend across sweeps,
and the latest status of every rule for every LEP. The dashboard renders it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lepcheck.history.changes import RunDiff, diff_runs
from lepcheck.history.database import History
from lepcheck.history.rows import RunRow
from lepcheck.rules import GROUP_TITLES


@dataclass(frozen=True)
class LeagueRow:
    target_id: str
    name: str
    url: str
    latest: RunRow  # the latest run of any outcome
    audited: RunRow | None  # the latest audited run, whose score is shown
    previous_score: float | None
    must_failed: int
    changes: RunDiff | None
    report_href: str | None = None  # set by the dashboard, relative to its own folder

    @property
    def change(self) -> float | None:
        if self.audited is None or self.audited.score is None or self.previous_score is None:
            return None
        return round(self.audited.score - self.previous_score, 1)


@dataclass(frozen=True)
class CategoryTrend:
    """A category's mean score at each sweep, oldest first (None: no score that sweep)."""

    category: str
    title: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]


def league_rows(history: History) -> list[LeagueRow]:
    """One row per LEP in the database: its latest run, latest audited run and changes."""
    rows = []
    for target_id in history.target_ids():
        runs = history.runs(target_id)
        audited = history.comparable_runs(target_id)
        latest_audited = audited[-1] if audited else None
        changes = None
        if len(audited) >= 2:
            changes = diff_runs(history, audited[-2].id, audited[-1].id)
        must_failed = 0
        if latest_audited is not None:
            must_failed = sum(
                f.status == "fail" and f.severity == "must"
                for f in history.findings(latest_audited.id).values()
            )
        shown = latest_audited or runs[-1]
        rows.append(
            LeagueRow(
                target_id=target_id,
                name=shown.target_name,
                url=shown.target_url,
                latest=runs[-1],
                audited=latest_audited,
                previous_score=audited[-2].score if len(audited) >= 2 else None,
                must_failed=must_failed,
                changes=changes,
            )
        )
    return rows


def sweep_label(run: RunRow) -> str:
    """Runs of one sweep form one point on a trend; a lone `audit --db` run is its own."""
    return run.sweep_id or f"audit-{run.id}"


def category_trends(history: History) -> list[CategoryTrend]:
    audited = history.runs(audited_only=True)
    groups: dict[str, list[RunRow]] = {}
    for run in audited:
        groups.setdefault(sweep_label(run), []).append(run)
    ordered = sorted(groups.values(), key=lambda runs: runs[0].started_at)
    labels = tuple(runs[0].started_at.strftime("%Y-%m-%d %H:%M") for runs in ordered)
    by_category: dict[str, list[list[float]]] = {}
    titles: dict[str, str] = {}
    for index, runs in enumerate(ordered):
        for run in runs:
            for row in history.category_scores(run.id):
                titles[row.category] = row.title
                series = by_category.setdefault(row.category, [[] for _ in ordered])
                if row.score is not None:
                    series[index].append(row.score)
    order = [c for c in GROUP_TITLES if c in by_category] + sorted(
        c for c in by_category if c not in GROUP_TITLES
    )
    return [
        CategoryTrend(
            category=category,
            title=titles.get(category, category),
            labels=labels,
            values=tuple(
                round(sum(scores) / len(scores), 1) if scores else None
                for scores in by_category[category]
            ),
        )
        for category in order
    ]


def heat_map(
    history: History, rows: Sequence[LeagueRow]
) -> tuple[list[tuple[str, str]], dict[tuple[str, str], str]]:
    """Rules (id, title) and each (rule, LEP) status in the LEP's latest audited run."""
    cells: dict[tuple[str, str], str] = {}
    rules: dict[str, str] = {}
    for row in rows:
        if row.audited is None:
            continue
        for rule_id, finding in history.findings(row.audited.id).items():
            rules.setdefault(rule_id, finding.title)
            cells[(rule_id, row.target_id)] = finding.status
    return sorted(rules.items()), cells
