"""Snapshot stage: WARC files plus a SQLite index, the evidence every finding points at."""

from lepcheck.snapshot.errors import DamagedRecordError, SnapshotError, UnfinishedSnapshotError
from lepcheck.snapshot.previous import find_previous_snapshot, find_unfinished_snapshot
from lepcheck.snapshot.reader import Snapshot
from lepcheck.snapshot.store import SnapshotWriter

__all__ = [
    "DamagedRecordError",
    "Snapshot",
    "SnapshotError",
    "SnapshotWriter",
    "UnfinishedSnapshotError",
    "find_previous_snapshot",
    "find_unfinished_snapshot",
]
