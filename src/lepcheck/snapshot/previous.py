"""Finding earlier snapshots of a target: the latest finished one for a conditional re-crawl,
the latest unfinished one for `lepcheck crawl --resume`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from lepcheck.models import SnapshotInfo
from lepcheck.snapshot.index_db import INFO_FILE


def same_target(a: str, b: str) -> bool:
    # http/https, "www." and a trailing slash do not make a different target.
    def key(url: str) -> str:
        return url.split("://", 1)[-1].rstrip("/").lower().removeprefix("www.")

    return key(a) == key(b)


def snapshots_of(root: Path, target_url: str) -> Iterator[tuple[SnapshotInfo, Path]]:
    """Every readable snapshot below `root` (any depth) whose target is `target_url`."""
    if not root.is_dir():
        return
    for info_path in root.rglob(INFO_FILE):
        try:
            info = SnapshotInfo.model_validate_json(info_path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, UnicodeDecodeError):
            continue
        if same_target(info.target_url, target_url):
            yield info, info_path.parent


def find_previous_snapshot(root: Path, target_url: str) -> Path | None:
    """The folder of the latest finished snapshot below `root` whose target is `target_url`."""
    finished = [
        (info.finished_at, folder)
        for info, folder in snapshots_of(root, target_url)
        if info.finished_at is not None
    ]
    return max(finished)[1] if finished else None


def find_unfinished_snapshot(root: Path, target_url: str) -> Path | None:
    """The folder of the latest unfinished (interrupted) snapshot of `target_url` below `root`,
    for `lepcheck crawl --resume`."""
    unfinished = [
        (info.started_at, folder)
        for info, folder in snapshots_of(root, target_url)
        if info.finished_at is None
    ]
    return max(unfinished)[1] if unfinished else None
