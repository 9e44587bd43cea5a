"""The sector dashboard: a static site built from the history database.

Sorting is script-free: each sort order is its own pre-rendered page (index.html by score,
by-name.html, ...) and the column headings link between them. The dashboard therefore carries
the same Content-Security-Policy as the reports (`default-src 'none'`, no script at all), so a
hostile LEP name or title can never run anything, there is no script hash to keep in step with
the template, and the pages work with scripting off and in print. Charts are inline SVG.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from lepcheck import __version__
from lepcheck.diff import RunDiff, diff_runs
from lepcheck.history import History, RunRow
from lepcheck.report.html_report import environment
from lepcheck.rules import GROUP_TITLES

CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 300, 120, 24
STATUS_MARKS = {
    "pass": "✓",
    "fail": "✗",
    "partial": "½",
    "unknown": "?",
    "manual": "M",
    "waived": "W",
    "not_applicable": "–",
}


@dataclass(frozen=True)
class LeagueRow:
    target_id: str
    name: str
    url: str
    latest: RunRow  # the latest run of any outcome
    audited: RunRow | None  # the latest audited run, whose score is shown
    previous_score: float | None
    must_failed: int
    report_href: str | None
    changes: RunDiff | None

    @property
    def change(self) -> float | None:
        if self.audited is None or self.audited.score is None or self.previous_score is None:
            return None
        return round(self.audited.score - self.previous_score, 1)


@dataclass(frozen=True)
class SortOrder:
    key: str
    page: str
    label: str
    order: Callable[[LeagueRow], tuple[object, ...]]


def score_of(row: LeagueRow) -> float:
    return row.audited.score if row.audited and row.audited.score is not None else -1.0


SORT_ORDERS = (
    SortOrder("score", "index.html", "Score", lambda r: (-score_of(r), r.target_id)),
    SortOrder("name", "by-name.html", "LEP", lambda r: (r.name.lower(), r.target_id)),
    SortOrder(
        "coverage",
        "by-coverage.html",
        "Coverage",
        lambda r: (-(r.audited.coverage or 0.0) if r.audited else 1.0, r.target_id),
    ),
    SortOrder(
        "change",
        "by-change.html",
        "Change",
        lambda r: (r.change is None, r.change or 0.0, r.target_id),
    ),
    SortOrder(
        "must",
        "by-must-failures.html",
        "Must-rules failed",
        lambda r: (r.audited is None, -r.must_failed, r.target_id),
    ),
)


@dataclass(frozen=True)
class TrendChart:
    category: str
    title: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]

    def points(self) -> list[tuple[float, float, float, str]]:
        """(x, y, value, label) for each sweep with a score, in SVG coordinates."""
        usable_w = CHART_WIDTH - 2 * CHART_PAD
        usable_h = CHART_HEIGHT - 2 * CHART_PAD
        step = usable_w / max(1, len(self.values) - 1)
        out = []
        for index, (value, label) in enumerate(zip(self.values, self.labels, strict=True)):
            if value is None:
                continue
            x = CHART_PAD + (index * step if len(self.values) > 1 else usable_w / 2)
            y = CHART_PAD + usable_h * (1 - value / 100)
            out.append((round(x, 1), round(y, 1), value, label))
        return out

    def polyline(self) -> str:
        return " ".join(f"{x},{y}" for x, y, _, _ in self.points())


def report_href(run: RunRow, out_dir: Path) -> str | None:
    """A relative link from the dashboard to the run's report.html (else report.json)."""
    if not run.report_path:
        return None
    json_path = Path(run.report_path)
    for candidate in (json_path.with_name("report.html"), json_path):
        if candidate.is_file():
            relative = os.path.relpath(candidate.resolve(), out_dir.resolve())
            return quote(Path(relative).as_posix())
    return None


def league_rows(history: History, out_dir: Path) -> list[LeagueRow]:
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
                report_href=report_href(latest_audited, out_dir) if latest_audited else None,
                changes=changes,
            )
        )
    return rows


def sweep_label(run: RunRow) -> str:
    """Runs of one sweep form one point on a trend; a lone `audit --db` run is its own."""
    return run.sweep_id or f"audit-{run.id}"


def trend_charts(history: History) -> list[TrendChart]:
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
        TrendChart(
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


def write_dashboard(history: History, out_dir: Path) -> list[Path]:
    """Write the dashboard pages into out_dir; returns them, index.html first."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = league_rows(history, out_dir)
    by_score = sorted(rows, key=SORT_ORDERS[0].order)
    rules, cells = heat_map(history, by_score)
    charts = trend_charts(history)
    template = environment().get_template("dashboard.html.j2")
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    written = []
    for sort in SORT_ORDERS:
        page = out_dir / sort.page
        page.write_text(
            template.render(
                rows=sorted(rows, key=sort.order),
                heat_columns=by_score,
                sort=sort,
                sorts=SORT_ORDERS,
                rules=rules,
                cells=cells,
                marks=STATUS_MARKS,
                charts=charts,
                chart=(CHART_WIDTH, CHART_HEIGHT, CHART_PAD),
                generated=generated,
                version=__version__,
                database=history.path.name,
            ),
            encoding="utf-8",
        )
        written.append(page)
    return written
