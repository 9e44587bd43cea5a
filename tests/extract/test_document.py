import hashlib
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from lepcheck.extract.document import extract_document
from tests.extract.extract_samples import FIRST_SEEN, docx_bytes, pdf_bytes, record, xlsx_bytes

PAGE = b"<html><head><title>Governance</title></head><body><main><p>Hello</p></main></body></html>"


def test_fetch_facts_are_copied_from_the_record() -> None:
    modified = datetime(2024, 1, 9, 12, 0, tzinfo=UTC)
    rec = record(
        "https://lep.example/gov",
        "text/html",
        final_url="https://lep.example/governance/",
        last_modified=modified,
        via="https://lep.example/",
        depth=2,
        link_text="Governance",
    )
    doc = extract_document(rec, PAGE, link_texts=("Our governance",))
    assert doc.url == "https://lep.example/gov"
    assert doc.final_url == "https://lep.example/governance/"
    assert doc.last_modified == modified and doc.first_seen == FIRST_SEEN
    assert doc.via == "https://lep.example/" and doc.depth == 2
    assert doc.link_texts == ("Governance", "Our governance")
    assert doc.readable and doc.title == "Governance" and doc.text == "Hello"


def test_missing_sha256_is_computed_from_the_body() -> None:
    doc = extract_document(record("https://lep.example/", sha256=""), PAGE)
    assert doc.sha256 == hashlib.sha256(PAGE).hexdigest()


def test_error_status_and_empty_bodies_are_unreadable_with_reason() -> None:
    not_found = extract_document(record("https://lep.example/x", status=404), PAGE)
    assert not not_found.readable and not_found.unreadable_reason == "HTTP status 404"
    failed = extract_document(record("https://lep.example/y", error="timed out after 20s"), b"")
    assert not failed.readable and failed.unreadable_reason == "timed out after 20s"
    empty = extract_document(record("https://lep.example/z"), b"")
    assert not empty.readable and empty.soft_error
    assert empty.unreadable_reason == "not the document: the server answered 200 with an empty body"


def test_magic_bytes_beat_the_declared_content_type() -> None:
    pdf = pdf_bytes([["Local Assurance Framework 2023", "Approved by the Board"]])
    as_octets = extract_document(
        record("https://lep.example/download?id=7", "application/octet-stream"), pdf
    )
    assert as_octets.format == "pdf" and as_octets.readable
    error_page = extract_document(
        record("https://lep.example/missing.pdf", "application/pdf"),
        b"<!DOCTYPE html><html><title>Page not found</title><body>Sorry</body></html>",
    )
    assert error_page.format == "html" and error_page.title == "Page not found"
    sheet = extract_document(
        record("https://lep.example/f", "application/zip"),
        xlsx_bytes({"Projects": [["Project", "LGF £"], ["Bridge", 1000]]}),
    )
    assert sheet.format == "xlsx" and sheet.readable
    word = extract_document(
        record("https://lep.example/w", "application/octet-stream"),
        docx_bytes([("p", "Code of Conduct")]),
    )
    assert word.format == "docx" and word.text == "Code of Conduct"


def test_unsupported_files_say_what_they_are() -> None:
    legacy = extract_document(
        record("https://lep.example/roi.doc", "application/msword"),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    )
    assert not legacy.readable
    assert legacy.unreadable_reason is not None and "legacy" in legacy.unreadable_reason
    image = extract_document(record("https://lep.example/a.png", "image/png"), b"\x89PNG\r\n")
    assert not image.readable and "image" in (image.unreadable_reason or "")
    odd_zip = extract_document(
        record("https://lep.example/a.zip", "application/zip"), b"PK\x03\x04junk"
    )
    assert not odd_zip.readable and "zip" in (odd_zip.unreadable_reason or "")


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=3000),
    st.sampled_from(
        ["text/html", "application/pdf", "text/csv", "", "application/octet-stream", "text/plain"]
    ),
    st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]),
)
def test_never_raises_on_arbitrary_bytes(body: bytes, content_type: str, prefix: bytes) -> None:
    doc = extract_document(record("https://lep.example/f", content_type), prefix + body)
    assert doc.readable or doc.unreadable_reason
    assert len(doc.unreadable_reason or "") <= 300


def test_soft_404_pages_are_not_documents() -> None:
    page = (
        b"<html><head><title>Page not found | Acme LEP</title></head>"
        b"<body><main><h1>Sorry</h1><p>Try the search.</p></main></body></html>"
    )
    doc = extract_document(record("https://lep.example/roi.pdf", "text/html"), page)
    assert not doc.readable and doc.soft_error
    assert doc.unreadable_reason == (
        "not the document: the link promises a PDF file but the server sent a web page titled "
        "'Page not found | Acme LEP'"
    )
    assert doc.title == "Page not found | Acme LEP"  # kept, so a report can say what came back
    assert doc.pages == () and doc.links == ()
    article = (
        b"<html><head><title>Why our register was not found wanting</title></head><body><main><p>"
        + b"Long article text. " * 200
        + b"</p></main></body></html>"
    )
    assert extract_document(record("https://lep.example/news/", "text/html"), article).readable


_VALID = {
    "application/pdf": pdf_bytes([["Register of interests", "Directorships: Acme Ltd"]]),
    "application/octet-stream": docx_bytes([("h1", "Code of Conduct"), ("p", "Nolan principles")]),
    "application/zip": xlsx_bytes({"Projects": [["Project", "LGF £"], ["Bridge", 1000]]}),
}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(_VALID)),
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=12),
    st.floats(0.05, 1.0),
)
def test_damaged_real_files_never_raise(
    content_type: str, flips: list[tuple[float, int]], keep: float
) -> None:
    body = bytearray(_VALID[content_type])
    for where, value in flips:
        body[int(where * len(body))] = value
    damaged = bytes(body[: max(8, int(len(body) * keep))])
    doc = extract_document(record("https://lep.example/f", content_type), damaged)
    assert doc.readable or doc.unreadable_reason


def test_legacy_excel_is_unreadable_with_reason() -> None:
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    doc = extract_document(record("https://lep.example/old.xls", "application/vnd.ms-excel"), body)
    assert not doc.readable
    assert doc.unreadable_reason is not None and ".xls" in doc.unreadable_reason
    assert date(2024, 1, 1) not in {d.value for d in doc.printed_dates}
