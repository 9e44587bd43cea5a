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
from lepcheck.snapshot import Snapshot, SnapshotError, SnapshotWriter
from lepcheck.snapshot.index_db import FrontierEntry
from tests.snapshot.snapshot_samples import FETCHED, PDF, write_sample

WARCIO = str(Path(sys.executable).parent / "warcio")


def test_round_trip_index_and_bodies(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    info = write_sample(folder).finish()
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
    write_sample(folder).finish()
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
    writer = write_sample(tmp_path / "snap")
    writer.finish()
    with pytest.raises(SnapshotError, match="finished"):
        writer.record_skipped(SkippedURL(url="https://x/", reason="robots"))
    with pytest.raises(SnapshotError, match="finished"):
        SnapshotWriter.resume(tmp_path / "snap")


def test_writer_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "file").write_text("x")
    with pytest.raises(SnapshotError, match="already exists"):
        SnapshotWriter(tmp_path / "used", target_url="https://x/", target_id="x")


def test_resume_truncates_a_torn_record_and_keeps_the_frontier(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    writer = write_sample(folder)
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


def test_a_rendered_page_is_a_conversion_record_that_refers_to_its_response(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "snap"
    writer = write_sample(folder)
    home = writer.records()[0]
    dom = b"<html><body><h4>Sam Okonjo</h4></body></html>"
    drawn = writer.record_conversion(
        original=home,
        body=dom,
        content_type="text/html; charset=utf-8",
        fetched_at=FETCHED + timedelta(seconds=2),
        truncated_by="time",
        extra_warc_headers={"WARC-Lepcheck-Rendered": "a script shell"},
    )
    writer.finish()
    snapshot = Snapshot.open(folder)
    assert snapshot.rendered_records() == [drawn]
    assert [r.url for r in snapshot.content_records()] == [r.url for r in snapshot.records()[:3]]
    assert snapshot.body(drawn) == dom  # read back and checked against its sha256
    assert (drawn.url, drawn.status, drawn.last_modified) == (home.url, 200, home.last_modified)
    assert drawn.truncated and drawn.sha256 == hashlib.sha256(dom).hexdigest()
    headers = {}
    with (folder / drawn.warc_file).open("rb") as stream:
        for record in ArchiveIterator(stream):
            headers[record.rec_headers.get_header("WARC-Record-ID")] = record.rec_headers
    (conversion,) = [h for h in headers.values() if h.get_header("WARC-Type") == "conversion"]
    original = headers[conversion.get_header("WARC-Refers-To")]
    assert original.get_header("WARC-Type") == "response"
    assert original.get_header("WARC-Target-URI") == home.final_url
    assert conversion.get_header("WARC-Refers-To-Target-URI") == home.final_url
    assert conversion.get_header("WARC-Truncated") == "time"
    assert conversion.get_header("Content-Type") == "text/html; charset=utf-8"
    # The files stay valid WARC for other tools.
    subprocess.run([WARCIO, "check", str(folder / drawn.warc_file)], check=True)
