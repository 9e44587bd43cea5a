"""Reading a snapshot back: what is not a snapshot, a tampered body or a damaged WARC is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lepcheck.snapshot import Snapshot, SnapshotError
from tests.snapshot.snapshot_samples import write_sample


def test_tampered_body_is_detected(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    write_sample(folder).finish()
    snapshot = Snapshot.open(folder)
    # Whichever side of the true digest the indexed one sorts, a mismatch is refused.
    for indexed in ("0" * 64, "f" * 64):
        record = snapshot.records()[1].model_copy(update={"sha256": indexed})
        with pytest.raises(SnapshotError, match="sha256"):
            snapshot.body(record)


def test_open_refuses_what_is_not_a_snapshot(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="not a snapshot") as missing:
        Snapshot.open(tmp_path / "nowhere")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "snapshot.json").write_text("{}")
    (tmp_path / "junk" / "index.sqlite").write_text("not sqlite")
    with pytest.raises(SnapshotError, match="not a snapshot") as junk:
        Snapshot.open(tmp_path / "junk")
    assert "\n" not in str(missing.value) + str(junk.value)


def test_damaged_warc_gives_snapshot_error(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    write_sample(folder).finish()
    snapshot = Snapshot.open(folder)
    pdf = snapshot.records()[1]
    warc = folder / pdf.warc_file
    warc.chmod(0o644)
    with warc.open("r+b") as stream:
        stream.seek(pdf.warc_offset)
        stream.write(b"garbage!" * 10)
    # Depending on where the garbage lands in the gzip member, the record either fails to
    # parse or parses to other bytes; both must be refused, never returned as evidence.
    with pytest.raises(SnapshotError, match=r"damaged record|does not match its sha256"):
        snapshot.body(pdf)


def test_a_snapshot_is_finished_only_once_the_crawl_seals_it(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    writer = write_sample(folder)
    assert Snapshot.open(folder).finished is False
    writer.finish()
    assert Snapshot.open(folder).finished is True


def test_an_index_gone_after_opening_is_a_snapshot_error(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    write_sample(folder).finish()
    snapshot = Snapshot.open(folder)
    (folder / "index.sqlite").unlink()
    with pytest.raises(SnapshotError, match="is not a snapshot: unable to open"):
        snapshot.records()
    assert not (folder / "index.sqlite").exists()  # read-only: reading never makes an index


def test_an_index_without_its_tables_is_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    write_sample(folder).finish()
    (folder / "index.sqlite").unlink()
    with sqlite3.connect(folder / "index.sqlite") as other:
        other.execute("CREATE TABLE other (x)")
    other.close()
    with pytest.raises(SnapshotError, match=r"index.sqlite is unreadable \(no such table"):
        Snapshot.open(folder)
