"""The sector dashboard: a static site built from the history database.

Sorting is script-free: each sort order is its own pre-rendered page (index.html by score,
by-name.html, ...) and the column headings link between them. The dashboard therefore carries
the same Content-Security-Policy as the reports (`default-src 'none'`, no script at all), so a
hostile LEP name or title can never run anything, there is no script hash to keep in step with
the template, and the pages work with scripting off and in print. Charts are inline SVG.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from lepcheck import __version__
from lepcheck.history.database import History
from lepcheck.history.rows import RunRow
from lepcheck.history.sector import CategoryTrend, LeagueRow, category_trends, heat_map, league_rows
from lepcheck.report.html_report import environment

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
class TrendChart(CategoryTrend):
    """A category trend drawn as an inline SVG line."""

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
    """A relative link from the dashboard to the run's report.html (else report.json): to the
    file the run wrote in its folder, not where that link points today (report.publish
    replaces the folder's set, and removes the old one, at the next run)."""
    if not run.report_path:
        return None
    json_path = Path(run.report_path)
    for candidate in (json_path.with_name("report.html"), json_path):
        if candidate.is_file():
            relative = os.path.relpath(candidate.absolute(), out_dir.absolute())
            return quote(Path(relative).as_posix())
    return None


def write_dashboard(history: History, out_dir: Path) -> list[Path]:
    """Write the dashboard pages into out_dir; returns them, index.html first."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = [
        replace(row, report_href=report_href(row.audited, out_dir) if row.audited else None)
        for row in league_rows(history)
    ]
    by_score = sorted(rows, key=SORT_ORDERS[0].order)
    rules, cells = heat_map(history, by_score)
    charts = [TrendChart(**asdict(trend)) for trend in category_trends(history)]
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
