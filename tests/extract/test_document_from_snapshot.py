"""The extract stage reading what a real snapshot (WARC files + SQLite index) hands back."""

from datetime import UTC, datetime
from pathlib import Path

from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.snapshot.reader import Snapshot
from lepcheck.snapshot.store import SnapshotWriter
from tests.extract.extract_samples import docx_bytes, pdf_bytes

FETCHED = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
PAGE = (
    "<html><head><title>Governance | Acme LEP</title></head><body><main><h1>Governance</h1>"
    "<p>Papers are published five clear working days before each meeting.</p>"
    '<a href="/docs/roi.pdf">Register of interests</a></main></body></html>'
)


def test_documents_from_a_stored_snapshot(tmp_path: Path) -> None:
    writer = SnapshotWriter(tmp_path / "snap", target_url="https://lep.example/", target_id="acme")
    responses = [
        ("https://lep.example/governance/", "text/html; charset=utf-8", PAGE.encode(), None),
        (
            "https://lep.example/docs/roi.pdf",
            "application/pdf",
            pdf_bytes([["Register of Interests", "Directorships: Acme Ltd"]]),
            "Register of interests",
        ),
        (
            "https://lep.example/docs/coi.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx_bytes([("title", "Conflicts of Interest Policy"), ("p", "Declare interests.")]),
            "Conflicts of interest policy",
        ),
    ]
    for url, content_type, body, link_text in responses:
        writer.record_response(
            url=url,
            final_url=url,
            status=200,
            headers=[
                ("Content-Type", content_type),
                ("Last-Modified", "Mon, 04 Mar 2024 08:00:00 GMT"),
            ],
            body=body,
            fetched_at=FETCHED,
            link_text=link_text,
            via="https://lep.example/governance/" if link_text else None,
            depth=1 if link_text else 0,
        )
    writer.finish()

    snapshot = Snapshot.open(tmp_path / "snap")
    documents = [
        classify_document(extract_document(record, snapshot.body(record)))
        for record in snapshot.records()
    ]
    assert [(d.format, d.kind) for d in documents] == [
        ("html", "governance_page"),
        ("pdf", "register_of_interests"),
        ("docx", "coi_policy"),
    ]
    for document, record in zip(documents, snapshot.records(), strict=True):
        assert document.readable
        assert document.sha256 == record.sha256
        assert document.last_modified == datetime(2024, 3, 4, 8, 0, tzinfo=UTC)
        assert document.first_seen == FETCHED
    assert documents[1].link_texts == ("Register of interests",)
    assert documents[1].via == "https://lep.example/governance/" and documents[1].depth == 1
    assert documents[0].links[0].url == "https://lep.example/docs/roi.pdf"
