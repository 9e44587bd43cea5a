"""SnapshotWriter and Snapshot on real files: WARC, SQLite index, snapshot.json."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from lepcheck.models import SkippedURL
from lepcheck.snapshot import (
    Snapshot,
    SnapshotError,
    SnapshotWriter,
    find_previous_snapshot,
    find_unfinished_snapshot,
)
from lepcheck.snapshot.index_db import FrontierEntry

WARCIO = str(Path(sys.executable).parent / "warcio")
FETCHED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _write_sample(path: Path) -> SnapshotWriter:
    writer = SnapshotWriter(path, target_url="https://lep.example.org.uk/", target_id="demo")
    writer.record_response(
        url="https://lep.example.org.uk/",
        final_url="https://www.lep.example.org.uk/",
        status=200,
        headers=[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Last-Modified", "Mon, 02 Nov 2026 08:00:00 GMT"),
            ("ETag", '"abc"'),
        ],
        body=b"<html><a href='/r.pdf'>Register</a></html>",
        fetched_at=FETCHED,
        request_headers=[("User-Agent", "lepcheck-test")],
    )
    writer.record_response(
        url="https://www.lep.example.org.uk/r.pdf",
        final_url="https://www.lep.example.org.uk/r.pdf",
        status=200,
        headers=[("Content-Type", "application/pdf")],
        body=PDF,
        fetched_at=FETCHED + timedelta(seconds=1),
        via="https://www.lep.example.org.uk/",
        link_text="Register",
        depth=1,
        first_seen=FETCHED - timedelta(days=30),
    )
    writer.record_error(
        url="https://www.lep.example.org.uk/gone", error="timed out", fetched_at=FETCHED
    )
    writer.record_skipped(SkippedURL(url="https://elsewhere.com/", reason="off-site", via="x"))
    return writer


def test_round_trip_index_and_bodies(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    info = _write_sample(folder).finish()
    assert info.records == 3 and info.skipped == 1 and info.finished_at is not None
    snapshot = Snapshot.open(folder)
    assert snapshot.info.id == info.id
    home, pdf, gone = snapshot.records()
    assert home.final_url == "https://www.lep.example.org.uk/"
    assert home.etag == '"abc"'
    assert home.last_modified == datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    assert home.content_type.startswith("text/html")
    assert snapshot.body(pdf) == PDF
    assert pdf.sha256 == hashlib.sha256(PDF).hexdigest() and pdf.length == len(PDF)
    assert pdf.first_seen == FETCHED - timedelta(days=30)
    assert (pdf.via, pdf.link_text, pdf.depth) == ("https://www.lep.example.org.uk/", "Register", 1)
    assert gone.status == 0 and gone.error == "timed out" and snapshot.body(gone) == b""
    assert snapshot.skipped() == [
        SkippedURL(url="https://elsewhere.com/", reason="off-site", via="x")
    ]
    # The stored body is decoded, so the record must not claim a content encoding.
    assert all(name.lower() != "content-encoding" for name, _ in snapshot.headers(home))


def test_warc_is_valid_and_carries_request_response_pairs(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    _write_sample(folder).finish()
    (warc,) = (folder / "warc").glob("*.warc.gz")
    types = []
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream):
            types.append(record.rec_type)
            if record.rec_type == "response":
                assert record.rec_headers.get_header("WARC-Payload-Digest")
                assert record.rec_headers.get_header("WARC-Target-URI").startswith("https://")
    assert types == ["warcinfo", "response", "request", "response", "request"]
    assert subprocess.run([WARCIO, "check", str(warc)], capture_output=True).returncode == 0
    index = subprocess.run([WARCIO, "index", str(warc)], capture_output=True, text=True)
    assert index.returncode == 0 and "r.pdf" in index.stdout


def test_finished_snapshot_is_immutable(tmp_path: Path) -> None:
    writer = _write_sample(tmp_path / "snap")
    writer.finish()
    with pytest.raises(SnapshotError, match="finished"):
        writer.record_skipped(SkippedURL(url="https://x/", reason="robots"))
    with pytest.raises(SnapshotError, match="finished"):
        SnapshotWriter.resume(tmp_path / "snap")


def test_tampered_body_is_detected(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    _write_sample(folder).finish()
    snapshot = Snapshot.open(folder)
    record = snapshot.records()[1].model_copy(update={"sha256": "0" * 64})
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


def test_writer_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "file").write_text("x")
    with pytest.raises(SnapshotError, match="already exists"):
        SnapshotWriter(tmp_path / "used", target_url="https://x/", target_id="x")


def test_resume_truncates_a_torn_record_and_keeps_the_frontier(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    writer = _write_sample(folder)
    writer.add_to_frontier([FrontierEntry(url="https://www.lep.example.org.uk/next", depth=2)])
    writer.close()
    (warc,) = (folder / "warc").glob("*.warc.gz")
    with warc.open("ab") as stream:
        stream.write(b"\x1f\x8b half a record")
    resumed = SnapshotWriter.resume(folder)
    assert [e.url for e in resumed.pending_frontier()] == ["https://www.lep.example.org.uk/next"]
    assert "https://www.lep.example.org.uk/r.pdf" in resumed.known_urls()
    resumed.record_response(
        url="https://www.lep.example.org.uk/next",
        final_url="https://www.lep.example.org.uk/next",
        status=404,
        headers=[],
        body=b"nope",
        fetched_at=FETCHED,
    )
    assert resumed.pending_frontier() == []
    resumed.finish()
    for file in (folder / "warc").glob("*.warc.gz"):
        assert subprocess.run([WARCIO, "check", str(file)], capture_output=True).returncode == 0
    snapshot = Snapshot.open(folder)
    assert [r.status for r in snapshot.records()] == [200, 200, 0, 404]
    assert snapshot.body(snapshot.records()[3]) == b"nope"


def test_find_previous_snapshot_picks_latest_finished(tmp_path: Path) -> None:
    first = tmp_path / "a" / "one"
    _write_sample(first).finish()
    second = tmp_path / "b" / "deep" / "two"
    _write_sample(second).finish()
    unfinished = tmp_path / "c"
    _write_sample(unfinished).close()
    assert find_previous_snapshot(tmp_path, "http://lep.example.org.uk") == second
    assert find_previous_snapshot(tmp_path, "https://other.example/") is None
    assert find_unfinished_snapshot(tmp_path, "https://lep.example.org.uk/") == unfinished
    assert find_unfinished_snapshot(tmp_path / "a", "https://lep.example.org.uk/") is None


def test_damaged_warc_gives_snapshot_error(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    _write_sample(folder).finish()
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


def test_crash_inside_the_first_record_of_a_file_is_cut_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warcio.warcwriter import WARCWriter

    folder = tmp_path / "snap"
    writer = SnapshotWriter(folder, target_url="https://lep.example/", target_id="t")

    def torn_write(self: WARCWriter, request: object, response: object) -> None:
        self.out.write(b"\x1f\x8b\x08\x00 half a gzip member")
        self.out.flush()
        raise KeyboardInterrupt  # the process dies here

    with monkeypatch.context() as patch:
        patch.setattr(WARCWriter, "write_request_response_pair", torn_write)
        with pytest.raises(KeyboardInterrupt):
            writer.record_response(
                url="https://lep.example/",
                final_url="https://lep.example/",
                status=200,
                headers=[],
                body=b"lost",
                fetched_at=FETCHED,
            )
    writer.close()
    resumed = SnapshotWriter.resume(folder)
    resumed.record_response(
        url="https://lep.example/",
        final_url="https://lep.example/",
        status=200,
        headers=[],
        body=b"kept",
        fetched_at=FETCHED,
    )
    resumed.finish()
    for warc in (folder / "warc").glob("*.warc.gz"):
        assert subprocess.run([WARCIO, "check", str(warc)], capture_output=True).returncode == 0
    (record,) = Snapshot.open(folder).records()
    assert Snapshot.open(folder).body(record) == b"kept"
