"""PDFs: text per page, titles, metadata dates, links, unreadable files with a reason, OCR."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from lepcheck.extract.document import extract_document
from lepcheck.extract.pdf import reader as pdf_reader
from lepcheck.extract.pdf.reader import IMAGE_ONLY_REASON, parse_pdf_date
from tests.extract.extract_samples import MINUTES_PAGES, image_only_pdf_bytes, pdf_bytes, record


def test_text_per_page_with_headings_and_sections() -> None:
    body = pdf_bytes(MINUTES_PAGES, title="Board minutes March 2019")
    doc = extract_document(record("https://lep.example/m.pdf", "application/pdf"), body)
    assert doc.readable and doc.format == "pdf"
    assert [page.number for page in doc.pages] == [1, 2]
    assert "Priya Patel" in doc.pages[0].text and "Priya Patel" not in doc.pages[1].text
    assert doc.title == "Board minutes March 2019"
    assert "1. Declarations of Interest" in doc.headings
    assert "3.1 Programme position" in doc.headings
    declarations = next(s for s in doc.sections if s.heading == "1. Declarations of Interest")
    assert declarations.text == "John Brown declared an interest in item 4 and left the room."
    assert declarations.page == 1
    item3 = next(s for s in doc.sections if s.heading.startswith("3. "))
    assert item3.page == 2 and "3.1 Programme position" in item3.text
    assert "Any other business" not in item3.text


def test_metadata_dates_and_generator_title_prefix() -> None:
    created = datetime(2019, 3, 14, 10, 30, tzinfo=UTC)
    body = pdf_bytes(
        [["Register of interests"]], title="Microsoft Word - ROI Jane Smith.docx", created=created
    )
    doc = extract_document(record("https://lep.example/r.pdf", "application/pdf"), body)
    assert doc.readable  # one short line of text is a short document, not a scan
    assert doc.title == "ROI Jane Smith"
    assert doc.created == created


def test_title_from_first_line_when_metadata_has_none() -> None:
    body = pdf_bytes([["", "Whistleblowing Policy", "Version 2, approved 3 May 2022"]])
    doc = extract_document(record("https://lep.example/w.pdf", "application/pdf"), body)
    assert doc.title == "Whistleblowing Policy"
    assert any(d.value.isoformat() == "2022-05-03" for d in doc.printed_dates)


def test_link_annotations_keep_their_text() -> None:
    body = pdf_bytes(
        [["Agenda"]], links=[("Item 3 paper: Growth Deal", "https://lep.example/p3.pdf")]
    )
    doc = extract_document(record("https://lep.example/a.pdf", "application/pdf"), body)
    link = next(link for link in doc.links if link.url == "https://lep.example/p3.pdf")
    assert "Growth Deal" in link.text


def test_encrypted_pdf_is_unreadable_with_reason() -> None:
    body = pdf_bytes([["Secret register"]], user_password="letmein")
    doc = extract_document(record("https://lep.example/e.pdf", "application/pdf"), body)
    assert not doc.readable
    assert doc.unreadable_reason is not None and "password" in doc.unreadable_reason
    assert doc.sha256 == "ab" * 32


def test_truncated_pdf_is_unreadable() -> None:
    body = pdf_bytes(MINUTES_PAGES)
    doc = extract_document(record("https://lep.example/t.pdf", "application/pdf"), body[:200])
    assert not doc.readable and doc.unreadable_reason


def test_pdf_cut_at_crawl_limit_is_unreadable_even_if_it_opens() -> None:
    body = pdf_bytes(MINUTES_PAGES)
    doc = extract_document(
        record("https://lep.example/t.pdf", "application/pdf", truncated=True), body
    )
    assert not doc.readable
    assert doc.unreadable_reason is not None and "size limit" in doc.unreadable_reason


def test_garbage_after_pdf_header_is_unreadable() -> None:
    body = b"%PDF-1.7\n" + bytes(range(256)) * 40
    doc = extract_document(record("https://lep.example/g.pdf", "application/pdf"), body)
    assert not doc.readable and doc.format == "pdf"


def test_image_only_pdf_without_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "ocr_available", lambda: False)
    doc = extract_document(
        record("https://lep.example/scan.pdf", "application/pdf"), image_only_pdf_bytes()
    )
    assert not doc.readable
    assert doc.unreadable_reason == IMAGE_ONLY_REASON


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "D:20190312101500+01'00'",
            datetime(2019, 3, 12, 10, 15, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("D:20190312101500Z", datetime(2019, 3, 12, 10, 15, tzinfo=UTC)),
        (
            "D:20190312101500-05'30",
            datetime(2019, 3, 12, 10, 15, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
        ),
        ("D:2019", datetime(2019, 1, 1, tzinfo=UTC)),
        ("20190312", datetime(2019, 3, 12, tzinfo=UTC)),
    ],
)
def test_pdf_dates(raw: str, expected: datetime) -> None:
    assert parse_pdf_date(raw) == expected


@pytest.mark.parametrize("raw", ["", "yesterday", "D:20191399"])
def test_bad_pdf_dates(raw: str) -> None:
    assert parse_pdf_date(raw) is None


@pytest.mark.parametrize(
    "generated", ["Untitled", "Document1", "PowerPoint Presentation", "Slide 1"]
)
def test_generic_metadata_titles_give_way_to_the_first_line(generated: str) -> None:
    body = pdf_bytes(
        [["Complaints Procedure", "How to raise a complaint with the LEP."]], title=generated
    )
    doc = extract_document(record("https://lep.example/c.pdf", "application/pdf"), body)
    assert doc.title == "Complaints Procedure"


def test_image_only_pdf_goes_through_ocr_when_installed() -> None:
    # The ocr extra (pytesseract) and the tesseract binary are optional: with them the scan is
    # read, without them it is reported unreadable with the install hint. Both are asserted.
    doc = extract_document(
        record("https://lep.example/scan.pdf", "application/pdf"), image_only_pdf_bytes(1)
    )
    if pdf_reader.ocr_available():
        assert doc.readable
        assert "Register of interests line 3 page 0" in doc.text
        assert doc.title == "Register of interests line 0 page 0"
    else:
        assert doc.unreadable_reason == IMAGE_ONLY_REASON


def test_page_count_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    body = pdf_bytes(
        [[f"Page {n} of the board pack, with enough words to count."] for n in range(6)]
    )
    doc = extract_document(record("https://lep.example/pack.pdf", "application/pdf"), body)
    assert doc.readable
    assert [page.number for page in doc.pages] == [1, 2, 3]
    # Pages past the cap are reported, never dropped silently (issue 13 item 5).
    assert doc.truncated_reason == "pages 4-6 not read (limit 3 pages)"


def test_bundle_of_scans_behind_a_typed_cover(monkeypatch: pytest.MonkeyPatch) -> None:
    body = image_only_pdf_bytes(3, typed_pages=1)
    with_ocr = extract_document(record("https://lep.example/all.pdf", "application/pdf"), body)
    if pdf_reader.ocr_available():
        assert with_ocr.readable and "Register of interests line 2 page 2" in with_ocr.pages[3].text
    monkeypatch.setattr(pdf_reader, "ocr_available", lambda: False)
    doc = extract_document(record("https://lep.example/all.pdf", "application/pdf"), body)
    assert not doc.readable
    assert doc.unreadable_reason is not None
    assert doc.unreadable_reason.startswith("mostly scanned PDF: 3 of 4 pages have no text layer")


def test_one_scanned_page_in_typed_minutes_leaves_them_readable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_reader, "ocr_available", lambda: False)
    body = image_only_pdf_bytes(1, typed_pages=3)
    doc = extract_document(record("https://lep.example/m.pdf", "application/pdf"), body)
    assert doc.readable
    assert [page.number for page in doc.pages] == [1, 2, 3, 4]
    assert doc.pages[3].text == ""
