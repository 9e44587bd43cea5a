"""Snapshot retention: registers of interests name people, so users may keep only the newest
snapshots of a target (design.md, "Personal data")."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from lepcheck.snapshot.previous import snapshots_of


def prune_snapshots(root: Path, target_url: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` finished snapshots of `target_url` below `root`.
    Unfinished snapshots are never touched (they may be resumed). Returns what was deleted."""
    if keep < 1:
        raise ValueError("keep at least one snapshot: the latest report points at it")
    finished = sorted(
        (
            (info.finished_at, folder)
            for info, folder in snapshots_of(root, target_url)
            if info.finished_at is not None
        ),
        reverse=True,
    )
    doomed = [path for _, path in finished[keep:]]
    for path in doomed:
        shutil.rmtree(path, onerror=_make_writable_and_retry)
    return doomed


def _make_writable_and_retry(
    function: Callable[..., Any],
    path: str,
    _: tuple[type[BaseException], BaseException, TracebackType],
) -> None:
    # A finished snapshot's files are read-only, which Windows will not delete as they are.
    Path(path).chmod(stat.S_IWRITE | stat.S_IREAD)
    function(path)
