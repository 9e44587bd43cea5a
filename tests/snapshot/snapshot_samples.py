"""A small snapshot written the way a crawl writes one: a page, a PDF it links, an error and a
skipped URL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from lepcheck.models import SkippedURL
from lepcheck.snapshot import SnapshotWriter

FETCHED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def write_sample(path: Path) -> SnapshotWriter:
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
