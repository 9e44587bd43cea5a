"""Finding the latest finished snapshot of a target, for a conditional re-crawl."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from lepcheck.models import SnapshotInfo
from lepcheck.snapshot.index_db import INFO_FILE


def _same_target(a: str, b: str) -> bool:
    # http/https and a trailing slash do not make a different target.
    def key(url: str) -> str:
        return url.split("://", 1)[-1].rstrip("/").lower()

    return key(a) == key(b)


def find_previous_snapshot(root: Path, target_url: str) -> Path | None:
    """The folder of the latest finished snapshot below `root` whose target is `target_url`."""
    best: tuple[datetime, Path] | None = None
    if not root.is_dir():
        return None
    for info_path in root.rglob(INFO_FILE):
        try:
            info = SnapshotInfo.model_validate_json(info_path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, UnicodeDecodeError):
            continue
        if info.finished_at is None or not _same_target(info.target_url, target_url):
            continue
        if best is None or info.finished_at > best[0]:
            best = (info.finished_at, info_path.parent)
    return best[1] if best else None
