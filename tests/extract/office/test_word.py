"""Word files: headings, sections, tables, links, properties, form fields and tracked changes."""

from datetime import UTC, datetime

from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from tests.extract.extract_samples import docx_bytes, record, register_form_docx_bytes

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _read(body: bytes, url: str, content_type: str) -> Document:
    return extract_document(record(url, content_type), body)


def test_docx_headings_sections_tables_links_and_properties() -> None:
    body = docx_bytes(
        [
            ("title", "Conflicts of Interest Policy"),
            ("h1", "1. Purpose"),
            ("p", "Members take personal responsibility for declaring interests."),
            ("h1", "2. Managing conflicts"),
            ("h2", "2.1 At meetings"),
            ("p", "A member with a conflict leaves the room."),
            ("h2", "2.2 Outside meetings"),
            ("p", "Decisions taken outside meetings are recorded."),
        ],
        table=[["Version", "Date", "Approved by"], ["3.0", "12/03/2019", "LEP Board"]],
        created=datetime(2019, 3, 1, 9, 0),
        modified=datetime(2019, 3, 12, 17, 45),
        link=("National guidance", "https://www.gov.uk/guidance"),
    )
    doc = _read(body, "https://lep.example/coi.docx", DOCX_TYPE)
    assert doc.readable and doc.format == "docx"
    assert doc.title == "Conflicts of Interest Policy"
    assert doc.headings[:3] == (
        "Conflicts of Interest Policy",
        "1. Purpose",
        "2. Managing conflicts",
    )
    managing = next(s for s in doc.sections if s.heading == "2. Managing conflicts")
    assert managing.level == 1
    assert managing.text.splitlines()[:2] == [
        "2.1 At meetings",
        "A member with a conflict leaves the room.",
    ]
    at_meetings = next(s for s in doc.sections if s.heading == "2.1 At meetings")
    assert at_meetings.text == "A member with a conflict leaves the room."
    assert doc.tables[0].header == ("Version", "Date", "Approved by")
    assert doc.tables[0].rows == (("3.0", "12/03/2019", "LEP Board"),)
    assert "3.0 | 12/03/2019 | LEP Board" in doc.text
    assert doc.created == datetime(2019, 3, 1, 9, 0, tzinfo=UTC)
    assert doc.modified == datetime(2019, 3, 12, 17, 45, tzinfo=UTC)
    assert [(link.url, link.text) for link in doc.links] == [
        ("https://www.gov.uk/guidance", "National guidance")
    ]


def test_docx_title_from_properties_wins() -> None:
    body = docx_bytes([("p", "Some first line")], title="Whistleblowing Policy")
    assert _read(body, "https://lep.example/w.docx", DOCX_TYPE).title == "Whistleblowing Policy"


def test_corrupt_docx_is_unreadable() -> None:
    body = bytearray(docx_bytes([("p", "Register of interests")]))
    body[len(body) // 2 : len(body) // 2 + 200] = b"\xff" * 200
    doc = _read(bytes(body), "https://lep.example/c.docx", DOCX_TYPE)
    assert not doc.readable and doc.unreadable_reason


def test_docx_form_fields_line_breaks_and_tracked_deletions() -> None:
    doc = _read(register_form_docx_bytes(), "https://lep.example/roi.docx", DOCX_TYPE)
    assert doc.text.splitlines() == [
        "Register of Interests",
        "Name: Jane Smith",
        "Directorships: Acme Ltd",
        "Signed: J Smith",
        "Date: 12/03/2019",
        "Employment: New Co",
    ]
    assert any(d.quote == "Date: 12/03/2019" for d in doc.printed_dates)
