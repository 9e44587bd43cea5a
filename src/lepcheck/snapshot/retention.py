"""Snapshot retention: registers of interests name people, so users may keep only the newest
snapshots of a target (design.md, "Personal data")."""

from __future__ import annotations

import shutil
from pathlib import Path

from pydantic import ValidationError

from lepcheck.models import SnapshotInfo
from lepcheck.snapshot.index_db import INFO_FILE
from lepcheck.snapshot.previous import same_target


def prune_snapshots(root: Path, target_url: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` finished snapshots of `target_url` below `root`.
    Unfinished snapshots are never touched (they may be resumed). Returns what was deleted."""
    if keep < 1:
        raise ValueError("keep at least one snapshot: the latest report points at it")
    finished: list[tuple[str, Path]] = []
    for info_path in root.rglob(INFO_FILE):
        try:
            info = SnapshotInfo.model_validate_json(info_path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, UnicodeDecodeError):
            continue
        if info.finished_at is not None and same_target(info.target_url, target_url):
            finished.append((info.finished_at.isoformat(), info_path.parent))
    finished.sort(reverse=True)
    doomed = [path for _, path in finished[keep:]]
    for path in doomed:
        shutil.rmtree(path)
    return doomed
