"""Finding the previous finished snapshot of a site, and an unfinished one to resume."""

from __future__ import annotations

from pathlib import Path

from lepcheck.snapshot import find_previous_snapshot, find_unfinished_snapshot
from tests.snapshot.snapshot_samples import write_sample


def test_find_previous_snapshot_picks_latest_finished(tmp_path: Path) -> None:
    first = tmp_path / "a" / "one"
    write_sample(first).finish()
    second = tmp_path / "b" / "deep" / "two"
    write_sample(second).finish()
    unfinished = tmp_path / "c"
    write_sample(unfinished).close()
    assert find_previous_snapshot(tmp_path, "http://lep.example.org.uk") == second
    assert find_previous_snapshot(tmp_path, "https://other.example/") is None
    assert find_unfinished_snapshot(tmp_path, "https://lep.example.org.uk/") == unfinished
    assert find_unfinished_snapshot(tmp_path / "a", "https://lep.example.org.uk/") is None
