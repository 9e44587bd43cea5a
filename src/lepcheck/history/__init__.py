"""The history of runs, in SQLite: every audit's score, findings (with evidence fingerprints),
category scores and action plan, so a sector can see what changed, who regressed and how
scores trend.

- database: the History store (WAL, busy timeout, versioned migrations);
- rows: what it keeps of each run and finding;
- changes: what changed between two runs of one LEP (new failures, resolved, changed evidence);
- sector: the sector view the dashboard renders (league rows, trends, heat map).
"""

from lepcheck.history.database import DEFAULT_DB, History
from lepcheck.history.rows import FailedRun, FindingRow, RunRow, finding_rows

__all__ = ["DEFAULT_DB", "FailedRun", "FindingRow", "History", "RunRow", "finding_rows"]
