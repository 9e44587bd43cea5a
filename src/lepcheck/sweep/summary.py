"""A sweep's results: ranked entries, the league table (CSV) and sweep.json."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from lepcheck import __version__
from lepcheck.report.csv_report import cell
from lepcheck.sweep.entries import SweepEntry, SweepSettings

LEAGUE_TABLE = "league-table.csv"
SWEEP_JSON = "sweep.json"


@dataclass
class SweepResult:
    sweep_id: str
    settings: SweepSettings
    started_at: datetime
    finished_at: datetime
    entries: list[SweepEntry]
    database: Path | None = None

    def ranked(self) -> list[SweepEntry]:
        """Audited LEPs best first (score, then coverage), then the rest by id."""
        audited = [e for e in self.entries if e.outcome == "audited"]
        audited.sort(
            key=lambda e: (-(e.score if e.score is not None else -1), -(e.coverage or 0), e.id)
        )
        others = sorted((e for e in self.entries if e.outcome != "audited"), key=lambda e: e.id)
        return audited + others

    def summary_lines(self) -> list[str]:
        counts = {
            o: sum(e.outcome == o for e in self.entries)
            for o in ("audited", "unreachable", "error", "skipped")
        }
        out = self.settings.out_dir
        lines = [
            f"Swept {len(self.entries)} LEP(s): "
            + ", ".join(f"{n} {o}" for o, n in counts.items()),
            f"  league table: {out / LEAGUE_TABLE}",
            f"  summary: {out / SWEEP_JSON}",
        ]
        if self.database:
            lines.append(f"  history: {self.database} (sweep {self.sweep_id})")
        for lep_id, rules in self.regressions().items():
            lines.append(f"  regression: {lep_id} lost passing must-rule(s) {', '.join(rules)}")
        return lines

    def regressions(self) -> dict[str, tuple[str, ...]]:
        return {e.id: e.lost_must_passes for e in self.entries if e.lost_must_passes}

    def write_summary(self) -> tuple[Path, Path]:
        out = self.settings.out_dir
        out.mkdir(parents=True, exist_ok=True)
        table = out / LEAGUE_TABLE
        with table.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                ["rank", "id", "name", "outcome", "score", "coverage", "rating", "must_failed",
                 "pass", "fail", "partial", "unknown", "lost_must_passes", "report", "reason"]
            )  # fmt: skip
            rank = 0
            for entry in self.ranked():
                rank += entry.outcome == "audited"
                # names come from registry files and reasons quote crawled URLs: neither may
                # become a spreadsheet formula
                writer.writerow(
                    cell(value)
                    for value in [
                        rank if entry.outcome == "audited" else "",
                        entry.id,
                        entry.name,
                        entry.outcome,
                        "" if entry.score is None else entry.score,
                        "" if entry.coverage is None else entry.coverage,
                        entry.rating or "",
                        entry.must_failed if entry.outcome == "audited" else "",
                        *(entry.counts.get(s, "") for s in ("pass", "fail", "partial", "unknown")),
                        " ".join(entry.lost_must_passes),
                        entry.report or "",
                        entry.reason,
                    ]
                )
        summary = out / SWEEP_JSON
        data = {
            "sweep_id": self.sweep_id,
            "tool": {"name": "lepcheck", "version": __version__},
            "framework": self.settings.framework,
            "as_of": self.settings.as_of.isoformat() if self.settings.as_of else None,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "database": str(self.database) if self.database else None,
            "counts": {
                outcome: sum(e.outcome == outcome for e in self.entries)
                for outcome in ("audited", "unreachable", "error", "skipped")
            },
            "entries": [asdict(e) for e in self.ranked()],
        }
        summary.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        return table, summary
