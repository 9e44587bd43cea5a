"""--keep-snapshots: only the newest N finished snapshots of a target are kept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from lepcheck.snapshot import SnapshotWriter
from lepcheck.snapshot.retention import prune_snapshots


def make_snapshot(root: Path, name: str, url: str, *, finish: bool = True) -> Path:
    path = root / name
    writer = SnapshotWriter(path, target_url=url, target_id="t")
    writer.record_response(
        url=url,
        final_url=url,
        status=200,
        headers=[("Content-Type", "text/html")],
        body=b"<html>x</html>",
        fetched_at=datetime.now(UTC),
    )
    if finish:
        writer.finish()
    else:
        writer.close()
    return path


def test_keeps_the_newest_and_never_touches_unfinished_or_other_targets(tmp_path: Path) -> None:
    old = make_snapshot(tmp_path, "a", "https://lep.test/")
    mid = make_snapshot(tmp_path, "b", "https://lep.test/")
    new = make_snapshot(tmp_path, "c", "https://lep.test/")
    unfinished = make_snapshot(tmp_path, "d", "https://lep.test/", finish=False)
    other = make_snapshot(tmp_path, "e", "https://other.test/")
    deleted = prune_snapshots(tmp_path, "https://lep.test/", keep=2)
    assert deleted == [old]
    assert not old.exists() and mid.exists() and new.exists()
    assert unfinished.exists() and other.exists()


def test_keep_zero_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="keep at least one"):
        prune_snapshots(tmp_path, "https://lep.test/", keep=0)
