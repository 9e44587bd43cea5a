"""Sector sweeps: audit many LEPs at once, record every run, write a league table.

- entries: what a sweep is asked to do, which LEPs it takes, each LEP's result line;
- run: the thread pool, one audit per LEP, never two at once on one host;
- record: one audit recorded in the history with its action plan carried forward (also
  `audit --db`);
- summary: the ranked results, league-table.csv and sweep.json.
"""

from lepcheck.sweep.entries import SweepEntry, SweepProgressEvent, SweepSettings, select_leps
from lepcheck.sweep.record import RecordedAudit, audit_and_record
from lepcheck.sweep.run import HostTurns, host_of, run_sweep
from lepcheck.sweep.summary import SweepResult

__all__ = [
    "HostTurns",
    "RecordedAudit",
    "SweepEntry",
    "SweepProgressEvent",
    "SweepResult",
    "SweepSettings",
    "audit_and_record",
    "host_of",
    "run_sweep",
    "select_leps",
]
